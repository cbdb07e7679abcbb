// What must never happen: script-like task names run or become markup (grid, bar labels, popup); a
// removed gantt leaves listeners on document or window; a read-only gantt changes something; two gantts
// on one page disturb each other. And the export hands out real files.
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import type { CwmGantt } from '@cwm/gantt';
import {
  TODAY,
  barBox,
  barGroup,
  barRect,
  dragBar,
  focusActiveRow,
  gridRow,
  mountGantt,
  noticeText,
  pixelsPerDay,
  record,
  settle,
  shadow,
  stored,
  task,
  textOf,
  type MountedGantt,
} from './gantt-fixtures.js';

const PAYLOADS = ['<img src=x onerror=window.__xss=1>', '<script>window.__xss=1</script>', '"><svg onload=window.__xss=1>'];

declare global {
  interface Window {
    __xss?: number;
  }
}

/** Every element below `root`, through open shadow roots. */
function allElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...allElements(element.shadowRoot));
  }
  return found;
}

describe('<cwm-gantt> safety', () => {
  let mounted: MountedGantt;

  afterEach(async () => {
    await resetMouse();
    mounted?.store.dispose();
  });

  it('renders script-like task names as exact text in the grid, the bar labels and the popup', async () => {
    delete window.__xss;
    mounted = await mountGantt({
      tasks: PAYLOADS.map((title, index) => task(`x-${index}`, title, '2026-03-02', '2026-03-04', { rank: String(index) })),
    });
    const { gantt } = mounted;
    for (const [index, title] of PAYLOADS.entries()) {
      expect(gridRow(gantt, `x-${index}`)!.querySelector('.name')!.textContent).to.equal(title);
      expect(barGroup(gantt, `x-${index}`)!.querySelector('.bar-label')!.textContent).to.equal(title);
    }
    await focusActiveRow(gantt);
    for (const [index, title] of PAYLOADS.entries()) {
      if (index > 0) await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Space' });
      await settle(gantt);
      const popup = shadow(gantt).querySelector('cwm-gantt-popup')!;
      expect(popup.shadowRoot!.querySelector('[part=title]')!.textContent!.trim()).to.equal(title);
      await sendKeys({ press: 'Escape' });
      await settle(gantt);
    }
    // Open the last one again, to look inside the popup too.
    await sendKeys({ press: 'Space' });
    await settle(gantt);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window.__xss).to.equal(undefined);
    const elements = allElements(shadow(gantt));
    expect(elements.filter((element) => element.localName === 'img' || element.localName === 'script')).to.have.length(0);
    expect(elements.filter((element) => element.hasAttribute('onerror') || element.hasAttribute('onload'))).to.have.length(0);
    // The only svg elements are frappe's chart, its header-free body and our overlay; none from a name.
    expect(elements.filter((element) => element.localName === 'svg' && !element.matches('.gantt, .overlay'))).to.have.length(0);
  });

  it('leaves no listener on document or window after removal, and works again when re-attached', async () => {
    mounted = await mountGantt({ tasks: [task('x', 'Solo', '2026-03-02', '2026-03-04')] });
    const { gantt, workspace, store } = mounted;
    gantt.remove();
    const live = new Map<string, number>();
    const keyOf = (target: string, type: string, listener: unknown, options?: boolean | AddEventListenerOptions): string => {
      const capture = typeof options === 'boolean' ? options : (options?.capture ?? false);
      const id = listenerIds.get(listener) ?? listenerIds.set(listener, listenerIds.size).get(listener);
      return `${target}:${type}:${id}:${capture}`;
    };
    const listenerIds = new Map<unknown, number>();
    const restore: (() => void)[] = [];
    for (const [name, target] of [['document', document], ['window', window]] as const) {
      const add = target.addEventListener;
      const remove = target.removeEventListener;
      target.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
        const key = keyOf(name, type, listener, options);
        live.set(key, (live.get(key) ?? 0) + 1);
        return add.call(this, type, listener, options);
      } as typeof add;
      target.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) {
        const key = keyOf(name, type, listener, options);
        if (live.has(key)) live.set(key, Math.max(0, live.get(key)! - 1));
        return remove.call(this, type, listener, options);
      } as typeof remove;
      restore.push(() => {
        target.addEventListener = add;
        target.removeEventListener = remove;
      });
    }
    try {
      workspace.append(gantt);
      await settle(gantt);
      expect(barGroup(gantt, 'x'), 're-attached: the bar is drawn again').to.not.equal(null);
      await dragBar(gantt, 'x', 2 * pixelsPerDay(gantt, 'x', 3));
      expect(stored(store, 'x').start, 're-attached: dragging works').to.equal('2026-03-04');
      expect([...live.values()].some((count) => count > 0), 'listeners were added while attached').to.equal(true);
      gantt.remove();
      await settle(gantt);
      const leaked = [...live.entries()].filter(([, count]) => count > 0).map(([key]) => key);
      expect(leaked).to.deep.equal([]);
    } finally {
      for (const undo of restore) undo();
    }
  });

  it('read-only: no handles, dragging and keys change nothing, the notice says why', async () => {
    mounted = await mountGantt({ tasks: [task('x', 'Solo', '2026-03-02', '2026-03-04')], readonly: true });
    const { gantt, store } = mounted;
    expect(shadow(gantt).querySelectorAll('.frappe-host .handle')).to.have.length(0);
    expect(shadow(gantt).querySelectorAll('circle.link-handle')).to.have.length(0);
    const box = barBox(gantt, 'x');
    await dragBar(gantt, 'x', 90);
    expect(barBox(gantt, 'x')).to.deep.equal(box);
    await focusActiveRow(gantt);
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ up: 'Alt' });
    await settle(gantt);
    expect(stored(store, 'x')).to.deep.include({ start: '2026-03-02', due: '2026-03-04', version: 1 });
    expect(noticeText(gantt)).to.equal('This chart is read-only.');
  });

  it('two gantts on one page: a drag in one dispatches only there, and both show the new dates', async () => {
    mounted = await mountGantt({ tasks: [task('x', 'Solo', '2026-03-02', '2026-03-04'), task('y', 'Other', '2026-03-03', '2026-03-05')], height: '300px' });
    const { gantt, workspace, store } = mounted;
    const second = document.createElement('cwm-gantt') as CwmGantt;
    second.setAttribute('project', 'p-1');
    second.setAttribute('today', TODAY);
    second.setAttribute('zoom', 'day');
    second.style.setProperty('--cwm-gantt-height', '300px');
    workspace.append(second);
    await settle(second);
    const secondX = barBox(second, 'x').x;
    const secondY = barBox(second, 'y');
    const firstEvents = record(gantt, 'cwm-task-scheduled');
    const secondEvents = record(second, 'cwm-task-scheduled');
    const day = pixelsPerDay(gantt, 'x', 3);
    await dragBar(gantt, 'x', 2 * day);
    await settle(second);
    expect(stored(store, 'x').start).to.equal('2026-03-04');
    expect(firstEvents).to.have.length(1);
    expect(secondEvents).to.have.length(0);
    expect(barBox(second, 'x').x).to.be.closeTo(secondX + 2 * day, 0.5);
    expect(barBox(second, 'y')).to.deep.equal(secondY);
    // And the other way round.
    await dragBar(second, 'y', day);
    await settle(gantt);
    expect(stored(store, 'y').start).to.equal('2026-03-04');
    expect(firstEvents).to.have.length(1);
    expect(secondEvents).to.have.length(1);
    expect(shadow(gantt).querySelector('cwm-gantt-popup')).to.equal(null);
  });

  describe('export', () => {
    let stopDownloads: (event: Event) => void;
    let downloads: string[];

    beforeEach(() => {
      downloads = [];
      // downloadBlob clicks a temporary anchor: keep the file name, skip the real download.
      stopDownloads = (event: Event) => {
        const anchor = event.target;
        if (anchor instanceof HTMLAnchorElement && anchor.download) {
          downloads.push(anchor.download);
          event.preventDefault();
        }
      };
      document.addEventListener('click', stopDownloads, true);
    });

    afterEach(() => document.removeEventListener('click', stopDownloads, true));

    it('exportChart("svg") returns an SVG file with the task names; png returns a PNG', async () => {
      mounted = await mountGantt({ tasks: [task('x', 'Design review', '2026-03-02', '2026-03-04'), task('y', 'Ship <it>', '2026-03-03', '2026-03-05')] });
      const { gantt } = mounted;
      const svg = await gantt.exportChart('svg');
      expect(svg).to.be.instanceOf(Blob);
      expect(svg!.type).to.match(/^image\/svg\+xml/);
      const text = await svg!.text();
      expect(text).to.include('Design review');
      expect(text).to.include('Ship &lt;it&gt;');
      expect(text).to.not.include('Ship <it>');
      const png = await gantt.exportChart('png');
      expect(png!.type).to.equal('image/png');
      const bytes = new Uint8Array(await png!.arrayBuffer());
      expect([...bytes.slice(0, 4)]).to.deep.equal([0x89, 0x50, 0x4e, 0x47]);
      expect(downloads).to.deep.equal([`Launch-${TODAY}.svg`, `Launch-${TODAY}.png`]);
      expect(textOf(barRect(gantt, 'x').parentElement)).to.include('Design review');
    });
  });
});
