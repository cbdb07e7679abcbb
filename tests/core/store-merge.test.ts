import { expect } from '@open-wc/testing';
import type { Observable } from 'rxjs';
import { CwmStore, type CwmAdapter, type Mutation, type MutationResult, type RemoteChange, type StoreError, type Task } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import { LocalAdapter, MemoryAdapter, workspaceName } from '@cwm/adapters';
import { ScriptedAdapter } from './scripted-adapter.js';
import { makePerson, makeProject, makeTask } from '../fixtures/entities.js';

let counter = 0;
const ids = (prefix: string): string => `${prefix}-merge-${++counter}`;
const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function scripted() {
  const adapter = new ScriptedAdapter({ people: [makePerson('u-1', { role: 'manager' })], projects: [makeProject('p-1')], tasks: [makeTask('t-1')] });
  const store = new CwmStore({ adapter, workspaceId: 'ws', userId: 'u-1', newId: ids });
  const errors: StoreError[] = [];
  store.errors$.subscribe((error) => errors.push(error));
  return { adapter, store, errors };
}

/** Someone else's edit lands on the server without this store hearing of it (yet). */
function editBehindTheBack(adapter: ScriptedAdapter, patch: Partial<Task>): void {
  const current = adapter.server.get('tasks/t-1') as Task;
  adapter.server.set('tasks/t-1', { ...current, ...patch, version: current.version + 1 });
}

const kinds = (errors: readonly StoreError[]): string[] => errors.map((error) => error.kind);
const patchOf = (mutation: Mutation | undefined): unknown => (mutation?.kind === 'update' ? mutation.patch : undefined);

describe('CwmStore: a conflict is merged field by field', () => {
  it('re-sends on the new version when the other edit was to a different field: both values hold', async () => {
    const { adapter, store, errors } = scripted();
    await store.connect();
    editBehindTheBack(adapter, { priority: 'high' });
    const result = store.updateTask('t-1', { title: 'Mine' });
    expect(result.ok && (await result.confirmed)).to.deep.equal({ status: 'applied' });
    expect(store.state.tasks.get('t-1')).to.include({ title: 'Mine', priority: 'high', version: 3 });
    expect(adapter.pushed.map((m) => m.baseVersion)).to.deep.equal([1, 2]);
    expect(patchOf(adapter.pushed[1])).to.deep.equal({ title: 'Mine' });
    expect(kinds(errors)).to.deep.equal(['write-rebased']);
  });

  it('keeps the server value when the other edit was to the same field, reports write-merged, sends nothing again', async () => {
    const { adapter, store, errors } = scripted();
    await store.connect();
    editBehindTheBack(adapter, { title: 'Theirs' });
    const result = store.updateTask('t-1', { title: 'Mine' });
    expect(result.ok && (await result.confirmed)).to.deep.equal({ status: 'applied' });
    expect(store.state.tasks.get('t-1')).to.include({ title: 'Theirs', version: 2 });
    expect(adapter.pushed).to.have.length(1);
    expect(errors).to.deep.equal([{ kind: 'write-merged', collection: 'tasks', entityId: 't-1', intent: 'task.edit', kept: ['title'] }]);
    expect(store.state.sync.pendingWrites).to.equal(0);
  });

  it('a later pending edit of a field the earlier one lost does not overwrite their value either', async () => {
    const { adapter, store, errors } = scripted();
    await store.connect();
    editBehindTheBack(adapter, { title: 'Theirs' });
    const first = store.updateTask('t-1', { title: 'Mine' });
    const second = store.updateTask('t-1', { title: 'Mine, better', priority: 'high' });
    expect(first.ok && (await first.confirmed)).to.deep.equal({ status: 'applied' });
    expect(second.ok && (await second.confirmed)).to.deep.equal({ status: 'applied' });
    expect((adapter.server.get('tasks/t-1') as Task).title, 'the server').to.equal('Theirs');
    expect(store.state.tasks.get('t-1')).to.include({ title: 'Theirs', priority: 'high' });
    const merged = errors.filter((error) => error.kind === 'write-merged').map((error) => (error.kind === 'write-merged' ? error.kept : []));
    expect(merged).to.deep.equal([['title'], ['title']]);
  });

  it('sends only the fields nobody else changed, and lists the kept ones once the write is confirmed', async () => {
    const { adapter, store, errors } = scripted();
    await store.connect();
    editBehindTheBack(adapter, { title: 'Theirs', estimate: 8 });
    const result = store.updateTask('t-1', { title: 'Mine', priority: 'urgent', estimate: 3 });
    expect(result.ok && (await result.confirmed)).to.deep.equal({ status: 'applied' });
    expect(store.state.tasks.get('t-1')).to.include({ title: 'Theirs', priority: 'urgent', estimate: 8, version: 3 });
    expect(patchOf(adapter.pushed[1])).to.deep.equal({ priority: 'urgent' });
    const resent = adapter.pushed[1]!;
    expect(resent.kind === 'update' && resent.baseValues).to.deep.equal({ priority: 'none' });
    expect(resent.id).to.equal(adapter.pushed[0]!.id);
    expect(errors).to.deep.equal([{ kind: 'write-merged', collection: 'tasks', entityId: 't-1', intent: 'task.edit', kept: ['title', 'estimate'] }]);
  });

  it('reports write-merged when an adapter answers applied with kept fields (its own drainer merged)', async () => {
    const { adapter, store, errors } = scripted();
    await store.connect();
    adapter.answerNext((m) => {
      const entity = { ...(adapter.server.get('tasks/t-1') as Task), title: 'Theirs', priority: 'low' as const, version: 3 };
      adapter.server.set('tasks/t-1', entity);
      return { mutationId: m.id, status: 'applied', entity, kept: ['title'] };
    });
    const result = store.updateTask('t-1', { title: 'Mine', priority: 'low' });
    expect(result.ok && (await result.confirmed)).to.deep.equal({ status: 'applied' });
    expect(store.state.tasks.get('t-1')).to.include({ title: 'Theirs', priority: 'low' });
    expect(errors).to.deep.equal([{ kind: 'write-merged', collection: 'tasks', entityId: 't-1', intent: 'task.edit', kept: ['title'] }]);
  });

  it('rolls back after three rebases in a row', async () => {
    const { adapter, store, errors } = scripted();
    await store.connect();
    for (let round = 0; round < 4; round++) {
      adapter.answerNext((m) => {
        editBehindTheBack(adapter, { priority: round % 2 === 0 ? 'high' : 'low' });
        return { mutationId: m.id, status: 'conflict', current: adapter.server.get('tasks/t-1')! };
      });
    }
    const result = store.updateTask('t-1', { title: 'Mine' });
    expect(result.ok && (await result.confirmed)).to.include({ status: 'rejected', code: 'conflict' });
    expect(adapter.pushed).to.have.length(4);
    expect(store.state.tasks.get('t-1')?.title).to.equal('Task t-1');
    expect(kinds(errors)).to.deep.equal(['write-rebased', 'write-rebased', 'write-rebased', 'write-rejected']);
  });
});

describe('CwmStore on the memory adapter: concurrent edits', () => {
  const seed = generateWorkspace({ workspaceId: 'merge-mem', tasks: 8, messagesPerTask: 0 });
  const me = seed.people[0]!.id;
  const other = seed.people[1]!.id;
  const task = seed.tasks[0]!;

  async function open() {
    const adapter = new MemoryAdapter({ seed });
    const store = new CwmStore({ adapter, workspaceId: 'merge-mem', userId: me, newId: ids });
    const errors: StoreError[] = [];
    store.errors$.subscribe((error) => errors.push(error));
    await store.connect();
    return { adapter, store, errors };
  }

  it('keeps both edits of different fields', async () => {
    const { adapter, store, errors } = await open();
    adapter.pause();
    const result = store.updateTask(task.id, { title: 'My title' });
    expect(adapter.remote(other).update('tasks', task.id, { priority: 'urgent' }).status).to.equal('applied');
    adapter.resume();
    expect(result.ok && (await result.confirmed)).to.deep.equal({ status: 'applied' });
    const server = adapter.backend.get('tasks', task.id) as Task;
    expect(server).to.include({ title: 'My title', priority: 'urgent' });
    expect(store.state.tasks.get(task.id)).to.include({ title: 'My title', priority: 'urgent', version: server.version });
    expect(errors.map((error) => error.kind)).to.deep.equal(['write-rebased']);
    store.dispose();
    adapter.close();
  });

  it('keeps the other person’s earlier edit of the same field and says so', async () => {
    const { adapter, store, errors } = await open();
    adapter.pause();
    const result = store.updateTask(task.id, { title: 'My title', progress: 40 });
    adapter.remote(other).update('tasks', task.id, { title: 'Their title' });
    adapter.resume();
    expect(result.ok && (await result.confirmed)).to.deep.equal({ status: 'applied' });
    const server = adapter.backend.get('tasks', task.id) as Task;
    expect(server).to.include({ title: 'Their title', progress: 40 });
    expect(store.state.tasks.get(task.id)).to.include({ title: 'Their title', progress: 40 });
    expect(errors.filter((error) => error.kind === 'write-merged')).to.deep.equal([
      { kind: 'write-merged', collection: 'tasks', entityId: task.id, intent: 'task.edit', kept: ['title'] },
    ]);
    store.dispose();
    adapter.close();
  });
});

/** Delegates to an adapter but holds pushes until `letThrough()`: the store's write is made on an old version. */
class Gate implements CwmAdapter {
  private release!: () => void;
  private readonly opened = new Promise<void>((resolve) => (this.release = resolve));
  constructor(private readonly inner: LocalAdapter) {}
  get capabilities() {
    return this.inner.capabilities;
  }
  open = (session: Parameters<CwmAdapter['open']>[0]) => this.inner.open(session);
  list = (...args: Parameters<CwmAdapter['list']>) => this.inner.list(...args);
  changes = (): Observable<readonly RemoteChange[]> => this.inner.changes();
  async push(mutations: readonly Mutation[]): Promise<readonly MutationResult[]> {
    await this.opened;
    return this.inner.push(mutations);
  }
  letThrough(): void {
    this.release();
  }
  close(): void {
    this.inner.close();
  }
}

describe('CwmStore on the local adapter: concurrent edits from another tab', () => {
  const workspaceId = `test-merge-${crypto.randomUUID().slice(0, 8)}`;
  const seed = generateWorkspace({ workspaceId, tasks: 6, messagesPerTask: 0 });
  const me = seed.people[0]!.id;
  const other = seed.people[1]!.id;
  const task = seed.tasks[0]!;

  after(async () => {
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(workspaceName(workspaceId));
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  });

  it('merges field by field: their title stands, my untouched fields are saved', async () => {
    const mine = new Gate(new LocalAdapter({ seed: () => seed }));
    const theirs = new LocalAdapter({ seed: () => seed });
    const store = new CwmStore({ adapter: mine, workspaceId, userId: me, newId: ids });
    const errors: StoreError[] = [];
    store.errors$.subscribe((error) => errors.push(error));
    await store.connect();
    await theirs.open({ workspaceId, userId: other });
    const result = store.updateTask(task.id, { title: 'Tab A', priority: 'high' });
    const [answer] = await theirs.push([
      { id: ids('mut'), kind: 'update', collection: 'tasks', entityId: task.id, baseVersion: task.version, patch: { title: 'Tab B' }, actorId: other, at: new Date().toISOString(), intent: 'task.edit' } as Mutation,
    ]);
    expect(answer!.status).to.equal('applied');
    mine.letThrough();
    expect(result.ok && (await result.confirmed)).to.deep.equal({ status: 'applied' });
    const stored = (await theirs.list('tasks')).items.find((item) => (item as Task).id === task.id) as Task;
    expect(stored).to.include({ title: 'Tab B', priority: 'high' });
    await tick(20);
    expect(store.state.tasks.get(task.id)).to.include({ title: 'Tab B', priority: 'high' });
    expect(errors.filter((error) => error.kind === 'write-merged').map((error) => 'kept' in error && error.kept)).to.deep.equal([['title']]);
    store.dispose();
    mine.close();
    theirs.close();
  });
});
