import { expect } from '@open-wc/testing';
import { StatusCounts, Table, type Task } from '@cwm/core';
import { makeTask } from '../fixtures/entities.js';

const scan = (tasks: Table<Task>, projectId: string, status: string): number =>
  tasks.filter((task) => task.projectId === projectId && task.status === status).length;

describe('StatusCounts', () => {
  it('matches a full count after every change, and follows a table of another lineage', () => {
    const statuses = ['todo', 'doing', 'done'];
    let tasks = Table.from(Array.from({ length: 200 }, (_, i) => makeTask(`t-${i}`, { projectId: `p-${i % 3}`, status: statuses[i % 3]! })));
    const counts = new StatusCounts();
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let step = 0; step < 300; step++) {
      const id = `t-${random(260)}`;
      const roll = random(10);
      if (roll < 6) tasks = tasks.set(makeTask(id, { projectId: `p-${random(3)}`, status: statuses[random(3)]! }));
      else tasks = tasks.delete(id);
      const projectId = `p-${random(3)}`;
      const status = statuses[random(3)]!;
      expect(counts.count(tasks, projectId, status), `step ${step}`).to.equal(scan(tasks, projectId, status));
    }
    const other = Table.from([makeTask('x', { projectId: 'p-0', status: 'todo' })]);
    expect(counts.count(other, 'p-0', 'todo')).to.equal(1);
    expect(counts.count(other, 'p-1', 'todo')).to.equal(0);
  });
});
