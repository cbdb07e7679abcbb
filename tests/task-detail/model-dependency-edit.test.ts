import { expect } from '@open-wc/testing';
import type { Task } from '@cwm/core';
import { parseLagDays, planNewDependency, planRemoveDependency, searchLinkCandidates, taskLinks } from '../../packages/task-detail/src/model/dependency-edit.js';
import { makeTask } from '../fixtures/entities.js';

/** A -> B -> C (B waits for A, C waits for B), D alone, E in another project. */
function plan(): Task[] {
  return [
    makeTask('a', { title: 'Alpha' }),
    makeTask('b', { title: 'Beta', dependencies: [{ predecessorId: 'a', type: 'FS', lag: 0 }] }),
    makeTask('c', { title: 'Gamma', dependencies: [{ predecessorId: 'b', type: 'SS', lag: 2 }] }),
    makeTask('d', { title: 'Über delta' }),
    makeTask('e', { title: 'Elsewhere', projectId: 'p-2', dependencies: [{ predecessorId: 'b', type: 'FS', lag: 0 }] }),
  ];
}

function lookup(tasks: readonly Task[]): (id: string) => Task | undefined {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  return (id) => byId.get(id);
}

describe('task-detail dependency model', () => {
  it('lists predecessors in their order and successors of the same project', () => {
    const tasks = plan();
    const get = lookup(tasks);
    const links = taskLinks(get('b')!, tasks.filter((task) => task.projectId === 'p-1'), get);
    expect(links.predecessors.map((row) => [row.otherId, row.type, row.lag])).to.deep.equal([['a', 'FS', 0]]);
    expect(links.successors.map((row) => [row.otherId, row.type, row.lag])).to.deep.equal([['c', 'SS', 2]]);
  });

  it('keeps a predecessor that is not loaded, without its task', () => {
    const task = makeTask('x', { dependencies: [{ predecessorId: 'gone', type: 'FF', lag: -1 }] });
    const links = taskLinks(task, [task], () => undefined);
    expect(links.predecessors[0]!.other).to.equal(undefined);
    expect(links.predecessors[0]!.otherId).to.equal('gone');
  });

  it('parses lags: signed whole days within ±365, empty is 0', () => {
    expect(parseLagDays('')).to.equal(0);
    expect(parseLagDays(' 3 ')).to.equal(3);
    expect(parseLagDays('-2')).to.equal(-2);
    expect(parseLagDays('\u22122')).to.equal(-2);
    expect(parseLagDays('+365')).to.equal(365);
    expect(parseLagDays('366')).to.equal(undefined);
    expect(parseLagDays('1.5')).to.equal(undefined);
    expect(parseLagDays('two')).to.equal(undefined);
  });

  it('plans a predecessor on the task itself and a successor on the other task', () => {
    const tasks = plan();
    const get = lookup(tasks);
    const asPredecessor = planNewDependency(get('d')!, 'a', 'predecessor', 'SF', '4', get);
    expect(asPredecessor).to.deep.equal({ ok: true, write: { holderId: 'd', dependencies: [{ predecessorId: 'a', type: 'SF', lag: 4 }] } });
    const asSuccessor = planNewDependency(get('d')!, 'c', 'successor', 'FS', '0', get);
    expect(asSuccessor).to.deep.equal({
      ok: true,
      write: { holderId: 'c', dependencies: [{ predecessorId: 'b', type: 'SS', lag: 2 }, { predecessorId: 'd', type: 'FS', lag: 0 }] },
    });
  });

  it('refuses a loop, naming it in arrow order', () => {
    const tasks = plan();
    const get = lookup(tasks);
    // A waiting for C closes A -> B -> C -> A.
    const result = planNewDependency(get('a')!, 'c', 'predecessor', 'FS', '0', get);
    expect(result).to.deep.equal({ ok: false, refusal: { code: 'cycle', loop: ['c', 'a', 'b', 'c'] } });
    // The same loop asked from the other side: C must happen before A.
    const reverse = planNewDependency(get('c')!, 'a', 'successor', 'FS', '0', get);
    expect(reverse.ok).to.equal(false);
    expect(!reverse.ok && reverse.refusal.code).to.equal('cycle');
  });

  it('refuses self, an unknown or missing pick, a bad lag and a duplicate, in that order', () => {
    const tasks = plan();
    const get = lookup(tasks);
    expect(planNewDependency(get('a')!, undefined, 'predecessor', 'FS', '0', get)).to.deep.equal({ ok: false, refusal: { code: 'pick-task' } });
    expect(planNewDependency(get('a')!, 'nope', 'predecessor', 'FS', '0', get)).to.deep.equal({ ok: false, refusal: { code: 'pick-task' } });
    expect(planNewDependency(get('a')!, 'a', 'predecessor', 'FS', '0', get)).to.deep.equal({ ok: false, refusal: { code: 'self' } });
    expect(planNewDependency(get('d')!, 'a', 'predecessor', 'FS', 'x', get)).to.deep.equal({ ok: false, refusal: { code: 'bad-lag' } });
    expect(planNewDependency(get('b')!, 'a', 'predecessor', 'SS', '1', get)).to.deep.equal({
      ok: false,
      refusal: { code: 'duplicate', successorId: 'b', predecessorId: 'a' },
    });
  });

  it('removes only the dependency on the given predecessor', () => {
    const task = makeTask('x', {
      dependencies: [
        { predecessorId: 'a', type: 'FS', lag: 0 },
        { predecessorId: 'b', type: 'SS', lag: 1 },
      ],
    });
    expect(planRemoveDependency(task, 'a')).to.deep.equal({ holderId: 'x', dependencies: [{ predecessorId: 'b', type: 'SS', lag: 1 }] });
  });

  it('searches titles ignoring case and accents, starts first, by id too, without excluded tasks', () => {
    const tasks = plan();
    expect(searchLinkCandidates(tasks, 'uber', new Set()).map((c) => c.id)).to.deep.equal(['d']);
    expect(searchLinkCandidates(tasks, 'ta', new Set()).map((c) => c.id)).to.deep.equal(['b', 'd']);
    expect(searchLinkCandidates(tasks, 'e', new Set(['e'])).map((c) => c.id)).to.deep.equal(['b', 'd']);
    expect(searchLinkCandidates(tasks, '', new Set(['a']), 2).map((c) => c.id)).to.deep.equal(['b', 'c']);
  });
});
