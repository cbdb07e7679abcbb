import { expect } from '@open-wc/testing';
import type { ActivityEntry } from '@cwm/core';
import { buildFeed, changeLines } from '../../packages/task-detail/src/model/activity-feed.js';
import { makeMessage } from '../fixtures/entities.js';

function entry(id: string, at: string, action: ActivityEntry['action'], changes: ActivityEntry['changes'] = []): ActivityEntry {
  return { id, version: 1, createdAt: at, updatedAt: at, taskId: 't-1', projectId: 'p-1', actorId: 'u-1', at, action, changes };
}

describe('task-detail activity model', () => {
  it('describes changes field by field; ranks say nothing', () => {
    const lines = changeLines(
      entry('a1', '2026-11-01T10:00:00.000Z', 'updated', [
        { field: 'status', from: 'todo', to: 'doing' },
        { field: 'rank', from: 'a', to: 'b' },
        { field: 'due', from: '2026-11-02', to: undefined },
        { field: 'assigneeIds', from: ['u-1'], to: ['u-2', 'u-3'] },
        { field: 'checklist', from: [], to: [{}, {}] },
        { field: 'description', from: 'a', to: 'b' },
        { field: 'estimate', from: 1, to: 8 },
      ]),
    );
    expect(lines).to.deep.equal([
      { kind: 'set', field: 'status', value: 'doing' },
      { kind: 'cleared', field: 'due' },
      { kind: 'added-people', field: 'assigneeIds', personIds: ['u-2', 'u-3'] },
      { kind: 'removed-people', field: 'assigneeIds', personIds: ['u-1'] },
      { kind: 'list-added', field: 'checklist', count: 2 },
      { kind: 'changed', field: 'description' },
      { kind: 'set', field: 'estimate', value: '8' },
    ]);
    expect(changeLines(entry('a2', '2026-11-01T10:00:00.000Z', 'created'))).to.deep.equal([{ kind: 'created' }]);
  });

  it('merges changes and comments in time order, changes first at the same instant', () => {
    const activity = [
      entry('a2', '2026-11-01T11:00:00.000Z', 'updated', [{ field: 'title', from: 'x', to: 'y' }]),
      entry('a1', '2026-11-01T09:00:00.000Z', 'created'),
      entry('a3', '2026-11-01T12:00:00.000Z', 'updated', [{ field: 'rank', from: 'a', to: 'b' }]),
    ];
    const messages = [
      makeMessage('m2', { createdAt: '2026-11-01T11:00:00.000Z' }),
      makeMessage('m1', { createdAt: '2026-11-01T10:00:00.000Z' }),
      makeMessage('m3', { createdAt: '2026-11-01T10:30:00.000Z', deleted: true }),
      makeMessage('m4', { createdAt: '2026-11-01T10:40:00.000Z', kind: 'system' }),
    ];
    const all = buildFeed({ activity, messages, filter: 'all', limit: 50 });
    expect(all.items.map((item) => item.key)).to.deep.equal(['a:a1', 'm:m1', 'a:a2', 'm:m2']);
    expect(all.hidden).to.equal(0);
    expect(buildFeed({ activity, messages, filter: 'changes', limit: 50 }).items.map((item) => item.key)).to.deep.equal(['a:a1', 'a:a2']);
    expect(buildFeed({ activity, messages, filter: 'comments', limit: 50 }).items.map((item) => item.key)).to.deep.equal(['m:m1', 'm:m2']);
  });

  it('keeps the newest items within the limit and counts the hidden ones', () => {
    const messages = Array.from({ length: 120 }, (_, index) =>
      makeMessage(`m${String(index).padStart(3, '0')}`, { createdAt: new Date(Date.UTC(2026, 10, 1, 9, index)).toISOString() }),
    );
    const feed = buildFeed({ activity: [], messages, filter: 'all', limit: 50 });
    expect(feed.items.length).to.equal(50);
    expect(feed.hidden).to.equal(70);
    expect(feed.items[0]!.key).to.equal('m:m070');
    expect(feed.items[49]!.key).to.equal('m:m119');
  });
});
