import { expect } from '@open-wc/testing';
import {
  computeProjectRollups,
  computeRollups,
  EMPTY_ROLLUP,
  projectProgress,
  type Rollup,
  type Task,
} from '@cwm/core';
import { makeTask, sameWorkflow, WORKFLOW } from '../fixtures/entities.js';

const item = (id: string, done: boolean): Task['checklist'][number] => ({ id, text: id, done });

/**
 * R (own progress and estimate ignored)
 *   A   leaf, estimate 10, 50 %                        -> 50 %, weight 10
 *   B   parent with its own checklist (1 of 1 done)
 *     B1  estimate 30, status done, progress field 0   -> 100 %, weight 30
 *     B2  no estimate, 40 %                            -> 40 %, weight 1 (unestimated)
 *     B3  estimate 0, 0 %, checklist 1 of 2            -> 0 %, weight 1 (unestimated)
 *   C   leaf, estimate 20, status doing, 100 %         -> 100 %, weight 20
 * B = (100*30 + 40*1 + 0*1) / 32 = 95 %.  R = (50*10 + 95*32 + 100*20) / 62 = 5540 / 62 %.
 */
const TREE: Task[] = [
  makeTask('B2', { parentId: 'B', progress: 40 }),
  makeTask('R', { estimate: 999, progress: 5, status: 'done' }),
  makeTask('A', { parentId: 'R', estimate: 10, progress: 50 }),
  makeTask('B', { parentId: 'R', estimate: 500, progress: 0, checklist: [item('b', true)] }),
  makeTask('B1', { parentId: 'B', estimate: 30, status: 'done' }),
  makeTask('B3', { parentId: 'B', estimate: 0, checklist: [item('x', true), item('y', false)] }),
  makeTask('C', { parentId: 'R', estimate: 20, progress: 100, status: 'doing' }),
];

function expectRollup(actual: Rollup | undefined, expected: Rollup): void {
  expect(actual, 'rollup').to.not.equal(undefined);
  const { progress, ...counts } = actual!;
  const { progress: expectedProgress, ...expectedCounts } = expected;
  expect(progress).to.be.closeTo(expectedProgress, 1e-9);
  expect(counts).to.deep.equal(expectedCounts);
}

describe('computeRollups', () => {
  const rollups = computeRollups(TREE, sameWorkflow);

  it('counts a leaf by its status category, else by its progress', () => {
    expectRollup(rollups.get('A'), {
      progress: 50, weight: 10, doneLeaves: 0, totalLeaves: 1, estimateTotal: 10, estimateDone: 5,
      unestimatedLeaves: 0, checklistDone: 0, checklistTotal: 0,
    });
    expectRollup(rollups.get('B1'), {
      progress: 100, weight: 30, doneLeaves: 1, totalLeaves: 1, estimateTotal: 30, estimateDone: 30,
      unestimatedLeaves: 0, checklistDone: 0, checklistTotal: 0,
    });
    expectRollup(rollups.get('B3'), {
      progress: 0, weight: 1, doneLeaves: 0, totalLeaves: 1, estimateTotal: 0, estimateDone: 0,
      unestimatedLeaves: 1, checklistDone: 1, checklistTotal: 2,
    });
  });

  it('weights children by estimate, ignoring the parent’s own fields', () => {
    expectRollup(rollups.get('B'), {
      progress: 95, weight: 32, doneLeaves: 1, totalLeaves: 3, estimateTotal: 30, estimateDone: 30,
      unestimatedLeaves: 2, checklistDone: 2, checklistTotal: 3,
    });
  });

  it('rolls up through any depth', () => {
    expectRollup(rollups.get('R'), {
      progress: 5540 / 62, weight: 62, doneLeaves: 1, totalLeaves: 5, estimateTotal: 60, estimateDone: 55,
      unestimatedLeaves: 2, checklistDone: 2, checklistTotal: 3,
    });
    expect(rollups.size).to.equal(TREE.length);
  });

  it('uses the progress field when the workflow or status is unknown', () => {
    const result = computeRollups([makeTask('x', { status: 'mystery', progress: 30 }), makeTask('y', { projectId: 'p-9', status: 'done', progress: 10 })], (id) =>
      id === 'p-1' ? WORKFLOW : undefined,
    );
    expect(result.get('x')!.progress).to.equal(30);
    expect(result.get('y')!.progress).to.equal(10);
  });

  it('survives a 10,000-level hierarchy', () => {
    const chain = Array.from({ length: 10_000 }, (_, index) =>
      makeTask(`t${index}`, index === 0 ? { progress: 70, estimate: 4 } : { progress: 0, parentId: `t${index - 1}` }),
    ).reverse();
    // Only the deepest task is a leaf.
    const result = computeRollups(chain, sameWorkflow);
    expect(result.get('t0')).to.include({ progress: 0, totalLeaves: 1 });
    expect(result.get('t9999')).to.include({ progress: 0, totalLeaves: 1, weight: 1 });
  });

  it('does not hang on parent loops and treats the cut task as top level', () => {
    const result = computeRollups(
      [makeTask('A', { parentId: 'B' }), makeTask('B', { parentId: 'A' }), makeTask('C', { parentId: 'A', progress: 60, estimate: 2 })],
      sameWorkflow,
    );
    expect(result.size).to.equal(3);
    // Walking up from A reaches B, whose parent A closes the loop: B becomes top level above A above C.
    expect(result.get('B')).to.include({ progress: 60, totalLeaves: 1, weight: 2 });
    expect(result.get('A')).to.include({ progress: 60, totalLeaves: 1 });
  });
});

describe('project roll-ups', () => {
  const tasks = [...TREE, makeTask('other', { projectId: 'p-2', status: 'done', estimate: 3, checklist: [item('z', false)] })];

  it('equals the roll-up of the top-level tasks', () => {
    const projects = computeProjectRollups(tasks, sameWorkflow);
    expectRollup(projects.get('p-1'), computeRollups(TREE, sameWorkflow).get('R')!);
    expectRollup(projects.get('p-2'), {
      progress: 100, weight: 3, doneLeaves: 1, totalLeaves: 1, estimateTotal: 3, estimateDone: 3,
      unestimatedLeaves: 0, checklistDone: 0, checklistTotal: 1,
    });
  });

  it('answers one project, and an empty roll-up for a project without tasks', () => {
    expect(projectProgress(tasks, sameWorkflow, 'p-2').progress).to.equal(100);
    expect(projectProgress(tasks, sameWorkflow, 'p-none')).to.deep.equal(EMPTY_ROLLUP);
  });
});
