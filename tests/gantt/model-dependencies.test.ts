import { expect } from '@open-wc/testing';
import { Table, type Task } from '@cwm/core';
import {
  addDependency,
  buildGanttRows,
  dependencyLinks,
  removeDependency,
  type DependencyLink,
} from '@cwm/gantt';
import { makeTask } from '../fixtures/entities.js';

const dated = { start: '2026-03-02', due: '2026-03-03' };
const FS = (predecessorId: string, lag = 0) => ({ predecessorId, type: 'FS' as const, lag });

// checkNewDependency moved to core: tests/core/check-dependency.test.ts.

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
