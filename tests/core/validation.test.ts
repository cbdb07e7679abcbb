import { expect } from '@open-wc/testing';
import {
  checkReferences,
  findDependencyCycles,
  type Id,
  MAX_MESSAGE_LENGTH,
  type ReferenceContext,
  type Task,
  taskDefaults,
  topologicalOrder,
  validateEntity,
  type ValidationIssue,
  wouldCreateCycle,
  wouldCreateParentCycle,
} from '@cwm/core';
import { AT, makeMessage, makeTask } from '../fixtures/entities.js';

/** A raw task as a backend might send it: only the required fields. */
function rawTask(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 't-1',
    version: 3,
    createdAt: AT,
    updatedAt: AT,
    projectId: 'p-1',
    title: 'Write the spec',
    status: 'todo',
    rank: 'a0',
    createdBy: 'u-1',
    ...fields,
  };
}

function issueOf(collection: Parameters<typeof validateEntity>[0], raw: unknown): ValidationIssue {
  const result = validateEntity(collection, raw);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
  return result.issue;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('validateEntity: tasks', () => {
  it('fills the defaults a lenient backend leaves out', () => {
    const result = validateEntity('tasks', rawTask({ version: undefined }));
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    // Exactly what was sent, version 0 for the missing one, and the model's task defaults for the rest.
    expect(result.value).to.deep.equal({ ...rawTask(), version: 0, ...taskDefaults() });
  });

  it('copies known fields into a new object and never touches the input', () => {
    const raw = deepFreeze(
      rawTask({
        assigneeIds: ['u-1'],
        dependencies: [{ predecessorId: 't-0', type: 'SS', lag: -2 }],
        checklist: [{ id: 'c-1', text: 'Draft', done: true }, { id: 'c-2', text: 'Review' }],
        start: '2026-03-02',
        due: '2026-03-06',
        estimate: 16,
        progress: 25,
        milestone: false,
        secret: 'dropped',
      }),
    );
    const before = JSON.stringify(raw);
    const result = validateEntity('tasks', raw);
    expect(JSON.stringify(raw)).to.equal(before);
    if (!result.ok) expect.fail(result.issue.message);
    const task = result.value;
    expect(task).to.not.equal(raw);
    expect(task.assigneeIds).to.deep.equal(['u-1']);
    expect(task.assigneeIds).to.not.equal(raw['assigneeIds']);
    expect(task.dependencies).to.deep.equal([{ predecessorId: 't-0', type: 'SS', lag: -2 }]);
    expect(task.checklist[1]).to.deep.equal({ id: 'c-2', text: 'Review', done: false });
    expect(task).to.include({ start: '2026-03-02', due: '2026-03-06', estimate: 16, progress: 25, milestone: false });
    expect(task).to.not.have.property('secret');
  });

  it('reads null and empty optional values as absent', () => {
    const result = validateEntity('tasks', rawTask({ parentId: null, start: '', due: null, estimate: null, description: null }));
    if (!result.ok) expect.fail(result.issue.message);
    for (const field of ['parentId', 'start', 'due', 'estimate', 'description']) expect(result.value).to.not.have.property(field);
  });

  it('refuses impossible dates with bad-date, naming entity and field', () => {
    for (const due of ['2026-02-30', '2026-13-01', 'tomorrow', '2026-3-1', 20260301]) {
      const issue = issueOf('tasks', rawTask({ due }));
      expect(issue).to.include({ code: 'bad-date', collection: 'tasks', id: 't-1', field: 'due' });
      expect(issue.message).to.contain('Task "t-1"').and.contain('"due"').and.contain('YYYY-MM-DD');
    }
    expect(issueOf('tasks', rawTask({ updatedAt: 'last week' }))).to.include({ code: 'bad-date', field: 'updatedAt' });
    expect(issueOf('tasks', rawTask({ createdAt: '2026-11-01T09:00:00' })).code).to.equal('bad-date');
  });

  it('refuses a due date before the start', () => {
    const issue = issueOf('tasks', rawTask({ start: '2026-03-10', due: '2026-03-09' }));
    expect(issue).to.include({ code: 'reversed-dates', field: 'due' });
    expect(issue.message).to.contain('2026-03-09').and.contain('2026-03-10');
    expect(validateEntity('tasks', rawTask({ start: '2026-03-10', due: '2026-03-10' })).ok).to.equal(true);
  });

  it('checks ranges of progress, estimate and version', () => {
    expect(issueOf('tasks', rawTask({ progress: 101 }))).to.include({ code: 'out-of-range', field: 'progress' });
    expect(issueOf('tasks', rawTask({ progress: -1 }))).to.include({ code: 'out-of-range', field: 'progress' });
    expect(issueOf('tasks', rawTask({ estimate: -0.5 }))).to.include({ code: 'out-of-range', field: 'estimate' });
    expect(issueOf('tasks', rawTask({ version: -1 }))).to.include({ code: 'out-of-range', field: 'version' });
    expect(issueOf('tasks', rawTask({ progress: '50' }))).to.include({ code: 'wrong-type', field: 'progress' });
    expect(issueOf('tasks', rawTask({ estimate: Number.NaN }))).to.include({ code: 'wrong-type', field: 'estimate' });
    expect(validateEntity('tasks', rawTask({ progress: 100, estimate: 0 })).ok).to.equal(true);
  });

  it('checks dependencies: known type, finite lag, a predecessor id', () => {
    const bad = (dependency: unknown): ValidationIssue => issueOf('tasks', rawTask({ dependencies: [{ predecessorId: 't-0', type: 'FS' }, dependency] }));
    expect(bad({ predecessorId: 't-9', type: 'XS', lag: 0 })).to.include({ code: 'out-of-range', field: 'dependencies.1.type' });
    expect(bad({ predecessorId: 't-9', type: 'FS', lag: Infinity })).to.include({ code: 'wrong-type', field: 'dependencies.1.lag' });
    expect(bad({ predecessorId: 't-9', type: 'FS', lag: '2' })).to.include({ code: 'wrong-type', field: 'dependencies.1.lag' });
    expect(bad({ predecessorId: '', type: 'FS' })).to.include({ code: 'missing-field', field: 'dependencies.1.predecessorId' });
    expect(bad({ predecessorId: 't-9' })).to.include({ code: 'missing-field', field: 'dependencies.1.type' });
    expect(bad('t-9')).to.include({ code: 'wrong-type', field: 'dependencies.1' });
    const ok = validateEntity('tasks', rawTask({ dependencies: [{ predecessorId: 't-0', type: 'FF' }] }));
    expect(ok.ok && ok.value.dependencies[0]).to.deep.equal({ predecessorId: 't-0', type: 'FF', lag: 0 });
  });

  it('checks required fields, list types, enumerations and checklist ids', () => {
    expect(issueOf('tasks', rawTask({ title: undefined }))).to.include({ code: 'missing-field', field: 'title' });
    expect(issueOf('tasks', rawTask({ projectId: '' }))).to.include({ code: 'missing-field', field: 'projectId' });
    expect(issueOf('tasks', rawTask({ assigneeIds: 'u-1' }))).to.include({ code: 'wrong-type', field: 'assigneeIds' });
    expect(issueOf('tasks', rawTask({ tags: ['a', 7] }))).to.include({ code: 'wrong-type', field: 'tags.1' });
    expect(issueOf('tasks', rawTask({ priority: 'huge' }))).to.include({ code: 'out-of-range', field: 'priority' });
    expect(issueOf('tasks', rawTask({ milestone: 'yes' }))).to.include({ code: 'wrong-type', field: 'milestone' });
    expect(
      issueOf('tasks', rawTask({ checklist: [{ id: 'c', text: 'a' }, { id: 'c', text: 'b' }] })),
    ).to.include({ code: 'duplicate-id', field: 'checklist.1.id' });
    expect(issueOf('tasks', rawTask({ documents: [{ id: 'd', name: 'Spec' }] }))).to.include({
      code: 'missing-field',
      field: 'documents.0.url',
    });
  });

  it('refuses non-objects and missing ids', () => {
    expect(issueOf('tasks', null).code).to.equal('not-an-object');
    expect(issueOf('tasks', ['t-1']).code).to.equal('not-an-object');
    expect(issueOf('tasks', 'task').code).to.equal('not-an-object');
    for (const id of [undefined, '', '  ', 42]) {
      const issue = issueOf('tasks', rawTask({ id }));
      expect(issue).to.include({ code: 'missing-id', collection: 'tasks', field: 'id' });
      expect(issue).to.not.have.property('id');
      expect(issue.message).to.contain('A task without an id');
    }
  });
});

describe('validateEntity: other collections', () => {
  const meta = { version: 1, createdAt: AT, updatedAt: AT };

  it('people: defaults kind, requires role, capacity >= 0', () => {
    const result = validateEntity('people', { id: 'u-1', ...meta, name: 'Ada', role: 'manager', capacity: 32, group: null });
    expect(result.ok && result.value).to.deep.equal({ id: 'u-1', ...meta, name: 'Ada', kind: 'person', role: 'manager', capacity: 32 });
    expect(issueOf('people', { id: 'u-1', ...meta, name: 'Ada', capacity: 32 })).to.include({ code: 'missing-field', field: 'role' });
    expect(issueOf('people', { id: 'u-1', ...meta, name: 'Ada', role: 'member', capacity: -1 })).to.include({
      code: 'out-of-range',
      field: 'capacity',
    });
    expect(issueOf('people', { id: 'u-1', ...meta, name: 'Ada', role: 'member', capacity: 8, kind: 'robot' }).code).to.equal('out-of-range');
  });

  const project = (workflow: unknown): Record<string, unknown> => ({ id: 'p-1', ...meta, name: 'Web', key: 'WEB', workflow });
  const statuses = [
    { id: 'todo', name: 'To do', category: 'todo' },
    { id: 'done', name: 'Done', category: 'done', wipLimit: 3 },
  ];

  it('projects: a workflow with unique statuses and valid categories', () => {
    const result = validateEntity('projects', project({ statuses, transitions: { todo: ['done'] } }));
    if (!result.ok) expect.fail(result.issue.message);
    expect(result.value.memberIds).to.deep.equal([]);
    expect(result.value.workflow).to.deep.equal({ statuses, wipPolicy: 'warn', transitions: { todo: ['done'] } });
    expect(issueOf('projects', project({ statuses: [] }))).to.include({ code: 'missing-field', field: 'workflow.statuses' });
    expect(issueOf('projects', project(undefined))).to.include({ code: 'missing-field', field: 'workflow' });
    expect(issueOf('projects', project({ statuses: [statuses[0], { ...statuses[1], id: 'todo' }] }))).to.include({
      code: 'duplicate-id',
      field: 'workflow.statuses.1.id',
    });
    const badCategory = issueOf('projects', project({ statuses: [statuses[0], { ...statuses[1], category: 'finished' }] }));
    expect(badCategory).to.include({ code: 'out-of-range', field: 'workflow.statuses.1.category' });
    expect(badCategory.message).to.contain('Project "p-1"').and.contain('todo, active, done');
    expect(issueOf('projects', project({ statuses, transitions: { todo: 'done' } }))).to.include({
      code: 'wrong-type',
      field: 'workflow.transitions.todo',
    });
  });

  const message = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: 'm-1',
    ...meta,
    taskId: 't-1',
    authorId: 'u-1',
    body: 'Hello @Ada',
    ...fields,
  });

  it('messages: defaults, and bodies up to MAX_MESSAGE_LENGTH', () => {
    const result = validateEntity('messages', message());
    expect(result.ok && result.value).to.deep.equal({
      ...message(),
      kind: 'user',
      mentions: [],
      reactions: {},
      attachments: [],
    });
    expect(validateEntity('messages', message({ body: 'x'.repeat(MAX_MESSAGE_LENGTH) })).ok).to.equal(true);
    const tooLong = issueOf('messages', message({ body: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) }));
    expect(tooLong).to.include({ code: 'too-long', field: 'body' });
    expect(tooLong.message).to.contain(String(MAX_MESSAGE_LENGTH));
    expect(issueOf('messages', message({ reactions: { '👍': 'u-1' } }))).to.include({ code: 'wrong-type', field: 'reactions.👍' });
    expect(issueOf('messages', message({ editedAt: 'now' }))).to.include({ code: 'bad-date', field: 'editedAt' });
  });

  it('notifications and activity entries', () => {
    const notification = { id: 'n-1', ...meta, personId: 'u-1', kind: 'mention', taskId: 't-1' };
    expect(validateEntity('notifications', notification).ok).to.equal(true);
    expect(issueOf('notifications', { ...notification, kind: 'spam' })).to.include({ code: 'out-of-range', field: 'kind' });

    const change = { field: 'status', from: 'todo', to: { nested: ['done'] } };
    const entry = { id: 'a-1', ...meta, taskId: 't-gone', projectId: 'p-1', actorId: 'u-1', at: AT, action: 'updated', changes: [change] };
    const result = validateEntity('activity', entry);
    if (!result.ok) expect.fail(result.issue.message);
    expect(result.value.changes).to.deep.equal([change]);
    expect(result.value.changes[0]!.to).to.not.equal(change.to);
    expect(issueOf('activity', { ...entry, at: undefined })).to.include({ code: 'missing-field', field: 'at' });
    expect(issueOf('activity', { ...entry, action: 'renamed' })).to.include({ code: 'out-of-range', field: 'action' });
  });
});

describe('checkReferences', () => {
  const context = (people: Id[], projects: Id[], tasks: Id[]): ReferenceContext => ({
    hasPerson: (id) => people.includes(id),
    hasProject: (id) => projects.includes(id),
    hasTask: (id) => tasks.includes(id),
  });
  const known = context(['u-1', 'u-2'], ['p-1'], ['t-0', 't-1']);

  it('skips a task whose project does not exist', () => {
    const result = checkReferences('tasks', makeTask('t-1', { projectId: 'p-9' }), known);
    expect(result.entity).to.equal(undefined);
    expect(result.issues).to.have.length(1);
    expect(result.issues[0]).to.include({ code: 'unknown-reference', id: 't-1', field: 'projectId' });
    expect(result.issues[0]!.message).to.contain('p-9').and.contain('skipped');
  });

  it('drops unknown people, parent and predecessors from a task, one issue each', () => {
    const task = makeTask('t-1', {
      assigneeIds: ['u-1', 'u-9'],
      resourceIds: ['r-9'],
      followerIds: ['u-2'],
      parentId: 't-9',
      dependencies: [
        { predecessorId: 't-8', type: 'FS', lag: 0 },
        { predecessorId: 't-0', type: 'SS', lag: 1 },
      ],
    });
    const result = checkReferences('tasks', task, known);
    expect(result.entity).to.deep.equal(
      makeTask('t-1', {
        assigneeIds: ['u-1'],
        resourceIds: [],
        followerIds: ['u-2'],
        dependencies: [{ predecessorId: 't-0', type: 'SS', lag: 1 }],
      }),
    );
    expect(result.entity).to.not.have.property('parentId');
    expect(result.issues.map((issue) => issue.field)).to.deep.equal([
      'assigneeIds.1',
      'resourceIds.0',
      'parentId',
      'dependencies.0.predecessorId',
    ]);
    expect(result.issues.every((issue) => issue.code === 'unknown-reference')).to.equal(true);
    expect(result.issues[2]!.message).to.contain('t-9').and.contain('top level');
  });

  it('returns the same task when every reference exists', () => {
    const task = makeTask('t-1', { assigneeIds: ['u-1'], parentId: 't-0', dependencies: [{ predecessorId: 't-0', type: 'FS', lag: 0 }] });
    const result = checkReferences('tasks', task, known);
    expect(result.entity).to.equal(task);
    expect(result.issues).to.deep.equal([]);
  });

  it('skips messages without task or author and drops unknown mentions', () => {
    const message = makeMessage('m-1', { body: 'hi', mentions: ['u-2', 'u-7'] });
    expect(checkReferences('messages', { ...message, taskId: 't-9' }, known).entity).to.equal(undefined);
    const noAuthor = checkReferences('messages', { ...message, authorId: 'u-9' }, known);
    expect(noAuthor.entity).to.equal(undefined);
    expect(noAuthor.issues[0]).to.include({ field: 'authorId' });
    const result = checkReferences('messages', message, known);
    expect(result.entity?.mentions).to.deep.equal(['u-2']);
    expect(result.issues.map((issue) => issue.field)).to.deep.equal(['mentions.1']);
  });

  it('skips notifications for unknown people and never checks activity', () => {
    const notification = { id: 'n-1', version: 1, createdAt: AT, updatedAt: AT, personId: 'u-9', kind: 'mention' as const };
    expect(checkReferences('notifications', notification, known).entity).to.equal(undefined);
    const entry = {
      id: 'a-1',
      version: 1,
      createdAt: AT,
      updatedAt: AT,
      taskId: 't-deleted',
      projectId: 'p-gone',
      actorId: 'u-left',
      at: AT,
      action: 'deleted' as const,
      changes: [],
    };
    expect(checkReferences('activity', entry, known)).to.deep.equal({ entity: entry, issues: [] });
  });
});

describe('findDependencyCycles', () => {
  const fs = (predecessorId: Id): Task['dependencies'][number] => ({ predecessorId, type: 'FS', lag: 0 });

  it('drops the dependency that closes a loop and names the loop', () => {
    const tasks = [makeTask('A', { dependencies: [fs('B')] }), makeTask('B', { dependencies: [fs('C')] }), makeTask('C', { dependencies: [fs('A')] })];
    const result = findDependencyCycles(tasks);
    expect(result.issues).to.have.length(1);
    expect(result.issues[0]).to.include({ code: 'dependency-cycle', id: 'C', field: 'dependencies.0' });
    expect(result.issues[0]!.message).to.contain('A -> C -> B -> A');
    expect(result.tasks[2]!.dependencies).to.deep.equal([]);
    expect(result.tasks[0]).to.equal(tasks[0]);
    expect(result.tasks[1]).to.equal(tasks[1]);
  });

  it('treats a self-dependency as a loop', () => {
    const result = findDependencyCycles([makeTask('A', { dependencies: [fs('Z'), fs('A')] })]);
    expect(result.issues).to.have.length(1);
    expect(result.issues[0]).to.include({ code: 'dependency-cycle', id: 'A', field: 'dependencies.1' });
    expect(result.issues[0]!.message).to.contain('depends on itself');
    expect(result.tasks[0]!.dependencies).to.deep.equal([fs('Z')]);
  });

  it('leaves a DAG alone and makes any tangle a DAG', () => {
    const dag = [makeTask('A'), makeTask('B', { dependencies: [fs('A')] }), makeTask('C', { dependencies: [fs('A'), fs('B')] })];
    const clean = findDependencyCycles(dag);
    expect(clean.issues).to.deep.equal([]);
    clean.tasks.forEach((task, index) => expect(task).to.equal(dag[index]));

    // Two loops sharing a task, plus a long chain back: A<->B, B->C->D->B.
    const tangled = [
      makeTask('A', { dependencies: [fs('B')] }),
      makeTask('B', { dependencies: [fs('A'), fs('D')] }),
      makeTask('C', { dependencies: [fs('B')] }),
      makeTask('D', { dependencies: [fs('C')] }),
    ];
    const result = findDependencyCycles(tangled);
    expect(result.issues.map((issue) => [issue.id, issue.field])).to.deep.equal([
      ['B', 'dependencies.0'],
      ['C', 'dependencies.0'],
    ]);
    const order = topologicalOrder(result.tasks);
    expect(order.cycles).to.deep.equal([]);
    expect(order.order).to.have.length(4);
  });

  it('clears the parent that closes a parent loop', () => {
    const tasks = [makeTask('A', { parentId: 'C' }), makeTask('B', { parentId: 'A' }), makeTask('C', { parentId: 'B' }), makeTask('D', { parentId: 'D' })];
    const result = findDependencyCycles(tasks);
    expect(result.issues.map((issue) => [issue.code, issue.id, issue.field])).to.deep.equal([
      ['parent-cycle', 'B', 'parentId'],
      ['parent-cycle', 'D', 'parentId'],
    ]);
    // Walking up from A (the first task) reaches C, then B, whose parent A closes the loop.
    expect(result.issues[0]!.message).to.contain('B -> A -> C -> B');
    expect(result.tasks.map((task) => task.parentId)).to.deep.equal(['C', undefined, 'B', undefined]);
  });

  it('handles a 20,000-task chain without overflowing the stack', () => {
    const tasks = Array.from({ length: 20_000 }, (_, index) => makeTask(`t${index}`, { dependencies: [fs(`t${(index + 1) % 20_000}`)] }));
    const result = findDependencyCycles(tasks);
    expect(result.issues).to.have.length(1);
    expect(result.issues[0]!.id).to.equal('t19999');
  });
});

describe('wouldCreateCycle and wouldCreateParentCycle', () => {
  const fs = (predecessorId: Id): Task['dependencies'][number] => ({ predecessorId, type: 'FS', lag: 0 });
  const tasks = new Map(
    [
      makeTask('A'),
      makeTask('B', { dependencies: [fs('A')] }),
      makeTask('C', { dependencies: [fs('B')], parentId: 'B' }),
      makeTask('D', { dependencies: [fs('A'), fs('C')], parentId: 'C' }),
      makeTask('X', { dependencies: [fs('Y')] }),
      makeTask('Y', { dependencies: [fs('X')] }),
    ].map((task) => [task.id, task]),
  );
  const getTask = (id: Id): Task | undefined => tasks.get(id);

  it('returns the shortest loop a new dependency would close', () => {
    // A waits for D? D already waits for A directly (and through B, C): the direct path is shortest.
    expect(wouldCreateCycle(getTask, 'A', 'D')).to.deep.equal(['D', 'A', 'D']);
    expect(wouldCreateCycle(getTask, 'B', 'C')).to.deep.equal(['C', 'B', 'C']);
    expect(wouldCreateCycle(getTask, 'A', 'C')).to.deep.equal(['C', 'A', 'B', 'C']);
    expect(wouldCreateCycle(getTask, 'B', 'B')).to.deep.equal(['B', 'B']);
  });

  it('allows safe dependencies, even next to an existing loop', () => {
    expect(wouldCreateCycle(getTask, 'D', 'B')).to.equal(undefined);
    expect(wouldCreateCycle(getTask, 'C', 'A')).to.equal(undefined);
    expect(wouldCreateCycle(getTask, 'A', 'X')).to.equal(undefined);
    expect(wouldCreateCycle(getTask, 'A', 'unknown')).to.equal(undefined);
  });

  it('refuses making a task a subtask of itself or of its own subtask', () => {
    expect(wouldCreateParentCycle(getTask, 'B', 'D')).to.deep.equal(['B', 'D', 'C', 'B']);
    expect(wouldCreateParentCycle(getTask, 'C', 'C')).to.deep.equal(['C', 'C']);
    expect(wouldCreateParentCycle(getTask, 'D', 'B')).to.equal(undefined);
    expect(wouldCreateParentCycle(getTask, 'A', undefined)).to.equal(undefined);
  });
});
