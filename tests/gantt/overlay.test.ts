// The dependency overlay: arrow routes checked by their corner points (parsed back from the path data),
// the rendered svg inside a shadow root with its real styles, and the link-drawing gesture with the real
// mouse.
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { html, render } from 'lit';
import type { DependencyType, IsoDate } from '@cwm/core';
import { BAR_HEIGHT, barMiddle, barTop, ROW_HEIGHT } from '@cwm/gantt';
import {
  ARROW_HEAD_LENGTH,
  arrowRoute,
  arrowShape,
  LinkDrag,
  linkTargetAt,
  linkTypeFor,
  overlayStyles,
  renderOverlay,
  type ArrowLink,
  type BarLayout,
  type LinkDraft,
  type LinkRequest,
  type OverlayInput,
  type OverlayLink,
  type OverlayRow,
  type Point,
  type ScaleLike,
} from '../../packages/gantt/src/overlay/index.js';

// ---------------------------------------------------------------- a scale of 20 px per day from 2024-01-01

const DAY = 20;
const ORIGIN = Date.UTC(2024, 0, 1);
const dayNumber = (date: IsoDate): number => Math.round((Date.parse(`${date}T00:00:00Z`) - ORIGIN) / 86_400_000);
const scale: ScaleLike = {
  xOf: (date) => dayNumber(date) * DAY,
  barOf: (start, due) => ({ x: dayNumber(start) * DAY, width: (dayNumber(due) - dayNumber(start) + 1) * DAY }),
  dateAt: (x) => new Date(ORIGIN + Math.floor(x / DAY) * 86_400_000).toISOString().slice(0, 10),
};

// ---------------------------------------------------------------- reading paths back

/**
 * The corners of a path written as M / L / Q (each Q's control point is a rounded corner), with the
 * points that only start or end a curve dropped: what is left is the orthogonal route itself.
 */
function corners(d: string): Point[] {
  const tokens = d.match(/[MLQZ]|-?\d+(?:\.\d+)?/g) ?? [];
  const points: Point[] = [];
  for (let index = 0; index < tokens.length; ) {
    const command = tokens[index++];
    const read = (): Point => ({ x: Number(tokens[index++]), y: Number(tokens[index++]) });
    if (command === 'M' || command === 'L') points.push(read());
    else if (command === 'Q') {
      points.push(read());
      read();
    } else if (command !== 'Z') throw new Error(`unexpected path command ${command}`);
  }
  const route: Point[] = [];
  for (const point of points) {
    const last = route[route.length - 1];
    const beforeLast = route[route.length - 2];
    if (last && beforeLast && ((beforeLast.x === last.x && last.x === point.x) || (beforeLast.y === last.y && last.y === point.y))) route.pop();
    route.push(point);
  }
  return route;
}

function expectOrthogonal(points: readonly Point[]): void {
  for (let index = 1; index < points.length; index += 1) {
    const a = points[index - 1]!;
    const b = points[index]!;
    expect(a.x === b.x || a.y === b.y, `segment ${index} (${a.x},${a.y})->(${b.x},${b.y}) is orthogonal`).to.equal(true);
  }
}

/** Checks a whole arrow: line corners, where the head's tip is, which way the head points. */
function expectArrow(link: ArrowLink, expected: { line: Point[]; tip: Point }): void {
  const shape = arrowShape(link);
  const line = corners(shape.line);
  expect(line).to.deep.equal(expected.line);
  expectOrthogonal(line);
  const head = corners(shape.head);
  expect(head[0], 'head tip').to.deep.equal(expected.tip);
  const end = line[line.length - 1]!;
  expect(end.y, 'the line meets the head on its axis').to.equal(expected.tip.y);
  expect(Math.abs(end.x - expected.tip.x), 'the line stops at the base of the head').to.equal(ARROW_HEAD_LENGTH);
  expect(head.slice(1).every((p) => p.x === end.x), 'the head base is at the end of the line').to.equal(true);
}

const m = barMiddle;

describe('overlay: arrow routes', () => {
  const bar = (x: number, width: number) => ({ x, width });

  it('FS leaves the predecessor end rightwards and enters the successor start from the left', () => {
    const link: ArrowLink = { type: 'FS', fromRow: 0, toRow: 2, from: bar(100, 100), to: bar(260, 60) };
    expectArrow(link, { line: [{ x: 200, y: m(0) }, { x: 212, y: m(0) }, { x: 212, y: m(2) }, { x: 254, y: m(2) }], tip: { x: 260, y: m(2) } });
  });

  it('SS leaves the predecessor start leftwards and enters the successor start from the left', () => {
    const link: ArrowLink = { type: 'SS', fromRow: 0, toRow: 1, from: bar(100, 100), to: bar(140, 60) };
    expectArrow(link, { line: [{ x: 100, y: m(0) }, { x: 88, y: m(0) }, { x: 88, y: m(1) }, { x: 134, y: m(1) }], tip: { x: 140, y: m(1) } });
  });

  it('SS channel passes left of both starts when the successor starts first', () => {
    const link: ArrowLink = { type: 'SS', fromRow: 0, toRow: 1, from: bar(100, 100), to: bar(40, 60) };
    const line = corners(arrowShape(link).line);
    expect(line[1]!.x).to.equal(30);
    expect(line[2]).to.deep.equal({ x: 30, y: m(1) });
  });

  it('FF leaves the predecessor end rightwards and enters the successor end from the right', () => {
    const link: ArrowLink = { type: 'FF', fromRow: 0, toRow: 1, from: bar(100, 100), to: bar(120, 100) };
    expectArrow(link, { line: [{ x: 200, y: m(0) }, { x: 230, y: m(0) }, { x: 230, y: m(1) }, { x: 226, y: m(1) }], tip: { x: 220, y: m(1) } });
  });

  it('SF leaves the predecessor start leftwards and enters the successor end from the right', () => {
    const link: ArrowLink = { type: 'SF', fromRow: 0, toRow: 1, from: bar(100, 100), to: bar(20, 40) };
    expectArrow(link, { line: [{ x: 100, y: m(0) }, { x: 88, y: m(0) }, { x: 88, y: m(1) }, { x: 66, y: m(1) }], tip: { x: 60, y: m(1) } });
  });

  it('FS to a successor starting where the predecessor ends goes around through the row gap (the S)', () => {
    const link: ArrowLink = { type: 'FS', fromRow: 0, toRow: 1, from: bar(100, 100), to: bar(200, 60) };
    const gap = ROW_HEIGHT;
    expect(gap, 'the gap lies between the two bars').to.be.above(barTop(0) + BAR_HEIGHT).and.below(barTop(1));
    expectArrow(link, {
      line: [{ x: 200, y: m(0) }, { x: 212, y: m(0) }, { x: 212, y: gap }, { x: 188, y: gap }, { x: 188, y: m(1) }, { x: 194, y: m(1) }],
      tip: { x: 200, y: m(1) },
    });
  });

  it('SF whose successor ends after the predecessor starts goes around as well', () => {
    const link: ArrowLink = { type: 'SF', fromRow: 2, toRow: 4, from: bar(100, 100), to: bar(60, 100) };
    const line = corners(arrowShape(link).line);
    expect(line[0]).to.deep.equal({ x: 100, y: m(2) });
    expect(line[1]).to.deep.equal({ x: 88, y: m(2) });
    expect(line[2]).to.deep.equal({ x: 88, y: 3 * ROW_HEIGHT }, 'down into the gap below the predecessor');
    expect(line[3]).to.deep.equal({ x: 172, y: 3 * ROW_HEIGHT });
    expect(line[4]).to.deep.equal({ x: 172, y: m(4) });
    expectOrthogonal(line);
  });

  it('routes upward links up, through the gap above the predecessor when going around', () => {
    const direct = corners(arrowShape({ type: 'FS', fromRow: 3, toRow: 1, from: bar(0, 100), to: bar(200, 40) }).line);
    expect(direct).to.deep.equal([{ x: 100, y: m(3) }, { x: 112, y: m(3) }, { x: 112, y: m(1) }, { x: 194, y: m(1) }]);
    const around = corners(arrowShape({ type: 'FS', fromRow: 3, toRow: 1, from: bar(0, 100), to: bar(50, 40) }).line);
    expect(around[2]).to.deep.equal({ x: 112, y: 3 * ROW_HEIGHT }, 'gap above row 3');
    expect(around[3]).to.deep.equal({ x: 38, y: 3 * ROW_HEIGHT });
    expect(around[4]).to.deep.equal({ x: 38, y: m(1) });
    expectOrthogonal(around);
  });

  it('draws a straight line on one row when there is room, and goes around below otherwise', () => {
    expect(arrowRoute({ type: 'FS', fromRow: 2, toRow: 2, from: bar(0, 100), to: bar(160, 40) })).to.deep.equal([
      { x: 100, y: m(2) },
      { x: 160, y: m(2) },
    ]);
    const around = arrowRoute({ type: 'SS', fromRow: 2, toRow: 2, from: bar(100, 100), to: bar(150, 40) });
    expect(around.map((p) => p.y)).to.deep.equal([m(2), m(2), 3 * ROW_HEIGHT, 3 * ROW_HEIGHT, m(2), m(2)]);
    expect(around[0]).to.deep.equal({ x: 100, y: m(2) });
    expect(around[around.length - 1]).to.deep.equal({ x: 150, y: m(2) });
  });

  it('rounds corners with curves whose control points are the corners', () => {
    const d = arrowShape({ type: 'FS', fromRow: 0, toRow: 2, from: bar(100, 100), to: bar(260, 60) }).line;
    expect(d.match(/Q/g)).to.have.length(2);
    expect(d).to.match(/^M 200 18 L 208 18 Q 212 18 212 22 /);
  });
});

describe('overlay: link target under the pointer', () => {
  const rows: OverlayRow[] = [
    { id: 'a', kind: 'task', start: '2024-01-02', due: '2024-01-06' },
    { id: 'b', kind: 'task', start: '2024-01-08', due: '2024-01-12' },
    { id: 'c', kind: 'milestone', due: '2024-01-15' },
    { id: 'd', kind: 'unscheduled' },
  ];
  const layout: BarLayout = { rows, scale };

  it('maps handle and half of the target to the four types', () => {
    expect([linkTypeFor('end', true), linkTypeFor('end', false), linkTypeFor('start', true), linkTypeFor('start', false)]).to.deep.equal(['FS', 'FF', 'SS', 'SF']);
  });

  it('finds the bar from the row under y and the bar box under x', () => {
    expect(linkTargetAt({ x: 150, y: m(1) }, 'a', 'end', layout)).to.deep.equal({ id: 'b', type: 'FS' });
    expect(linkTargetAt({ x: 230, y: ROW_HEIGHT + 1 }, 'a', 'end', layout)).to.deep.equal({ id: 'b', type: 'FF' });
    expect(linkTargetAt({ x: 285, y: m(2) }, 'a', 'start', layout), 'milestone left tip').to.deep.equal({ id: 'c', type: 'SS' });
    expect(linkTargetAt({ x: 300, y: m(1) }, 'a', 'end', layout), 'right of the bar').to.equal(undefined);
    expect(linkTargetAt({ x: 50, y: m(0) }, 'a', 'end', layout), 'itself').to.equal(undefined);
    expect(linkTargetAt({ x: 50, y: m(3) }, 'a', 'end', layout), 'row without a bar').to.equal(undefined);
    expect(linkTargetAt({ x: 150, y: -4 }, 'a', 'end', layout), 'above the rows').to.equal(undefined);
    expect(linkTargetAt({ x: 150, y: m(7) }, 'a', 'end', layout), 'below the rows').to.equal(undefined);
  });
});

// ---------------------------------------------------------------- rendered overlay

const ROWS: OverlayRow[] = [
  { id: 'a', kind: 'task', start: '2024-01-02', due: '2024-01-06' }, // x 20..120
  { id: 'b', kind: 'task', start: '2024-01-08', due: '2024-01-12' }, // x 140..240
  { id: 'c', kind: 'milestone', due: '2024-01-15' }, // diamond 280..300 (centre 290)
  { id: 'd', kind: 'unscheduled' },
  { id: 'e', kind: 'summary', start: '2024-01-03', due: '2024-01-20' }, // x 40..400
];

function link(fromId: string, toId: string, type: DependencyType, lag = 0): OverlayLink {
  return { fromId, toId, type, lag, fromRow: ROWS.findIndex((r) => r.id === fromId), toRow: ROWS.findIndex((r) => r.id === toId) };
}

interface Mounted {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly svg: SVGSVGElement;
  update(changes: Partial<OverlayInput>): void;
  /** Viewport coordinates of an overlay point, for the mouse. */
  client(point: Point): [number, number];
}

const mounted: HTMLElement[] = [];

function mount(changes: Partial<OverlayInput> = {}): Mounted {
  const host = document.createElement('div');
  document.body.append(host);
  mounted.push(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [overlayStyles.styleSheet!];
  let input: OverlayInput = { links: [], scale, rows: ROWS, window: { first: 0, count: ROWS.length }, height: ROWS.length * ROW_HEIGHT, width: 600, canEditLinks: false, ...changes };
  const update = (next: Partial<OverlayInput>): void => {
    input = { ...input, ...next };
    render(html`<div style="position: relative; width: 640px; height: 300px">${renderOverlay(input)}</div>`, root);
  };
  update({});
  const svg = root.querySelector('svg')!;
  return {
    host,
    root,
    svg,
    update,
    client: (point) => {
      const box = svg.getBoundingClientRect();
      return [Math.round(box.left + point.x), Math.round(box.top + point.y)];
    },
  };
}

describe('overlay: rendering', () => {
  afterEach(() => {
    for (const host of mounted.splice(0)) host.remove();
  });

  it('sits below the header and lets the pointer through', () => {
    const { svg } = mount();
    const style = getComputedStyle(svg);
    expect(style.position).to.equal('absolute');
    expect(style.top).to.equal('62px');
    expect(style.pointerEvents).to.equal('none');
    expect(style.overflow).to.equal('visible');
    expect(svg.getAttribute('aria-hidden')).to.equal('true');
  });

  it('draws one group per link with its type, lag and critical class; skips ends without a bar', () => {
    const { root } = mount({
      links: [link('a', 'b', 'FS', 2), link('a', 'e', 'SS'), link('b', 'c', 'FF', -1), link('e', 'b', 'SF'), link('a', 'd', 'FS')],
      criticalLinks: new Set(['a>b']),
    });
    const groups = [...root.querySelectorAll('g.link')];
    expect(groups.map((g) => `${g.getAttribute('data-from')}>${g.getAttribute('data-to')}`)).to.deep.equal(['a>b', 'a>e', 'b>c', 'e>b']);
    expect(groups.map((g) => g.getAttribute('data-type'))).to.deep.equal(['FS', 'SS', 'FF', 'SF']);
    expect(groups.map((g) => g.getAttribute('data-lag'))).to.deep.equal(['2', '0', '-1', '0']);
    expect(groups.map((g) => g.classList.contains('cwm-critical'))).to.deep.equal([true, false, false, false]);
    expect(groups[0]!.classList.contains('link-fs')).to.equal(true);
    expect(groups[2]!.classList.contains('link-ff')).to.equal(true);
    const bToC = corners(groups[2]!.querySelector('.line')!.getAttribute('d')!);
    expect(bToC[0], 'FF leaves the end of b').to.deep.equal({ x: 240, y: m(1) });
    const tip = corners(groups[2]!.querySelector('.head')!.getAttribute('d')!)[0];
    expect(tip, 'and reaches the right tip of the milestone diamond').to.deep.equal({ x: 300, y: m(2) });
  });

  it('lag does not move an arrow', () => {
    const { root, update } = mount({ links: [link('a', 'b', 'FS', 0)] });
    const before = root.querySelector('g.link .line')!.getAttribute('d');
    update({ links: [link('a', 'b', 'FS', 3)] });
    expect(root.querySelector('g.link .line')!.getAttribute('d')).to.equal(before);
    expect(root.querySelector('g.link')!.getAttribute('data-lag')).to.equal('3');
  });

  it('colours arrows with the arrow hook and critical ones with the danger token, in light and dark', () => {
    const { host, root } = mount({ links: [link('a', 'b', 'FS'), link('a', 'e', 'SS')], criticalLinks: new Set(['a>b']) });
    const critical = root.querySelector('g.link.cwm-critical .line')!;
    const plain = root.querySelector('g.link:not(.cwm-critical) .line')!;
    expect(getComputedStyle(critical).stroke).to.equal('rgb(180, 35, 44)');
    expect(getComputedStyle(root.querySelector('g.link.cwm-critical .head')!).fill).to.equal('rgb(180, 35, 44)');
    expect(getComputedStyle(plain).stroke).to.equal('rgb(91, 98, 107)');
    expect(getComputedStyle(plain).fill).to.equal('none');
    host.style.colorScheme = 'dark';
    expect(getComputedStyle(critical).stroke).to.equal('rgb(255, 138, 143)');
    expect(getComputedStyle(plain).stroke).to.equal('rgb(162, 169, 177)');
    host.style.setProperty('--cwm-gantt-arrow-color', 'rgb(1, 2, 3)');
    expect(getComputedStyle(plain).stroke).to.equal('rgb(1, 2, 3)');
  });

  it('draws the today line through the middle of the day over all rows', () => {
    const { root, update } = mount({ today: '2024-01-10' });
    const line = root.querySelector('line.today')!;
    expect(Number(line.getAttribute('x1'))).to.equal(9 * DAY + DAY / 2);
    expect(Number(line.getAttribute('x2'))).to.equal(9 * DAY + DAY / 2);
    expect(Number(line.getAttribute('y1'))).to.equal(0);
    expect(Number(line.getAttribute('y2'))).to.equal(ROWS.length * ROW_HEIGHT);
    expect(getComputedStyle(line).stroke).to.equal('rgb(35, 87, 198)');
    update({ today: undefined });
    expect(root.querySelector('line.today')).to.equal(null);
  });

  it('draws diamonds for the milestones of the window, transparent to the pointer', () => {
    const { root, update } = mount();
    const diamonds = [...root.querySelectorAll('path.milestone')];
    expect(diamonds.map((d) => d.getAttribute('data-task-id'))).to.deep.equal(['c']);
    const points = corners(diamonds[0]!.getAttribute('d')!);
    const h = BAR_HEIGHT / 2 - 1;
    expect(points).to.deep.equal([{ x: 290, y: m(2) - h }, { x: 290 + h, y: m(2) }, { x: 290, y: m(2) + h }, { x: 290 - h, y: m(2) }]);
    expect(getComputedStyle(diamonds[0]!).pointerEvents).to.equal('none');
    update({ window: { first: 3, count: 2 } });
    expect(root.querySelectorAll('path.milestone')).to.have.length(0);
  });

  it('moves a dragged bar arrows and diamond with the live drag geometry', () => {
    const { root } = mount({ links: [link('a', 'c', 'FS')], dragGeometry: { id: 'c', x: 400, width: 20 } });
    const tip = corners(root.querySelector('g.link .head')!.getAttribute('d')!)[0];
    expect(tip).to.deep.equal({ x: 400, y: m(2) }, 'left tip of the diamond centred at 410');
    expect(corners(root.querySelector('path.milestone')!.getAttribute('d')!)[0]).to.deep.equal({ x: 410, y: m(2) - (BAR_HEIGHT / 2 - 1) });
  });

  it('shows link handles on the hovered and selected bars only when links can be edited', () => {
    const { root, update } = mount({ selectedId: 'a', hoveredId: 'b' });
    expect(root.querySelectorAll('.link-handle')).to.have.length(0);
    update({ canEditLinks: true });
    const handles = [...root.querySelectorAll('circle.link-handle')];
    expect(handles.map((h) => `${h.getAttribute('data-task-id')}:${h.getAttribute('data-side')}@${h.getAttribute('cx')},${h.getAttribute('cy')}`)).to.deep.equal([
      // HANDLE_OFFSET (10 px) outside each end, clear of frappe's resize handles.
      `a:start@10,${m(0)}`,
      `a:end@130,${m(0)}`,
      `b:start@130,${m(1)}`,
      `b:end@250,${m(1)}`,
    ]);
    expect(getComputedStyle(handles[0]!).pointerEvents).to.equal('all');
    expect(getComputedStyle(handles[0]!).cursor).to.equal('crosshair');
    update({ hoveredId: 'd', selectedId: undefined });
    expect(root.querySelectorAll('.link-handle'), 'no handles on a row without a bar').to.have.length(0);
  });

  it('makes arrows clickable only when links can be edited', async () => {
    const clicks: string[] = [];
    const { root, update, client } = mount({ links: [link('a', 'b', 'FS')], onLinkClick: (from, to) => clicks.push(`${from}>${to}`) });
    expect(root.querySelector('g.link .hit')).to.equal(null);
    update({ canEditLinks: true });
    const hit = root.querySelector('g.link .hit')!;
    expect(getComputedStyle(hit).pointerEvents).to.equal('stroke');
    // FS from a (ends at 120) to b (starts at 140): the vertical piece runs at x = 130 between the rows.
    const [x, y] = client({ x: 130, y: ROW_HEIGHT });
    await sendMouse({ type: 'click', position: [x, y] });
    expect(clicks).to.deep.equal(['a>b']);
    await sendMouse({ type: 'click', position: client({ x: 300, y: ROW_HEIGHT }) });
    expect(clicks, 'a click elsewhere selects nothing').to.have.length(1);
    await resetMouse();
  });
});

describe('overlay: drawing a link with the mouse', () => {
  let requests: LinkRequest[];
  let drafts: (LinkDraft | undefined)[];
  let drag: LinkDrag;
  let view: Mounted;

  beforeEach(() => {
    requests = [];
    drafts = [];
    drag = new LinkDrag({
      layout: () => ({ rows: ROWS, scale }),
      onDraftChange: (draft) => {
        drafts.push(draft);
        view.update({ linkDraft: draft });
      },
      onLinkRequest: (request) => requests.push(request),
    });
    view = mount({ canEditLinks: true, selectedId: 'a', linkDrag: drag });
  });

  afterEach(async () => {
    drag.dispose();
    await resetMouse();
    for (const host of mounted.splice(0)) host.remove();
  });

  async function dragFrom(side: 'start' | 'end', to: Point, release = true): Promise<void> {
    const handle = view.root.querySelector(`circle.link-handle[data-task-id="a"][data-side="${side}"]`)!;
    const box = handle.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: view.client({ x: (to.x + 60) / 2, y: to.y }) });
    await sendMouse({ type: 'move', position: view.client(to) });
    if (release) await sendMouse({ type: 'up' });
  }

  const cases: [side: 'start' | 'end', x: number, type: DependencyType][] = [
    ['end', 150, 'FS'],
    ['end', 230, 'FF'],
    ['start', 150, 'SS'],
    ['start', 230, 'SF'],
  ];
  for (const [side, x, type] of cases) {
    it(`from the ${side} handle to the ${x < 190 ? 'left' : 'right'} half of another bar requests ${type}`, async () => {
      await dragFrom(side, { x, y: m(1) });
      expect(requests).to.deep.equal([{ predecessorId: 'a', successorId: 'b', type }]);
      expect(drag.active).to.equal(false);
      expect(drafts[drafts.length - 1], 'the draft is cleared').to.equal(undefined);
      expect(view.root.querySelector('.link-draft')).to.equal(null);
    });
  }

  it('shows a dashed draft line from the handle to the pointer and outlines the target', async () => {
    await dragFrom('end', { x: 150, y: m(1) }, false);
    const draft = drag.draft!;
    expect(draft).to.deep.include({ fromId: 'a', fromSide: 'end' });
    expect(draft.x).to.be.closeTo(150, 1);
    expect(draft.y).to.be.closeTo(m(1), 1);
    expect(draft.target).to.deep.equal({ id: 'b', type: 'FS' });
    const line = view.root.querySelector('.link-draft line.draft-line')!;
    expect([Number(line.getAttribute('x1')), Number(line.getAttribute('y1'))]).to.deep.equal([120, m(0)]);
    expect(Number(line.getAttribute('x2'))).to.be.closeTo(150, 1);
    expect(getComputedStyle(line).strokeDasharray).to.equal('4px, 3px');
    expect(view.root.querySelector('.link-draft')!.getAttribute('data-type')).to.equal('FS');
    const outline = view.root.querySelector('.link-draft rect.link-target')!;
    expect(Number(outline.getAttribute('x'))).to.equal(137);
    await sendMouse({ type: 'up' });
    expect(requests).to.have.length(1);
  });

  it('requests nothing when released on empty space, on a row without a bar, or on the bar itself', async () => {
    await dragFrom('end', { x: 500, y: m(1) });
    await dragFrom('end', { x: 150, y: m(3) });
    await dragFrom('end', { x: 60, y: m(0) });
    expect(requests).to.deep.equal([]);
    expect(drag.active).to.equal(false);
  });

  it('Escape cancels the draft; releasing afterwards over a bar requests nothing', async () => {
    await dragFrom('end', { x: 150, y: m(1) }, false);
    expect(drag.active).to.equal(true);
    const escapes: KeyboardEvent[] = [];
    const listener = (event: Event): void => void escapes.push(event as KeyboardEvent);
    document.addEventListener('keydown', listener);
    await sendKeys({ press: 'Escape' });
    document.removeEventListener('keydown', listener);
    expect(drag.active).to.equal(false);
    expect(escapes, 'Escape stops at the draft').to.have.length(0);
    expect(view.root.querySelector('.link-draft')).to.equal(null);
    await sendMouse({ type: 'up' });
    expect(requests).to.deep.equal([]);
  });

  it('stops listening once the gesture ends', async () => {
    await dragFrom('end', { x: 150, y: m(1) });
    const count = drafts.length;
    window.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: 10, clientY: 10 }));
    window.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, clientX: 10, clientY: 10 }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(drafts).to.have.length(count);
    expect(requests).to.have.length(1);
  });

  it('ignores buttons other than the main one', async () => {
    const handle = view.root.querySelector('circle.link-handle[data-side="end"]')!;
    const box = handle.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await sendMouse({ type: 'down', button: 'right' });
    expect(drag.active).to.equal(false);
    await sendMouse({ type: 'up', button: 'right' });
  });
});
