// Pure models of <cwm-task-detail>: field drafts and their checks, the concurrent-edit state,
// subtask moves and checklist edits.
import { expect } from '@open-wc/testing';
import { addItem, checkDraft, checklistCounts, completionStatus, fieldText, keepMine, lastChangedBy, moveItem, splitTags, reconcileEdit, removeItem, renameItem, startEdit, subtasksOf, tickItem, useTheirs } from '@cwm/task-detail';
import { isIsoDate } from '@cwm/core';
import type { ActivityEntry } from '@cwm/core';
import { AT, makeProject, makeTask } from '../fixtures/entities.js';
import { STRICT_WORKFLOW } from './detail-fixtures.js';

describe('task-detail field drafts', () => {
  const task = makeTask('t-1', { start: '2026-11-02', due: '2026-11-20', estimate: 4, tags: ['a', 'b'] });

  it('gives each field its text', () => {
    expect(fieldText(task, 'tags')).to.equal('a, b');
    expect(fieldText(task, 'estimate')).to.equal('4');
    expect(fieldText(makeTask('t-2'), 'estimate')).to.equal('');
    expect(fieldText(task, 'progress')).to.equal('0');
  });

  it('checks dates: real days only, due not before start, start not after due, empty clears', () => {
    expect(isIsoDate('2026-02-28')).to.equal(true);
    expect(isIsoDate('2026-02-30')).to.equal(false);
    expect(isIsoDate('26-1-1')).to.equal(false);
    expect(checkDraft(task, 'due', '2026-11-01')).to.deep.equal({ ok: false, error: 'task-detail.due-before-start', params: { start: '2026-11-02' } });
    expect(checkDraft(task, 'start', '2026-11-21')).to.deep.equal({ ok: false, error: 'task-detail.start-after-due', params: { due: '2026-11-20' } });
    expect(checkDraft(task, 'due', '2026-11-02')).to.deep.equal({ ok: true, patch: { due: '2026-11-02' } });
    expect(checkDraft(task, 'start', '')).to.deep.equal({ ok: true, patch: { start: undefined } });
    expect(checkDraft(task, 'start', 'soon')).to.deep.equal({ ok: false, error: 'task-detail.date-invalid' });
  });

  it('checks numbers: estimate >= 0 (decimal comma accepted), progress a whole 0..100', () => {
    expect(checkDraft(task, 'estimate', '2,5')).to.deep.equal({ ok: true, patch: { estimate: 2.5 } });
    expect(checkDraft(task, 'estimate', '0')).to.deep.equal({ ok: true, patch: { estimate: 0 } });
    expect(checkDraft(task, 'estimate', '-1').ok).to.equal(false);
    expect(checkDraft(task, 'estimate', 'abc').ok).to.equal(false);
    expect(checkDraft(task, 'progress', '100')).to.deep.equal({ ok: true, patch: { progress: 100 } });
    for (const bad of ['101', '-1', '5.5', '', 'x']) expect(checkDraft(task, 'progress', bad).ok, bad).to.equal(false);
  });

  it('checks titles and tags', () => {
    expect(checkDraft(task, 'title', '  x  ')).to.deep.equal({ ok: true, patch: { title: 'x' } });
    expect(checkDraft(task, 'title', ' \n ').ok).to.equal(false);
    expect(splitTags(' a,, b ,')).to.deep.equal(['a', 'b']);
    expect(checkDraft(task, 'tags', 'x, X')).to.deep.equal({ ok: false, error: 'task-detail.tags-invalid', params: { tags: 'X' } });
    expect(checkDraft(task, 'description', 'text\n\n ')).to.deep.equal({ ok: true, patch: { description: 'text' } });
  });
});

describe('task-detail concurrent-edit state', () => {
  it('notices a change by someone else, forgets it when it is undone, and resolves both ways', () => {
    const edit = { ...startEdit('old'), draft: 'mine' };
    expect(reconcileEdit(edit, 'old')).to.equal(edit);
    const conflicted = reconcileEdit(edit, 'theirs');
    expect(conflicted).to.deep.equal({ draft: 'mine', base: 'old', theirs: 'theirs' });
    expect(reconcileEdit(conflicted, 'theirs')).to.equal(conflicted);
    expect(reconcileEdit(conflicted, 'old')).to.deep.equal({ draft: 'mine', base: 'old' });
    expect(reconcileEdit(edit, 'mine')).to.deep.equal({ draft: 'mine', base: 'mine' });
    expect(useTheirs(conflicted)).to.deep.equal({ draft: 'theirs', base: 'theirs' });
    expect(keepMine(conflicted)).to.deep.equal({ draft: 'mine', base: 'theirs' });
  });

  it('finds who changed a field last from the activity log', () => {
    const entry = (id: string, actorId: string, at: string, field: string): ActivityEntry => ({
      id, version: 1, createdAt: AT, updatedAt: AT, taskId: 't-1', projectId: 'p-1', actorId, at, action: 'updated', changes: [{ field, from: 1, to: 2 }],
    });
    const log = [entry('a-1', 'u-1', '2026-11-02T10:00:00Z', 'title'), entry('a-2', 'u-2', '2026-11-03T10:00:00Z', 'title'), entry('a-3', 'u-3', '2026-11-04T10:00:00Z', 'due')];
    expect(lastChangedBy(log, 't-1', 'title')).to.equal('u-2');
    expect(lastChangedBy(log, 't-1', 'due')).to.equal('u-3');
    expect(lastChangedBy(log, 't-1', 'tags')).to.equal(undefined);
    expect(lastChangedBy(log, 't-9', 'title')).to.equal(undefined);
  });
});

describe('task-detail subtasks', () => {
  const siblings = subtasksOf(
    [makeTask('c', { parentId: 't-1', rank: 'c' }), makeTask('a', { parentId: 't-1', rank: 'a' }), makeTask('b', { parentId: 't-1', rank: 'b' }), makeTask('x', { rank: 'a' })],
    't-1',
  );

  it('orders direct subtasks by rank', () => {
    expect(siblings.map((task) => task.id)).to.deep.equal(['a', 'b', 'c']);
  });

  it('completes with a done status the workflow allows, reopens with a to-do one', () => {
    const project = makeProject('p-1', { workflow: STRICT_WORKFLOW });
    expect(completionStatus(project, 'doing', true)).to.equal('done');
    expect(completionStatus(project, 'doing', false)).to.equal('todo');
    // From "to do" the workflow allows no done status: the first done one is proposed (the store refuses it with the reason).
    expect(completionStatus(project, 'todo', true)).to.equal('done');
    expect(completionStatus(undefined, 'todo', true)).to.equal(undefined);
  });
});

describe('task-detail checklist edits', () => {
  const items = [
    { id: '1', text: 'one', done: false },
    { id: '2', text: 'two', done: true },
    { id: '3', text: 'three', done: false },
  ];

  it('ticks, renames, removes, adds and moves without touching the input', () => {
    expect(tickItem(items, '1', true)[0]!.done).to.equal(true);
    expect(renameItem(items, '2', ' deux ')[1]!.text).to.equal('deux');
    expect(removeItem(items, '2').map((item) => item.id)).to.deep.equal(['1', '3']);
    expect(addItem(items, '4', ' four ').at(-1)).to.deep.equal({ id: '4', text: 'four', done: false });
    expect(moveItem(items, '3', -1).map((item) => item.id)).to.deep.equal(['1', '3', '2']);
    expect(moveItem(items, '1', -1).map((item) => item.id)).to.deep.equal(['1', '2', '3']);
    expect(checklistCounts(items)).to.deep.equal({ done: 1, total: 3 });
    expect(items.map((item) => item.text)).to.deep.equal(['one', 'two', 'three']);
  });
});
