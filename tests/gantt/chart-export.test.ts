// Export of the visible chart: a fake <cwm-gantt> layout (viewport > sticky grid pane + timeline with a
// real frappe chart and an overlay) in a shadow root, exported and checked as a parsed document and
// as a decoded PNG: computed styles inlined, only what is visible, texts as text, nothing executable.
import { expect } from '@open-wc/testing';
import { adoptStyles, css } from 'lit';
import Gantt, { type FrappeGanttTask } from 'frappe-gantt';
import { frappeStyles } from '@cwm/gantt';
import { downloadBlob, exportPng, exportSvg, exportSvgBlob, type ExportSource } from '@cwm/gantt';
import { portableColor } from '../../packages/gantt/src/export/css-values.js';

const XSS_NAME = '</text><script>alert(1)</script>';

interface TestTask {
  readonly id: string;
  readonly name: string;
  readonly start: string;
  readonly end: string;
  readonly progress?: number;
  readonly dependencies?: string;
}

const TASKS: readonly TestTask[] = [
  { id: 't-1', name: 'Design', start: '2025-03-03', end: '2025-03-05', progress: 40 },
  { id: 't-2', name: 'Build', start: '2025-03-06', end: '2025-03-10', dependencies: 't-1' },
  { id: 't-3', name: XSS_NAME, start: '2025-03-11', end: '2025-03-13', dependencies: 't-2' },
];

/** frappe writes names with innerHTML; the element escapes them first, and so does this fixture. */
function escapeForFrappe(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * frappe-gantt itself (not our in-progress wrapper) draws into the fixture: the export must work on
 * frappe's real DOM, and this keeps the test independent of the wrapper's API.
 */
function drawFrappe(into: HTMLElement): Gantt {
  const tasks: FrappeGanttTask[] = TASKS.map((task) => ({ ...task, name: escapeForFrappe(task.name), progress: task.progress ?? 0, dependencies: task.dependencies ?? '' }));
  return new Gantt(into, tasks, {
    popup: false,
    scroll_to: 'start',
    view_mode: 'Day',
    infinite_padding: false,
    today_button: false,
    view_mode_select: false,
  });
}

/** frappe 1.2.2's default header (85 px + its 1 px border) and row (bar 30 + padding 18). */
const HEADER = 86;
const ROW = 48;
const GRID_WIDTH = 200;

/** Layout of the element around frappe, as <cwm-gantt> has it; frappe's own box must not scroll. */
const layout = css`
  .viewport { position: relative; width: 640px; height: 300px; overflow: auto; background: rgb(250, 250, 250); }
  :host([theme='dark']) .viewport { background: rgb(20, 22, 26); }
  .content { display: flex; width: max-content; }
  .grid { position: sticky; left: 0; z-index: 3; width: ${GRID_WIDTH}px; flex: none; background: rgb(240, 240, 240);
    font: 13px sans-serif; color: rgb(30, 30, 30); }
  .grid-head { position: sticky; top: 0; z-index: 1; height: ${HEADER}px; background: rgb(230, 230, 230); }
  .row { height: ${ROW}px; display: flex; align-items: center; }
  .cell { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; padding: 0 8px; }
  .timeline { position: relative; flex: none; }
  .timeline .gantt-container { overflow: visible; height: auto; }
  .overlay { position: absolute; left: 0; top: ${HEADER}px; overflow: visible; pointer-events: none; }
  .overlay .today { stroke: var(--cwm-gantt-today-color, rgb(200, 0, 0)); stroke-width: 2; }
`;

interface Fixture {
  readonly host: HTMLElement;
  readonly source: ExportSource & { readonly gridPane: HTMLElement; readonly overlay: SVGSVGElement };
  readonly chart: Gantt;
}

const fixtures: Fixture[] = [];

function fixture(theme?: 'dark'): Fixture {
  const host = document.createElement('div');
  if (theme !== undefined) host.setAttribute('theme', theme);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, [frappeStyles, layout]);

  const viewport = el('div', 'viewport');
  const content = el('div', 'content');
  const gridPane = el('div', 'grid');
  const head = el('div', 'grid-head');
  head.append(cell('Task name'));
  gridPane.append(head);
  for (const task of TASKS) {
    const row = el('div', 'row');
    row.dataset['id'] = task.id;
    row.append(cell(task.name));
    gridPane.append(row);
  }
  const timeline = el('div', 'timeline');
  const frappeHost = el('div', 'frappe');
  timeline.append(frappeHost);
  content.append(gridPane, timeline);
  viewport.append(content);
  root.append(viewport);
  document.body.append(host);

  const chart = drawFrappe(frappeHost);
  const frappeContainer = frappeHost.querySelector<HTMLElement>('.gantt-container')!;
  // frappe grows its bars from width 0 with SMIL: jump past it so measurements are the settled ones.
  frappeContainer.querySelector<SVGSVGElement>('svg.gantt')!.setCurrentTime(10);
  const overlay = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  overlay.setAttribute('class', 'overlay');
  overlay.setAttribute('width', String(frappeContainer.scrollWidth));
  overlay.setAttribute('height', String(ROW * TASKS.length));
  const today = document.createElementNS('http://www.w3.org/2000/svg', 'line');
  today.setAttribute('class', 'today');
  today.setAttribute('y1', '0');
  today.setAttribute('y2', String(ROW * TASKS.length));
  overlay.append(today);
  timeline.append(overlay);

  const made: Fixture = { host, chart, source: { viewport, gridPane, frappeContainer, overlay, title: `Plan ${XSS_NAME}` } };
  fixtures.push(made);
  // frappe pads its axis before the first task: scroll so the first bar starts 20 px right of the grid.
  viewport.scrollLeft = relativeBox(liveBar(made, 't-1'), viewport).x - GRID_WIDTH - 20;
  // The today line 300 px into the visible timeline (the overlay starts where the timeline does).
  today.setAttribute('x1', String(viewport.scrollLeft + 300));
  today.setAttribute('x2', String(viewport.scrollLeft + 300));
  return made;
}

function el(tag: string, className: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  return element;
}

function cell(text: string): HTMLElement {
  const element = el('span', 'cell');
  element.textContent = text;
  return element;
}

function parse(svg: string): XMLDocument {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  expect(error?.textContent ?? null, 'parse error').to.equal(null);
  return doc;
}

function texts(doc: XMLDocument): string[] {
  return [...doc.querySelectorAll('text')].map((text) => text.textContent ?? '');
}

/**
 * Asserts on presence as a boolean: handing a found element of an XML document to chai's failure
 * formatter can take minutes, which hides the failure behind a test-runner timeout.
 */
function expectAbsent(element: Element | null, what = 'element'): void {
  expect(element === null, `${what}: expected absent, found <${element?.localName ?? ''}>`).to.equal(true);
}

function labelsOf(doc: Document): (string | null)[] {
  return [...doc.querySelectorAll('.bar-label')].map((label) => label.textContent);
}

function liveBar(fixture: Fixture, id: string): SVGRectElement {
  return fixture.source.frappeContainer.querySelector<SVGRectElement>(`.bar-wrapper[data-id="${id}"] .bar`)!;
}

function exportedBar(doc: Document, id: string): SVGRectElement | null {
  return doc.querySelector<SVGRectElement>(`.bar-wrapper[data-id="${id}"] .bar`);
}

/** Puts an exported document on the page at (0, 0) so its shapes can be measured like the live ones. */
function mount(doc: XMLDocument): SVGSVGElement {
  const holder = document.createElement('div');
  holder.style.cssText = 'position: fixed; left: 0; top: 0;';
  const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
  holder.append(svg);
  document.body.append(holder);
  mounted.push(holder);
  return svg;
}
const mounted: HTMLElement[] = [];

/** A live element's box relative to the viewport's client area. */
function relativeBox(element: Element, viewport: HTMLElement): { x: number; y: number; width: number; height: number } {
  const box = element.getBoundingClientRect();
  const vp = viewport.getBoundingClientRect();
  return { x: box.left - vp.left - viewport.clientLeft, y: box.top - vp.top - viewport.clientTop, width: box.width, height: box.height };
}

describe('chart export', () => {
  afterEach(() => {
    for (const made of fixtures.splice(0)) {
      made.chart.clear();
      made.host.remove();
    }
    for (const holder of mounted.splice(0)) holder.remove();
  });

  it('produces a standalone SVG document of the viewport size, with a background and the title as text', () => {
    const { source } = fixture();
    const svg = exportSvg(source);
    const doc = parse(svg);
    const root = doc.documentElement;
    expect(root.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    expect(root.getAttribute('width')).to.equal(String(source.viewport.clientWidth));
    expect(root.getAttribute('height')).to.equal(String(source.viewport.clientHeight));
    expect(root.getAttribute('viewBox')).to.equal(`0 0 ${source.viewport.clientWidth} ${source.viewport.clientHeight}`);
    expect(doc.querySelector('title')?.textContent).to.equal(`Plan ${XSS_NAME}`);
    expect(root.querySelector(':scope > rect')?.getAttribute('fill')).to.equal('rgb(250, 250, 250)');
  });

  it('inlines the computed fill of the bars (no var())', () => {
    const made = fixture();
    const doc = parse(exportSvg(made.source));
    const bar = exportedBar(doc, 't-1');
    expect(bar, 'bar t-1 exported').to.not.equal(null);
    const style = bar!.getAttribute('style') ?? '';
    expect(style).to.not.include('var(');
    const liveFill = getComputedStyle(liveBar(made, 't-1')).fill;
    expect(liveFill, 'frappe CSS applies (not the black of unset variables)').to.not.equal('rgb(0, 0, 0)');
    // The live fill is a color-mix (computed as color(srgb ...)); the file carries it as plain rgb(),
    // which every SVG viewer reads.
    expect(portableColor(liveFill)).to.match(/^rgb\(/);
    expect(style).to.include(`fill: ${portableColor(liveFill)}`);
    expect(style).to.not.include('color(');
    const label = [...doc.querySelectorAll('text')].find((text) => text.textContent === 'Design');
    expect(label?.getAttribute('style') ?? '').to.match(/font-size: 13px/);
    expect(doc.documentElement.outerHTML).to.not.include('var(');
  });

  it('places every exported bar exactly where it is on screen, translateY of the svg included', () => {
    const made = fixture();
    const frappeSvg = made.source.frappeContainer.querySelector<SVGSVGElement>('svg.gantt')!;
    frappeSvg.style.transform = 'translateY(7px)';
    const svg = mount(parse(exportSvg(made.source)));
    for (const task of TASKS) {
      const live = relativeBox(liveBar(made, task.id), made.source.viewport);
      const exported = svg.querySelector<SVGRectElement>(`.bar-wrapper[data-id="${task.id}"] .bar`);
      expect(exported, task.id).to.not.equal(null);
      const box = exported!.getBoundingClientRect();
      expect(box.left).to.be.closeTo(live.x, 0.5);
      expect(box.top).to.be.closeTo(live.y, 0.5);
      expect(box.width).to.be.closeTo(live.width, 0.5);
    }
  });

  it('looks the same without the shadow styles: mounted in the page, copies compute the live styles', async () => {
    const made = fixture();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    const svg = mount(parse(exportSvg(made.source)));
    const pairs: [Element, Element][] = [
      [liveBar(made, 't-2'), svg.querySelector('.bar-wrapper[data-id="t-2"] .bar')!],
      [made.source.frappeContainer.querySelector('.bar-wrapper[data-id="t-2"] .bar-label')!, svg.querySelector('.bar-wrapper[data-id="t-2"] .bar-label')!],
      [made.source.frappeContainer.querySelector('.arrow path')!, svg.querySelector('.arrow path')!],
    ];
    for (const [live, copy] of pairs) {
      expect(copy, live.getAttribute('class') ?? live.localName).to.not.equal(null);
      const [a, b] = [getComputedStyle(live), getComputedStyle(copy)];
      for (const property of ['fill', 'stroke', 'stroke-width', 'font-family', 'font-size', 'font-weight', 'dominant-baseline', 'text-anchor', 'opacity']) {
        // Colours travel as rgb() (portableColor), the same colour as the live color(srgb ...).
        const expected = property === 'fill' || property === 'stroke' ? portableColor(a.getPropertyValue(property)) : a.getPropertyValue(property);
        expect(portableColor(b.getPropertyValue(property)), `${live.getAttribute('class') ?? ''} ${property}`).to.equal(expected);
      }
    }
  });

  it('cuts a grid text that overflows its cell at the cell, like the ellipsis on screen', () => {
    const made = fixture();
    const long = 'A task name far too long to fit into the two hundred pixels of the grid column';
    made.source.gridPane.querySelectorAll('.row .cell')[0]!.textContent = long;
    const doc = parse(exportSvg(made.source));
    const text = [...doc.querySelectorAll('text')].find((candidate) => candidate.textContent === long);
    expect(text, 'long text').to.not.equal(undefined);
    const reference = /^url\(#(.+)\)$/.exec(text!.getAttribute('clip-path') ?? '');
    expect(reference, 'clip-path').to.not.equal(null);
    const clipRect = doc.getElementById(reference![1]!)!.querySelector('rect')!;
    expect(Number(clipRect.getAttribute('x')) + Number(clipRect.getAttribute('width'))).to.be.at.most(GRID_WIDTH);
    // A text that fits is not clipped.
    const fits = [...doc.querySelectorAll('text')].find((candidate) => candidate.textContent === 'Build');
    expect(fits!.hasAttribute('clip-path')).to.equal(false);
  });

  it('writes frappe\'s header dates and the grid cells as text', () => {
    const made = fixture();
    const doc = parse(exportSvg(made.source));
    const exported = texts(doc);
    const visibleHeaderTexts = [...made.source.frappeContainer.querySelectorAll('.upper-text, .lower-text')]
      .filter((element) => {
        const box = relativeBox(element, made.source.viewport);
        return box.x >= GRID_WIDTH && box.x + box.width <= made.source.viewport.clientWidth;
      })
      .map((element) => (element.textContent ?? '').trim())
      .filter((text) => text !== '');
    expect(visibleHeaderTexts.length).to.be.greaterThan(5);
    for (const text of visibleHeaderTexts) expect(exported).to.include(text);
    expect(exported).to.include.members(['Task name', 'Design', 'Build', XSS_NAME]);
  });

  it('keeps a markup-like task name as text: escaped in the file, no script element when parsed', () => {
    const svg = exportSvg(fixture().source);
    expect(svg).to.not.include('<script');
    expect(svg).to.include('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const doc = parse(svg);
    expectAbsent(doc.querySelector('script'));
    expect(doc.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'script')).to.have.length(0);
    expect(texts(doc).filter((text) => text === XSS_NAME)).to.have.length(1); // the grid cell
  });

  it('keeps the markup-like bar label as text too', () => {
    const made = fixture();
    // The last bar's label sits right of its bar: bring it into view.
    made.source.viewport.scrollLeft += 200;
    const doc = parse(exportSvg(made.source));
    const labels = [...doc.querySelectorAll('.bar-label')].map((label) => label.textContent);
    expect(labels).to.include(XSS_NAME);
    expectAbsent(doc.querySelector('script'));
  });

  it('leaves out a bar scrolled under the grid pane (clipping the one half under it)', () => {
    const made = fixture();
    const { viewport } = made.source;
    // Scroll right until the first bar ends 10 px under the grid pane.
    const design = relativeBox(liveBar(made, 't-1'), viewport);
    viewport.scrollLeft += design.x + design.width - GRID_WIDTH + 10;
    const doc = parse(exportSvg(made.source));
    expectAbsent(exportedBar(doc, 't-1'), 'bar under the grid');
    expect(labelsOf(doc)).to.not.include('Design');
    expect(exportedBar(doc, 't-2'), 'visible bar').to.not.equal(null);
    // Everything of the timeline is clipped to the part beside the grid.
    const clipRect = doc.querySelector('clipPath rect')!;
    expect(Number(clipRect.getAttribute('x'))).to.equal(GRID_WIDTH);
  });

  it('leaves out a bar scrolled under the sticky date header', () => {
    const made = fixture();
    const { viewport, frappeContainer } = made.source;
    viewport.style.height = '180px';
    const header = frappeContainer.querySelector('.grid-header')!;
    const headerBottom = relativeBox(header, viewport).y + relativeBox(header, viewport).height;
    const design = relativeBox(liveBar(made, 't-1'), viewport);
    viewport.scrollTop = design.y + design.height - headerBottom + 5;
    expect(relativeBox(liveBar(made, 't-1'), viewport).y + design.height).to.be.lessThan(headerBottom);
    const doc = parse(exportSvg(made.source));
    expectAbsent(exportedBar(doc, 't-1'), 'bar under the header');
    expect(exportedBar(doc, 't-2'), 'visible bar').to.not.equal(null);
    // The headers stay, painted over what scrolls under them.
    expect(texts(doc)).to.include('Task name');
    expect(texts(doc)).to.include('10');
  });

  it('leaves out hidden elements', () => {
    const made = fixture();
    made.source.gridPane.querySelectorAll<HTMLElement>('.row')[1]!.style.display = 'none';
    liveBar(made, 't-2').closest('.bar-wrapper')!.setAttribute('style', 'visibility: hidden');
    const doc = parse(exportSvg(made.source));
    expectAbsent(exportedBar(doc, 't-2'));
    expect(texts(doc).filter((text) => text === 'Build')).to.deep.equal([]);
    expect(exportedBar(doc, 't-1')).to.not.equal(null);
  });

  it('includes the overlay with its computed stroke', () => {
    const made = fixture();
    const doc = parse(exportSvg(made.source));
    const line = doc.querySelector('line.today');
    expect(line, 'overlay line').to.not.equal(null);
    expect(line!.getAttribute('style')).to.include('stroke: rgb(');
    expect(line!.getAttribute('style')).to.include('stroke-width: 2px');
  });

  it('exports dark when the theme is dark', () => {
    const made = fixture('dark');
    const doc = parse(exportSvg(made.source));
    expect(doc.documentElement.querySelector(':scope > rect')?.getAttribute('fill')).to.equal('rgb(20, 22, 26)');
    const darkFill = getComputedStyle(liveBar(made, 't-1')).fill;
    expect(exportedBar(doc, 't-1')!.getAttribute('style')).to.include(`fill: ${portableColor(darkFill)}`);
    const light = fixture();
    expect(getComputedStyle(liveBar(light, 't-1')).fill, 'dark differs from light').to.not.equal(darkFill);
  });

  it('exportSvgBlob is image/svg+xml holding the same document', async () => {
    const { source } = fixture();
    // frappe moves its labels once after the first frame; export the settled chart twice.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    const blob = exportSvgBlob(source);
    expect(blob.type).to.equal('image/svg+xml');
    const [fromBlob, direct] = [await blob.text(), exportSvg(source)];
    expect(fromBlob).to.equal(direct);
  });

  it('renders a PNG of the viewport size times scale, untainted, showing the bars', async () => {
    const made = fixture();
    made.host.style.setProperty('--cwm-gantt-bar-color', 'rgb(200, 0, 0)');
    const blob = await exportPng(made.source, { scale: 2 });
    expect(blob.type).to.equal('image/png');
    expect(blob.size).to.be.greaterThan(0);
    const bitmap = await createImageBitmap(blob);
    expect(bitmap.width).to.equal(made.source.viewport.clientWidth * 2);
    expect(bitmap.height).to.equal(made.source.viewport.clientHeight * 2);

    // The pixel in the middle of the Build bar (past its progress part) has the bar colour.
    const bar = relativeBox(liveBar(made, 't-2'), made.source.viewport);
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const [red, green, blue] = context.getImageData(Math.round((bar.x + bar.width * 0.75) * 2), Math.round((bar.y + bar.height / 2) * 2), 1, 1).data;
    expect([red, green, blue]).to.deep.equal([200, 0, 0]);
    // Background pixel (top right corner of the header area is the header colour, not black / transparent).
    const [, , , alpha] = context.getImageData(2, 2, 1, 1).data;
    expect(alpha).to.equal(255);
  });

  it('refuses a scale that is not positive', async () => {
    const { source } = fixture();
    let error: unknown;
    try {
      await exportPng(source, { scale: 0 });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(RangeError);
  });

  it('uses devicePixelRatio as the default PNG scale', async () => {
    const { source } = fixture();
    const bitmap = await createImageBitmap(await exportPng(source));
    expect(bitmap.width).to.equal(Math.round(source.viewport.clientWidth * window.devicePixelRatio));
  });

  it('downloads through an anchor with the file name and revokes the object URL afterwards', async () => {
    const clicks: HTMLAnchorElement[] = [];
    const onClick = (event: Event): void => {
      const anchor = event.target as HTMLAnchorElement;
      clicks.push(anchor);
      event.preventDefault(); // no real download in the test browser
    };
    document.addEventListener('click', onClick, true);
    const revoked: string[] = [];
    const originalRevoke = URL.revokeObjectURL;
    URL.revokeObjectURL = (url: string): void => {
      revoked.push(url);
      originalRevoke.call(URL, url);
    };
    try {
      downloadBlob(new Blob(['x'], { type: 'text/plain' }), 'plan.svg');
      expect(clicks).to.have.length(1);
      expect(clicks[0]!.download).to.equal('plan.svg');
      expect(clicks[0]!.href).to.match(/^blob:/);
      expect(clicks[0]!.isConnected).to.equal(false);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(revoked).to.deep.equal([clicks[0]!.href]);
    } finally {
      document.removeEventListener('click', onClick, true);
      URL.revokeObjectURL = originalRevoke;
    }
  });
});
