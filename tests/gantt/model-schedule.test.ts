import { expect } from '@open-wc/testing';
import { addDays, computeCriticalPath, type DependencyType, type Task } from '@cwm/core';
import { buildDependencyIndex, planSchedule, type SchedulePlan } from '@cwm/gantt';
import { makeTask } from '../fixtures/entities.js';

const REFUSE = { violation: 'refuse', pushSuccessors: false } as const;
const SHIFT = { violation: 'shift', pushSuccessors: false } as const;
const PUSH = { violation: 'refuse', pushSuccessors: true } as const;

function dep(predecessorId: string, type: DependencyType = 'FS', lag = 0) {
  return { predecessorId, type, lag };
}

function accepted(plan: SchedulePlan) {
  if (!plan.ok) throw new Error(`refused: ${plan.message}`);
  return plan;
}

// A: Mon 2026-03-02 .. Fri 2026-03-06.
const A = makeTask('a', { title: 'Design', start: '2026-03-02', due: '2026-03-06' });

describe('planSchedule: the moved task against its predecessors', () => {
  it('accepts a move that respects FS and returns it as the only change', () => {
    const b = makeTask('b', { start: '2026-03-09', due: '2026-03-10', dependencies: [dep('a')] });
    const plan = accepted(planSchedule([A, b], { id: 'b', start: '2026-03-07', due: '2026-03-08' }, REFUSE));
    expect(plan.changes).to.deep.equal([{ id: 'b', start: '2026-03-07', due: '2026-03-08' }]);
    expect(plan.shifted).to.equal(false);
  });

  it('refuses a move that breaks FS, naming the predecessor and the first allowed day', () => {
    const b = makeTask('b', { title: 'Build', start: '2026-03-09', due: '2026-03-10', dependencies: [dep('a')] });
    const plan = planSchedule([A, b], { id: 'b', start: '2026-03-06', due: '2026-03-07' }, REFUSE);
    expect(plan.ok).to.equal(false);
    if (plan.ok) return;
    expect(plan.code).to.equal('violates-dependency');
    expect(plan.predecessorId).to.equal('a');
    expect(plan.message).to.contain('"Design"').and.contain('2026-03-07').and.contain('finish to start');
  });

  it('shifts a breaking move to the earliest allowed day, keeping the duration', () => {
    const b = makeTask('b', { start: '2026-03-09', due: '2026-03-10', dependencies: [dep('a', 'FS', 2)] });
    const plan = accepted(planSchedule([A, b], { id: 'b', start: '2026-03-03', due: '2026-03-05' }, SHIFT));
    expect(plan.changes).to.deep.equal([{ id: 'b', start: '2026-03-09', due: '2026-03-11' }]);
    expect(plan.shifted).to.equal(true);
  });

  it('applies SS, FF and SF with lag as hand-computed', () => {
    // SS +1: start >= 03-03. FF 0: due >= 03-06. SF 0: due >= 03-01 (day before A's start).
    const ss = makeTask('ss', { start: '2026-03-10', due: '2026-03-12', dependencies: [dep('a', 'SS', 1)] });
    const ff = makeTask('ff', { start: '2026-03-10', due: '2026-03-12', dependencies: [dep('a', 'FF')] });
    const sf = makeTask('sf', { start: '2026-03-10', due: '2026-03-10', dependencies: [dep('a', 'SF')] });
    const tasks = [A, ss, ff, sf];
    const move = (id: string, start: string, due: string) => accepted(planSchedule(tasks, { id, start, due }, SHIFT)).changes[0];
    expect(move('ss', '2026-03-01', '2026-03-03')).to.deep.equal({ id: 'ss', start: '2026-03-03', due: '2026-03-05' });
    expect(move('ss', '2026-03-03', '2026-03-05')).to.deep.equal({ id: 'ss', start: '2026-03-03', due: '2026-03-05' });
    expect(move('ff', '2026-03-01', '2026-03-03')).to.deep.equal({ id: 'ff', start: '2026-03-04', due: '2026-03-06' });
    expect(move('sf', '2026-02-20', '2026-02-20')).to.deep.equal({ id: 'sf', start: '2026-03-01', due: '2026-03-01' });
    expect(planSchedule(tasks, { id: 'sf', start: '2026-03-01', due: '2026-03-01' }, REFUSE).ok).to.equal(true);
    expect(planSchedule(tasks, { id: 'sf', start: '2026-02-28', due: '2026-02-28' }, REFUSE).ok).to.equal(false);
  });

  it('names the most binding predecessor when several are broken', () => {
    const c = makeTask('c', { start: '2026-03-01', due: '2026-03-20' });
    const b = makeTask('b', { start: '2026-03-30', due: '2026-03-30', dependencies: [dep('a'), dep('c')] });
    const plan = planSchedule([A, c, b], { id: 'b', start: '2026-03-02', due: '2026-03-02' }, REFUSE);
    expect(plan.ok ? undefined : plan.predecessorId).to.equal('c');
    const shifted = accepted(planSchedule([A, c, b], { id: 'b', start: '2026-03-02', due: '2026-03-02' }, SHIFT));
    expect(shifted.changes[0]).to.deep.equal({ id: 'b', start: '2026-03-21', due: '2026-03-21' });
  });

  it('treats milestones as points at the end of their day', () => {
    const m = makeTask('m', { milestone: true, due: '2026-03-06', dependencies: [dep('a')] });
    const after = makeTask('x', { start: '2026-03-20', due: '2026-03-21', dependencies: [dep('m')] });
    const tasks = [A, m, after];
    // A milestone may sit on its FS predecessor's last day, not before.
    expect(accepted(planSchedule(tasks, { id: 'm', start: '2026-03-06', due: '2026-03-06' }, REFUSE)).changes).to.deep.equal([
      { id: 'm', start: '2026-03-06', due: '2026-03-06' },
    ]);
    expect(planSchedule(tasks, { id: 'm', start: '2026-03-05', due: '2026-03-05' }, REFUSE).ok).to.equal(false);
    // Its FS successor may start the next day.
    expect(planSchedule(tasks, { id: 'x', start: '2026-03-07', due: '2026-03-08' }, REFUSE).ok).to.equal(true);
    expect(planSchedule(tasks, { id: 'x', start: '2026-03-06', due: '2026-03-07' }, REFUSE).ok).to.equal(false);
    // A milestone's day is the change's due; start follows.
    expect(accepted(planSchedule(tasks, { id: 'm', start: '2026-03-01', due: '2026-03-12' }, REFUSE)).changes[0]).to.deep.equal({
      id: 'm',
      start: '2026-03-12',
      due: '2026-03-12',
    });
  });

  it('ignores predecessors without dates, with subtasks, or outside the plan', () => {
    const undated = makeTask('u');
    const parent = makeTask('p', { start: '2026-05-01', due: '2026-05-30' });
    const child = makeTask('k', { parentId: 'p', start: '2026-05-01', due: '2026-05-02' });
    const b = makeTask('b', { start: '2026-01-01', due: '2026-01-02', dependencies: [dep('u'), dep('p'), dep('gone')] });
    expect(planSchedule([undated, parent, child, b], { id: 'b', start: '2026-01-05', due: '2026-01-06' }, REFUSE).ok).to.equal(true);
  });

  it('refuses unknown tasks and reversed dates, and throws on malformed dates', () => {
    expect(planSchedule([A], { id: 'nope', start: '2026-03-01', due: '2026-03-02' }, REFUSE)).to.include({ ok: false, code: 'unknown-task' });
    expect(planSchedule([A], { id: 'a', start: '2026-03-05', due: '2026-03-04' }, REFUSE)).to.include({ ok: false, code: 'reversed-dates' });
    expect(() => planSchedule([A], { id: 'a', start: '2026-02-30', due: '2026-03-04' }, REFUSE)).to.throw(RangeError);
  });

  it('matches core critical-path early starts for every type, lag and milestone mix', () => {
    const kinds = [
      { milestone: false, start: '2026-03-02', due: '2026-03-06' },
      { milestone: true, start: '2026-03-04', due: '2026-03-04' },
    ];
    const types: DependencyType[] = ['FS', 'SS', 'FF', 'SF'];
    let checked = 0;
    for (const predKind of kinds) {
      for (const succKind of kinds) {
        for (const type of types) {
          for (const lag of [-3, 0, 2]) {
            const pred = makeTask('p', { ...predKind, milestone: predKind.milestone });
            const length = succKind.milestone ? 0 : 2;
            const start = '2026-01-05';
            const succ = makeTask('s', {
              milestone: succKind.milestone,
              start,
              due: addDays(start, length),
              dependencies: [dep('p', type, lag)],
            });
            const core = computeCriticalPath([pred, succ]).byId.get('s')!;
            const plan = accepted(planSchedule([pred, succ], { id: 's', start, due: addDays(start, length) }, SHIFT));
            const label = `${predKind.milestone ? 'M' : 'T'}->${succKind.milestone ? 'M' : 'T'} ${type}${lag}`;
            expect(plan.changes[0], label).to.deep.equal({ id: 's', start: core.earlyStart, due: core.earlyFinish });
            checked++;
          }
        }
      }
    }
    expect(checked).to.equal(48);
  });
});

describe('planSchedule: pushing successors', () => {
  const chain = () => [
    makeTask('a', { start: '2026-03-02', due: '2026-03-06' }),
    makeTask('b', { start: '2026-03-09', due: '2026-03-10', dependencies: [dep('a')] }),
    makeTask('c', { start: '2026-03-11', due: '2026-03-11', dependencies: [dep('b')] }),
    makeTask('d', { start: '2026-03-20', due: '2026-03-21', dependencies: [dep('c')] }),
  ];

  it('pushes broken successors transitively, keeping durations, stopping where there is slack', () => {
    const plan = accepted(planSchedule(chain(), { id: 'a', start: '2026-03-05', due: '2026-03-09' }, PUSH));
    expect(plan.changes).to.deep.equal([
      { id: 'a', start: '2026-03-05', due: '2026-03-09' },
      { id: 'b', start: '2026-03-10', due: '2026-03-11' },
      { id: 'c', start: '2026-03-12', due: '2026-03-12' },
    ]);
  });

  it('never pulls successors earlier', () => {
    const plan = accepted(planSchedule(chain(), { id: 'a', start: '2026-02-02', due: '2026-02-06' }, PUSH));
    expect(plan.changes).to.deep.equal([{ id: 'a', start: '2026-02-02', due: '2026-02-06' }]);
  });

  it('leaves successors alone without pushSuccessors', () => {
    const plan = accepted(planSchedule(chain(), { id: 'a', start: '2026-03-05', due: '2026-03-09' }, REFUSE));
    expect(plan.changes.map((change) => change.id)).to.deep.equal(['a']);
  });

  it('places a join after all its predecessors, once, by the latest constraint', () => {
    const tasks = [
      makeTask('a', { start: '2026-03-02', due: '2026-03-02' }),
      makeTask('b', { start: '2026-03-03', due: '2026-03-03', dependencies: [dep('a')] }),
      makeTask('c', { start: '2026-03-03', due: '2026-03-06', dependencies: [dep('a')] }),
      makeTask('j', { start: '2026-03-07', due: '2026-03-07', dependencies: [dep('b'), dep('c')] }),
    ];
    const plan = accepted(planSchedule(tasks, { id: 'a', start: '2026-03-04', due: '2026-03-04' }, PUSH));
    expect(plan.changes).to.deep.equal([
      { id: 'a', start: '2026-03-04', due: '2026-03-04' },
      { id: 'b', start: '2026-03-05', due: '2026-03-05' },
      { id: 'c', start: '2026-03-05', due: '2026-03-08' },
      { id: 'j', start: '2026-03-09', due: '2026-03-09' },
    ]);
  });

  it('shifts the moved task first, then pushes from its shifted dates', () => {
    const tasks = [
      makeTask('p', { start: '2026-03-02', due: '2026-03-06' }),
      makeTask('a', { start: '2026-03-09', due: '2026-03-09', dependencies: [dep('p')] }),
      makeTask('b', { start: '2026-03-10', due: '2026-03-10', dependencies: [dep('a')] }),
    ];
    const plan = accepted(planSchedule(tasks, { id: 'a', start: '2026-03-01', due: '2026-03-01' }, { violation: 'shift', pushSuccessors: true }));
    expect(plan.shifted).to.equal(true);
    expect(plan.changes).to.deep.equal([{ id: 'a', start: '2026-03-07', due: '2026-03-07' }]);
    const later = accepted(planSchedule(tasks, { id: 'a', start: '2026-03-10', due: '2026-03-10' }, { violation: 'shift', pushSuccessors: true }));
    expect(later.changes).to.deep.equal([
      { id: 'a', start: '2026-03-10', due: '2026-03-10' },
      { id: 'b', start: '2026-03-11', due: '2026-03-11' },
    ]);
  });

  it('skips successors without dates and parent tasks (and what lies only behind them)', () => {
    const tasks = [
      makeTask('a', { start: '2026-03-02', due: '2026-03-06' }),
      makeTask('u', { dependencies: [dep('a')] }),
      makeTask('after-u', { start: '2026-03-07', due: '2026-03-07', dependencies: [dep('u')] }),
      makeTask('parent', { start: '2026-03-07', due: '2026-03-07', dependencies: [dep('a')] }),
      makeTask('kid', { parentId: 'parent', start: '2026-03-20', due: '2026-03-20' }),
      makeTask('m', { milestone: true, due: '2026-03-06', dependencies: [dep('a')] }),
    ];
    const plan = accepted(planSchedule(tasks, { id: 'a', start: '2026-03-09', due: '2026-03-13' }, PUSH));
    expect(plan.changes).to.deep.equal([
      { id: 'a', start: '2026-03-09', due: '2026-03-13' },
      { id: 'm', start: '2026-03-13', due: '2026-03-13' },
    ]);
  });

  it('terminates on dependency loops in the data and never pushes the moved task', () => {
    const loop = [
      makeTask('a', { start: '2026-03-02', due: '2026-03-02', dependencies: [dep('c')] }),
      makeTask('b', { start: '2026-03-03', due: '2026-03-03', dependencies: [dep('a')] }),
      makeTask('c', { start: '2026-03-04', due: '2026-03-04', dependencies: [dep('b')] }),
    ];
    const plan = accepted(planSchedule(loop, { id: 'b', start: '2026-03-10', due: '2026-03-10' }, { violation: 'shift', pushSuccessors: true }));
    expect(plan.changes).to.deep.equal([
      { id: 'b', start: '2026-03-10', due: '2026-03-10' },
      { id: 'c', start: '2026-03-11', due: '2026-03-11' },
      { id: 'a', start: '2026-03-12', due: '2026-03-12' },
    ]);
    // A loop downstream of the moved task (b <-> c) is placed once each.
    const downstream = [
      makeTask('a', { start: '2026-03-02', due: '2026-03-02' }),
      makeTask('b', { start: '2026-03-03', due: '2026-03-03', dependencies: [dep('a'), dep('c')] }),
      makeTask('c', { start: '2026-03-04', due: '2026-03-04', dependencies: [dep('b')] }),
    ];
    const pushed = accepted(planSchedule(downstream, { id: 'a', start: '2026-03-05', due: '2026-03-05' }, PUSH));
    expect(pushed.changes.map((change) => change.id)).to.deep.equal(['a', 'b', 'c']);
    expect(pushed.changes[1]).to.deep.equal({ id: 'b', start: '2026-03-06', due: '2026-03-06' });
  });

  it('pushes through a chain of 1,000 in a 5,000-task plan in under 20 ms', () => {
    const tasks: Task[] = [];
    for (let index = 0; index < 4000; index++) tasks.push(makeTask(`free-${index}`, { start: '2026-01-05', due: '2026-01-09' }));
    let day = '2026-01-05';
    for (let index = 0; index < 1000; index++) {
      tasks.push(makeTask(`c-${index}`, { start: day, due: day, dependencies: index === 0 ? [] : [dep(`c-${index - 1}`)] }));
      day = addDays(day, 1);
    }
    const index = buildDependencyIndex(tasks);
    const run = (withIndex: boolean) => planSchedule(tasks, { id: 'c-0', start: '2026-01-07', due: '2026-01-07' }, withIndex ? { ...PUSH, index } : PUSH);
    const plan = accepted(run(false));
    expect(plan.changes.length).to.equal(1000);
    expect(plan.changes[999]).to.deep.equal({ id: 'c-999', start: addDays('2026-01-05', 1001), due: addDays('2026-01-05', 1001) });
    for (const withIndex of [false, true]) {
      const times: number[] = [];
      for (let run_ = 0; run_ < 7; run_++) {
        const started = performance.now();
        run(withIndex);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      expect(times[3]!, `median ${times[3]!.toFixed(1)} ms (index ${withIndex})`).to.be.lessThan(20);
    }
  });
});
