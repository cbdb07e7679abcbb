import { expect } from '@open-wc/testing';
import {
  buildDependencyGraph,
  type Dependency,
  findClosingDependencies,
  type Id,
  topologicalOrder,
} from '@cwm/core';
import { makeTask } from '../fixtures/entities.js';

const on = (predecessorId: Id, type: Dependency['type'] = 'FS', lag = 0): Dependency => ({ predecessorId, type, lag });

describe('buildDependencyGraph', () => {
  it('indexes successors and predecessors with types and lags', () => {
    const graph = buildDependencyGraph([
      makeTask('A'),
      makeTask('B', { dependencies: [on('A', 'SS', 2)] }),
      makeTask('C', { dependencies: [on('A'), on('B', 'FF', -1), on('gone')] }),
    ]);
    expect(graph.successors.get('A')).to.deep.equal([
      { predecessorId: 'A', successorId: 'B', type: 'SS', lag: 2 },
      { predecessorId: 'A', successorId: 'C', type: 'FS', lag: 0 },
    ]);
    expect(graph.predecessors.get('C')).to.deep.equal([
      { predecessorId: 'A', successorId: 'C', type: 'FS', lag: 0 },
      { predecessorId: 'B', successorId: 'C', type: 'FF', lag: -1 },
    ]);
    expect(graph.successors.get('C')).to.deep.equal([]);
    expect(graph.predecessors.get('A')).to.deep.equal([]);
    expect(graph.dangling).to.deep.equal([{ predecessorId: 'gone', successorId: 'C', type: 'FS', lag: 0 }]);
  });
});

describe('topologicalOrder', () => {
  it('puts predecessors first and keeps input order among ready tasks', () => {
    // D waits for C, B for A; E is free. Ready ties go in input order.
    const tasks = [
      makeTask('D', { dependencies: [on('C')] }),
      makeTask('B', { dependencies: [on('A')] }),
      makeTask('E'),
      makeTask('C'),
      makeTask('A'),
    ];
    expect(topologicalOrder(tasks)).to.deep.equal({ order: ['E', 'C', 'D', 'A', 'B'], cycles: [], unordered: [] });
  });

  it('returns an input that is already in order unchanged', () => {
    const tasks = [makeTask('A'), makeTask('C', { dependencies: [on('A')] }), makeTask('B'), makeTask('D', { dependencies: [on('C'), on('B')] })];
    expect(topologicalOrder(tasks).order).to.deep.equal(['A', 'C', 'B', 'D']);
  });

  it('orders a diamond and ignores dependencies outside the set', () => {
    const tasks = [
      makeTask('end', { dependencies: [on('left'), on('right')] }),
      makeTask('right', { dependencies: [on('start'), on('elsewhere')] }),
      makeTask('left', { dependencies: [on('start')] }),
      makeTask('start'),
    ];
    expect(topologicalOrder(tasks).order).to.deep.equal(['start', 'right', 'left', 'end']);
  });

  it('reports loops without throwing and lists what could not be ordered', () => {
    const tasks = [
      makeTask('A'),
      makeTask('B', { dependencies: [on('A'), on('C')] }),
      makeTask('C', { dependencies: [on('B')] }),
      makeTask('D', { dependencies: [on('C')] }),
      makeTask('S', { dependencies: [on('S')] }),
    ];
    const result = topologicalOrder(tasks);
    expect(result.order).to.deep.equal(['A']);
    expect(result.cycles).to.deep.equal([
      ['B', 'C', 'B'],
      ['S', 'S'],
    ]);
    expect(result.unordered).to.deep.equal(['B', 'C', 'D', 'S']);
  });

  it('orders 20,000 tasks in a long chain quickly', () => {
    const tasks = Array.from({ length: 20_000 }, (_, index) =>
      makeTask(`t${index}`, { dependencies: index === 0 ? [] : [on(`t${index - 1}`)] }),
    ).reverse();
    const started = performance.now();
    const result = topologicalOrder(tasks);
    const elapsed = performance.now() - started;
    expect(result.order[0]).to.equal('t0');
    expect(result.order[19_999]).to.equal('t19999');
    expect(elapsed).to.be.below(500);
  });
});

describe('findClosingDependencies', () => {
  it('names each loop as a closed path in arrow order', () => {
    const closing = findClosingDependencies([
      makeTask('A', { dependencies: [on('B')] }),
      makeTask('B', { dependencies: [on('C')] }),
      makeTask('C', { dependencies: [on('A')] }),
    ]);
    // A waits for B, B for C, C for A: arrows run A -> C -> B -> A.
    expect(closing).to.deep.equal([{ successorId: 'C', dependencyIndex: 0, predecessorId: 'A', cycle: ['A', 'C', 'B', 'A'] }]);
  });
});
