import { expect } from '@open-wc/testing';
import type { Task } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import { buildGanttRows, type GanttRows } from '@cwm/gantt';
import { makeTask } from '../fixtures/entities.js';

const NONE: ReadonlySet<string> = new Set();

function build(tasks: readonly Task[], collapsed: ReadonlySet<string> = NONE, extra: Partial<Parameters<typeof buildGanttRows>[0]> = {}): GanttRows {
  return buildGanttRows({ tasks, collapsed, ...extra });
}

const ids = (model: GanttRows) => model.rows.map((row) => row.id);
const row = (model: GanttRows, id: string) => {
  const index = model.indexOf.get(id);
  if (index === undefined) throw new Error(`no row ${id}`);
  return model.rows[index]!;
};

describe('buildGanttRows: hierarchy and order', () => {
  it('orders siblings by rank then id, depth first, whatever the input order', () => {
    const tasks = [
      makeTask('c2', { parentId: 'p', rank: 'b', start: '2026-03-02', due: '2026-03-03' }),
      makeTask('z', { rank: 'a', start: '2026-03-02', due: '2026-03-02' }),
      makeTask('p', { rank: 'b' }),
      makeTask('c1', { parentId: 'p', rank: 'a', start: '2026-03-02', due: '2026-03-02' }),
      makeTask('c0', { parentId: 'p', rank: 'a', start: '2026-03-02', due: '2026-03-02' }),
      makeTask('g', { parentId: 'c2', rank: 'a', start: '2026-03-02', due: '2026-03-02' }),
    ];
    const model = build(tasks);
    expect(ids(model)).to.deep.equal(['z', 'p', 'c0', 'c1', 'c2', 'g']);
    expect(model.rows.map((r) => r.depth)).to.deep.equal([0, 0, 1, 1, 1, 2]);
    expect([...model.indexOf.entries()]).to.deep.equal([['z', 0], ['p', 1], ['c0', 2], ['c1', 3], ['c2', 4], ['g', 5]]);
  });

  it('compares ranks as plain strings (fractional indexes), not by locale', () => {
    const model = build([makeTask('a', { rank: 'a' }), makeTask('B', { rank: 'B' }), makeTask('a0', { rank: 'a0' })]);
    expect(ids(model)).to.deep.equal(['B', 'a', 'a0']);
  });

  it('makes a task whose parent is not in the set top-level', () => {
    const model = build([makeTask('orphan', { parentId: 'elsewhere', rank: 'b' }), makeTask('a', { rank: 'a' })]);
    expect(ids(model)).to.deep.equal(['a', 'orphan']);
    expect(row(model, 'orphan').depth).to.equal(0);
  });

  it('groups top-level tasks by project in order of first appearance', () => {
    const model = build([
      makeTask('q1', { projectId: 'p-2', rank: 'a' }),
      makeTask('p1', { projectId: 'p-1', rank: 'a' }),
      makeTask('q0', { projectId: 'p-2', rank: 'b' }),
      makeTask('p0', { projectId: 'p-1', rank: '0' }),
    ]);
    expect(ids(model)).to.deep.equal(['q1', 'q0', 'p0', 'p1']);
  });

  it('survives a parent loop in the data (each task once)', () => {
    const model = build([makeTask('a', { parentId: 'b' }), makeTask('b', { parentId: 'a' })]);
    expect(ids(model).sort()).to.deep.equal(['a', 'b']);
  });

  it('hides the subtree of a collapsed task but keeps it in roll-ups and range', () => {
    const tasks = [
      makeTask('p', { rank: 'a' }),
      makeTask('c', { parentId: 'p', rank: 'a', start: '2026-03-02', due: '2026-03-04', progress: 100 }),
      makeTask('d', { parentId: 'c', rank: 'a', start: '2026-03-01', due: '2026-03-20', progress: 0 }),
      makeTask('x', { rank: 'b', start: '2026-03-05', due: '2026-03-06' }),
    ];
    const open = build(tasks);
    expect(ids(open)).to.deep.equal(['p', 'c', 'd', 'x']);
    const closed = build(tasks, new Set(['p']));
    expect(ids(closed)).to.deep.equal(['p', 'x']);
    expect(closed.indexOf.has('c')).to.equal(false);
    expect(closed.indexOf.get('x')).to.equal(1);
    const p = row(closed, 'p');
    expect(p.kind).to.equal('summary');
    expect(p.expanded).to.equal(false);
    expect(p.hasChildren).to.equal(true);
    // c is a summary of d only: its own dates are ignored.
    expect([p.start, p.due]).to.deep.equal(['2026-03-01', '2026-03-20']);
    expect(p.progress).to.equal(0);
    expect(closed.range).to.deep.equal({ start: '2026-03-01', due: '2026-03-20' });
    expect(row(open, 'p').expanded).to.equal(true);
    expect(row(open, 'x').expanded).to.equal(false);
  });

  it('collapsing an inner task hides only its own subtree', () => {
    const tasks = [
      makeTask('p', { rank: 'a' }),
      makeTask('c', { parentId: 'p', rank: 'a' }),
      makeTask('d', { parentId: 'c', rank: 'a', start: '2026-03-01', due: '2026-03-02' }),
      makeTask('e', { parentId: 'p', rank: 'b', start: '2026-03-01', due: '2026-03-02' }),
    ];
    expect(ids(build(tasks, new Set(['c'])))).to.deep.equal(['p', 'c', 'e']);
    // Collapsing a leaf changes nothing.
    expect(ids(build(tasks, new Set(['e'])))).to.deep.equal(['p', 'c', 'd', 'e']);
  });
});

describe('buildGanttRows: kinds and problems', () => {
  it('a task with both dates is a bar; a one-day task is not a milestone', () => {
    const model = build([makeTask('t', { start: '2026-03-02', due: '2026-03-02' })]);
    expect(row(model, 't')).to.include({ kind: 'task', start: '2026-03-02', due: '2026-03-02' });
    expect(row(model, 't').problems).to.deep.equal([]);
  });

  it('a flagged milestone sits on its due day, else its start day', () => {
    const model = build([
      makeTask('m1', { milestone: true, start: '2026-03-01', due: '2026-03-09' }),
      makeTask('m2', { milestone: true, start: '2026-03-04' }),
      makeTask('m3', { milestone: true, due: '2026-03-05' }),
      makeTask('m4', { milestone: true }),
    ]);
    expect(row(model, 'm1')).to.include({ kind: 'milestone', start: '2026-03-09', due: '2026-03-09' });
    expect(row(model, 'm2')).to.include({ kind: 'milestone', start: '2026-03-04', due: '2026-03-04' });
    expect(row(model, 'm3')).to.include({ kind: 'milestone', start: '2026-03-05', due: '2026-03-05' });
    expect(row(model, 'm4').kind).to.equal('unscheduled');
    expect(row(model, 'm4').problems).to.deep.equal([{ code: 'unscheduled', message: 'This milestone has no date.' }]);
    expect(row(model, 'm4').start).to.equal(undefined);
  });

  it('flags tasks with one date or none as unscheduled, with a sentence for each case', () => {
    const model = build([
      makeTask('a', { rank: 'a' }),
      makeTask('b', { rank: 'b', start: '2026-03-02' }),
      makeTask('c', { rank: 'c', due: '2026-03-02' }),
      makeTask('d', { rank: 'd', start: '2026-02-30', due: '2026-03-02' }),
    ]);
    expect(model.rows.map((r) => r.kind)).to.deep.equal(['unscheduled', 'unscheduled', 'unscheduled', 'unscheduled']);
    expect(model.rows.map((r) => r.problems[0]?.message)).to.deep.equal([
      'Has no start or due date.',
      'Has no due date.',
      'Has no start date.',
      'Has no start date.',
    ]);
    expect(model.rows.every((r) => r.problems[0]?.code === 'unscheduled' && r.start === undefined && r.due === undefined)).to.equal(true);
    expect(model.range).to.equal(undefined);
  });

  it('shows a task with due before start as invalid, keeping the task, outside the range', () => {
    const task = makeTask('r', { start: '2026-03-05', due: '2026-03-01' });
    const model = build([task, makeTask('ok', { rank: 'j', start: '2026-03-10', due: '2026-03-11' })]);
    const r = row(model, 'r');
    expect(r.kind).to.equal('invalid');
    expect(r.task).to.equal(task);
    expect(r.problems.map((p) => p.code)).to.deep.equal(['reversed-dates']);
    expect(model.range).to.deep.equal({ start: '2026-03-10', due: '2026-03-11' });
  });

  it('reports each dependency on a task outside the plan on the successor row', () => {
    const model = build(
      [
        makeTask('a', { start: '2026-03-02', due: '2026-03-03' }),
        makeTask('b', {
          start: '2026-03-04',
          due: '2026-03-05',
          dependencies: [
            { predecessorId: 'a', type: 'FS', lag: 0 },
            { predecessorId: 'gone', type: 'FS', lag: 0 },
            { predecessorId: 'bad', type: 'SS', lag: 1 },
          ],
        }),
      ],
      NONE,
      { invalid: [{ id: 'bad', title: 'Refused', problem: { code: 'reversed-dates', message: 'Due before start.' } }] },
    );
    const problems = row(model, 'b').problems;
    expect(problems.map((p) => p.code)).to.deep.equal(['missing-predecessor', 'missing-predecessor']);
    expect(problems[0]!.message).to.contain('"gone"');
    expect(problems[1]!.message).to.contain('"bad"');
    expect(row(model, 'a').problems).to.deep.equal([]);
  });

  it('appends refused tasks as invalid rows at the top level, skipping ids that are valid tasks', () => {
    const problem = { code: 'reversed-dates', message: 'Due before start.' } as const;
    const model = build(
      [makeTask('p'), makeTask('c', { parentId: 'p', start: '2026-03-02', due: '2026-03-02' })],
      NONE,
      { invalid: [{ id: 'bad', projectId: 'p-1', title: '<b>x</b>', problem }, { id: 'c', title: 'dup', problem }] },
    );
    expect(ids(model)).to.deep.equal(['p', 'c', 'bad']);
    const bad = row(model, 'bad');
    expect(bad).to.deep.equal({
      id: 'bad',
      depth: 0,
      kind: 'invalid',
      title: '<b>x</b>',
      progress: 0,
      assigneeIds: [],
      hasChildren: false,
      expanded: false,
      problems: [problem],
    });
  });

  it('gives an empty model for no tasks', () => {
    const model = build([]);
    expect(model.rows).to.deep.equal([]);
    expect(model.indexOf.size).to.equal(0);
    expect(model.range).to.equal(undefined);
  });
});

describe('buildGanttRows: summaries', () => {
  it('spans the earliest start to the latest due of dated descendants, ignoring its own dates', () => {
    const model = build([
      makeTask('p', { start: '2026-01-01', due: '2026-12-31' }),
      makeTask('a', { parentId: 'p', rank: 'a', start: '2026-03-04', due: '2026-03-06' }),
      makeTask('b', { parentId: 'p', rank: 'b', start: '2026-03-02', due: '2026-03-03' }),
      makeTask('m', { parentId: 'p', rank: 'c', milestone: true, due: '2026-03-10' }),
      makeTask('u', { parentId: 'p', rank: 'd' }),
    ]);
    expect(row(model, 'p')).to.include({ kind: 'summary', start: '2026-03-02', due: '2026-03-10' });
    expect(model.range).to.deep.equal({ start: '2026-03-02', due: '2026-03-10' });
  });

  it('falls back to its own dates when no descendant has any, else is unscheduled', () => {
    const model = build([
      makeTask('p', { rank: 'a', start: '2026-04-01', due: '2026-04-10' }),
      makeTask('c', { parentId: 'p' }),
      makeTask('q', { rank: 'b' }),
      makeTask('d', { parentId: 'q' }),
    ]);
    expect(row(model, 'p')).to.include({ kind: 'summary', start: '2026-04-01', due: '2026-04-10' });
    expect(row(model, 'q').kind).to.equal('unscheduled');
    expect(row(model, 'q').hasChildren).to.equal(true);
    expect(row(model, 'q').problems.map((p) => p.code)).to.deep.equal(['unscheduled']);
    expect(model.range).to.deep.equal({ start: '2026-04-01', due: '2026-04-10' });
  });

  it('counts a sub-summary that falls back to its own dates in its parent', () => {
    const model = build([
      makeTask('top'),
      makeTask('mid', { parentId: 'top', start: '2026-05-01', due: '2026-05-02' }),
      makeTask('leaf', { parentId: 'mid' }),
    ]);
    expect(row(model, 'top')).to.include({ kind: 'summary', start: '2026-05-01', due: '2026-05-02' });
  });

  it('weights leaf progress by estimate (1 without one) across all levels, ignoring its own', () => {
    const model = build([
      makeTask('p', { progress: 3, estimate: 1000 }),
      makeTask('a', { parentId: 'p', rank: 'a', estimate: 10, progress: 50 }),
      makeTask('s', { parentId: 'p', rank: 'b', progress: 7 }),
      makeTask('b', { parentId: 's', rank: 'a', estimate: 30, progress: 100 }),
      makeTask('c', { parentId: 's', rank: 'b', progress: 20 }),
      makeTask('z', { parentId: 's', rank: 'c', estimate: 0, progress: 140 }),
    ]);
    // s: (30*100 + 1*20 + 1*100) / 32; p: (10*50 + 3120) / 42.
    expect(row(model, 's').progress).to.be.closeTo(3120 / 32, 1e-9);
    expect(row(model, 'p').progress).to.be.closeTo(3620 / 42, 1e-9);
    expect(row(model, 'z').progress).to.equal(100);
    expect(row(model, 'a').progress).to.equal(50);
  });

  it('counts done leaves as 100 % when isDone is given', () => {
    const tasks = [
      makeTask('p'),
      makeTask('a', { parentId: 'p', rank: 'a', status: 'done', progress: 10 }),
      makeTask('b', { parentId: 'p', rank: 'b', progress: 0 }),
    ];
    expect(row(build(tasks), 'p').progress).to.equal(5);
    const done = build(tasks, NONE, { isDone: (task) => task.status === 'done' });
    expect(row(done, 'p').progress).to.equal(50);
    expect(row(done, 'a').progress).to.equal(100);
  });
});

describe('buildGanttRows: speed', () => {
  it('builds 5,000 generated tasks in well under 50 ms', () => {
    const { tasks } = generateWorkspace({ tasks: 5000, messagesPerTask: 0, seed: 7 });
    expect(tasks.length).to.equal(5000);
    const parents = new Set(tasks.filter((task) => task.parentId !== undefined).map((task) => task.parentId!));
    const collapsed = new Set([...parents].slice(0, 50));
    let model = build(tasks, collapsed);
    const times: number[] = [];
    for (let run = 0; run < 7; run++) {
      const started = performance.now();
      model = build(tasks, collapsed);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    expect(parents.size).to.be.greaterThan(100);
    expect(model.rows.length).to.be.lessThan(5000);
    expect(model.range).to.not.equal(undefined);
    expect(times[3]!, `median ${times[3]!.toFixed(1)} ms`).to.be.lessThan(50);
  });
});
