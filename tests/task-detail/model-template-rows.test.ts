import { expect } from '@open-wc/testing';
import { descendantCount, templateRows } from '../../packages/task-detail/src/model/template-rows.js';
import { makeTask } from '../fixtures/entities.js';
import { ONBOARDING, makeTemplate } from './templates-fixtures.js';

describe('template rows (model)', () => {
  it('offers the project’s own and the unscoped templates by name, with the tasks each creates', () => {
    const rows = templateRows([ONBOARDING, makeTemplate('b', 'Billing', { projectId: 'p-1' }), makeTemplate('c', 'Other', { projectId: 'p-2' })], 'p-1');
    expect(rows.map(({ template, taskCount }) => [template.id, taskCount])).to.deep.equal([
      ['b', 1],
      ['tpl-onb', 4],
    ]);
  });

  it('counts every task below a task, at any depth, and never loops on a parent cycle', () => {
    const tasks = [makeTask('a'), makeTask('b', { parentId: 'a' }), makeTask('c', { parentId: 'b' }), makeTask('d', { parentId: 'a' }), makeTask('x')];
    expect(descendantCount(tasks, 'a')).to.equal(3);
    expect(descendantCount(tasks, 'b')).to.equal(1);
    expect(descendantCount(tasks, 'x')).to.equal(0);
    const cycle = [makeTask('p', { parentId: 'q' }), makeTask('q', { parentId: 'p' })];
    expect(descendantCount(cycle, 'p')).to.equal(1);
  });
});
