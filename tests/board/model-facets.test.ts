import { expect } from '@open-wc/testing';
import { Table, type Task } from '@cwm/core';
import { FacetIndex } from '@cwm/board';
import { makeTask } from '../fixtures/entities.js';

describe('FacetIndex', () => {
  it('lists the assignees and tags of the board projects, kept up to date per change', () => {
    let tasks = Table.from<Task>([
      makeTask('t-1', { assigneeIds: ['u-1'], tags: ['api'] }),
      makeTask('t-2', { assigneeIds: ['u-2', 'u-1'], tags: ['ui', 'api'] }),
      makeTask('t-3', { projectId: 'p-2', assigneeIds: ['u-9'], tags: ['elsewhere'] }),
    ]);
    const facets = new FacetIndex();
    facets.update(tasks, ['p-1']);
    expect([...facets.assigneeIds].sort()).to.deep.equal(['u-1', 'u-2']);
    expect(facets.tags).to.deep.equal(['api', 'ui']);
    const version = facets.version;

    // A change that adds or removes no person or tag keeps the menus as they are.
    tasks = tasks.set(makeTask('t-1', { assigneeIds: ['u-2'], tags: ['api'], title: 'Renamed' }));
    facets.update(tasks, ['p-1']);
    // u-1 is still used by t-2 and u-2 was already there: no person or tag appeared or vanished.
    expect(facets.version).to.equal(version);
    expect([...facets.assigneeIds].sort()).to.deep.equal(['u-1', 'u-2']);
  });

  it('bumps its version only when a key appears or disappears', () => {
    let tasks = Table.from<Task>([makeTask('t-1', { assigneeIds: ['u-1'], tags: ['api'] }), makeTask('t-2', { assigneeIds: ['u-1'], tags: ['api'] })]);
    const facets = new FacetIndex();
    facets.update(tasks, ['p-1']);
    const start = facets.version;
    tasks = tasks.set(makeTask('t-1', { assigneeIds: ['u-1'], tags: ['api'], title: 'Only the title' }));
    facets.update(tasks, ['p-1']);
    expect(facets.version).to.equal(start);
    tasks = tasks.set(makeTask('t-2', { assigneeIds: ['u-3'], tags: ['api', 'new'] }));
    facets.update(tasks, ['p-1']);
    expect(facets.version).to.equal(start + 1);
    expect([...facets.assigneeIds].sort()).to.deep.equal(['u-1', 'u-3']);
    expect(facets.tags).to.deep.equal(['api', 'new']);
    tasks = tasks.delete('t-1');
    facets.update(tasks, ['p-1']);
    expect([...facets.assigneeIds]).to.deep.equal(['u-3']);
    // Another scope starts over.
    facets.update(tasks, ['p-2']);
    expect(facets.assigneeIds).to.deep.equal([]);
    expect(facets.tags).to.deep.equal([]);
  });
});
