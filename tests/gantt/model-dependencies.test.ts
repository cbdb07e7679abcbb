import { expect } from '@open-wc/testing';
import { Table, type Task } from '@cwm/core';
import {
  addDependency,
  buildGanttRows,
  checkNewDependency,
  dependencyLinks,
  removeDependency,
  type DependencyLink,
} from '@cwm/gantt';
import { makeTask } from '../fixtures/entities.js';

const dated = { start: '2026-03-02', due: '2026-03-03' };
const FS = (predecessorId: string, lag = 0) => ({ predecessorId, type: 'FS' as const, lag });

describe('checkNewDependency', () => {
  // b waits for a, c waits for b.
  const tasks = [
    makeTask('a', { title: 'Alpha' }),
    makeTask('b', { title: 'Beta', dependencies: [FS('a')] }),
    makeTask('c', { title: 'Gamma', dependencies: [FS('b')] }),
    makeTask('d', { title: 'Delta' }),
  ];
  const check = (successorId: string, predecessorId: string, lag = 0) =>
    checkNewDependency(tasks, { successorId, predecessorId, type: 'FS', lag });

  it('accepts a new, acyclic dependency, from a list or a Table', () => {
    expect(check('d', 'c')).to.deep.equal({ ok: true });
    expect(checkNewDependency(Table.from(tasks), { successorId: 'c', predecessorId: 'a', type: 'SS', lag: -365 })).to.deep.equal({ ok: true });
  });

  it('refuses a task depending on itself', () => {
    expect(check('a', 'a')).to.include({ ok: false, code: 'self' });
  });

  it('refuses unknown tasks on either end', () => {
    expect(check('zz', 'a')).to.include({ ok: false, code: 'unknown-task' });
    const refused = check('a', 'zz');
    expect(refused).to.include({ ok: false, code: 'unknown-task' });
    expect(refused.ok ? '' : refused.message).to.contain('"zz"');
  });

  it('refuses lags that are not whole days within ±365', () => {
    for (const lag of [1.5, 366, -366, Number.NaN, Infinity]) expect(check('d', 'a', lag), String(lag)).to.include({ code: 'bad-lag' });
    for (const lag of [365, -365, 0]) expect(check('d', 'a', lag), String(lag)).to.deep.equal({ ok: true });
  });

  it('refuses a second dependency on the same predecessor, whatever its type', () => {
    expect(checkNewDependency(tasks, { successorId: 'b', predecessorId: 'a', type: 'SF', lag: 3 })).to.include({ ok: false, code: 'duplicate' });
  });

  it('refuses a cycle with the loop it would close, in arrow order', () => {
    const refused = check('a', 'c');
    expect(refused.ok).to.equal(false);
    if (refused.ok) return;
    expect(refused.code).to.equal('cycle');
    expect(refused.path).to.deep.equal(['c', 'a', 'b', 'c']);
    expect(refused.message).to.contain('"Gamma" -> "Alpha" -> "Beta" -> "Gamma"');
    // The two-task loop.
    expect(check('a', 'b')).to.deep.include({ code: 'cycle', path: ['b', 'a', 'b'] });
  });
});

describe('addDependency / removeDependency', () => {
  it('appends, replaces in place by predecessor, and removes, without touching the task', () => {
    const task = makeTask('t', { dependencies: [FS('a'), FS('b', 1)] });
    const added = addDependency(task, { predecessorId: 'c', type: 'SS', lag: 2 });
    expect(added).to.deep.equal([FS('a'), FS('b', 1), { predecessorId: 'c', type: 'SS', lag: 2 }]);
    const edited = addDependency(task, { predecessorId: 'a', type: 'FF', lag: -1 });
    expect(edited).to.deep.equal([{ predecessorId: 'a', type: 'FF', lag: -1 }, FS('b', 1)]);
    expect(removeDependency(task, 'a')).to.deep.equal([FS('b', 1)]);
    expect(removeDependency(task, 'zz')).to.deep.equal([FS('a'), FS('b', 1)]);
    expect(task.dependencies).to.deep.equal([FS('a'), FS('b', 1)]);
  });
});

describe('dependencyLinks', () => {
  const tasks: Task[] = [
    makeTask('a', { rank: 'a', ...dated }),
    makeTask('p', { rank: 'b' }),
    makeTask('k1', { parentId: 'p', rank: 'a', ...dated, dependencies: [FS('a', 2)] }),
    makeTask('k2', { parentId: 'p', rank: 'b', ...dated, dependencies: [{ predecessorId: 'k1', type: 'SS', lag: 0 }] }),
    makeTask('x', { rank: 'c', ...dated, dependencies: [FS('k2'), FS('gone'), FS('u')] }),
    makeTask('u', { rank: 'd', dependencies: [FS('a')] }),
  ];

  it('draws every dependency between rows with bars, skipping missing and unscheduled ends', () => {
    const rows = buildGanttRows({ tasks, collapsed: new Set() });
    const links = dependencyLinks(rows, tasks);
    expect(links.map((link) => [link.fromId, link.toId, link.type, link.lag, link.fromRow, link.toRow, link.viaAncestor])).to.deep.equal([
      ['a', 'k1', 'FS', 2, 0, 2, false],
      ['k1', 'k2', 'SS', 0, 2, 3, false],
      ['k2', 'x', 'FS', 0, 3, 4, false],
    ]);
  });

  it('attaches hidden ends to the nearest visible ancestor and drops arrows inside one row', () => {
    const rows = buildGanttRows({ tasks, collapsed: new Set(['p']) });
    const links = dependencyLinks(rows, Table.from(tasks));
    // Rows: a 0, p 1, x 2, u 3. k1 -> k2 is inside p: dropped.
    expect(links.map((link) => [link.fromId, link.toId, link.fromRow, link.toRow, link.viaAncestor])).to.deep.equal([
      ['a', 'k1', 0, 1, true],
      ['k2', 'x', 1, 2, true],
    ]);
  });

  it('finds the links touching a window, including ones passing through it', () => {
    const links = dependencyLinks(buildGanttRows({ tasks, collapsed: new Set() }), tasks);
    const ids = (found: readonly DependencyLink[]) => found.map((link) => `${link.fromId}>${link.toId}`).sort();
    expect(ids(links.linksTouching(0, 0))).to.deep.equal(['a>k1']);
    expect(ids(links.linksTouching(1, 1))).to.deep.equal(['a>k1']);
    expect(ids(links.linksTouching(3, 3))).to.deep.equal(['k1>k2', 'k2>x']);
    expect(ids(links.linksTouching(5, 9))).to.deep.equal([]);
    expect(ids(links.linksTouching(2, 1))).to.deep.equal([]);
  });

  it('answers window queries exactly like a full scan on a large random plan', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const many: Task[] = [];
    for (let index = 0; index < 2000; index++) {
      const dependencies = index > 0 && random() < 0.6 ? [FS(`t${Math.floor(random() * index)}`)] : [];
      many.push(makeTask(`t${index}`, { rank: String(index).padStart(5, '0'), ...dated, dependencies }));
    }
    const links = dependencyLinks(buildGanttRows({ tasks: many, collapsed: new Set() }), many);
    expect(links.length).to.be.greaterThan(1000);
    for (const [first, last] of [[0, 30], [500, 540], [1970, 1999], [1000, 1000]] as const) {
      const expected = links.filter((link) => Math.min(link.fromRow, link.toRow) <= last && Math.max(link.fromRow, link.toRow) >= first);
      const key = (found: readonly DependencyLink[]) => found.map((link) => `${link.fromId}>${link.toId}`).sort();
      expect(key(links.linksTouching(first, last)), `${first}..${last}`).to.deep.equal(key(expected));
    }
  });
});
