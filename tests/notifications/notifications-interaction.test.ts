// <cwm-notifications>: due reminders for a known today, filters, opening items (events), keyboard,
// dismissal, German, the shared XSS battery and axe.
import { expect, nextFrame } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MAX_MESSAGE_LENGTH } from '@cwm/core';
import { previewText, reminderReadsKey, type NotificationOpenDetail } from '@cwm/notifications';
import { makeMessage, makePerson, makeTask } from '../fixtures/entities.js';
import { XSS_PAYLOADS, normalizeSpace, xssViolations, type XssPayload } from '../fixtures/xss-payloads.js';
import {
  FIX_LOGIN,
  PEOPLE,
  WORKSPACE,
  badge,
  bell,
  eventually,
  items,
  mountInbox,
  notice,
  openPanel,
  record,
  settle,
  shadow,
  textOf,
  texts,
  type MountedInbox,
} from './notifications-fixtures.js';

const TODAY = '2026-11-05';

/** Tasks around TODAY: overdue, due today, tomorrow, in two days, in three (too far), done, not Grace's. */
const DUE_TASKS = [
  makeTask('late', { title: 'Late one', due: '2026-11-02', assigneeIds: ['u-2'] }),
  makeTask('today', { title: 'Today one', due: TODAY, assigneeIds: ['u-2'] }),
  makeTask('tomorrow', { title: 'Tomorrow one', due: '2026-11-06', assigneeIds: ['u-2'] }),
  makeTask('soon', { title: 'Soon one', due: '2026-11-07', assigneeIds: ['u-2'] }),
  makeTask('far', { title: 'Far one', due: '2026-11-08', assigneeIds: ['u-2'] }),
  makeTask('finished', { title: 'Finished one', due: '2026-11-01', assigneeIds: ['u-2'], status: 'done' }),
  makeTask('others', { title: 'Not mine', due: TODAY, assigneeIds: ['u-3'] }),
];

/**
 * Beyond the shared battery: text that looks like the sentence's own placeholders must be shown as
 * typed, never filled in a second time.
 */
const EXTRA_XSS: readonly XssPayload[] = [{ name: 'placeholder look-alikes', text: '{actor} {task} <b onclick="window.__xss = 7">' }];

describe('<cwm-notifications> interaction', () => {
  let mounted: MountedInbox;

  beforeEach(() => localStorage.removeItem(reminderReadsKey(WORKSPACE.id, 'u-2')));
  afterEach(() => {
    mounted?.store.dispose();
    mounted?.ada.dispose();
  });

  it('lists due-soon and overdue reminders of my open tasks for a known today', async () => {
    mounted = await mountInbox({ tasks: DUE_TASKS, today: TODAY });
    const { inbox } = mounted;
    expect(badge(inbox)).to.equal('4');
    await openPanel(inbox);
    expect(texts(inbox)).to.deep.equal([
      'Overdue since Nov 2, 2026: Late one',
      'Due today: Today one',
      'Due tomorrow: Tomorrow one',
      'Due Nov 7, 2026: Soon one',
    ]);
  });

  it('keeps reminder reads per person in localStorage, across a remount', async () => {
    mounted = await mountInbox({ tasks: DUE_TASKS, today: TODAY });
    await openPanel(mounted.inbox);
    items(mounted.inbox)[1]!.click();
    await settle(mounted.inbox);
    expect(badge(mounted.inbox)).to.equal('3');
    const saved = JSON.parse(localStorage.getItem(reminderReadsKey(WORKSPACE.id, 'u-2')) ?? '[]') as string[];
    expect(saved).to.deep.equal([`today|${TODAY}|due-soon`]);
    mounted.store.dispose();
    mounted.ada.dispose();

    mounted = await mountInbox({ tasks: DUE_TASKS, today: TODAY });
    expect(badge(mounted.inbox)).to.equal('3');
    // Mark all read covers reminders too.
    await openPanel(mounted.inbox);
    shadow(mounted.inbox).querySelector<HTMLButtonElement>('.mark-all')!.click();
    await settle(mounted.inbox);
    expect(badge(mounted.inbox)).to.equal('');
  });

  it('filters All / Unread / Mentions', async () => {
    mounted = await mountInbox({
      notifications: [
        notice('n-1', { createdAt: '2026-11-05T08:00:00.000Z' }),
        notice('n-2', { createdAt: '2026-11-05T09:00:00.000Z', kind: 'mention', readAt: '2026-11-05T09:30:00.000Z' }),
        notice('n-3', { createdAt: '2026-11-05T10:00:00.000Z', kind: 'mention', actorId: 'u-3' }),
      ],
    });
    const { inbox } = mounted;
    await openPanel(inbox);
    const keys = (): string[] => items(inbox).map((item) => item.dataset['key']!);
    expect(keys()).to.deep.equal(['n-3', 'n-2', 'n-1']);
    const filterButton = (name: string) => shadow(inbox).querySelector<HTMLButtonElement>(`[data-filter=${name}]`)!;
    filterButton('unread').click();
    await settle(inbox);
    expect(keys()).to.deep.equal(['n-3', 'n-1']);
    expect(filterButton('unread').getAttribute('aria-pressed')).to.equal('true');
    expect(filterButton('all').getAttribute('aria-pressed')).to.equal('false');
    filterButton('mentions').click();
    await settle(inbox);
    expect(keys()).to.deep.equal(['n-3', 'n-2']);
    expect(texts(inbox)[0]).to.equal('Alan Turing mentioned you in Fix login');
  });

  it('respects limit and says how many more there are', async () => {
    const many = Array.from({ length: 5 }, (_, index) => notice(`n-${index}`, { createdAt: `2026-11-05T08:0${index}:00.000Z` }));
    mounted = await mountInbox({ notifications: many, limit: 3 });
    await openPanel(mounted.inbox);
    expect(items(mounted.inbox).length).to.equal(3);
    expect(shadow(mounted.inbox).querySelector('.more')?.textContent).to.equal('2 more not shown');
  });

  it('a click emits cwm-notification-open then cwm-task-open with the task, and closes', async () => {
    mounted = await mountInbox({ notifications: [notice('n-1', { kind: 'mention', messageId: 'm-9' })] });
    const { inbox, workspace } = mounted;
    const opened = record<NotificationOpenDetail>(workspace, 'cwm-notification-open');
    const tasks = record<{ taskId: string }>(workspace, 'cwm-task-open');
    const order: string[] = [];
    workspace.addEventListener('cwm-notification-open', () => order.push('notification'));
    workspace.addEventListener('cwm-task-open', () => order.push('task'));
    await openPanel(inbox);
    items(inbox)[0]!.click();
    await settle(inbox);
    expect(opened).to.deep.equal([{ kind: 'mention', taskId: 't-1', notificationId: 'n-1', messageId: 'm-9' }]);
    expect(tasks).to.deep.equal([{ taskId: 't-1' }]);
    expect(order).to.deep.equal(['notification', 'task']);
    expect(inbox.open).to.equal(false);
    expect(inbox.hasAttribute('open')).to.equal(false);
  });

  it('reminder events carry the kind and task but no notification id', async () => {
    mounted = await mountInbox({ tasks: DUE_TASKS, today: TODAY });
    const opened = record<NotificationOpenDetail>(mounted.workspace, 'cwm-notification-open');
    await openPanel(mounted.inbox);
    items(mounted.inbox)[0]!.click();
    expect(opened).to.deep.equal([{ kind: 'overdue', taskId: 'late' }]);
  });

  it('works from the keyboard: open, arrows, Enter, Escape returns focus to the bell', async () => {
    mounted = await mountInbox({
      notifications: [notice('n-1', { createdAt: '2026-11-05T08:00:00.000Z' }), notice('n-2', { createdAt: '2026-11-05T09:00:00.000Z', kind: 'comment' })],
    });
    const { inbox, workspace } = mounted;
    const tasks = record<{ taskId: string }>(workspace, 'cwm-task-open');
    bell(inbox).focus();
    await sendKeys({ press: 'Enter' });
    await settle(inbox);
    expect(inbox.open).to.equal(true);
    expect(inbox.hasAttribute('open')).to.equal(true);
    expect(bell(inbox).getAttribute('aria-expanded')).to.equal('true');
    const focusedKey = () => (shadow(inbox).activeElement as HTMLElement | null)?.dataset['key'];
    expect(focusedKey()).to.equal('n-2');
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedKey()).to.equal('n-1');
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedKey()).to.equal('n-1');
    await sendKeys({ press: 'Home' });
    expect(focusedKey()).to.equal('n-2');
    // Roving tabindex: only the focused item is in the tab order.
    await settle(inbox);
    expect(items(inbox).map((item) => item.tabIndex)).to.deep.equal([0, -1]);
    await sendKeys({ press: 'Escape' });
    await settle(inbox);
    expect(inbox.open).to.equal(false);
    expect(shadow(inbox).activeElement === bell(inbox), 'focus is on the bell').to.equal(true);
    expect(tasks).to.deep.equal([]);

    await sendKeys({ press: 'Enter' });
    await settle(inbox);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await settle(inbox);
    expect(tasks).to.deep.equal([{ taskId: 't-1' }]);
    expect(mounted.store.state.notifications.get('n-1')?.readAt).to.be.a('string');
    expect(shadow(inbox).activeElement === bell(inbox), 'focus is on the bell').to.equal(true);
  });

  it('closes on an outside click', async () => {
    mounted = await mountInbox({ notifications: [notice('n-1')] });
    const { inbox } = mounted;
    await openPanel(inbox);
    const panel = shadow(inbox).querySelector<HTMLElement>('.panel')!;
    expect(panel.matches(':popover-open')).to.equal(true);
    // The panel sits under the bell.
    expect(panel.getBoundingClientRect().top).to.be.greaterThan(bell(inbox).getBoundingClientRect().bottom);
    // A press anywhere outside the element (a real mouse press lands on the page's body).
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await settle(inbox);
    expect(inbox.open).to.equal(false);
    expect(panel.matches(':popover-open')).to.equal(false);
    expect(shadow(inbox).activeElement === bell(inbox), 'focus is on the bell').to.equal(true);
  });

  it('opens and closes from the open attribute', async () => {
    mounted = await mountInbox({ notifications: [notice('n-1')] });
    const { inbox } = mounted;
    inbox.setAttribute('open', '');
    await settle(inbox);
    expect(items(inbox).length).to.equal(1);
    inbox.removeAttribute('open');
    await settle(inbox);
    expect(items(inbox).length).to.equal(0);
  });

  it('speaks German', async () => {
    mounted = await mountInbox({
      lang: 'de',
      tasks: [FIX_LOGIN, makeTask('t-2', { title: 'Doku', due: TODAY, assigneeIds: ['u-2'] })],
      today: TODAY,
      notifications: [notice('n-1', { kind: 'mention' })],
    });
    const { inbox } = mounted;
    expect(bell(inbox).getAttribute('aria-label')).to.equal('2 ungelesene Benachrichtigungen');
    await openPanel(inbox);
    expect(texts(inbox)).to.deep.equal(['Heute fällig: Doku', 'Ada Lovelace hat Sie in Fix login erwähnt']);
    expect(shadow(inbox).querySelector('.mark-all')?.textContent?.trim()).to.equal('Alle als gelesen markieren');
  });

  it('renders the XSS battery in names, titles and mention previews as text, running nothing', async function () {
    this.timeout(20_000);
    delete window.__xss;
    const payloads = [...XSS_PAYLOADS, ...EXTRA_XSS];
    // Payload i is the name of person x-i, the title of task x-i (due today, Grace's) and the body of
    // x-i's message on it that mentions Grace.
    const people = [...PEOPLE, ...payloads.map((payload, index) => makePerson(`x-${index}`, { name: payload.text }))];
    const tasks = payloads.map((payload, index) => makeTask(`x-${index}`, { title: payload.text, due: TODAY, assigneeIds: ['u-2'] }));
    // A message body is capped by the model (the store refuses longer ones), names and titles are not.
    const bodyOf = (payload: XssPayload): string => payload.text.slice(0, MAX_MESSAGE_LENGTH);
    const messages = payloads.map((payload, index) => makeMessage(`m-x-${index}`, { taskId: `x-${index}`, authorId: `x-${index}`, body: bodyOf(payload), mentions: ['u-2'] }));
    const notifications = payloads.map((_, index) => notice(`n-x-${index}`, { kind: 'mention', taskId: `x-${index}`, actorId: `x-${index}`, messageId: `m-x-${index}` }));
    mounted = await mountInbox({ people, tasks: [FIX_LOGIN, ...tasks], messages, notifications, today: TODAY, limit: 500 });
    const { inbox } = mounted;
    await openPanel(inbox);
    await eventually(inbox, () => shadow(inbox).querySelectorAll('.preview').length === payloads.length, 'every mention shows its preview');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settle(inbox);
    const root = shadow(inbox);
    expect(items(inbox).length).to.equal(payloads.length * 2);

    // Nothing ran and nothing dangerous is in the DOM; the bell's own icon is the one <svg> allowed.
    expect(root.querySelectorAll('svg').length).to.equal(1);
    expect(root.querySelector('svg')!.closest('.bell')).to.not.equal(null);
    expect(xssViolations(root).filter((problem) => problem !== '<svg> element')).to.deep.equal([]);
    for (const item of items(inbox)) expect(xssViolations(item), item.dataset['key']).to.deep.equal([]);

    // Each payload is shown exactly as typed: in the reminder's title, the mention's actor and task, the preview.
    const shown = new Map(items(inbox).map((item) => [item.dataset['key']!, item] as const));
    payloads.forEach((payload, index) => {
      const text = normalizeSpace(payload.text);
      const mention = shown.get(`n-x-${index}`);
      expect(mention, `mention item of ${payload.name}`).to.not.equal(undefined);
      expect(normalizeSpace(textOf(mention!)), payload.name).to.equal(`${text} mentioned you in ${text}`);
      expect(mention!.querySelector('.preview')!.textContent, payload.name).to.equal(previewText(bodyOf(payload)));
      const reminder = items(inbox).find((item) => item.dataset['kind'] === 'due-soon' && item.dataset['taskId'] === `x-${index}`);
      expect(reminder, `reminder item of ${payload.name}`).to.not.equal(undefined);
      expect(normalizeSpace(textOf(reminder!)), payload.name).to.equal(`Due today: ${text}`);
    });
    expect(window.__xss).to.equal(undefined);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations closed and open (${theme})`, async () => {
      mounted = await mountInbox({ theme, tasks: DUE_TASKS, today: TODAY, notifications: [notice('n-1', { kind: 'mention' }), notice('n-2', { createdAt: '2020-01-01T00:00:00.000Z' })] });
      const { inbox } = mounted;
      await expect(inbox).to.be.accessible();
      await openPanel(inbox);
      await nextFrame();
      await expect(inbox).to.be.accessible();
    });
  }
});
