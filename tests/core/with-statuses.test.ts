import { expect } from '@open-wc/testing';
import { validateEntity, type WorkflowStatus } from '@cwm/core';
import { generateWorkspace, PIPELINE_STATUSES, withStatuses } from '@cwm/core/testing';

const THREE: readonly WorkflowStatus[] = [
  { id: 'a', name: 'A', category: 'todo' },
  { id: 'b', name: 'B', category: 'active', wipLimit: 5 },
  { id: 'c', name: 'C', category: 'done' },
];

describe('withStatuses', () => {
  const data = generateWorkspace({ projects: 2, people: 6, tasks: 40, messagesPerTask: 0, seed: 3 });

  it('gives every project the statuses, without transition rules and with limits that only warn', () => {
    const reshaped = withStatuses(data, THREE);
    expect(reshaped.projects.map((project) => project.id)).to.deep.equal(data.projects.map((project) => project.id));
    for (const project of reshaped.projects) expect(project.workflow).to.deep.equal({ statuses: THREE, wipPolicy: 'warn' });
  });

  it('deals the tasks over the statuses in turn and leaves every other field alone', () => {
    const reshaped = withStatuses(data, THREE);
    expect(reshaped.tasks.map((task) => task.status)).to.deep.equal(data.tasks.map((_, index) => THREE[index % 3]!.id));
    reshaped.tasks.forEach((task, index) => {
      const { status: _status, rank: _rank, ...rest } = task;
      const { status: _before, rank: _beforeRank, ...original } = data.tasks[index]!;
      expect(rest).to.deep.equal(original);
    });
    expect(reshaped.people).to.equal(data.people);
  });

  it('ranks each column of each project afresh: distinct and ascending in task order', () => {
    const reshaped = withStatuses(data, THREE);
    for (const project of reshaped.projects) {
      for (const status of THREE) {
        const ranks = reshaped.tasks.filter((task) => task.projectId === project.id && task.status === status.id).map((task) => task.rank);
        expect(ranks.length).to.be.greaterThan(1);
        expect(new Set(ranks).size).to.equal(ranks.length);
        expect([...ranks].sort()).to.deep.equal(ranks);
      }
    }
  });

  it('defaults to the eight pipeline statuses, and the result still validates', () => {
    const reshaped = withStatuses(data);
    const ids = PIPELINE_STATUSES.map((status) => status.id);
    expect(ids).to.deep.equal(['backlog', 'triage', 'todo', 'in-progress', 'review', 'testing', 'staging', 'done']);
    expect(reshaped.projects[0]!.workflow.statuses).to.equal(PIPELINE_STATUSES);
    expect(reshaped.tasks.slice(0, 9).map((task) => task.status)).to.deep.equal([...ids, 'backlog']);
    for (const task of reshaped.tasks) expect(validateEntity('tasks', task).ok, task.id).to.equal(true);
  });

  it('leaves its input untouched and refuses an empty list of statuses', () => {
    const before = JSON.stringify(data);
    withStatuses(data, THREE);
    expect(JSON.stringify(data)).to.equal(before);
    expect(() => withStatuses(data, [])).to.throw(RangeError, 'at least one status');
  });
});
