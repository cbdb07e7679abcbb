// Task events as chat lines: each field the activity log records becomes the line the chat shows,
// the due date included (the log names it `due`, like the task).
import { expect } from '@open-wc/testing';
import type { ActivityEntry } from '@cwm/core';
import { activityLines } from '@cwm/chat';

const AT = '2026-03-02T09:00:00.000Z';

function updated(changes: ActivityEntry['changes']): ActivityEntry {
  return { id: 'a-1', version: 1, createdAt: AT, updatedAt: AT, taskId: 't-1', projectId: 'p-1', actorId: 'u-1', at: AT, action: 'updated', changes };
}

describe('activityLines', () => {
  it('says when the due date was set, moved or cleared', () => {
    expect(activityLines(updated([{ field: 'due', from: '2026-03-01', to: '2026-03-09' }]))).to.deep.equal([{ key: 'chat.system.due', value: '2026-03-09' }]);
    expect(activityLines(updated([{ field: 'due', from: '2026-03-01', to: null }]))).to.deep.equal([{ key: 'chat.system.due-cleared' }]);
  });

  it('turns assignments into one line for the added and one for the removed people', () => {
    expect(activityLines(updated([{ field: 'assigneeIds', from: ['u-1', 'u-2'], to: ['u-2', 'u-3'] }]))).to.deep.equal([
      { key: 'chat.system.assigned', personIds: ['u-3'] },
      { key: 'chat.system.unassigned', personIds: ['u-1'] },
    ]);
  });

  it('has one line for a created and a deleted task', () => {
    expect(activityLines({ ...updated([]), action: 'created' })).to.deep.equal([{ key: 'chat.system.created' }]);
    expect(activityLines({ ...updated([]), action: 'deleted' })).to.deep.equal([{ key: 'chat.system.deleted' }]);
  });
});
