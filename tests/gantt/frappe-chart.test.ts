// The windowed frappe engine in a shadow root: frappe's CSS really applies there (computed fill, not
// mere presence), only the window's bars exist and sit in their rows, moving the window touches bars
// only, one bar updates alone, drags report ISO dates and can be reverted, names cannot inject markup,
// and frappe's document listener is removed on destroy.
import { expect } from '@open-wc/testing';
import { token } from '@cwm/ui';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { adoptStyles, unsafeCSS, type CSSResultOrNative } from 'lit';
import { FRAPPE_GANTT_CSS, FrappeChart, frappeStyles, retargetFrappeCss, type ChartBar, type ChartCallbacks, type FrappeChartOptions } from '@cwm/gantt';
import { HEADER_HEIGHT, ROW_HEIGHT, barTop } from '@cwm/gantt';

const RANGE = { start: '2026-03-02', due: '2026-03-31' };

const DESIGN: ChartBar = { id: 't-1', name: 'Design', start: '2026-03-03', due: '2026-03-06', progress: 40 };
const BUILD: ChartBar = { id: 't-2', name: 'Build', start: '2026-03-09', due: '2026-03-13', progress: 0 };
const SHIP: ChartBar = { id: 't-3', name: 'Ship', start: '2026-03-16', due: '2026-03-16', progress: 100 };

interface Calls {
  dates: [string, string, string][];
  progress: [string, number][];
  clicks: string[];
  drags: [string, number, number][];
}

interface Stage {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly viewport: HTMLElement;
  readonly wrapper: HTMLElement;
  readonly calls: Calls;
  chart(options?: Partial<FrappeChartOptions>): FrappeChart;
}

const stages: { host: HTMLElement; charts: FrappeChart[] }[] = [];

/** A host with a shadow root: a scrolling viewport holding the wrapper frappe draws into. */
function stage(styles: CSSResultOrNative[] = [frappeStyles]): Stage {
  const host = document.createElement('div');
  host.style.cssText = 'position: fixed; left: 0; top: 0; width: 780px; height: 400px;';
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, styles);
  const viewport = document.createElement('div');
  viewport.style.cssText = 'width: 100%; height: 100%; overflow: auto;';
  const wrapper = document.createElement('div');
  wrapper.style.cssText = 'width: max-content;';
  viewport.append(wrapper);
  root.append(viewport);
  document.body.append(host);
  const calls: Calls = { dates: [], progress: [], clicks: [], drags: [] };
  const callbacks: ChartCallbacks = {
    onDateChange: (id, start, due) => calls.dates.push([id, start, due]),
    onProgressChange: (id, progress) => calls.progress.push([id, progress]),
    onBarClick: (id) => calls.clicks.push(id),
    onBarDrag: (id, x, width) => calls.drags.push([id, x, width]),
  };
  const record = { host, charts: [] as FrappeChart[] };
  stages.push(record);
  return {
    host,
    root,
    viewport,
    wrapper,
    calls,
    chart(options = {}) {
      const chart = new FrappeChart(wrapper, { zoom: 'day', range: RANGE, callbacks, ...options });
      record.charts.push(chart);
      return chart;
    },
  };
}

function bar(chart: FrappeChart, id: string): SVGRectElement {
  const element = chart.barElement(id)?.querySelector<SVGRectElement>('.bar');
  if (element === null || element === undefined) throw new Error(`no bar for ${id}`);
  return element;
}

const numberAttr = (element: Element, name: string): number => Number(element.getAttribute(name));

function labels(root: ParentNode): string[] {
  return [...root.querySelectorAll('.bar-label')].map((label) => label.textContent ?? '');
}

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/** The centre of an element in page coordinates (for the real mouse). */
function centre(element: Element, dx = 0): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2 + dx), Math.round(box.top + box.height / 2)];
}

/** Scrolls the stage's viewport so the chart's first days are in the 780 px wide host. */
function reveal(viewport: HTMLElement, chart: FrappeChart): void {
  viewport.scrollLeft = chart.scale.xOf('2026-03-02');
}

async function drag(from: [number, number], dx: number): Promise<void> {
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  // Several steps, as a hand would: frappe follows mousemove on its SVG.
  for (let step = 1; step <= 4; step += 1) await sendMouse({ type: 'move', position: [from[0] + Math.round((dx * step) / 4), from[1]] });
  await sendMouse({ type: 'up' });
}

describe('FrappeChart (windowed engine)', () => {
  afterEach(async () => {
    await resetMouse();
    for (const { host, charts } of stages.splice(0)) {
      for (const chart of charts) chart.destroy();
      host.remove();
    }
  });

  it('draws the window\'s bars with their names inside a shadow root, nothing before the first window', () => {
    const { root, chart: create } = stage();
    const chart = create();
    expect(chart.header).to.equal(undefined);
    expect(root.querySelectorAll('.bar-wrapper')).to.have.length(0);
    chart.setRowCount(3);
    chart.setWindow(0, [DESIGN, BUILD, SHIP]);
    expect(root.querySelectorAll('.bar-wrapper')).to.have.length(3);
    expect(labels(root)).to.deep.equal(['Design', 'Build', 'Ship']);
    // No dependencies are given to frappe: arrows are the overlay's.
    expect(root.querySelectorAll('.arrow path, path.arrow')).to.have.length(0);
    // No grow animation replayed on every scroll step, no today highlight of frappe's.
    expect(root.querySelectorAll('animate')).to.have.length(0);
    expect(root.querySelectorAll('.current-highlight, .current-ball-highlight')).to.have.length(0);
  });

  it('applies frappe colours through our tokens: bars are not black, in light and dark', () => {
    // The bar is the accent mixed 18 % into the surface; resolve the same expression on a probe element.
    const expected = (host: HTMLElement): string => {
      const probe = document.createElement('span');
      probe.style.color = `color-mix(in srgb, ${token('color-accent').cssText} 18%, ${token('color-surface').cssText})`;
      host.shadowRoot!.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    };
    const light = stage();
    const chart = light.chart();
    chart.setWindow(0, [DESIGN]);
    const fill = getComputedStyle(bar(chart, 't-1')).fill;
    expect(fill).to.not.equal('rgb(0, 0, 0)');
    expect(fill).to.equal(expected(light.host));

    const dark = stage();
    dark.host.setAttribute('theme', 'dark');
    const darkChart = dark.chart();
    darkChart.setWindow(0, [DESIGN]);
    const darkFill = getComputedStyle(bar(darkChart, 't-1')).fill;
    expect(darkFill).to.not.equal(fill);
    expect(darkFill).to.equal(expected(dark.host));
  });

  it('renders black with frappe CSS that is not re-targeted (the bug the test guards against)', () => {
    const { chart: create } = stage([unsafeCSS(FRAPPE_GANTT_CSS)]);
    const chart = create();
    chart.setWindow(0, [DESIGN]);
    expect(getComputedStyle(bar(chart, 't-1')).fill).to.equal('rgb(0, 0, 0)');
  });

  it('re-targets both of frappe\'s variable sets and refuses CSS without them', () => {
    const css = retargetFrappeCss(FRAPPE_GANTT_CSS);
    expect(css).to.not.include(':root');
    expect(css).to.not.include('html[data-theme=dark]');
    expect(css.startsWith(':host{--g-arrow-color')).to.equal(true);
    expect(css).to.include(":host([theme='dark']){--g-arrow-color");
    expect(() => retargetFrappeCss('.gantt{}')).to.throw(/re-target/);
  });

  it('styles the bar states: milestone invisible but hit-able, summary thin and inert, critical in danger', () => {
    const { chart: create } = stage();
    const chart = create();
    chart.setWindow(0, [
      { ...DESIGN, classes: ['cwm-milestone'] },
      { ...BUILD, classes: ['cwm-summary'] },
      { ...SHIP, classes: ['cwm-critical', 'cwm-selected'] },
    ]);
    const milestone = getComputedStyle(bar(chart, 't-1'));
    expect(milestone.fill).to.equal('rgba(0, 0, 0, 0)');
    expect(milestone.pointerEvents).to.not.equal('none');
    expect(chart.barElement('t-1')!.classList.contains('cwm-milestone')).to.equal(true);
    expect(getComputedStyle(chart.barElement('t-2')!).pointerEvents).to.equal('none');
    expect(getComputedStyle(bar(chart, 't-2')).height).to.equal('8px');
    // --cwm-color-danger, light default #b4232c.
    expect(getComputedStyle(bar(chart, 't-3')).stroke).to.equal('rgb(180, 35, 44)');
    expect(getComputedStyle(bar(chart, 't-3')).outlineStyle).to.equal('solid');
  });

  it('puts each bar in its slot, keeps empty slots empty and moves the SVG to the first row', () => {
    const { root, chart: create } = stage();
    const chart = create();
    chart.setRowCount(100);
    chart.setWindow(40, [DESIGN, undefined, BUILD, undefined, SHIP]);
    expect(root.querySelectorAll('.bar-wrapper')).to.have.length(3);
    expect(numberAttr(bar(chart, 't-1'), 'y')).to.equal(HEADER_HEIGHT + barTop(0));
    expect(numberAttr(bar(chart, 't-2'), 'y')).to.equal(HEADER_HEIGHT + barTop(2));
    expect(numberAttr(bar(chart, 't-3'), 'y')).to.equal(HEADER_HEIGHT + barTop(4));
    expect(chart.svg.style.transform).to.equal(`translateY(${40 * ROW_HEIGHT}px)`);
    expect(chart.container.style.height).to.equal(`${HEADER_HEIGHT + 100 * ROW_HEIGHT}px`);
    expect(chart.container.style.width).to.equal(`${chart.scale.width}px`);
    expect(numberAttr(chart.svg, 'height')).to.equal(HEADER_HEIGHT + 5 * ROW_HEIGHT);
    // Five grid rows, whatever the number of bars.
    expect(root.querySelectorAll('.grid-row')).to.have.length(5);
    // Near the end, the SVG stops at the last row (no extra scroll height).
    chart.setWindow(98, [DESIGN, BUILD, undefined, undefined, undefined]);
    expect(numberAttr(chart.svg, 'height')).to.equal(HEADER_HEIGHT + 2 * ROW_HEIGHT);
  });

  it('moves the window without touching header, ticks or grid: only bars change, kept bars keep their node', () => {
    const { root, chart: create } = stage();
    const chart = create();
    const bars = Array.from({ length: 30 }, (_, index): ChartBar => ({ id: `r-${index}`, name: `Row ${index}`, start: '2026-03-05', due: '2026-03-10', progress: 10 }));
    chart.setRowCount(30);
    chart.setWindow(0, bars.slice(0, 20));
    const header = chart.header!;
    const lowerText = root.querySelector('.lower-text');
    const tick = root.querySelector('.tick');
    const gridRow = root.querySelector('.grid-row');
    const weekend = root.querySelector('.holiday-highlight');
    expect(weekend).to.not.equal(null);
    const headerChildren = header.querySelectorAll('*').length;
    const kept = chart.barElement('r-15')!;
    const leaving = chart.barElement('r-2')!;

    chart.setWindow(10, bars.slice(10, 30));
    expect(chart.header).to.equal(header);
    expect(root.querySelector('.lower-text')).to.equal(lowerText);
    expect(root.querySelector('.tick')).to.equal(tick);
    expect(root.querySelector('.grid-row')).to.equal(gridRow);
    expect(root.querySelector('.holiday-highlight')).to.equal(weekend);
    expect(header.querySelectorAll('*').length).to.equal(headerChildren);
    expect(chart.barElement('r-15')).to.equal(kept);
    expect(leaving.isConnected).to.equal(false);
    expect(root.querySelectorAll('.bar-wrapper')).to.have.length(20);
    expect(chart.svg.style.transform).to.equal(`translateY(${10 * ROW_HEIGHT}px)`);
    // r-15 went from slot 15 to slot 5; r-25 is new in slot 15: both in their rows on screen.
    const rowTop = (id: string): number => chart.barElement(id)!.querySelector('.bar')!.getBoundingClientRect().top - chart.svg.getBoundingClientRect().top;
    expect(rowTop('r-15')).to.be.closeTo(HEADER_HEIGHT + barTop(5), 0.5);
    expect(rowTop('r-25')).to.be.closeTo(HEADER_HEIGHT + barTop(15), 0.5);
    // Back again, and a changed bar in a moved window is redrawn with its new dates.
    chart.setWindow(0, [{ ...bars[0]!, due: '2026-03-20' }, ...bars.slice(1, 20)]);
    expect(numberAttr(bar(chart, 'r-0'), 'width')).to.equal(16 * 45);
    expect(rowTop('r-15')).to.be.closeTo(HEADER_HEIGHT + barTop(15), 0.5);
  });

  it('updateBar redraws that bar only', () => {
    const { chart: create } = stage();
    const chart = create();
    chart.setWindow(0, [DESIGN, BUILD, SHIP]);
    const before = [bar(chart, 't-1'), bar(chart, 't-3')].map((element) => element.outerHTML);
    const buildGroup = chart.barElement('t-2');
    expect(chart.updateBar({ ...BUILD, start: '2026-03-10', due: '2026-03-16' })).to.equal(true);
    expect(numberAttr(bar(chart, 't-2'), 'x')).to.equal(chart.scale.xOf('2026-03-10'));
    expect(numberAttr(bar(chart, 't-2'), 'width')).to.equal(7 * 45);
    expect(chart.barElement('t-2')).to.equal(buildGroup);
    expect([bar(chart, 't-1'), bar(chart, 't-3')].map((element) => element.outerHTML)).to.deep.equal(before);
    expect(chart.updateBar({ ...BUILD, id: 'not-in-window' })).to.equal(false);
    // Classes come and go with the data.
    chart.updateBar({ ...BUILD, classes: ['cwm-pending'] });
    expect(chart.barElement('t-2')!.getAttribute('class')).to.equal('bar-wrapper cwm-pending');
    chart.updateBar(BUILD);
    expect(chart.barElement('t-2')!.getAttribute('class')).to.equal('bar-wrapper');
  });

  it('reports a dragged bar\'s new dates (due inclusive) and reverts it on refusal', async () => {
    const { chart: create, calls, viewport } = stage();
    const chart = create();
    chart.setRowCount(3);
    chart.setWindow(0, [DESIGN, BUILD, SHIP]);
    reveal(viewport, chart);
    const originalX = numberAttr(bar(chart, 't-2'), 'x');
    await drag(centre(bar(chart, 't-2')), 2 * 45 + 10);
    expect(calls.dates).to.deep.equal([['t-2', '2026-03-11', '2026-03-15']]);
    expect(numberAttr(bar(chart, 't-2'), 'x')).to.equal(originalX + 90);
    expect(calls.drags.length).to.be.greaterThan(0);
    expect(calls.drags.at(-1)).to.deep.equal(['t-2', originalX + 90, 5 * 45]);
    // The click that ends a drag is not a click on the bar.
    expect(calls.clicks).to.deep.equal([]);
    expect(chart.revertBar('t-2')).to.equal(true);
    expect(numberAttr(bar(chart, 't-2'), 'x')).to.equal(originalX);
    // Backwards, and a resize of the right end.
    await drag(centre(bar(chart, 't-1')), -45 - 10);
    expect(calls.dates.at(-1)).to.deep.equal(['t-1', '2026-03-02', '2026-03-05']);
    chart.updateBar({ ...DESIGN, start: '2026-03-02', due: '2026-03-05' });
    // (Not on SHIP: at 100 % its progress handle sits on top of the right handle, as in frappe.)
    const right = chart.barElement('t-1')!.querySelector('.handle.right')!;
    await drag(centre(right), 2 * 45 + 5);
    expect(calls.dates.at(-1)).to.deep.equal(['t-1', '2026-03-02', '2026-03-07']);
    // A plain click is reported.
    await frame();
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    await sendMouse({ type: 'click', position: centre(bar(chart, 't-1')) });
    expect(calls.clicks).to.deep.equal(['t-1']);
  });

  it('reports a drop outside the SVG too, and a drag of less than a day reports nothing', async () => {
    const { chart: create, calls, viewport } = stage();
    const chart = create();
    chart.setRowCount(2);
    chart.setWindow(0, [DESIGN, BUILD]);
    reveal(viewport, chart);
    await drag(centre(bar(chart, 't-2')), 20);
    expect(calls.dates).to.deep.equal([]);
    const [x, y] = centre(bar(chart, 't-2'));
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 50, y] });
    await sendMouse({ type: 'move', position: [x + 95, y] });
    // Released far below the chart (outside the SVG, outside the host).
    await sendMouse({ type: 'move', position: [x + 95, 590] });
    await sendMouse({ type: 'up' });
    expect(calls.dates).to.deep.equal([['t-2', '2026-03-11', '2026-03-15']]);
  });

  it('reports the progress handle\'s drop as an integer', async () => {
    const { chart: create, calls, viewport } = stage();
    const chart = create();
    chart.setRowCount(1);
    chart.setWindow(0, [BUILD]);
    reveal(viewport, chart);
    const handle = chart.barElement('t-2')!.querySelector('.handle.progress')!;
    await drag(centre(handle), 90);
    expect(calls.progress).to.have.length(1);
    expect(calls.progress[0]![0]).to.equal('t-2');
    expect(calls.progress[0]![1]).to.be.within(38, 42);
    expect(calls.dates).to.deep.equal([]);
    chart.revertBar('t-2');
    expect(numberAttr(chart.barElement('t-2')!.querySelector('.bar-progress')!, 'width')).to.equal(0);
  });

  it('readonly: no handles, dragging moves nothing and reports nothing; can be switched', async () => {
    const { chart: create, calls, viewport } = stage();
    const chart = create({ readonly: true });
    chart.setRowCount(1);
    chart.setWindow(0, [BUILD]);
    reveal(viewport, chart);
    expect(chart.barElement('t-2')!.querySelectorAll('.handle')).to.have.length(0);
    const x = numberAttr(bar(chart, 't-2'), 'x');
    await drag(centre(bar(chart, 't-2')), 100);
    expect(numberAttr(bar(chart, 't-2'), 'x')).to.equal(x);
    expect(calls.dates).to.deep.equal([]);
    chart.setReadonly(false);
    expect(chart.barElement('t-2')!.querySelectorAll('.handle')).to.have.length(3);
  });

  it('renders a script-like task name as text', async () => {
    const name = '<img src=x onerror="window.__xss=1">';
    const { root, chart: create } = stage();
    const chart = create();
    chart.setWindow(0, [{ ...DESIGN, name }]);
    chart.updateBar({ ...DESIGN, name: `${name}!` });
    await frame();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root.querySelector('img')).to.equal(null);
    expect(labels(root)).to.deep.equal([`${name}!`]);
    expect((window as unknown as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  it('escapes every character innerHTML would read as markup, and copes with ids frappe cannot', () => {
    const name = `Tom & Jerry's "<b>bold</b>" 'plan' &amp;`;
    const { root, chart: create } = stage();
    const chart = create();
    chart.setWindow(0, [{ ...DESIGN, id: 'id with  spaces', name }]);
    expect(root.querySelector('b')).to.equal(null);
    expect(labels(root)).to.deep.equal([name]);
    expect(chart.barElement('id with  spaces')).to.not.equal(undefined);
  });

  it('zooms and changes range with a full re-render of the same window', () => {
    const { root, chart: create } = stage();
    const chart = create();
    chart.setWindow(0, [DESIGN, BUILD]);
    const dayColumns = root.querySelectorAll('.lower-text').length;
    chart.setZoom('month', { start: '2026-01-15', due: '2026-12-20' });
    expect(chart.scale.zoom).to.equal('month');
    expect(root.querySelectorAll('.lower-text')).to.have.length(chart.scale.columnCount);
    expect(chart.scale.columnCount).to.not.equal(dayColumns);
    expect(numberAttr(bar(chart, 't-2'), 'x')).to.be.closeTo(chart.scale.xOf('2026-03-09'), 1);
    // No weekend columns at month zoom (a day is 4 px there).
    expect(root.querySelectorAll('.holiday-highlight')).to.have.length(0);
    chart.setZoom('quarter');
    expect([...root.querySelectorAll('.lower-text')].map((text) => text.textContent)).to.include('Q1 2026');
    chart.setRange({ start: '2025-06-01', due: '2026-03-31' });
    // The quarter of June 2025 starts in April; one quarter of padding before it.
    expect(chart.scale.start).to.equal('2025-01-01');
  });

  it('writes header labels in the chart\'s language', () => {
    const { root, chart: create } = stage();
    const chart = create({ zoom: 'month', language: 'de' });
    chart.setWindow(0, [DESIGN]);
    const texts = [...root.querySelectorAll('.lower-text')].map((text) => text.textContent);
    expect(texts).to.include('März');
  });

  it('keeps frappe\'s header sticky at the top of the element\'s scrolling viewport', () => {
    const { viewport, chart: create } = stage();
    const chart = create();
    chart.setRowCount(200);
    chart.setWindow(0, [DESIGN]);
    const top = viewport.getBoundingClientRect().top;
    viewport.scrollTop = 2_000;
    expect(viewport.scrollTop).to.equal(2_000);
    expect(chart.header!.getBoundingClientRect().top).to.be.closeTo(top, 1);
    // The scroll height is the rows', not more (the SVG does not stretch it).
    expect(viewport.scrollHeight).to.equal(HEADER_HEIGHT + 200 * ROW_HEIGHT);
  });

  it('destroy() leaves the wrapper empty and can be called twice', () => {
    const { wrapper, chart: create } = stage();
    const chart = create();
    chart.setWindow(0, [DESIGN]);
    expect(wrapper.childElementCount).to.be.greaterThan(0);
    chart.destroy();
    expect(wrapper.childNodes.length).to.equal(0);
    expect(chart.destroyed).to.equal(true);
    chart.destroy();
    expect(() => chart.setWindow(0, [DESIGN])).to.throw(/after destroy/);
  });

  it('removes frappe-gantt\'s document mouseup listener on destroy, and adds none per window, update or drag', async () => {
    const added: string[] = [];
    const removed: string[] = [];
    const windowAdded: string[] = [];
    const windowRemoved: string[] = [];
    const spy = <T extends EventTarget>(target: T, into: string[], method: 'addEventListener' | 'removeEventListener'): (() => void) => {
      const original = target[method];
      target[method] = function (this: T, ...args: Parameters<EventTarget['addEventListener']>) {
        into.push(args[0]);
        return (original as EventTarget['addEventListener']).apply(this, args);
      } as T[typeof method];
      return () => {
        target[method] = original;
      };
    };
    const restores = [
      spy(document, added, 'addEventListener'),
      spy(document, removed, 'removeEventListener'),
      spy(window, windowAdded, 'addEventListener'),
      spy(window, windowRemoved, 'removeEventListener'),
    ];
    try {
      const { chart: create, viewport } = stage();
      const chart = create();
      chart.setRowCount(3);
      chart.setWindow(0, [DESIGN, BUILD]);
      chart.setWindow(1, [BUILD, SHIP]);
      chart.updateBar({ ...SHIP, progress: 50 });
      chart.setZoom('week');
      reveal(viewport, chart);
      await drag(centre(bar(chart, 't-3')), 40);
      chart.destroy();
      const second = create();
      second.setWindow(0, [DESIGN]);
      second.destroy();
    } finally {
      for (const restore of restores) restore();
    }
    // frappe-gantt 1.2.2 adds one anonymous mouseup per instance; destroy() removes it again.
    expect(added).to.deep.equal(['mouseup', 'mouseup']);
    expect(removed).to.deep.equal(['mouseup', 'mouseup']);
    // Our per-drag window listener is removed at the drop.
    expect(windowAdded.filter((type) => type === 'mouseup').length).to.equal(windowRemoved.filter((type) => type === 'mouseup').length);
  });
});
