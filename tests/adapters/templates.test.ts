import { expect } from '@open-wc/testing';
import { MAX_TEMPLATE_DEPTH, type CwmAdapter, type Message, type ReadMarker, type TaskTemplate, type Workspace } from '@cwm/core';
import { LocalAdapter, MemoryAdapter, workspaceName, type WorkspaceData } from '@cwm/adapters';
import { AT, makeMessage, makePerson, makeProject, makeTask } from '../fixtures/entities.js';
import { create, remove, update } from './mutations.js';

function workspace(id: string): Workspace {
  return { id, name: id, calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };
}

function data(id: string): WorkspaceData {
  return {
    workspace: workspace(id),
    people: [makePerson('u-1'), makePerson('u-2')],
    projects: [makeProject('p-1')],
    tasks: [makeTask('t-1'), makeTask('t-2')],
    messages: [makeMessage('m-1')],
  };
}

function template(id: string, overrides: Partial<TaskTemplate> = {}): TaskTemplate {
  return {
    id,
    version: 0,
    createdAt: AT,
    updatedAt: AT,
    name: `Template ${id}`,
    createdBy: 'u-1',
    title: 'Onboarding',
    priority: 'medium',
    tags: ['people'],
    checklist: ['Laptop', 'Badge'],
    startOffsetDays: 0,
    durationDays: 3,
    subtasks: [{ title: 'Accounts', priority: 'none', tags: [], checklist: [], subtasks: [] }],
    ...overrides,
  };
}

/** A template `levels` deep (the root included). */
function deep(id: string, levels: number): TaskTemplate {
  let node: TaskTemplate['subtasks'][number] = { title: 'leaf', priority: 'none', tags: [], checklist: [], subtasks: [] };
  for (let level = 2; level < levels; level++) node = { title: `level ${level}`, priority: 'none', tags: [], checklist: [], subtasks: [node] };
  return template(id, { subtasks: levels > 1 ? [node] : [] });
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** Writes, reads, changes and deletes templates through any adapter; refuses bad ones. */
async function roundTrip(adapter: CwmAdapter): Promise<void> {
  const [saved, tooDeep, nameless] = await adapter.push([
    create('templates', template('tpl-1')),
    create('templates', deep('tpl-deep', MAX_TEMPLATE_DEPTH + 1)),
    create('templates', template('tpl-nameless', { name: ' ' })),
  ]);
  expect(saved?.status).to.equal('applied');
  expect(saved?.status === 'applied' && saved.entity).to.include({ id: 'tpl-1', version: 1, name: 'Template tpl-1' });
  expect(tooDeep?.status === 'rejected' && tooDeep.error.code).to.equal('validation');
  expect(tooDeep?.status === 'rejected' && tooDeep.error.message).to.contain(`deeper than ${MAX_TEMPLATE_DEPTH} levels`);
  expect(nameless?.status === 'rejected' && nameless.error.message).to.contain('"name" must not be empty');
  expect((await adapter.push([create('templates', deep('tpl-five', MAX_TEMPLATE_DEPTH))]))[0]?.status).to.equal('applied');

  const [renamed] = await adapter.push([update('templates', 'tpl-1', { name: 'Onboarding' }, { baseVersion: 1 })]);
  expect(renamed?.status === 'applied' && renamed.entity).to.include({ version: 2, name: 'Onboarding' });
  const listed = (await adapter.list('templates')).items as TaskTemplate[];
  expect(listed.map((item) => item.id).sort()).to.deep.equal(['tpl-1', 'tpl-five']);
  const one = listed.find((item) => item.id === 'tpl-1')!;
  expect(one.checklist).to.deep.equal(['Laptop', 'Badge']);
  expect(one.subtasks[0]?.title).to.equal('Accounts');
  // Templates have no list filters: a project filter is ignored rather than hiding unscoped ones.
  expect((await adapter.list('templates', { projectId: 'p-1' })).items).to.have.length(2);

  expect((await adapter.push([remove('templates', 'tpl-five')]))[0]?.status).to.equal('applied');
  expect((await adapter.list('templates')).items).to.have.length(1);
}

describe('adapters: the templates collection', () => {
  it('MemoryAdapter stores, validates, updates and deletes templates', async () => {
    const adapter = new MemoryAdapter({ seed: data('mem-tpl') });
    await adapter.open({ workspaceId: 'mem-tpl', userId: 'u-1' });
    await roundTrip(adapter);
    adapter.close();
  });

  it('LocalAdapter does the same and keeps them for the next instance', async () => {
    const id = `test-tpl-${crypto.randomUUID().slice(0, 8)}`;
    const first = new LocalAdapter({ seed: () => data(id) });
    const second = new LocalAdapter();
    try {
      await first.open({ workspaceId: id, userId: 'u-1' });
      await roundTrip(first);
      first.close();
      await second.open({ workspaceId: id, userId: 'u-2' });
      const kept = (await second.list('templates')).items as TaskTemplate[];
      expect(kept.map((item) => [item.id, item.version, item.name])).to.deep.equal([['tpl-1', 2, 'Onboarding']]);
    } finally {
      first.close();
      second.close();
      await deleteDatabase(workspaceName(id));
    }
  });

  it('LocalAdapter upgrades a database of schema 2 in place: its data stays, a templates store is added', async () => {
    const id = `test-upgrade2-${crypto.randomUUID().slice(0, 8)}`;
    const name = workspaceName(id);
    const seeded = data(id);
    const marker: ReadMarker = { id: 'u-1:t-1', personId: 'u-1', taskId: 't-1', lastReadMessageId: 'm-1', lastReadAt: AT, version: 1, createdAt: AT, updatedAt: AT };
    // Schema 2 as it was: a store per collection up to `reads` with [field, id] indexes, the messages'
    // newest-first index, meta and mutations.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 2);
      request.onupgradeneeded = () => {
        const db = request.result;
        const indexes: Record<string, string[]> = {
          people: [],
          projects: [],
          tasks: ['projectId'],
          messages: ['taskId'],
          notifications: ['personId'],
          activity: ['projectId', 'taskId'],
          reads: ['personId', 'taskId'],
        };
        for (const [collection, fields] of Object.entries(indexes)) {
          const store = db.createObjectStore(collection, { keyPath: 'id' });
          for (const field of fields) store.createIndex(field, [field, 'id']);
        }
        (request.transaction as IDBTransaction).objectStore('messages').createIndex('taskId-newest', ['taskId', 'createdAt', 'id']);
        db.createObjectStore('meta');
        db.createObjectStore('mutations', { keyPath: 'id' });
        const transaction = request.transaction as IDBTransaction;
        for (const collection of ['people', 'projects', 'tasks', 'messages'] as const) {
          for (const entity of seeded[collection] ?? []) transaction.objectStore(collection).put(entity);
        }
        transaction.objectStore('reads').put(marker);
        transaction.objectStore('meta').put(seeded.workspace, 'workspace');
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const adapter = new LocalAdapter();
    try {
      await adapter.open({ workspaceId: id, userId: 'u-1' });
      expect((await adapter.list('tasks')).items.map((task) => (task as { id: string }).id)).to.deep.equal(['t-1', 't-2']);
      expect((await adapter.list('reads', { personId: 'u-1' })).items).to.deep.equal([marker]);
      const thread = await adapter.list('messages', { taskId: 't-1', order: 'newest' });
      expect((thread.items as Message[]).map((message) => message.id)).to.deep.equal(['m-1']);
      expect((await adapter.list('templates')).items).to.deep.equal([]);
      const [saved] = await adapter.push([create('templates', template('tpl-1'))]);
      expect(saved?.status).to.equal('applied');
      expect((await adapter.list('templates')).items).to.have.length(1);
    } finally {
      adapter.close();
    }
    try {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      expect(db.version).to.equal(3);
      expect([...db.objectStoreNames]).to.include('templates');
      db.close();
    } finally {
      await deleteDatabase(name);
    }
  });
});
