// <cwm-gantt-popup>: the task details and dependency editor of the Gantt, in real Chromium. Names
// from data are script-like on purpose; the form is driven by pointer and by keyboard only.
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DependencyType } from '@cwm/core';
import { defineElement, registerMessages } from '@cwm/ui';
import {
  CwmGanttPopup,
  filterCandidates,
  parseLag,
  placePopup,
  type GanttPopupAddDependencyDetail,
  type PopupCandidate,
  type PopupLink,
} from '../../packages/gantt/src/popup/index.js';
import { GANTT_DE, GANTT_EN, registerGanttMessages } from '@cwm/gantt';
import type { GanttRow } from '@cwm/gantt';
import { makeTask } from '../fixtures/entities.js';

// Registered under a test prefix: the gantt registers the same class as `cwm-gantt-popup` itself.
const TAG = 'test-gantt-popup';
defineElement('cwm-gantt-popup', CwmGanttPopup, { prefix: 'test' });

function makeRow(overrides: Partial<GanttRow> = {}): GanttRow {
  const id = overrides.id ?? 'design';
  return {
    id,
    depth: 0,
    kind: 'task',
    title: 'Design review',
    start: '2026-03-02',
    due: '2026-03-06',
    progress: 40,
    assigneeIds: ['ann', 'bob'],
    hasChildren: false,
    expanded: false,
    task: makeTask(id, { status: 'doing' }),
    problems: [],
    ...overrides,
  };
}

const PEOPLE = new Map([
  ['ann', { name: 'Ann Lee' }],
  ['bob', { name: 'Bob Ray' }],
]);

const CANDIDATES: PopupCandidate[] = [
  { id: 'design', title: 'Design review' },
  { id: 'spec', title: 'Write the spec' },
  { id: 'build', title: 'Build the prototype' },
  { id: 'test', title: 'Test the prototype' },
  { id: 'launch', title: 'Launch' },
];

interface Props {
  row?: GanttRow;
  predecessors?: PopupLink[];
  successors?: PopupLink[];
  candidates?: PopupCandidate[];
  canEditLinks?: boolean;
  canEditLinksReason?: string;
  lang?: string;
  people?: Map<string, { name: string }>;
}

async function mount(props: Props = {}): Promise<CwmGanttPopup> {
  const popup = await fixture<CwmGanttPopup>(`<${TAG}></${TAG}>`);
  popup.row = props.row ?? makeRow();
  popup.people = props.people ?? PEOPLE;
  popup.predecessors = props.predecessors ?? [{ id: 'spec', title: 'Write the spec', type: 'FS', lag: 2 }];
  popup.successors = props.successors ?? [{ id: 'build', title: 'Build the prototype', type: 'SS', lag: -1 }];
  popup.slack = { total: 3, free: 1, critical: true };
  popup.candidates = props.candidates ?? CANDIDATES;
  popup.canEditLinks = props.canEditLinks ?? true;
  popup.canEditLinksReason = props.canEditLinksReason;
  popup.statusName = 'In progress';
  popup.anchor = { x: 40, y: 40 };
  if (props.lang !== undefined) popup.lang = props.lang;
  await popup.updateComplete;
  return popup;
}

function shadow(popup: CwmGanttPopup): ShadowRoot {
  return popup.shadowRoot!;
}

function q<T extends Element = HTMLElement>(popup: CwmGanttPopup, selector: string): T {
  const found = shadow(popup).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the popup`);
  return found;
}

/** The visible text of the popup with whitespace collapsed. */
function textOf(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function recordEvents<K extends keyof HTMLElementEventMap>(target: EventTarget, name: K): HTMLElementEventMap[K][] {
  const seen: HTMLElementEventMap[K][] = [];
  target.addEventListener(name, (event) => seen.push(event as HTMLElementEventMap[K]));
  return seen;
}

async function setLag(popup: CwmGanttPopup, text: string): Promise<void> {
  const lag = q<HTMLInputElement>(popup, '#lag');
  lag.value = text;
  lag.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await popup.updateComplete;
}

async function setType(popup: CwmGanttPopup, type: DependencyType): Promise<void> {
  const select = q<HTMLSelectElement>(popup, 'select');
  select.value = type;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await popup.updateComplete;
}

/** Types into the search field and clicks the option with `title`. */
async function pickByPointer(popup: CwmGanttPopup, text: string, title: string): Promise<void> {
  const search = q<HTMLInputElement>(popup, '#search');
  search.focus();
  search.value = text;
  search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await popup.updateComplete;
  const option = [...shadow(popup).querySelectorAll<HTMLElement>('[role=option]')].find((node) => textOf(node) === title);
  if (!option) throw new Error(`no option ${title}`);
  option.click();
  await popup.updateComplete;
}

async function submit(popup: CwmGanttPopup): Promise<void> {
  q<HTMLButtonElement>(popup, 'button[type=submit]').click();
  await popup.updateComplete;
}

function alertText(popup: CwmGanttPopup): string {
  return textOf(q(popup, '[role=alert]'));
}

describe('<cwm-gantt-popup>', () => {
  before(() => registerGanttMessages());

  describe('what it shows', () => {
    it('shows the task: title, dates, duration, progress, people, status, slack and its links', async () => {
      const popup = await mount({ lang: 'en' });
      const dialog = q(popup, '[role=dialog]');
      const title = q(popup, 'h2');
      expect(dialog.getAttribute('aria-labelledby')).to.equal(title.id);
      expect(textOf(title)).to.equal('Design review');
      const text = textOf(dialog);
      expect(text).to.contain('Mar 2, 2026 – Mar 6, 2026');
      expect(text).to.contain('Duration 5 days');
      expect(text).to.contain('Progress 40%');
      expect(text).to.contain('Assignees Ann Lee and Bob Ray');
      expect(text).to.contain('Status In progress');
      expect(text).to.contain('Slack total 3, free 1 (days)');
      expect(text).to.contain('On the critical path');
      const links = [...shadow(popup).querySelectorAll('ul.links')].map((list) =>
        [...list.querySelectorAll('li')].map((item) => `${textOf(item.querySelector('.link-title')!)} | ${textOf(item.querySelector('.link-meta')!)}`),
      );
      expect(links).to.deep.equal([['Write the spec | Finish to start, lag 2 days'], ['Build the prototype | Start to start, lag -1 day']]);
      const deleteNames = [...shadow(popup).querySelectorAll('ul.links button')].map((button) => button.getAttribute('aria-label'));
      expect(deleteNames).to.deep.equal(['Delete the dependency with Write the spec', 'Delete the dependency with Build the prototype']);
    });

    it('takes focus when it opens and again when it shows another task', async () => {
      const popup = await mount();
      const dialog = q(popup, '[role=dialog]');
      expect(shadow(popup).activeElement).to.equal(dialog);
      q<HTMLInputElement>(popup, '#search').focus();
      // A store update of the same task must not steal focus from the form.
      popup.row = makeRow({ progress: 50 });
      await popup.updateComplete;
      expect(shadow(popup).activeElement?.id).to.equal('search');
      popup.row = makeRow({ id: 'launch', title: 'Launch' });
      await popup.updateComplete;
      expect(shadow(popup).activeElement).to.equal(dialog);
    });

    it('names the kind of milestones, summaries and unscheduled tasks, and lists problems', async () => {
      const milestone = await mount({ row: makeRow({ kind: 'milestone', start: '2026-03-10', due: '2026-03-10' }) });
      expect(textOf(q(milestone, '.badges'))).to.contain('Milestone');
      expect(textOf(q(milestone, 'header'))).to.contain('Mar 10, 2026');
      expect(textOf(q(milestone, 'header'))).not.to.contain('–');
      expect(textOf(q(milestone, 'dl'))).not.to.contain('Duration');

      const summary = await mount({ row: makeRow({ kind: 'summary', hasChildren: true }) });
      expect(textOf(q(summary, '.badges'))).to.contain('Summary task');

      const unscheduled = await mount({
        row: makeRow({
          kind: 'unscheduled',
          start: undefined,
          due: undefined,
          assigneeIds: [],
          problems: [
            { code: 'unscheduled', message: 'no dates' },
            { code: 'missing-predecessor', message: 'gone' },
          ],
        }),
      });
      const text = textOf(shadow(unscheduled));
      expect(text).to.contain('Unscheduled');
      expect(text).to.contain('No dates');
      expect(text).to.contain('Assignees Unassigned');
      const problems = [...shadow(unscheduled).querySelectorAll('ul.problems li')].map(textOf);
      expect(problems).to.deep.equal([
        'This task has no dates yet.',
        'This task depends on a task that does not exist; that dependency is ignored.',
      ]);
    });

    it('shows the reason instead of edit controls when links cannot be edited', async () => {
      const popup = await mount({ canEditLinks: false, canEditLinksReason: 'You have read-only access.' });
      expect(shadow(popup).querySelector('form')).to.equal(null);
      expect(shadow(popup).querySelectorAll('ul.links button')).to.have.length(0);
      expect(textOf(shadow(popup))).to.contain('You have read-only access.');
      const fallback = await mount({ canEditLinks: false });
      expect(textOf(shadow(fallback))).to.contain('You cannot change dependencies here.');
    });

    it('stays inside the viewport near its anchor', async () => {
      const popup = await mount();
      popup.anchor = { x: window.innerWidth - 5, y: window.innerHeight - 5 };
      await popup.updateComplete;
      await nextFrame();
      const box = popup.getBoundingClientRect();
      expect(box.right).to.be.at.most(window.innerWidth);
      expect(box.bottom).to.be.at.most(window.innerHeight);
      expect(box.left).to.be.at.least(0);
      expect(box.top).to.be.at.least(0);
      // A short popup (read-only, no links) fits below its anchor.
      const short = await mount({ canEditLinks: false, predecessors: [], successors: [] });
      short.anchor = { x: 100, y: 20 };
      await short.updateComplete;
      const near = short.getBoundingClientRect();
      expect(near.left).to.equal(100);
      expect(near.top).to.equal(28);
    });
  });

  describe('script-like names', () => {
    const PAYLOADS = [
      '<img src=x onerror="window.__popupXss=1">',
      '<script>window.__popupXss=2</script>',
      'javascript:window.__popupXss=3',
      '"><svg onload="window.__popupXss=4">',
      "'; window.__popupXss=5; '",
      '<iframe src="javascript:window.__popupXss=6"></iframe>',
      '{{constructor.constructor("window.__popupXss=7")()}}',
      '<a href="javascript:window.__popupXss=8">x</a>',
    ];

    afterEach(() => {
      delete (window as { __popupXss?: number }).__popupXss;
    });

    for (const payload of PAYLOADS) {
      it(`renders ${JSON.stringify(payload).slice(0, 40)} as text everywhere`, async () => {
        const popup = await mount({
          row: makeRow({ title: payload, assigneeIds: ['evil'] }),
          people: new Map([['evil', { name: payload }]]),
          predecessors: [{ id: 'p', title: payload, type: 'FS', lag: 0 }],
          successors: [{ id: 's', title: payload, type: 'FF', lag: 0 }],
          candidates: [
            { id: 'c1', title: payload },
            { id: 'c2', title: `x ${payload}` },
          ],
          canEditLinksReason: payload,
        });
        popup.refusal = payload;
        const search = q<HTMLInputElement>(popup, '#search');
        search.focus();
        await sendKeys({ press: 'ArrowDown' });
        await popup.updateComplete;
        expect(shadow(popup).querySelectorAll('[role=option]'), 'the candidates are rendered').to.have.length(2);
        await nextFrame();

        expect(textOf(q(popup, 'h2'))).to.equal(payload.replace(/\s+/g, ' ').trim());
        expect(textOf(q(popup, 'dl'))).to.contain(payload.replace(/\s+/g, ' ').trim());
        expect(textOf(q(popup, '[role=option]'))).to.equal(payload.replace(/\s+/g, ' ').trim());
        expect(textOf(q(popup, 'ul.links li .link-title'))).to.equal(payload.replace(/\s+/g, ' ').trim());
        expect(alertText(popup)).to.equal(payload.replace(/\s+/g, ' ').trim());
        const made = shadow(popup).querySelectorAll('img, script, svg, iframe, a, object, embed, style, link');
        expect(made, 'no element made from a name').to.have.length(0);
        expect((window as { __popupXss?: number }).__popupXss, 'nothing ran').to.equal(undefined);

        popup.canEditLinks = false;
        await popup.updateComplete;
        expect(textOf(shadow(popup))).to.contain(payload.replace(/\s+/g, ' ').trim());
        expect(shadow(popup).querySelectorAll('img, script, svg, iframe, a')).to.have.length(0);
      });
    }
  });

  describe('adding a dependency', () => {
    for (const type of ['FS', 'SS', 'FF', 'SF'] as const) {
      it(`asks for a ${type} dependency with the typed lag`, async () => {
        const popup = await mount();
        const asked = recordEvents(popup, 'cwm-gantt-popup-add-dependency');
        await pickByPointer(popup, 'proto', 'Test the prototype');
        await setType(popup, type);
        const lag = type === 'FS' ? '0' : type === 'SS' ? '-3' : type === 'FF' ? ' +7 ' : '365';
        await setLag(popup, lag);
        await submit(popup);
        expect(asked).to.have.length(1);
        const expected: GanttPopupAddDependencyDetail = { successorId: 'design', predecessorId: 'test', type, lag: parseLag(lag)! };
        expect(asked[0]!.detail).to.deep.equal(expected);
        expect(asked[0]!.bubbles && asked[0]!.composed, 'bubbles out of shadow roots').to.equal(true);
      });
    }

    it('adds a successor instead when the task is marked as the predecessor', async () => {
      const popup = await mount();
      const asked = recordEvents(popup, 'cwm-gantt-popup-add-dependency');
      const toggle = q<HTMLInputElement>(popup, 'input[type=checkbox]');
      toggle.click();
      await popup.updateComplete;
      await pickByPointer(popup, 'launch', 'Launch');
      await setLag(popup, '-365');
      await submit(popup);
      expect(asked.map((event) => event.detail)).to.deep.equal([{ successorId: 'launch', predecessorId: 'design', type: 'FS', lag: -365 }]);
    });

    it('never offers the task itself nor a task already linked that way', async () => {
      const popup = await mount();
      const search = q<HTMLInputElement>(popup, '#search');
      search.focus();
      await sendKeys({ press: 'ArrowDown' });
      await popup.updateComplete;
      const offered = [...shadow(popup).querySelectorAll('[role=option]')].map(textOf);
      expect(offered).to.deep.equal(['Build the prototype', 'Test the prototype', 'Launch']);
    });

    for (const bad of ['1.5', 'abc', '400', '-366', '', '2e1', '3 4']) {
      it(`refuses the lag ${JSON.stringify(bad)} itself and keeps what was typed`, async () => {
        const popup = await mount();
        const asked = recordEvents(popup, 'cwm-gantt-popup-add-dependency');
        await pickByPointer(popup, 'launch', 'Launch');
        await setType(popup, 'FF');
        await setLag(popup, bad);
        await submit(popup);
        expect(asked).to.have.length(0);
        expect(alertText(popup)).to.equal('The lag must be a whole number of days between -365 and 365.');
        const lag = q<HTMLInputElement>(popup, '#lag');
        expect(lag.value).to.equal(bad);
        expect(lag.getAttribute('aria-invalid')).to.equal('true');
        expect(shadow(popup).activeElement).to.equal(lag);
        expect(q<HTMLInputElement>(popup, '#search').value).to.equal('Launch');
        expect(q<HTMLSelectElement>(popup, 'select').value).to.equal('FF');
        await setLag(popup, '4');
        expect(alertText(popup), 'the message goes once the lag is edited').to.equal('');
        await submit(popup);
        expect(asked.map((event) => event.detail)).to.deep.equal([{ successorId: 'design', predecessorId: 'launch', type: 'FF', lag: 4 }]);
      });
    }

    it('asks the user to pick a task when the text matches none', async () => {
      const popup = await mount();
      const asked = recordEvents(popup, 'cwm-gantt-popup-add-dependency');
      const search = q<HTMLInputElement>(popup, '#search');
      search.value = 'proto';
      search.dispatchEvent(new Event('input'));
      await popup.updateComplete;
      await submit(popup);
      expect(asked).to.have.length(0);
      expect(alertText(popup)).to.equal('Choose a task from the list first.');
      expect(search.value).to.equal('proto');
      // A title typed in full is as good as a pick.
      search.value = 'launch';
      search.dispatchEvent(new Event('input'));
      await popup.updateComplete;
      await submit(popup);
      expect(asked.map((event) => event.detail.predecessorId)).to.deep.equal(['launch']);
    });

    it("shows the gantt's refusal in an alert, keeps the input, and resets once the link exists", async () => {
      const popup = await mount();
      popup.addEventListener('cwm-gantt-popup-add-dependency', () => {
        popup.refusal = 'This would make a loop: Design review → Build the prototype → Design review.';
      });
      await pickByPointer(popup, 'test', 'Test the prototype');
      await setLag(popup, '2');
      await submit(popup);
      await popup.updateComplete;
      expect(q(popup, '[role=alert]').closest('form'), 'inside the form').not.to.equal(null);
      expect(alertText(popup)).to.equal('This would make a loop: Design review → Build the prototype → Design review.');
      expect(q<HTMLInputElement>(popup, '#search').value).to.equal('Test the prototype');
      expect(q<HTMLInputElement>(popup, '#lag').value).to.equal('2');

      popup.refusal = undefined;
      popup.predecessors = [...popup.predecessors, { id: 'test', title: 'Test the prototype', type: 'FS', lag: 2 }];
      await popup.updateComplete;
      expect(alertText(popup)).to.equal('');
      expect(q<HTMLInputElement>(popup, '#search').value).to.equal('');
      expect(q<HTMLInputElement>(popup, '#lag').value).to.equal('0');
    });
  });

  describe('removing, opening and closing', () => {
    it('asks to delete a predecessor or a successor link', async () => {
      const popup = await mount();
      const removed = recordEvents(popup, 'cwm-gantt-popup-remove-dependency');
      const buttons = [...shadow(popup).querySelectorAll<HTMLButtonElement>('ul.links button')];
      buttons[0]!.click();
      buttons[1]!.click();
      expect(removed.map((event) => event.detail)).to.deep.equal([
        { successorId: 'design', predecessorId: 'spec' },
        { successorId: 'build', predecessorId: 'design' },
      ]);
    });

    it('asks to open the task', async () => {
      const popup = await mount();
      const opened = recordEvents(popup, 'cwm-gantt-popup-open-task');
      const button = [...shadow(popup).querySelectorAll<HTMLButtonElement>('footer button')].find((node) => textOf(node) === 'Open task');
      button!.click();
      expect(opened.map((event) => event.detail)).to.deep.equal([{ taskId: 'design' }]);
    });

    it('closes on Escape and with its close button', async () => {
      const popup = await mount();
      const closed = recordEvents(popup, 'cwm-gantt-popup-close');
      await sendKeys({ press: 'Escape' });
      expect(closed.map((event) => event.detail)).to.deep.equal([{ via: 'escape' }]);
      q<HTMLButtonElement>(popup, 'button[aria-label=Close]').click();
      expect(closed.map((event) => event.detail.via)).to.deep.equal(['escape', 'button']);
    });

    it('closes only the list on the first Escape inside the open combobox', async () => {
      const popup = await mount();
      const closed = recordEvents(popup, 'cwm-gantt-popup-close');
      const search = q<HTMLInputElement>(popup, '#search');
      search.focus();
      await sendKeys({ type: 'pro' });
      await popup.updateComplete;
      expect(search.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'Escape' });
      await popup.updateComplete;
      expect(search.getAttribute('aria-expanded')).to.equal('false');
      expect(closed).to.have.length(0);
      await sendKeys({ press: 'Escape' });
      expect(closed).to.have.length(1);
    });
  });

  describe('keyboard only', () => {
    it('finds a task with the arrows, picks it with Enter and adds it with Enter', async () => {
      const popup = await mount();
      const asked = recordEvents(popup, 'cwm-gantt-popup-add-dependency');
      const search = q<HTMLInputElement>(popup, '#search');
      search.focus();
      await sendKeys({ type: 'the' });
      await popup.updateComplete;
      const listbox = q(popup, '[role=listbox]');
      expect([...listbox.querySelectorAll('[role=option]')].map(textOf)).to.deep.equal(['Build the prototype', 'Test the prototype']);
      expect(search.hasAttribute('aria-activedescendant'), 'nothing active before an arrow').to.equal(false);

      await sendKeys({ press: 'ArrowDown' });
      await popup.updateComplete;
      const activeId = search.getAttribute('aria-activedescendant');
      expect(textOf(shadow(popup).getElementById(activeId!)!)).to.equal('Build the prototype');
      await sendKeys({ press: 'ArrowDown' });
      await popup.updateComplete;
      expect(textOf(shadow(popup).getElementById(search.getAttribute('aria-activedescendant')!)!)).to.equal('Test the prototype');
      expect(q(popup, '[aria-selected=true]').id).to.equal(search.getAttribute('aria-activedescendant'));
      await sendKeys({ press: 'ArrowDown' });
      await popup.updateComplete;
      expect(textOf(shadow(popup).getElementById(search.getAttribute('aria-activedescendant')!)!), 'wraps around').to.equal('Build the prototype');
      await sendKeys({ press: 'ArrowUp' });
      await popup.updateComplete;
      await sendKeys({ press: 'Enter' });
      await popup.updateComplete;
      expect(asked, 'Enter on an option picks it, it does not submit').to.have.length(0);
      expect(search.value).to.equal('Test the prototype');
      expect(search.getAttribute('aria-expanded')).to.equal('false');
      expect(shadow(popup).activeElement).to.equal(search);

      // Tab to the direction toggle, the type and the lag.
      await sendKeys({ press: 'Tab' });
      expect(shadow(popup).activeElement?.getAttribute('type')).to.equal('checkbox');
      await sendKeys({ press: 'Tab' });
      expect(shadow(popup).activeElement?.localName).to.equal('select');
      await sendKeys({ press: 'ArrowDown' });
      await popup.updateComplete;
      expect(q<HTMLSelectElement>(popup, 'select').value).to.equal('SS');
      await sendKeys({ press: 'Tab' });
      expect(shadow(popup).activeElement?.id).to.equal('lag');
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: '5' });
      await sendKeys({ press: 'Enter' });
      await popup.updateComplete;
      expect(asked.map((event) => event.detail)).to.deep.equal([{ successorId: 'design', predecessorId: 'test', type: 'SS', lag: 5 }]);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations: details, links and the form', async () => {
      const popup = await mount();
      await expect(popup).to.be.accessible();
    });

    it('has no axe violations with the candidate list open and an error shown', async () => {
      const popup = await mount();
      const search = q<HTMLInputElement>(popup, '#search');
      search.focus();
      await sendKeys({ type: 'pro' });
      await sendKeys({ press: 'ArrowDown' });
      await popup.updateComplete;
      await expect(popup).to.be.accessible();
      await setLag(popup, 'x');
      await submit(popup);
      await expect(popup).to.be.accessible();
    });

    it('has no axe violations read-only, unscheduled, with problems', async () => {
      const popup = await mount({
        canEditLinks: false,
        predecessors: [],
        successors: [],
        row: makeRow({ kind: 'unscheduled', start: undefined, due: undefined, problems: [{ code: 'unscheduled', message: '' }] }),
      });
      await expect(popup).to.be.accessible();
    });
  });

  describe('languages', () => {
    it('speaks German when lang=de, and switches live', async () => {
      const popup = await mount({ lang: 'de' });
      const text = textOf(shadow(popup));
      expect(text).to.contain('Vorgänger');
      expect(text).to.contain('Nachfolger');
      expect(text).to.contain('Ende zu Anfang, Abstand 2 Tage');
      expect(text).to.contain('Anfang zu Anfang, Abstand -1 Tag');
      expect(text).to.contain('Dauer 5 Tage');
      expect(text).to.contain('Ann Lee und Bob Ray');
      expect(text).to.contain('02.03.2026 – 06.03.2026');
      expect(text).to.contain('Auf dem kritischen Pfad');
      expect(textOf(q(popup, 'button[type=submit]'))).to.equal('Abhängigkeit hinzufügen');
      expect([...shadow(popup).querySelectorAll('option')].map(textOf)).to.deep.equal([
        'Ende zu Anfang',
        'Anfang zu Anfang',
        'Ende zu Ende',
        'Anfang zu Ende',
      ]);
      await pickByPointer(popup, 'launch', 'Launch');
      await setLag(popup, '1,5');
      await submit(popup);
      expect(alertText(popup)).to.equal('Der Abstand muss eine ganze Zahl von Tagen zwischen -365 und 365 sein.');
      popup.lang = 'en';
      await popup.updateComplete;
      expect(textOf(shadow(popup))).to.contain('Predecessors');
    });

    it('follows the lang of the page around it', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
      const popup = document.createElement(TAG) as CwmGanttPopup;
      popup.row = makeRow();
      wrapper.append(popup);
      await popup.updateComplete;
      expect(textOf(q(popup, 'footer'))).to.equal('Aufgabe öffnen');
    });

    it('has every English key in German, and a vendor wording wins', async () => {
      expect(Object.keys(GANTT_DE).sort()).to.deep.equal(Object.keys(GANTT_EN).sort());
      registerMessages('en', { 'gantt.open-task': 'Show task' });
      try {
        const popup = await mount({ lang: 'en' });
        await waitUntil(() => textOf(q(popup, 'footer')) === 'Show task');
        registerGanttMessages();
        await popup.updateComplete;
        expect(textOf(q(popup, 'footer'))).to.equal('Show task');
      } finally {
        registerMessages('en', { 'gantt.open-task': GANTT_EN['gantt.open-task'] });
      }
    });
  });

  describe('pure helpers', () => {
    it('parseLag accepts whole days within -365..365 only', () => {
      expect(['0', '-0', '7', '+7', ' 12 ', '-365', '365'].map(parseLag)).to.deep.equal([0, 0, 7, 7, 12, -365, 365]);
      for (const bad of ['', ' ', '1.5', '1,5', '366', '-366', '1e2', '0x10', 'abc', '--1', '3 4', 'Infinity', '99999999999999999999']) {
        expect(parseLag(bad), bad).to.equal(undefined);
      }
    });

    it('placePopup keeps the box inside the viewport', () => {
      const viewport = { width: 800, height: 600 };
      const size = { width: 300, height: 200 };
      expect(placePopup({ x: 100, y: 100 }, size, viewport)).to.deep.equal({ left: 100, top: 108 });
      expect(placePopup({ x: 700, y: 100 }, size, viewport), 'shifted left').to.deep.equal({ left: 492, top: 108 });
      expect(placePopup({ x: 100, y: 550 }, size, viewport), 'above the anchor').to.deep.equal({ left: 100, top: 342 });
      expect(placePopup({ x: 100, y: 150 }, { width: 300, height: 500 }, viewport), 'no room above or below').to.deep.equal({ left: 100, top: 92 });
      expect(placePopup({ x: -50, y: -50 }, { width: 900, height: 900 }, viewport), 'larger than the viewport').to.deep.equal({ left: 8, top: 8 });
    });

    it('filterCandidates matches ignoring case and accents, starts first, excludes and limits', () => {
      const candidates: PopupCandidate[] = [
        { id: 'a', title: 'Review budget' },
        { id: 'b', title: 'Über review' },
        { id: 'c', title: 'review plan' },
        { id: 'd', title: 'Unrelated' },
      ];
      expect(filterCandidates(candidates, 'REVIEW', new Set()).map((c) => c.id)).to.deep.equal(['a', 'c', 'b']);
      expect(filterCandidates(candidates, 'uber', new Set()).map((c) => c.id)).to.deep.equal(['b']);
      expect(filterCandidates(candidates, 'review', new Set(['a'])).map((c) => c.id)).to.deep.equal(['c', 'b']);
      expect(filterCandidates(candidates, '', new Set(), 2).map((c) => c.id)).to.deep.equal(['a', 'b']);
      const many = Array.from({ length: 5000 }, (_, index) => ({ id: `t${index}`, title: `Task ${index}` }));
      expect(filterCandidates(many, 'task', new Set())).to.have.length(50);
    });
  });
});
