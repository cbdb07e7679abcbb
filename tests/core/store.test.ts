import { expect } from '@open-wc/testing';
import { firstValueFrom, filter, take, toArray } from 'rxjs';
import { CwmStore, taskDefaults, type StoreError, type Task, type Workflow } from '@cwm/core';
import { ScriptedAdapter } from './scripted-adapter.js';
import { makeMessage, makePerson, makeProject, makeTask } from '../fixtures/entities.js';

/** A workflow with rules for the store to enforce: Doing holds at most 2 (blocking), Done may only reopen to Doing. */
const GUARDED_WORKFLOW: Workflow = {
  statuses: [
    { id: 'todo', name: 'To do', category: 'todo' },
    { id: 'doing', name: 'Doing', category: 'active', wipLimit: 2 },
    { id: 'done', name: 'Done', category: 'done' },
  ],
  transitions: { todo: ['doing'], doing: ['todo', 'done'], done: ['doing'] },
  wipPolicy: 'block',
};

let counter = 0;
const ids = (prefix: string): string => `${prefix}-test-${++counter}`;

function setup(data: ConstructorParameters<typeof ScriptedAdapter>[0] = {}, userId = 'u-1') {
  const adapter = new ScriptedAdapter({
    people: [makePerson('u-1', { role: 'manager' }), makePerson('u-2'), makePerson('u-3', { role: 'viewer' }), makePerson('u-4')],
    projects: [makeProject('p-1', { workflow: GUARDED_WORKFLOW }), makeProject('p-2', { workflow: GUARDED_WORKFLOW })],
    tasks: [makeTask('t-1', { assigneeIds: ['u-2'] }), makeTask('t-2', { rank: 'r' }), makeTask('t-9', { projectId: 'p-2' })],
    ...data,
  });
  const store = new CwmStore({ adapter, workspaceId: 'ws', userId, newId: ids, now: () => new Date('2026-11-25T10:00:00Z') });
  const errors: StoreError[] = [];
  store.errors$.subscribe((error) => errors.push(error));
  return { adapter, store, errors };
}

const title = (store: CwmStore, id: string): string | undefined => store.state.tasks.get(id)?.title;

describe('CwmStore: loading', () => {
  it('loads every page of people, projects and tasks and becomes ready', async () => {
    const { store } = setup();
    await store.connect();
    expect(store.state.sync.phase).to.equal('ready');
    expect(store.state.people.size).to.equal(4);
    expect(store.state.tasks.size).to.equal(3);
    expect(store.state.workspace?.name).to.equal('Test');
    const me = await firstValueFrom(store.me$());
    expect(me?.id).to.equal('u-1');
  });

  it('skips malformed entities with typed errors and loads the rest', async () => {
    const { store, errors } = setup({
      tasks: [
        makeTask('t-1'),
        { ...makeTask('x'), id: undefined },
        makeTask('t-reversed', { start: '2026-05-10', due: '2026-05-01' }),
        makeTask('t-bad-date', { start: '2026-02-30' }),
        makeTask('t-orphan', { projectId: 'p-nowhere' }),
        makeTask('t-stranger', { assigneeIds: ['u-1', 'u-ghost'] }),
        makeTask('t-a', { dependencies: [{ predecessorId: 't-b', type: 'FS', lag: 0 }] }),
        makeTask('t-b', { dependencies: [{ predecessorId: 't-a', type: 'FS', lag: 0 }] }),
        'not even an object',
      ],
    });
    await store.connect();
    const tasks = store.state.tasks;
    expect(tasks.has('t-1')).to.equal(true);
    expect(tasks.has('t-reversed')).to.equal(false);
    expect(tasks.has('t-bad-date')).to.equal(false);
    expect(tasks.has('t-orphan')).to.equal(false);
    // A dangling assignee is dropped, the task is kept.
    expect(tasks.get('t-stranger')?.assigneeIds).to.deep.equal(['u-1']);
    // One edge of the loop is dropped so the plan stays a graph without cycles.
    const links = (tasks.get('t-a')?.dependencies.length ?? 0) + (tasks.get('t-b')?.dependencies.length ?? 0);
    expect(links).to.equal(1);
    const codes = errors.filter((error) => error.kind === 'invalid-data').map((error) => (error.kind === 'invalid-data' ? error.issue.code : ''));
    expect(codes).to.include.members(['missing-id', 'reversed-dates', 'bad-date', 'unknown-reference', 'dependency-cycle', 'not-an-object']);
    for (const error of errors) if (error.kind === 'invalid-data') expect(error.issue.message.length).to.be.greaterThan(10);
  });

  it('reports a failed load and can connect again', async () => {
    const { store, adapter, errors } = setup();
    adapter.offline = true;
    await store.connect();
    expect(store.state.sync.phase).to.equal('failed');
    expect(errors.some((error) => error.kind === 'load-failed')).to.equal(true);
    adapter.offline = false;
    await store.connect();
    expect(store.state.sync.phase).to.equal('ready');
  });
});

describe('CwmStore: optimistic writes', () => {
  it('creates a task with the model defaults for what the input leaves out, and keeps what it gives', async () => {
    const { store } = setup();
    await store.connect();
    const created = store.createTask({ projectId: 'p-1', title: 'Fresh', tags: ['api'], priority: 'high' });
    if (!created.ok) expect.fail(created.reason);
    const task = store.state.tasks.get(created.id)!;
    expect(task).to.deep.include({ ...taskDefaults(), tags: ['api'], priority: 'high' });
    expect(task).to.include({ title: 'Fresh', status: 'todo', version: 0, createdBy: 'u-1', createdAt: '2026-11-25T10:00:00.000Z' });
  });

  it('shows a write at once, then confirms it with the server version', async () => {
    const { store, adapter } = setup();
    await store.connect();
    adapter.hold();
    const result = store.updateTask('t-1', { title: 'Renamed' });
    expect(result.ok).to.equal(true);
    expect(title(store, 't-1')).to.equal('Renamed');
    expect(store.state.pendingIds.has('t-1')).to.equal(true);
    expect(store.state.sync.pendingWrites).to.equal(1);
    adapter.release();
    const outcome = result.ok ? await result.confirmed : undefined;
    expect(outcome).to.deep.equal({ status: 'applied' });
    expect(store.state.tasks.get('t-1')?.version).to.equal(2);
    expect(store.state.pendingIds.size).to.equal(0);
    expect(adapter.pushed[0]?.baseVersion).to.equal(1);
    expect(adapter.pushed[0]?.intent).to.equal('task.edit');
  });

  it('rolls a refused write back and says why', async () => {
    const { store, adapter, errors } = setup();
    await store.connect();
    adapter.answerNext((mutation) => ({
      mutationId: mutation.id,
      status: 'rejected',
      error: Object.assign(new Error('You may not rename tasks in this project.'), { name: 'AdapterError', code: 'forbidden' as const, retryable: false }) as never,
    }));
    const result = store.updateTask('t-1', { title: 'Nope' });
    expect(title(store, 't-1')).to.equal('Nope');
    const outcome = result.ok ? await result.confirmed : undefined;
    expect(outcome?.status).to.equal('rejected');
    expect(title(store, 't-1')).to.equal('Task t-1');
    const rejection = errors.find((error) => error.kind === 'write-rejected');
    expect(rejection).to.include({ kind: 'write-rejected', code: 'forbidden', entityId: 't-1' });
    expect(rejection && 'message' in rejection ? rejection.message : '').to.contain('may not rename');
  });

  it('rebases a conflicting write onto the server version, keeping both edits', async () => {
    const { store, adapter, errors } = setup();
    await store.connect();
    // Someone else changed the priority on the server; we have not heard of it yet.
    const current = adapter.server.get('tasks/t-1') as Task;
    adapter.server.set('tasks/t-1', { ...current, priority: 'high', version: 2 });
    const result = store.updateTask('t-1', { title: 'Mine' });
    const outcome = result.ok ? await result.confirmed : undefined;
    expect(outcome).to.deep.equal({ status: 'applied' });
    const merged = store.state.tasks.get('t-1');
    expect(merged?.title).to.equal('Mine');
    expect(merged?.priority).to.equal('high');
    expect(merged?.version).to.equal(3);
    expect(adapter.pushed.map((mutation) => mutation.baseVersion)).to.deep.equal([1, 2]);
    expect(errors.some((error) => error.kind === 'write-rebased')).to.equal(true);
  });

  it('merges a remote change under a pending local edit; on the conflict their earlier edit of the same field wins', async () => {
    const { store, adapter, errors } = setup();
    await store.connect();
    adapter.hold();
    const result = store.updateTask('t-1', { title: 'Local title' });
    adapter.remoteUpdate('tasks', 't-1', { priority: 'urgent', title: 'Their title' });
    // Their priority arrives, our pending title stays on top while it is unconfirmed.
    expect(store.state.tasks.get('t-1')?.priority).to.equal('urgent');
    expect(title(store, 't-1')).to.equal('Local title');
    adapter.release();
    if (result.ok) expect(await result.confirmed).to.deep.equal({ status: 'applied' });
    // They changed the title after the value we edited: theirs is kept, and nothing is sent again.
    expect(title(store, 't-1')).to.equal('Their title');
    expect(store.state.tasks.get('t-1')?.priority).to.equal('urgent');
    expect(adapter.pushed).to.have.length(1);
    expect(errors.filter((error) => error.kind === 'write-merged')).to.deep.equal([
      { kind: 'write-merged', collection: 'tasks', entityId: 't-1', intent: 'task.edit', kept: ['title'] },
    ]);
  });

  it('clears a field with a patch that survives JSON (null, never undefined)', async () => {
    const { store, adapter } = setup({ tasks: [makeTask('t-1'), makeTask('t-2', { parentId: 't-1', due: '2026-12-01' })] });
    await store.connect();
    const result = store.updateTask('t-2', { parentId: undefined, due: undefined });
    if (result.ok) await result.confirmed;
    const sent = JSON.parse(JSON.stringify(adapter.pushed[0]));
    expect(sent.patch).to.deep.equal({ parentId: null, due: null });
    const cleared = store.state.tasks.get('t-2')!;
    expect('parentId' in cleared).to.equal(false);
    expect('due' in cleared).to.equal(false);
    // Undo puts both back.
    store.undo();
    expect(store.state.tasks.get('t-2')?.parentId).to.equal('t-1');
    expect(store.state.tasks.get('t-2')?.due).to.equal('2026-12-01');
  });

  it('settles unconfirmed writes when it is disposed', async () => {
    const { store, adapter } = setup();
    await store.connect();
    adapter.hold();
    const result = store.updateTask('t-1', { title: 'Never sent' });
    store.dispose();
    const outcome = result.ok ? await result.confirmed : undefined;
    expect(outcome).to.deep.include({ status: 'rejected', code: 'disposed' });
  });

  it('ignores echoes of what it already has', async () => {
    const { store, adapter } = setup();
    await store.connect();
    const before = store.state;
    adapter.emit([{ type: 'upsert', collection: 'tasks', entity: makeTask('t-1') }]);
    expect(store.state).to.equal(before);
  });

  it('keeps writes while offline and sends them when back', async () => {
    const { store, adapter, errors } = setup();
    await store.connect();
    adapter.offline = true;
    const result = store.updateTask('t-2', { title: 'Written offline' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.state.sync.online).to.equal(false);
    expect(title(store, 't-2')).to.equal('Written offline');
    expect(errors.some((error) => error.kind === 'offline')).to.equal(true);
    adapter.offline = false;
    store.retryNow();
    const outcome = result.ok ? await result.confirmed : undefined;
    expect(outcome?.status).to.equal('applied');
    expect(store.state.sync.online).to.equal(true);
    expect((adapter.server.get('tasks/t-2') as Task).title).to.equal('Written offline');
  });

  it('says in its sync state when it retries while offline, and forgets it once back', async () => {
    const { store, adapter, errors } = setup();
    await store.connect();
    adapter.offline = true;
    const before = Date.now();
    const result = store.updateTask('t-2', { title: 'Written offline' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const offline = errors.find((error) => error.kind === 'offline');
    const retryInMs = offline?.kind === 'offline' ? offline.retryInMs : Number.NaN;
    expect(store.state.sync.retryAt).to.be.within(before + retryInMs, Date.now() + retryInMs);
    adapter.offline = false;
    store.retryNow();
    expect(result.ok && (await result.confirmed)).to.deep.equal({ status: 'applied' });
    expect(store.state.sync.retryAt).to.equal(undefined);
  });

  it('refuses an invalid write before applying anything', async () => {
    const { store } = setup();
    await store.connect();
    const before = store.state;
    const result = store.updateTask('t-1', { start: '2026-06-10', due: '2026-06-01' });
    expect(result.ok).to.equal(false);
    expect(result.ok ? '' : result.code).to.equal('validation');
    expect(store.state).to.equal(before);
  });
});

describe('CwmStore: undo and redo', () => {
  it('undoes and redoes an edit', async () => {
    const { store } = setup();
    await store.connect();
    const states: boolean[] = [];
    store.canUndo$.subscribe((value) => states.push(value));
    const result = store.updateTask('t-1', { title: 'Edited', priority: 'high' });
    if (result.ok) await result.confirmed;
    expect(store.undo()).to.equal(true);
    expect(title(store, 't-1')).to.equal('Task t-1');
    expect(store.state.tasks.get('t-1')?.priority).to.equal('none');
    expect(store.redo()).to.equal(true);
    expect(title(store, 't-1')).to.equal('Edited');
    expect(states).to.deep.equal([false, true, false, true]);
    expect(store.redo()).to.equal(false);
  });

  it('undoes a create by deleting, and a delete by restoring the whole subtree', async () => {
    const { store, adapter } = setup({
      tasks: [makeTask('t-1'), makeTask('t-child', { parentId: 't-1' }), makeTask('t-grandchild', { parentId: 't-child' })],
    });
    await store.connect();
    const created = store.createTask({ projectId: 'p-1', title: 'Fresh' });
    expect(created.ok).to.equal(true);
    const newId = created.ok ? created.id : '';
    expect(store.state.tasks.get(newId)?.status).to.equal('todo');
    store.undo();
    expect(store.state.tasks.has(newId)).to.equal(false);

    const deleted = store.deleteTask('t-1');
    expect(store.state.tasks.has('t-grandchild')).to.equal(false);
    if (deleted.ok) await deleted.confirmed;
    expect(adapter.server.has('tasks/t-child')).to.equal(false);
    expect(store.undo()).to.equal(true);
    expect(['t-1', 't-child', 't-grandchild'].every((id) => store.state.tasks.has(id))).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await firstValueFrom(store.sync$().pipe(filter((sync) => sync.pendingWrites === 0)));
    expect(adapter.server.has('tasks/t-grandchild')).to.equal(true);
    expect(store.state.tasks.get('t-child')?.parentId).to.equal('t-1');
  });

  it('forgets an action the backend refused', async () => {
    const { store, adapter } = setup();
    await store.connect();
    adapter.answerNext((mutation) => ({ mutationId: mutation.id, status: 'rejected', error: { code: 'validation', message: 'No.' } as never }));
    const result = store.updateTask('t-1', { title: 'Refused' });
    if (result.ok) await result.confirmed;
    expect(store.undo()).to.equal(false);
  });
});

describe('CwmStore: rules', () => {
  it('follows the permission policy and says why', async () => {
    const viewer = setup({}, 'u-3');
    await viewer.store.connect();
    const refused = viewer.store.updateTask('t-1', { title: 'x' });
    expect(refused).to.deep.include({ ok: false, code: 'read-only' });
    expect(refused.ok ? '' : refused.reason).to.match(/\w+ \w+/);
    expect(title(viewer.store, 't-1')).to.equal('Task t-1');

    const member = setup({}, 'u-4');
    await member.store.connect();
    const assignOther = member.store.updateTask('t-2', { assigneeIds: ['u-2'] });
    expect(assignOther).to.deep.include({ ok: false, code: 'managers-assign' });
    expect(member.store.updateTask('t-2', { assigneeIds: ['u-4'] }).ok).to.equal(true);
    expect(member.store.can('task.assign').allowed).to.equal(false);

    const manager = setup({}, 'u-1');
    await manager.store.connect();
    expect(manager.store.updateTask('t-2', { assigneeIds: ['u-2'] }).ok).to.equal(true);
  });

  it('obeys workflow transitions and blocking WIP limits', async () => {
    const { store } = setup({
      tasks: [makeTask('t-1'), makeTask('t-2'), makeTask('t-3'), makeTask('t-4', { status: 'doing' }), makeTask('t-5', { status: 'doing' })],
    });
    await store.connect();
    const skip = store.moveTask('t-1', { status: 'done' });
    expect(skip).to.deep.include({ ok: false, code: 'transition' });
    expect(skip.ok ? '' : skip.reason).to.contain('To do');
    const full = store.moveTask('t-1', { status: 'doing' });
    expect(full).to.deep.include({ ok: false, code: 'wip-limit' });
    expect(store.state.tasks.get('t-1')?.status).to.equal('todo');
  });

  it('refuses a dependency that would close a loop', async () => {
    const { store } = setup({
      tasks: [makeTask('t-1'), makeTask('t-2', { dependencies: [{ predecessorId: 't-1', type: 'FS', lag: 0 }] })],
    });
    await store.connect();
    const loop = store.updateTask('t-1', { dependencies: [{ predecessorId: 't-2', type: 'FS', lag: 0 }] });
    expect(loop).to.deep.include({ ok: false, code: 'dependency-cycle' });
  });

  it('places moved tasks exactly between their new neighbours', async () => {
    const { store } = setup({
      tasks: [makeTask('t-1', { rank: 'c' }), makeTask('t-2', { rank: 'f' }), makeTask('t-3', { rank: 'm' })],
    });
    await store.connect();
    store.moveTask('t-3', { status: 'todo', afterId: 't-1' });
    const order = store.state.tasks.values().sort((a, b) => (a.rank < b.rank ? -1 : 1)).map((item) => item.id);
    expect(order).to.deep.equal(['t-1', 't-3', 't-2']);
    store.moveTask('t-1', { status: 'todo', beforeId: 't-3' });
    store.moveTask('t-2', { status: 'todo', beforeId: 't-1' });
    const next = store.state.tasks.values().sort((a, b) => (a.rank < b.rank ? -1 : 1)).map((item) => item.id);
    expect(next).to.deep.equal(['t-2', 't-1', 't-3']);
  });

  it('moves several tasks together, in order, as one undoable action', async () => {
    const { store } = setup({
      tasks: [
        makeTask('t-1', { rank: 'c' }),
        makeTask('t-2', { rank: 'f' }),
        makeTask('t-3', { rank: 'm' }),
        makeTask('t-4', { rank: 'p' }),
      ],
    });
    await store.connect();
    const sorted = (status: string) =>
      store.state.tasks.filter((item) => item.status === status).sort((a, b) => (a.rank < b.rank ? -1 : 1)).map((item) => item.id);
    const result = store.moveTasks(['t-3', 't-1'], { status: 'doing' });
    expect(result.ok).to.equal(true);
    expect(sorted('doing')).to.deep.equal(['t-3', 't-1']);
    store.undo();
    expect(sorted('todo')).to.deep.equal(['t-1', 't-2', 't-3', 't-4']);
    store.moveTasks(['t-4', 't-1'], { status: 'todo', beforeId: 't-3' });
    expect(sorted('todo')).to.deep.equal(['t-2', 't-4', 't-1', 't-3']);
    store.undo();
    // Placed between two neighbours, every moved task lands between them.
    store.moveTasks(['t-1', 't-2'], { status: 'todo', afterId: 't-3' });
    expect(sorted('todo')).to.deep.equal(['t-3', 't-1', 't-2', 't-4']);
  });

  it('refuses a bulk move as a whole when it would overflow a blocking WIP limit', async () => {
    const { store } = setup({ tasks: [makeTask('t-1'), makeTask('t-2'), makeTask('t-3'), makeTask('t-4', { status: 'doing' })] });
    await store.connect();
    const result = store.moveTasks(['t-1', 't-2'], { status: 'doing' });
    expect(result).to.deep.include({ ok: false, code: 'wip-limit' });
    expect(store.state.tasks.get('t-1')?.status).to.equal('todo');
    expect(store.moveTasks(['t-1'], { status: 'doing' }).ok).to.equal(true);
  });

  it('assigns people to several tasks at once, and refuses unknown people', async () => {
    const { store } = setup();
    await store.connect();
    const result = store.assignTasks(['t-1', 't-2'], ['u-4']);
    expect(result.ok).to.equal(true);
    expect(store.state.tasks.get('t-1')?.assigneeIds).to.deep.equal(['u-2', 'u-4']);
    expect(store.state.tasks.get('t-2')?.assigneeIds).to.deep.equal(['u-4']);
    store.undo();
    expect(store.state.tasks.get('t-1')?.assigneeIds).to.deep.equal(['u-2']);
    expect(store.assignTasks(['t-1'], ['u-ghost'])).to.deep.include({ ok: false, code: 'not-found' });
  });

  it('refuses oversized or empty messages, nothing is sent', async () => {
    const { store, adapter } = setup();
    await store.connect();
    const huge = store.postMessage({ taskId: 't-1', body: 'x'.repeat(10_001) });
    expect(huge).to.deep.include({ ok: false, code: 'too-long' });
    expect(store.postMessage({ taskId: 't-1', body: '   ' })).to.deep.include({ ok: false, code: 'empty' });
    expect(adapter.pushed.length).to.equal(0);
  });
});

describe('CwmStore: selectors', () => {
  it('emits per entity, and a project list only when its own tasks change', async () => {
    const { store, adapter } = setup();
    await store.connect();
    const taskEmissions: (Task | undefined)[] = [];
    store.task$('t-1').subscribe((value) => taskEmissions.push(value));
    const projectTables: unknown[] = [];
    store.projectTasks$('p-1').subscribe((table) => projectTables.push(table));
    expect(projectTables.length).to.equal(1);
    adapter.remoteUpdate('tasks', 't-9', { title: 'Other project' });
    expect(projectTables.length).to.equal(1);
    expect(taskEmissions.length).to.equal(1);
    adapter.remoteUpdate('tasks', 't-2', { title: 'Same project' });
    expect(projectTables.length).to.equal(2);
    expect(taskEmissions.length).to.equal(1);
    adapter.remoteUpdate('tasks', 't-1', { title: 'This one' });
    expect(taskEmissions.map((value) => value?.title)).to.deep.equal(['Task t-1', 'This one']);
  });

  it('loads a conversation when it is first asked for', async () => {
    const { store } = setup({
      messages: [
        makeMessage('m-2', { authorId: 'u-2', body: 'second', createdAt: '2026-11-02T00:00:00.000Z', updatedAt: '2026-11-02T00:00:00.000Z' }),
        makeMessage('m-1', { body: 'first', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' }),
      ],
    });
    await store.connect();
    expect(store.state.messages.size).to.equal(0);
    const thread = await firstValueFrom(store.messages$('t-1').pipe(filter((list) => list.length === 2)));
    expect(thread.map((message) => message.body)).to.deep.equal(['first', 'second']);
  });

  it('publishes sync state changes', async () => {
    const { store } = setup();
    const phases = store.sync$().pipe(take(3), toArray());
    const promise = firstValueFrom(phases);
    await store.connect();
    expect((await promise).map((sync) => sync.phase)).to.deep.equal(['idle', 'loading', 'ready']);
  });
});
