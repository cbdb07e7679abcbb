import { expect } from '@open-wc/testing';
import { taskDefaults } from '@cwm/core';

describe('taskDefaults', () => {
  it('is empty lists, priority none and progress 0', () => {
    const lists = { assigneeIds: [], resourceIds: [], followerIds: [], tags: [], dependencies: [], checklist: [], documents: [] };
    expect(taskDefaults()).to.deep.equal({ ...lists, priority: 'none', progress: 0 });
  });

  it('gives every call its own lists', () => {
    const first = taskDefaults();
    const second = taskDefaults();
    expect(first.assigneeIds).to.not.equal(second.assigneeIds);
    expect(first.checklist).to.not.equal(second.checklist);
  });
});
