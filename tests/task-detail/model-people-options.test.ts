import { expect } from '@open-wc/testing';
import type { PermissionResult } from '@cwm/core';
import { assigneeOptions, resourceOptions, roundHours, toggledIds, weekLoads } from '../../packages/task-detail/src/model/people-options.js';
import { WORKFLOW, makePerson, makeTask } from '../fixtures/entities.js';

const PEOPLE = [
  makePerson('u-1', { name: 'Ada', capacity: 40 }),
  makePerson('u-2', { name: 'Grace', capacity: 20 }),
  makePerson('r-1', { name: 'Room', kind: 'resource' }),
];
const workflowOf = () => WORKFLOW;

describe('task-detail people model', () => {
  it('offers people, not resources, each with the policy answer', () => {
    const task = makeTask('t', { assigneeIds: ['u-1'] });
    const denied: PermissionResult = { allowed: false, code: 'managers-assign', reason: 'Only managers can assign other people.' };
    const options = assigneeOptions(PEOPLE, task, (person) => (person.id === 'u-2' ? denied : { allowed: true }));
    expect(options.map((option) => [option.person.id, option.selected, option.permission.allowed])).to.deep.equal([
      ['u-1', true, true],
      ['u-2', false, false],
    ]);
  });

  it('lists resources with whether they are booked', () => {
    const options = resourceOptions(PEOPLE, makeTask('t', { resourceIds: ['r-1'] }));
    expect(options.map((option) => [option.resource.id, option.booked])).to.deep.equal([['r-1', true]]);
  });

  it('toggles ids without duplicates', () => {
    expect(toggledIds(['a', 'b'], 'c', true)).to.deep.equal(['a', 'b', 'c']);
    expect(toggledIds(['a', 'b'], 'a', true)).to.deep.equal(['b', 'a']);
    expect(toggledIds(['a', 'b'], 'a', false)).to.deep.equal(['b']);
  });

  it('computes this week\'s load per assignee and marks over-allocation', () => {
    // Week of Monday 2026-11-23: 50 h for Ada over Mon-Fri (over 40), 10 h for Grace (of 20).
    const tasks = [
      makeTask('t1', { assigneeIds: ['u-1'], start: '2026-11-23', due: '2026-11-27', estimate: 50 }),
      makeTask('t2', { assigneeIds: ['u-2'], start: '2026-11-23', due: '2026-11-27', estimate: 10 }),
      // Done work does not count.
      makeTask('t3', { assigneeIds: ['u-2'], start: '2026-11-23', due: '2026-11-27', estimate: 99, status: 'done' }),
    ];
    const loads = weekLoads(tasks, PEOPLE, ['u-1', 'u-2'], '2026-11-25', undefined, workflowOf);
    expect(loads.get('u-1')).to.deep.equal({ allocated: 50, capacity: 40, overAllocated: true });
    expect(loads.get('u-2')).to.deep.equal({ allocated: 10, capacity: 20, overAllocated: false });
    expect(weekLoads(tasks, PEOPLE, [], '2026-11-25', undefined, workflowOf).size).to.equal(0);
  });

  it('rounds hours for reading', () => {
    expect(roundHours(0.44)).to.equal(0.4);
    expect(roundHours(9.96)).to.equal(10);
    expect(roundHours(27.6)).to.equal(28);
  });
});
