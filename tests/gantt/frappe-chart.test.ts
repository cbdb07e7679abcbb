// The frappe-gantt lifecycle wrapper in a shadow root: bars render, frappe's CSS really applies there
// (computed fill, not mere presence), task names cannot inject markup, teardown empties the container,
// and frappe's one leaked document listener per instance is pinned down.
import { expect } from '@open-wc/testing';
import { adoptStyles, unsafeCSS, type CSSResultOrNative } from 'lit';
import { FRAPPE_GANTT_CSS, FrappeChart, frappeStyles, retargetFrappeCss, type FrappeChartTask } from '@cwm/gantt';

const TASKS: FrappeChartTask[] = [
  { id: 't-1', name: 'Design', start: '2025-03-03', end: '2025-03-07', progress: 40 },
  { id: 't-2', name: 'Build', start: '2025-03-10', end: '2025-03-14', dependencies: ['t-1'] },
  { id: 't-3', name: 'Ship', start: '2025-03-17', end: '2025-03-18', dependencies: ['t-2'] },
];

interface Stage {
  readonly host: HTMLElement;
  readonly container: HTMLElement;
}

const stages: HTMLElement[] = [];

/** A host element with a shadow root holding the container frappe draws into. */
function stage(styles: CSSResultOrNative[] = [frappeStyles]): Stage {
  const host = document.createElement('div');
  host.style.cssText = 'width: 900px; height: 400px;';
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, styles);
  const container = document.createElement('div');
  root.append(container);
  document.body.append(host);
  stages.push(host);
  return { host, container };
}

function bars(container: HTMLElement): SVGRectElement[] {
  return [...container.querySelectorAll<SVGRectElement>('.bar-wrapper .bar')];
}

function labels(container: HTMLElement): string[] {
  return [...container.querySelectorAll('.bar-label')].map((label) => label.textContent ?? '');
}

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

describe('FrappeChart', () => {
  afterEach(() => {
    for (const host of stages.splice(0)) host.remove();
  });

  it('renders one bar per task, with their names, inside a shadow root', () => {
    const { container } = stage();
    const chart = new FrappeChart(container, TASKS, { scrollTo: 'start' });
    expect(bars(container)).to.have.length(3);
    expect(labels(container)).to.deep.equal(['Design', 'Build', 'Ship']);
    expect(container.querySelectorAll('.arrow, path.arrow, .arrow path').length).to.be.greaterThan(0);
    chart.destroy();
  });

  it('does not mutate the tasks it is given', () => {
    const { container } = stage();
    const tasks = TASKS.map((task) => ({ ...task }));
    const chart = new FrappeChart(container, tasks, { scrollTo: 'start' });
    expect(tasks).to.deep.equal(TASKS);
    chart.destroy();
  });

  it('applies frappe colours through our tokens: bars are not black', () => {
    const { container } = stage();
    const chart = new FrappeChart(container, TASKS, { scrollTo: 'start' });
    const fill = getComputedStyle(bars(container)[0]!).fill;
    expect(fill).to.not.equal('rgb(0, 0, 0)');
    // --cwm-color-surface-raised, light default #f5f6f8.
    expect(fill).to.equal('rgb(245, 246, 248)');
    chart.destroy();
  });

  it('follows theme="dark" on the host', () => {
    const { host, container } = stage();
    host.setAttribute('theme', 'dark');
    const chart = new FrappeChart(container, TASKS, { scrollTo: 'start' });
    // --cwm-color-surface-raised, dark default #22252a.
    expect(getComputedStyle(bars(container)[0]!).fill).to.equal('rgb(34, 37, 42)');
    chart.destroy();
  });

  it('renders black with frappe CSS that is not re-targeted (the bug the test guards against)', () => {
    const { container } = stage([unsafeCSS(FRAPPE_GANTT_CSS)]);
    const chart = new FrappeChart(container, TASKS, { scrollTo: 'start' });
    expect(getComputedStyle(bars(container)[0]!).fill).to.equal('rgb(0, 0, 0)');
    chart.destroy();
  });

  it('re-targets both of frappe\'s variable sets and refuses CSS without them', () => {
    const css = retargetFrappeCss(FRAPPE_GANTT_CSS);
    expect(css).to.not.include(':root');
    expect(css).to.not.include('html[data-theme=dark]');
    expect(css.startsWith(':host{--g-arrow-color')).to.equal(true);
    expect(css).to.include(":host([theme='dark']){--g-arrow-color");
    expect(() => retargetFrappeCss('.gantt{}')).to.throw(/re-target/);
  });

  it('renders a script-like task name as text', async () => {
    const name = '<img src=x onerror="window.__xss=1">';
    const { container } = stage();
    const chart = new FrappeChart(container, [{ id: 'x-1', name, start: '2025-03-03', end: '2025-03-05' }], { scrollTo: 'start' });
    await frame();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.querySelector('img')).to.equal(null);
    expect(labels(container)).to.deep.equal([name]);
    expect((window as unknown as { __xss?: unknown }).__xss).to.equal(undefined);
    chart.destroy();
  });

  it('escapes every character innerHTML would read as markup', () => {
    const name = `Tom & Jerry's "<b>bold</b>" 'plan' &amp;`;
    const { container } = stage();
    const chart = new FrappeChart(container, [{ id: 'x-2', name, start: '2025-03-03', end: '2025-03-05' }], { scrollTo: 'start' });
    expect(container.querySelector('b')).to.equal(null);
    expect(labels(container)).to.deep.equal([name]);
    chart.destroy();
  });

  it('update() replaces the tasks, escaped, and keeps the horizontal scroll', () => {
    const { container } = stage();
    const chart = new FrappeChart(container, TASKS, { scrollTo: 'start' });
    chart.scrollElement.scrollLeft = 120;
    const scrolled = chart.scrollElement.scrollLeft;
    expect(scrolled).to.be.greaterThan(0);
    chart.update([...TASKS.slice(0, 2), { id: 't-4', name: '<i>QA</i>', start: '2025-03-12', end: '2025-03-13' }]);
    expect(labels(container)).to.deep.equal(['Design', 'Build', '<i>QA</i>']);
    expect(container.querySelector('i')).to.equal(null);
    expect(bars(container)).to.have.length(3);
    expect(chart.scrollElement.scrollLeft).to.equal(scrolled);
    chart.destroy();
  });

  it('destroy() leaves the container empty and can be called twice', () => {
    const { container } = stage();
    const chart = new FrappeChart(container, TASKS, { scrollTo: 'start' });
    expect(container.childElementCount).to.be.greaterThan(0);
    chart.destroy();
    expect(container.childNodes.length).to.equal(0);
    expect(chart.destroyed).to.equal(true);
    chart.destroy();
    expect(() => chart.update(TASKS)).to.throw(/after destroy/);
  });

  it('leaks exactly one document mouseup listener per instance (frappe-gantt 1.2.2), none per update', () => {
    const added: string[] = [];
    const removed: string[] = [];
    const originalAdd = document.addEventListener;
    const originalRemove = document.removeEventListener;
    document.addEventListener = function (this: Document, ...args: Parameters<Document['addEventListener']>) {
      added.push(args[0]);
      return originalAdd.apply(this, args);
    } as Document['addEventListener'];
    document.removeEventListener = function (this: Document, ...args: Parameters<Document['removeEventListener']>) {
      removed.push(args[0]);
      return originalRemove.apply(this, args);
    } as Document['removeEventListener'];
    try {
      const { container } = stage();
      const chart = new FrappeChart(container, TASKS, { scrollTo: 'start' });
      chart.update(TASKS);
      chart.update(TASKS);
      chart.destroy();
      const second = new FrappeChart(stage().container, TASKS, { scrollTo: 'start' });
      second.destroy();
    } finally {
      document.addEventListener = originalAdd;
      document.removeEventListener = originalRemove;
    }
    expect(added).to.deep.equal(['mouseup', 'mouseup']);
    expect(removed).to.deep.equal([]);
  });
});
