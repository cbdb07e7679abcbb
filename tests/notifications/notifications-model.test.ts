// The inbox's pure parts: reminders, order, filters, grouping, badge, reminder read storage, previews,
// arrivals.
import { expect } from '@open-wc/testing';
import { Table } from '@cwm/core';
import { ArrivalTracker, ReminderReads, badgeText, buildInbox, filterInbox, groupByDay, previewText, reminderEntry, unreadCount } from '@cwm/notifications';
import { makeProject, makeTask } from '../fixtures/entities.js';
import { notice } from './notifications-fixtures.js';

const TODAY = '2026-11-05';

describe('notifications model', () => {
  it('builds reminders first (overdue, then by due), then notifications newest first, with read state', () => {
    const reads = new ReminderReads('k', { getItem: () => JSON.stringify([reminderEntry('b', '2026-11-06', 'due-soon')]), setItem: () => {} });
    const items = buildInbox({
      notifications: [notice('n-1', { createdAt: '2026-11-01T00:00:00.000Z' }), notice('n-2', { createdAt: '2026-11-04T00:00:00.000Z', readAt: '2026-11-04T01:00:00.000Z' })],
      tasks: Table.from([
        makeTask('b', { due: '2026-11-06', assigneeIds: ['u-2'] }),
        makeTask('a', { due: '2026-11-01', assigneeIds: ['u-2'] }),
        makeTask('c', { due: '2026-11-01', assigneeIds: ['u-2'], status: 'done' }),
        makeTask('d', { due: '2026-11-08', assigneeIds: ['u-2'] }),
      ]),
      projects: Table.from([makeProject('p-1')]),
      userId: 'u-2',
      today: TODAY,
      reminderReads: reads,
    });
    expect(items.map((item) => [item.key, item.read])).to.deep.equal([
      ['reminder:overdue:a:2026-11-01', false],
      ['reminder:due-soon:b:2026-11-06', true],
      ['n-2', true],
      ['n-1', false],
    ]);
    expect(unreadCount(items)).to.equal(2);
    expect(filterInbox(items, 'unread').map((item) => item.key)).to.deep.equal(['reminder:overdue:a:2026-11-01', 'n-1']);
    expect(filterInbox(items, 'mentions')).to.deep.equal([]);
    const groups = groupByDay(items, TODAY);
    expect(groups.today.length).to.equal(2);
    expect(groups.earlier.map((item) => item.key)).to.deep.equal(['n-2', 'n-1']);
  });

  it('caps the badge at 9+', () => {
    expect([0, 1, 9, 10, 250].map((count) => badgeText(count))).to.deep.equal(['', '1', '9', '9+', '9+']);
  });

  it('stores reminder reads, survives garbage and a storage that throws', () => {
    const memory = new Map<string, string>([['bad', '{not json']]);
    const storage = { getItem: (key: string) => memory.get(key) ?? null, setItem: (key: string, value: string) => void memory.set(key, value) };
    const reads = new ReminderReads('bad', storage);
    expect(reads.has('x')).to.equal(false);
    expect(reads.add(['x', 'x'])).to.equal(true);
    expect(reads.add(['x'])).to.equal(false);
    expect(JSON.parse(memory.get('bad')!)).to.deep.equal(['x']);
    const failing = new ReminderReads('k', { getItem: () => null, setItem: () => { throw new Error('quota'); } });
    expect(failing.add(['y'])).to.equal(true);
    expect(failing.has('y')).to.equal(true);
  });

  it('previews markdown as short plain text', () => {
    expect(previewText('**Bold** and _it_ with [a link](https://x.y) and `code`')).to.equal('Bold and it with a link and code');
    expect(previewText('- one\n- two')).to.equal('one two');
    const long = previewText('word '.repeat(100));
    expect(long.length).to.be.at.most(140);
    expect(long.endsWith('…')).to.equal(true);
  });

  it('reports only unread arrivals after the baseline is set once settled', () => {
    const tracker = new ArrivalTracker();
    expect(tracker.next([notice('n-1')], false)).to.deep.equal([]);
    expect(tracker.next([notice('n-1'), notice('n-2')], false)).to.deep.equal([]);
    const arrived = tracker.next([notice('n-1'), notice('n-2'), notice('n-3'), notice('n-4', { readAt: '2026-11-05T09:00:00.000Z' })], true);
    expect(arrived.map((item) => item.id)).to.deep.equal(['n-3']);
  });
});
