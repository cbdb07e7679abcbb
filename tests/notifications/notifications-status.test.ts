// Status changes on followed tasks: another person's status change reaches Grace's bell live with
// who changed what to which status; the assignee is told too; the actor never is, and neither is
// anyone who neither follows nor is assigned to the task.
import { expect } from '@open-wc/testing';
import type { Notification } from '@cwm/core';
import { makeTask } from '../fixtures/entities.js';
import { badge, eventually, items, liveText, mountInbox, openPanel, texts, type MountedInbox } from './notifications-fixtures.js';

/** Grace (u-2) follows "Fix login", Alan (u-3) is assigned to it; Ada (u-1) follows nothing. */
const FOLLOWED = makeTask('t-1', { title: 'Fix login', followerIds: ['u-2'], assigneeIds: ['u-3'] });
/** A task Grace has nothing to do with. */
const UNRELATED = makeTask('t-2', { title: 'Write docs', assigneeIds: ['u-3'] });

/** What the shared backend holds for one person. */
async function inboxOf(mounted: MountedInbox, personId: string): Promise<Notification[]> {
  const page = await mounted.adaAdapter.list('notifications', { personId, limit: 100 });
  return page.items as Notification[];
}

describe('<cwm-notifications> status changes', () => {
  let mounted: MountedInbox;

  afterEach(() => {
    mounted?.store.dispose();
    mounted?.ada.dispose();
  });

  it('tells the follower, live, whose change moved the task to which status', async () => {
    mounted = await mountInbox({ tasks: [FOLLOWED, UNRELATED] });
    const { inbox, ada } = mounted;
    expect(badge(inbox)).to.equal('');
    const moved = ada.moveTask('t-1', { status: 'review' });
    expect(moved.ok).to.equal(true);
    if (moved.ok) expect((await moved.confirmed).status).to.equal('applied');
    await eventually(inbox, () => badge(inbox) === '1', 'the follower\'s bell counts the status change');
    expect(liveText(inbox)).to.equal('New notification: Status of Fix login changed to Review by Ada Lovelace');
    await openPanel(inbox);
    expect(texts(inbox)).to.deep.equal(['Status of Fix login changed to Review by Ada Lovelace']);
    expect(items(inbox)[0]!.dataset['kind']).to.equal('status-change');
    expect(items(inbox)[0]!.dataset['taskId']).to.equal('t-1');

    // The assignee is told as well; the actor is not.
    const alan = await inboxOf(mounted, 'u-3');
    expect(alan.map((item) => [item.kind, item.taskId, item.actorId])).to.deep.equal([['status-change', 't-1', 'u-1']]);
    expect(await inboxOf(mounted, 'u-1')).to.deep.equal([]);
  });

  it('names the status each change moved the task to, not the one it has now', async () => {
    mounted = await mountInbox({ tasks: [FOLLOWED, UNRELATED] });
    const { inbox, ada } = mounted;
    for (const status of ['review', 'done']) {
      const moved = ada.moveTask('t-1', { status });
      expect(moved.ok).to.equal(true);
      if (moved.ok) expect((await moved.confirmed).status).to.equal('applied');
    }
    await eventually(inbox, () => badge(inbox) === '2', 'both status changes counted');
    await openPanel(inbox);
    expect(texts(inbox)).to.have.members([
      'Status of Fix login changed to Review by Ada Lovelace',
      'Status of Fix login changed to Done by Ada Lovelace',
    ]);
    const grace = await inboxOf(mounted, 'u-2');
    expect(grace.map((item) => item.toStatus).sort()).to.deep.equal(['done', 'review']);
  });

  it('does not tell the person who made the change, nor people outside the task', async () => {
    mounted = await mountInbox({ tasks: [FOLLOWED, UNRELATED] });
    const { inbox, store, ada } = mounted;
    // Grace, a follower, moves the task herself: her inbox stays empty, Alan hears it from her.
    const own = store.moveTask('t-1', { status: 'doing' });
    expect(own.ok).to.equal(true);
    if (own.ok) expect((await own.confirmed).status).to.equal('applied');
    // A change on a task Grace neither follows nor is assigned to.
    const other = ada.moveTask('t-2', { status: 'done' });
    expect(other.ok).to.equal(true);
    if (other.ok) expect((await other.confirmed).status).to.equal('applied');

    const alan = await inboxOf(mounted, 'u-3');
    expect(alan.map((item) => `${item.kind} ${item.taskId} by ${item.actorId}`).sort()).to.deep.equal(['status-change t-1 by u-2', 'status-change t-2 by u-1']);
    expect(await inboxOf(mounted, 'u-2')).to.deep.equal([]);
    expect(await inboxOf(mounted, 'u-1')).to.deep.equal([]);
    // Give a live notification time to arrive, had one been (wrongly) made.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await inbox.updateComplete;
    expect(badge(inbox)).to.equal('');
    await openPanel(inbox);
    expect(items(inbox)).to.deep.equal([]);
  });

  it('notifies someone who both follows and is assigned once, not twice', async () => {
    mounted = await mountInbox({ tasks: [makeTask('t-1', { title: 'Fix login', followerIds: ['u-2'], assigneeIds: ['u-2'] })] });
    const { inbox, ada } = mounted;
    const moved = ada.moveTask('t-1', { status: 'done' });
    if (moved.ok) await moved.confirmed;
    await eventually(inbox, () => badge(inbox) === '1', 'one status change');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(badge(inbox)).to.equal('1');
    await openPanel(inbox);
    expect(texts(inbox)).to.deep.equal(['Status of Fix login changed to Done by Ada Lovelace']);
  });
});
