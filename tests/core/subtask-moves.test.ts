import { expect } from '@open-wc/testing';
import { applyMutation, childrenByParent, demoteTask, promoteTask, reorderSubtask, type SubtaskMove, type Task } from '@cwm/core';
import { makeTask } from '../fixtures/entities.js';

/**
 * p-1: top-level A, B, C (ranks b, d, f); A has a1, a2, a3 (ranks b, d, f); a2 has a2x. p-2: its own
 * top-level Z (rank c), which is no sibling of p-1's tasks.
 */
function tasks(): Task[] {
  return [
    makeTask('A', { rank: 'b' }),
    makeTask('B', { rank: 'd' }),
    makeTask('C', { rank: 'f' }),
    makeTask('a1', { parentId: 'A', rank: 'b' }),
    makeTask('a2', { parentId: 'A', rank: 'd' }),
    makeTask('a3', { parentId: 'A', rank: 'f' }),
    makeTask('a2x', { parentId: 'a2', rank: 'i' }),
    makeTask('Z', { projectId: 'p-2', rank: 'c' }),
  ];
}

/** The tasks after the move's changes, applied the way the store applies a patch. */
function after(before: Task[], move: SubtaskMove): Task[] {
  if (!move.ok) throw new Error(`refused: ${move.reason}`);
  const byId = new Map(before.map((task) => [task.id, task]));
  for (const change of move.changes) {
    const task = byId.get(change.id)!;
    byId.set(change.id, applyMutation(task, { id: 'm', kind: 'update', collection: 'tasks', entityId: change.id, patch: change.patch, actorId: 'u-1', at: task.updatedAt, intent: 'task.move' })!);
  }
  return [...byId.values()];
}

/** Children of `parentId` in sibling order, or the top-level tasks of p-1. */
function order(list: Task[], parentId?: string): string[] {
  if (parentId !== undefined) return (childrenByParent(list).get(parentId) ?? []).map((task) => task.id);
  return list.filter((task) => task.parentId === undefined && task.projectId === 'p-1').sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0)).map((task) => task.id);
}

function refusal(move: SubtaskMove): string {
  return move.ok ? 'allowed' : move.code;
}

describe('subtask moves: reorder', () => {
  it('moves a subtask before or after a sibling with one rank patch', () => {
    const list = tasks();
    const first = reorderSubtask(list, 'a3', { beforeId: 'a1' });
    expect(first.ok && first.changes).to.have.length(1);
    expect(first.ok && Object.keys(first.changes[0]!.patch)).to.deep.equal(['rank']);
    expect(order(after(list, first), 'A')).to.deep.equal(['a3', 'a1', 'a2']);
    expect(order(after(list, reorderSubtask(list, 'a1', { afterId: 'a3' })), 'A')).to.deep.equal(['a2', 'a3', 'a1']);
    expect(order(after(list, reorderSubtask(list, 'a1', { afterId: 'a2' })), 'A')).to.deep.equal(['a2', 'a1', 'a3']);
    expect(order(after(list, reorderSubtask(list, 'a3', { beforeId: 'a2' })), 'A')).to.deep.equal(['a1', 'a3', 'a2']);
    // Top-level tasks of one project are siblings too.
    expect(order(after(list, reorderSubtask(list, 'C', { beforeId: 'A' })))).to.deep.equal(['C', 'A', 'B']);
  });

  it('refuses a neighbour that is missing, itself, under another parent or in another project', () => {
    const list = tasks();
    expect(refusal(reorderSubtask(list, 'ghost', { beforeId: 'a1' }))).to.equal('not-found');
    expect(refusal(reorderSubtask(list, 'a1', { beforeId: 'ghost' }))).to.equal('not-found');
    expect(refusal(reorderSubtask(list, 'a1', { afterId: 'a1' }))).to.equal('same-task');
    const across = reorderSubtask(list, 'a1', { beforeId: 'B' });
    expect(refusal(across)).to.equal('not-siblings');
    expect(across.ok === false && across.reason).to.equal('"Task B" is not under the same parent as "Task a1"; promote or demote the task to change its parent.');
    expect(refusal(reorderSubtask(list, 'A', { afterId: 'Z' }))).to.equal('not-siblings');
  });

  it('re-spreads the siblings when their ranks tie, since no rank fits between equal ones', () => {
    const list = [makeTask('P'), makeTask('x', { parentId: 'P', rank: 'm' }), makeTask('y', { parentId: 'P', rank: 'm' }), makeTask('z', { parentId: 'P', rank: 'm' })];
    // Ties fall back to id order: x, y, z.
    const move = reorderSubtask(list, 'z', { beforeId: 'y' });
    expect(move.ok && move.changes.length).to.be.greaterThan(1);
    const moved = after(list, move);
    expect(order(moved, 'P')).to.deep.equal(['x', 'z', 'y']);
    expect(new Set(moved.filter((task) => task.parentId === 'P').map((task) => task.rank)).size).to.equal(3);
  });
});

describe('subtask moves: promote and demote', () => {
  it('promotes a subtask to right after its parent, and a child of a top-level task to the top level', () => {
    const list = tasks();
    const nested = promoteTask(list, 'a2x');
    expect(nested.ok && nested.changes[0]!.patch.parentId).to.equal('A');
    const once = after(list, nested);
    expect(order(once, 'A')).to.deep.equal(['a1', 'a2', 'a2x', 'a3']);

    const top = promoteTask(list, 'a1');
    expect(top.ok && 'parentId' in top.changes[0]!.patch).to.equal(true);
    expect(top.ok && top.changes[0]!.patch.parentId).to.equal(undefined);
    const promoted = after(list, top);
    expect(promoted.find((task) => task.id === 'a1')!.parentId).to.equal(undefined);
    expect(order(promoted)).to.deep.equal(['A', 'a1', 'B', 'C']);
    expect(order(promoted, 'A')).to.deep.equal(['a2', 'a3']);
  });

  it('refuses to promote a top-level task, or a task whose parent is gone (it is top level then)', () => {
    const move = promoteTask(tasks(), 'B');
    expect(refusal(move)).to.equal('top-level');
    expect(move.ok === false && move.reason).to.equal('"Task B" is already at the top level; it cannot be promoted further.');
    expect(refusal(promoteTask([makeTask('orphan', { parentId: 'gone' })], 'orphan'))).to.equal('top-level');
    expect(refusal(promoteTask(tasks(), 'ghost'))).to.equal('not-found');
  });

  it('demotes a task to the last subtask of the sibling above it', () => {
    const list = tasks();
    const move = demoteTask(list, 'a3');
    expect(move.ok && move.changes[0]!.patch.parentId).to.equal('a2');
    const moved = after(list, move);
    expect(order(moved, 'a2')).to.deep.equal(['a2x', 'a3']);
    expect(order(moved, 'A')).to.deep.equal(['a1', 'a2']);

    // Under a task without subtasks only the parent changes: the card keeps its place on the board.
    const plain = demoteTask(list, 'a2');
    expect(plain.ok && plain.changes).to.deep.equal([{ id: 'a2', patch: { parentId: 'a1' } }]);
    expect(order(after(list, demoteTask(list, 'B')), 'A')).to.deep.equal(['a1', 'a2', 'a3', 'B']);
  });

  it('refuses to demote the first of its siblings, with the reason', () => {
    const move = demoteTask(tasks(), 'a1');
    expect(refusal(move)).to.equal('first-child');
    expect(move.ok === false && move.reason).to.contain('first in its list');
    expect(refusal(demoteTask(tasks(), 'A'))).to.equal('first-child');
    expect(refusal(demoteTask(tasks(), 'Z'))).to.equal('first-child');
  });

  it('refuses a move that would close a parent loop in bad data', () => {
    // p and q are each other's parent: promoting q would put it under its own parent's parent, q itself.
    const pair = [makeTask('p', { parentId: 'q', rank: 'b' }), makeTask('q', { parentId: 'p', rank: 'd' })];
    const promote = promoteTask(pair, 'q');
    expect(refusal(promote)).to.equal('parent-cycle');
    expect(promote.ok === false && promote.reason).to.equal('"Task q" cannot be placed under its own subtask: q -> q.');
    // u and w are each other's parent, v sits under w above u: under v, u would be its own ancestor.
    const triangle = [makeTask('w', { parentId: 'u' }), makeTask('u', { parentId: 'w', rank: 'd' }), makeTask('v', { parentId: 'w', rank: 'b' })];
    const demote = demoteTask(triangle, 'u');
    expect(refusal(demote)).to.equal('parent-cycle');
    expect(demote.ok === false && demote.reason).to.contain('u -> v -> w -> u');
  });
});
