import { expect } from '@open-wc/testing';
import { AdapterError, type ActivityEntry, type Notification, type RemoteChange, type Task } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import { decide, MemoryBackend } from '@cwm/adapters';
import { makeMessage, makeTask } from '../fixtures/entities.js';
import { create, remove, tick, update } from './mutations.js';

const seed = generateWorkspace({ tasks: 20, messagesPerTask: 1, workspaceId: 'backend-test' });

function task(backend: MemoryBackend, id: string): Task {
  return backend.get('tasks', id) as Task;
}

describe('reference backend', () => {
  let backend: MemoryBackend;
  let heard: RemoteChange[][];

  beforeEach(() => {
    backend = new MemoryBackend({ seed });
    heard = [];
    backend.changes().subscribe((changes) => heard.push([...changes]));
  });

  it('applies an update: bumps the version, stamps updatedAt, keeps createdAt', () => {
    const before = task(backend, 't-2');
    const mutation = update('tasks', 't-2', { title: 'Renamed' }, { baseVersion: before.version });
    const [result] = backend.push([mutation]).results;
    expect(result!.status).to.equal('applied');
    const after = task(backend, 't-2');
    expect(after.title).to.equal('Renamed');
    expect(after.version).to.equal(before.version + 1);
    expect(after.updatedAt).to.equal(mutation.at);
    expect(after.createdAt).to.equal(before.createdAt);
    expect(result!.status === 'applied' && result!.entity).to.deep.equal(after);
  });

  it('creates with version 1 and timestamps from the mutation, whatever the client sent', () => {
    const mutation = create('tasks', makeTask('t-new', { version: 42, createdAt: '1999-01-01T00:00:00.000Z' }));
    const [result] = backend.push([mutation]).results;
    expect(result!.status).to.equal('applied');
    const created = task(backend, 't-new');
    expect([created.version, created.createdAt, created.updatedAt]).to.deep.equal([1, mutation.at, mutation.at]);
  });

  it('stamps when a task entered its status, on create and on status changes only', () => {
    const created = create('tasks', makeTask('t-aging'));
    backend.push([created]);
    expect(task(backend, 't-aging').statusChangedAt).to.equal(created.at);
    const rename = update('tasks', 't-aging', { title: 'Renamed' });
    backend.push([rename]);
    expect(task(backend, 't-aging').statusChangedAt).to.equal(created.at);
    const nextStatus = seed.projects[0]!.workflow.statuses.find((status) => status.id !== 'todo')!.id;
    const move = update('tasks', 't-aging', { status: nextStatus });
    backend.push([move]);
    expect(task(backend, 't-aging').statusChangedAt).to.equal(move.at);
    const activity = backend.all('activity') as ActivityEntry[];
    const fields = activity.filter((entry) => entry.taskId === 't-aging').flatMap((entry) => entry.changes.map((change) => change.field));
    expect(fields).to.not.include('statusChangedAt');
  });

  it('answers a re-sent mutation id as duplicate with the entity as it is now, applying it once', () => {
    const first = update('tasks', 't-3', { progress: 40 });
    backend.push([first]);
    backend.push([update('tasks', 't-3', { title: 'Later edit' })]);
    const version = task(backend, 't-3').version;
    const [again] = backend.push([first]).results;
    expect(again!.status).to.equal('duplicate');
    expect(again!.status === 'duplicate' && (again!.entity as Task).title).to.equal('Later edit');
    expect(task(backend, 't-3').version).to.equal(version);
  });

  it('answers a stale base version with conflict and the current entity', () => {
    const current = task(backend, 't-4');
    backend.push([update('tasks', 't-4', { title: 'Someone else' }, { baseVersion: current.version })]);
    const [result] = backend.push([update('tasks', 't-4', { title: 'Mine' }, { baseVersion: current.version })]).results;
    expect(result!.status).to.equal('conflict');
    expect(result!.status === 'conflict' && (result!.current as Task).title).to.equal('Someone else');
    expect(task(backend, 't-4').title).to.equal('Someone else');
  });

  it('rejects update and delete of a missing entity as not-found, and a create over an existing id', () => {
    const [missingUpdate, missingDelete, taken] = backend.push([
      update('tasks', 't-nope', { title: 'x' }),
      remove('tasks', 't-nope'),
      create('tasks', makeTask('t-1')),
    ]).results;
    expect(missingUpdate!.status === 'rejected' && missingUpdate!.error.code).to.equal('not-found');
    expect(missingDelete!.status === 'rejected' && missingDelete!.error.code).to.equal('not-found');
    expect(taken!.status === 'rejected' && taken!.error.code).to.equal('validation');
    expect(taken!.status === 'rejected' && taken!.error.message).to.match(/already taken/);
  });

  it('asks the authorize hook and answers its refusal as rejected forbidden, changing nothing', () => {
    const guarded = new MemoryBackend({
      seed,
      authorize: (mutation) =>
        mutation.actorId === 'u-12' ? new AdapterError('forbidden', 'Viewers cannot change tasks.') : undefined,
    });
    const before = guarded.get('tasks', 't-5');
    const [denied, allowed] = guarded.push([
      update('tasks', 't-5', { title: 'Nope' }, { actorId: 'u-12' }),
      update('tasks', 't-5', { title: 'Yes' }, { actorId: 'u-2' }),
    ]).results;
    expect(denied!.status === 'rejected' && denied!.error.code).to.equal('forbidden');
    expect(denied!.status === 'rejected' && denied!.error.message).to.equal('Viewers cannot change tasks.');
    expect(allowed!.status).to.equal('applied');
    expect((guarded.get('tasks', 't-5') as Task).version).to.equal(before!.version + 1);
  });

  it('validates the resulting entity and rejects it with the validator\'s message', () => {
    const before = task(backend, 't-6');
    const [result] = backend.push([update('tasks', 't-6', { progress: 150 })]).results;
    expect(result!.status === 'rejected' && result!.error.code).to.equal('validation');
    expect(result!.status === 'rejected' && result!.error.message).to.match(/progress/);
    expect(task(backend, 't-6')).to.equal(before);
    const [reversed] = backend.push([update('tasks', 't-6', { start: '2026-05-10', due: '2026-05-01' })]).results;
    expect(reversed!.status === 'rejected' && reversed!.error.code).to.equal('validation');
  });

  it('refuses malformed mutations clearly', () => {
    const bad = { ...update('tasks', 't-1', { title: 'x' }), collection: 'widgets' } as never;
    const [result] = backend.push([bad]).results;
    expect(result!.status === 'rejected' && result!.error.message).to.match(/widgets/);
  });

  it('logs task activity with field changes (from/to) and the actor', () => {
    const before = seed.tasks.find((candidate) => candidate.status !== 'done')!;
    const mutation = update('tasks', before.id, { status: 'done', progress: 100, title: before.title }, { actorId: 'u-3' });
    backend.push([mutation]);
    const entry = backend.get('activity', `a-${mutation.id}`) as ActivityEntry;
    expect(entry.action).to.equal('updated');
    expect([entry.actorId, entry.taskId, entry.projectId, entry.at]).to.deep.equal(['u-3', before.id, before.projectId, mutation.at]);
    // The title did not really change, so it is not in the log.
    expect(entry.changes).to.deep.equal([
      { field: 'status', from: before.status, to: 'done' },
      { field: 'progress', from: before.progress, to: 100 },
    ]);
    const created = create('tasks', makeTask('t-log', { status: 'backlog' }));
    const removed = remove('tasks', 't-log');
    backend.push([created, removed]);
    expect((backend.get('activity', `a-${created.id}`) as ActivityEntry).changes).to.deep.equal([{ field: 'status', from: null, to: 'backlog' }]);
    expect((backend.get('activity', `a-${removed.id}`) as ActivityEntry).action).to.equal('deleted');
    expect(backend.get('tasks', 't-log')).to.equal(undefined);
  });

  it('notifies newly added assignees (not the actor) and mentioned people', () => {
    const before = task(backend, 't-8');
    const assign = update('tasks', 't-8', { assigneeIds: [...before.assigneeIds, 'u-3', 'u-4'] }, { actorId: 'u-4' });
    backend.push([assign]);
    const notices = backend.all('notifications').filter((notice) => notice.id.includes(assign.id)) as Notification[];
    const expected = before.assigneeIds.includes('u-3') ? [] : ['u-3'];
    expect(notices.map((notice) => notice.personId)).to.deep.equal(expected);
    for (const notice of notices) expect([notice.kind, notice.taskId, notice.actorId]).to.deep.equal(['assignment', 't-8', 'u-4']);

    const message = makeMessage('m-new', {
      version: 0,
      createdAt: tick(),
      updatedAt: tick(),
      taskId: 't-8',
      authorId: 'u-2',
      body: '@Someone and me',
      mentions: ['u-5', 'u-2'],
    });
    const post = create('messages', message, { actorId: 'u-2' });
    backend.push([post]);
    const mention = backend.get('notifications', `n-${post.id}-u-5`) as Notification;
    expect([mention.kind, mention.messageId, mention.taskId, mention.actorId]).to.deep.equal(['mention', 'm-new', 't-8', 'u-2']);
    expect(backend.get('notifications', `n-${post.id}-u-2`)).to.equal(undefined);
  });

  it('broadcasts the entity and its side effects as one batch of changes', () => {
    const mutation = update('tasks', 't-9', { assigneeIds: ['u-9', 'u-10'], status: 'review' }, { actorId: 'u-2' });
    heard = [];
    backend.push([mutation]);
    expect(heard).to.have.length(1);
    const kinds = heard[0]!.map((change) => (change.type === 'upsert' ? `${change.collection}:${(change.entity as { id: string }).id}` : change.type));
    expect(kinds[0]).to.equal('tasks:t-9');
    expect(kinds).to.include(`activity:a-${mutation.id}`);
    expect(kinds.filter((kind) => kind.startsWith('notifications:')).length).to.be.greaterThan(0);
    backend.push([update('tasks', 't-9', { title: 'x' }, { baseVersion: 0 })]);
    expect(heard, 'a conflict broadcasts nothing').to.have.length(1);
  });

  it('runs a batch in order: a later mutation sees an earlier one', () => {
    const results = backend.push([create('tasks', makeTask('t-batch')), update('tasks', 't-batch', { title: 'Second' }, { baseVersion: 1 })]).results;
    expect(results.map((result) => result.status)).to.deep.equal(['applied', 'applied']);
    expect(task(backend, 't-batch').version).to.equal(2);
  });

  it('decide is pure: the same inputs give the same decision and nothing is stored', () => {
    const current = seed.tasks[0]!;
    const mutation = update('tasks', current.id, { title: 'Pure' }, { baseVersion: current.version });
    const first = decide(current, mutation, false);
    const second = decide(current, mutation, false);
    expect(first).to.deep.equal(second);
    expect(first.write?.entity).to.include({ title: 'Pure', version: current.version + 1 });
    expect(current.title).not.to.equal('Pure');
    const duplicate = decide(current, mutation, true);
    expect(duplicate.result.status).to.equal('duplicate');
    expect(duplicate.write).to.equal(undefined);
  });
});
