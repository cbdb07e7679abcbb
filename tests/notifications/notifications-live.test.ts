// <cwm-notifications> on a real store: notifications made by another person's store (mention,
// assignment) appear live with the right words, badge and announcement; reading them goes through
// the store to the backend.
import { expect, waitUntil } from '@open-wc/testing';
import { todayIso } from '@cwm/core';
import { makeTask } from '../fixtures/entities.js';
import { FIX_LOGIN, badge, bell, eventually, items, liveText, mountInbox, notice, openPanel, settle, shadow, texts, type MountedInbox } from './notifications-fixtures.js';

describe('<cwm-notifications> live', () => {
  let mounted: MountedInbox;

  afterEach(() => {
    mounted?.store.dispose();
    mounted?.ada.dispose();
  });

  it('shows a mention posted by another store at once: text, preview, badge, announcement', async () => {
    mounted = await mountInbox();
    const { inbox, ada } = mounted;
    expect(badge(inbox)).to.equal('');
    expect(bell(inbox).getAttribute('aria-label')).to.equal('Notifications, none unread');
    await openPanel(inbox);

    const posted = ada.postMessage({ taskId: 't-1', body: 'Can you **check** the [token](https://example.com) flow, @Grace?', mentions: ['u-2'] });
    expect(posted.ok).to.equal(true);
    await eventually(inbox, () => badge(inbox) === '1', 'the badge counts the mention');

    expect(bell(inbox).getAttribute('aria-label')).to.equal('1 unread notification');
    expect(texts(inbox)).to.deep.equal(['Ada Lovelace mentioned you in Fix login']);
    const item = items(inbox)[0]!;
    expect(item.hasAttribute('data-unread')).to.equal(true);
    expect(item.querySelector('.preview')?.textContent).to.equal('Can you check the token flow, @Grace?');
    expect(liveText(inbox)).to.equal('New mention from Ada Lovelace');
    // Grouped under Today: it just happened.
    expect(shadow(inbox).querySelector('section h3')?.textContent).to.equal('Today');
  });

  it('counts assignments up live and says who assigned what', async () => {
    mounted = await mountInbox({ tasks: [FIX_LOGIN, makeTask('t-2', { title: 'Write docs' })] });
    const { inbox, ada } = mounted;
    expect(ada.assignTasks(['t-1'], ['u-2']).ok).to.equal(true);
    await eventually(inbox, () => badge(inbox) === '1', 'first assignment');
    expect(ada.assignTasks(['t-2'], ['u-2']).ok).to.equal(true);
    await eventually(inbox, () => badge(inbox) === '2', 'second assignment');
    expect(bell(inbox).getAttribute('aria-label')).to.equal('2 unread notifications');
    expect(liveText(inbox)).to.equal('New notification: You were assigned to Write docs by Ada Lovelace');
    await openPanel(inbox);
    expect(texts(inbox)).to.deep.equal(['You were assigned to Write docs by Ada Lovelace', 'You were assigned to Fix login by Ada Lovelace']);
  });

  it('does not announce what was there before the user arrived', async () => {
    mounted = await mountInbox({ notifications: [notice('n-1')] });
    expect(badge(mounted.inbox)).to.equal('1');
    expect(liveText(mounted.inbox)).to.equal('');
  });

  it('caps the badge at 9+ and still names the exact count', async () => {
    const many = Array.from({ length: 12 }, (_, index) => notice(`n-${index}`, { createdAt: `2026-11-05T08:${String(10 + index)}:00.000Z` }));
    mounted = await mountInbox({ notifications: many });
    expect(badge(mounted.inbox)).to.equal('9+');
    expect(bell(mounted.inbox).getAttribute('aria-label')).to.equal('12 unread notifications');
  });

  it('marks one read when it is opened, through the store and in the backend', async () => {
    mounted = await mountInbox({ notifications: [notice('n-1'), notice('n-2', { createdAt: '2026-11-05T09:00:00.000Z', kind: 'mention' })] });
    const { inbox, store } = mounted;
    await openPanel(inbox);
    const second = items(inbox).find((item) => item.dataset['key'] === 'n-1')!;
    second.click();
    await settle(inbox);
    expect(store.state.notifications.get('n-1')?.readAt).to.be.a('string');
    expect(store.state.notifications.get('n-2')?.readAt).to.equal(undefined);
    expect(badge(inbox)).to.equal('1');
    // The mark reached the shared backend: another tab of Grace's would load it read.
    await waitUntil(async () => {
      const page = await mounted.adaAdapter.list('notifications', { personId: 'u-2' });
      const stored = (page.items as { id: string; readAt?: string }[]).find((item) => item.id === 'n-1');
      return typeof stored?.readAt === 'string';
    }, 'the backend has the read mark');
  });

  it('marks all read with one button, leaving the badge empty', async () => {
    mounted = await mountInbox({ notifications: [notice('n-1'), notice('n-2', { kind: 'mention' }), notice('n-3', { kind: 'comment' })] });
    const { inbox, store } = mounted;
    await openPanel(inbox);
    const markAll = shadow(inbox).querySelector<HTMLButtonElement>('.mark-all')!;
    expect(markAll.disabled).to.equal(false);
    markAll.click();
    await settle(inbox);
    expect(store.state.notifications.values().every((item) => item.readAt !== undefined)).to.equal(true);
    expect(badge(inbox)).to.equal('');
    expect(items(inbox).some((item) => item.hasAttribute('data-unread'))).to.equal(false);
    expect(markAll.disabled).to.equal(true);
    expect(bell(inbox).getAttribute('aria-label')).to.equal('Notifications, none unread');
  });

  it('says who changed a followed task to which status', async () => {
    mounted = await mountInbox({
      tasks: [makeTask('t-1', { title: 'Fix login', status: 'review' })],
      notifications: [notice('n-1', { kind: 'status-change', actorId: 'u-3' })],
    });
    await openPanel(mounted.inbox);
    expect(texts(mounted.inbox)).to.deep.equal(['Status of Fix login changed to Review by Alan Turing']);
  });

  it('groups Today and Earlier by the today attribute', async () => {
    const today = todayIso();
    mounted = await mountInbox({
      today,
      notifications: [
        notice('n-old', { createdAt: '2020-01-01T12:00:00.000Z' }),
        notice('n-new', { createdAt: new Date().toISOString(), kind: 'comment' }),
      ],
    });
    await openPanel(mounted.inbox);
    const sections = [...shadow(mounted.inbox).querySelectorAll('section')];
    expect(sections.map((section) => section.querySelector('h3')?.textContent)).to.deep.equal(['Today', 'Earlier']);
    expect(sections[0]!.querySelectorAll('.item').length).to.equal(1);
    expect(sections[1]!.querySelector<HTMLElement>('.item')?.dataset['key']).to.equal('n-old');
  });
});
