import { expect } from '@open-wc/testing';
import { Subject, merge, type Observable } from 'rxjs';
import { MemoryAdapter } from '@cwm/adapters';
import { CwmStore, rejectedKey, type CollectionName, type Message, type RejectedEntity, type RemoteChange, type StoreError, type Task, type Workspace } from '@cwm/core';
import { makeMessage, makePerson, makeProject, makeTask } from '../fixtures/entities.js';

const WORKSPACE: Workspace = { id: 'ws', name: 'Rejected', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };

/** A memory backend that can also deliver raw, malformed live changes, as a buggy server would. */
class LeakyAdapter extends MemoryAdapter {
  readonly leaks = new Subject<readonly RemoteChange[]>();

  override changes(): Observable<readonly RemoteChange[]> {
    return merge(super.changes(), this.leaks);
  }

  /** A raw upsert that never went through the backend's validation. */
  leak(collection: CollectionName, entity: unknown): void {
    this.leaks.next([{ type: 'upsert', collection, entity } as RemoteChange]);
  }
}

/** A task whose end is before its start. */
const reversed = (id: string, extra: Partial<Task> = {}): Task => makeTask(id, { start: '2026-05-10', due: '2026-05-01', ...extra });

async function setup(tasks: readonly unknown[], messages: readonly unknown[] = []) {
  const adapter = new LeakyAdapter({
    seed: {
      workspace: WORKSPACE,
      people: [makePerson('u-1', { role: 'manager' }), makePerson('u-2')],
      projects: [makeProject('p-1'), makeProject('p-2')],
      // The backend stores seed data as given: this is how malformed data reaches the store.
      tasks: tasks as Task[],
      messages: messages as Message[],
    },
  });
  const store = new CwmStore({ adapter, workspaceId: 'ws', userId: 'u-1' });
  const errors: StoreError[] = [];
  store.errors$.subscribe((error) => errors.push(error));
  await store.connect();
  return { adapter, store, errors, remote: adapter.remote('u-2') };
}

const refusal = (store: CwmStore, id: string, collection: RejectedEntity['collection'] = 'tasks'): RejectedEntity | undefined =>
  store.state.rejected.get(rejectedKey(collection, id));

/** Records every emission of an observable until `stop()`. */
function record<T>(source: Observable<T>): { values: T[]; stop: () => void } {
  const values: T[] = [];
  const subscription = source.subscribe((value) => values.push(value));
  return { values, stop: () => subscription.unsubscribe() };
}

describe('CwmStore: refused entities stay visible in state.rejected', () => {
  it('keeps a task with reversed dates out of tasks, reports it, and remembers its title and issue', async () => {
    const { store, errors } = await setup([makeTask('t-1'), reversed('t-rev', { title: 'Pour concrete', parentId: 't-1' })]);
    expect(store.state.tasks.has('t-rev')).to.equal(false);
    expect(store.state.tasks.has('t-1')).to.equal(true);
    const entry = refusal(store, 't-rev');
    expect(entry).to.deep.include({ id: 't-rev', collection: 'tasks', version: 1 });
    expect(entry?.summary).to.deep.equal({ title: 'Pour concrete', projectId: 'p-1', parentId: 't-1' });
    expect(entry?.issues.map((issue) => issue.code)).to.deep.equal(['reversed-dates']);
    expect(entry?.issues[0]?.id).to.equal('t-rev');
    // errors$ still fires as before.
    const reported = errors.flatMap((error) => (error.kind === 'invalid-data' ? [error.issue] : []));
    expect(reported.map((issue) => [issue.code, issue.id])).to.deep.include(['reversed-dates', 't-rev']);
  });

  it('remembers a task refused for a missing project under that project id, and only reports items without an id', async () => {
    const { store, errors } = await setup([makeTask('t-1'), makeTask('t-lost', { projectId: 'p-gone' }), { ...makeTask('x'), id: '' }]);
    expect(refusal(store, 't-lost')?.issues.map((issue) => issue.code)).to.deep.equal(['unknown-reference']);
    expect(refusal(store, 't-lost')?.summary.projectId).to.equal('p-gone');
    expect([...store.state.rejected.keys()]).to.deep.equal(['tasks/t-lost']);
    expect(errors.some((error) => error.kind === 'invalid-data' && error.issue.code === 'missing-id')).to.equal(true);
  });

  it('keeps a title with markup as the plain string it was, and copies nothing else from the raw entity', async () => {
    const markup = '<img src=x onerror="alert(1)"><b>Launch</b>';
    const raw = { ...reversed('t-xss', { title: markup }), extra: { nested: true }, description: '<script>bad()</script>' };
    const { store } = await setup([raw]);
    const entry = refusal(store, 't-xss')!;
    expect(typeof entry.summary.title).to.equal('string');
    expect(entry.summary.title).to.equal(markup);
    expect(Object.keys(entry.summary).sort()).to.deep.equal(['projectId', 'title']);
    expect(Object.keys(entry).sort()).to.deep.equal(['collection', 'id', 'issues', 'summary', 'version']);
    expect(entry.summary).to.not.equal(raw);
  });

  it('ignores non-string titles and bounds very long ones', async () => {
    const { store } = await setup([
      { ...reversed('t-object'), title: { toString: () => 'sneaky' } },
      reversed('t-long', { title: 'a'.repeat(5000) }),
    ]);
    expect(refusal(store, 't-object')?.summary.title).to.equal(undefined);
    expect(refusal(store, 't-long')?.summary.title?.length).to.be.lessThan(600);
  });

  it('drops the refusal when a valid version of the same task arrives, which then shows in tasks', async () => {
    const { store, remote } = await setup([makeTask('t-1'), reversed('t-rev')]);
    const answer = remote.update('tasks', 't-rev', { due: '2026-05-20' });
    expect(answer.status).to.equal('applied');
    expect(store.state.tasks.get('t-rev')?.due).to.equal('2026-05-20');
    expect(refusal(store, 't-rev')).to.equal(undefined);
    expect(store.state.rejected.size).to.equal(0);
  });

  it('drops the refusal when the task is deleted remotely', async () => {
    const { store, remote } = await setup([makeTask('t-1'), reversed('t-rev')]);
    expect(remote.delete('tasks', 't-rev').status).to.equal('applied');
    expect(refusal(store, 't-rev')).to.equal(undefined);
    expect(store.state.tasks.has('t-rev')).to.equal(false);
  });

  it('refuses an invalid live version of a valid task: the task keeps its last valid version, the refusal is recorded', async () => {
    const { store, adapter, errors } = await setup([makeTask('t-1', { title: 'Valid', start: '2026-05-01', due: '2026-05-03' })]);
    adapter.leak('tasks', { ...reversed('t-1', { title: 'Broken' }), version: 2 });
    expect(store.state.tasks.get('t-1')?.title).to.equal('Valid');
    expect(refusal(store, 't-1')).to.deep.include({ version: 2, summary: { title: 'Broken', projectId: 'p-1' } });
    expect(errors.filter((error) => error.kind === 'invalid-data').length).to.equal(1);
    // An older valid echo does not hide the newer bad data; a newer valid version does.
    adapter.leak('tasks', makeTask('t-1', { title: 'Valid', version: 1 }));
    expect(refusal(store, 't-1')?.version).to.equal(2);
    adapter.leak('tasks', makeTask('t-1', { title: 'Fixed', version: 3 }));
    expect(refusal(store, 't-1')).to.equal(undefined);
    expect(store.state.tasks.get('t-1')?.title).to.equal('Fixed');
  });

  it('does not flag a task for an out-of-order invalid version older than the valid one held', async () => {
    const { store, adapter } = await setup([makeTask('t-1', { version: 5 })]);
    adapter.leak('tasks', { ...reversed('t-1'), version: 4 });
    expect(store.state.rejected.size).to.equal(0);
    expect(store.state.tasks.get('t-1')?.version).to.equal(5);
  });

  it('does not remember invalid notifications addressed to someone else', async () => {
    const { store, adapter } = await setup([makeTask('t-1')]);
    adapter.leak('notifications', { id: 'n-other', personId: 'u-2', kind: 'nonsense' });
    adapter.leak('notifications', { id: 'n-mine', personId: 'u-1', kind: 'nonsense' });
    expect([...store.state.rejected.keys()]).to.deep.equal(['notifications/n-mine']);
  });

  it('remembers messages refused when a conversation is loaded on demand, and keeps them over a full reload', async () => {
    const { store, adapter } = await setup([makeTask('t-1')], [makeMessage('m-1'), { ...makeMessage('m-bad'), body: 42 }]);
    const conversation = record(store.messages$('t-1'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(conversation.values.at(-1)?.map((message) => message.id)).to.deep.equal(['m-1']);
    expect(refusal(store, 'm-bad', 'messages')?.issues[0]?.code).to.equal('wrong-type');
    adapter.backend.load({ workspace: WORKSPACE, people: [makePerson('u-1', { role: 'manager' })], projects: [makeProject('p-1')], tasks: [makeTask('t-1')] });
    await store.connect();
    expect(refusal(store, 'm-bad', 'messages')).to.not.equal(undefined);
    conversation.stop();
  });

  it('keys refusals by collection, so a task and a project sharing an id do not overwrite each other', async () => {
    const { store, adapter } = await setup([reversed('same')]);
    adapter.leak('projects', { id: 'same', name: 'Broken project' });
    expect(refusal(store, 'same', 'tasks')?.collection).to.equal('tasks');
    expect(refusal(store, 'same', 'projects')?.summary.title).to.equal('Broken project');
  });
});

describe('CwmStore.rejected$', () => {
  it('filters by collection and project', async () => {
    const { store, adapter } = await setup([makeTask('t-1'), reversed('t-a'), reversed('t-b', { projectId: 'p-2' })]);
    adapter.leak('projects', { id: 'p-bad', name: 'No workflow' });
    const ids = (list: readonly RejectedEntity[]): string[] => list.map((entry) => `${entry.collection}/${entry.id}`);
    const seen = (source: Observable<readonly RejectedEntity[]>): string[] => {
      const recorder = record(source);
      recorder.stop();
      return ids(recorder.values.at(-1) ?? []);
    };
    expect(seen(store.rejected$())).to.deep.equal(['tasks/t-a', 'tasks/t-b', 'projects/p-bad']);
    expect(seen(store.rejected$('tasks'))).to.deep.equal(['tasks/t-a', 'tasks/t-b']);
    expect(seen(store.rejected$('tasks', 'p-2'))).to.deep.equal(['tasks/t-b']);
    expect(seen(store.rejected$(undefined, 'p-bad'))).to.deep.equal(['projects/p-bad']);
    expect(seen(store.rejected$('people'))).to.deep.equal([]);
    // Memoised: the same observable for the same filter.
    expect(store.rejected$('tasks', 'p-1')).to.equal(store.rejected$('tasks', 'p-1'));
  });

  it('emits only when the filtered list changes', async () => {
    const { store, adapter, remote } = await setup([makeTask('t-1'), reversed('t-a'), makeTask('t-9', { projectId: 'p-2' })]);
    const p1 = record(store.rejected$('tasks', 'p-1'));
    expect(p1.values.map((list) => list.map((entry) => entry.id))).to.deep.equal([['t-a']]);
    // Unrelated: a valid edit, a refusal in another project, the same refusal delivered again.
    remote.update('tasks', 't-1', { title: 'Renamed' });
    adapter.leak('tasks', { ...reversed('t-9', { projectId: 'p-2' }), version: 2 });
    adapter.leak('tasks', reversed('t-a'));
    expect(store.state.tasks.get('t-1')?.title).to.equal('Renamed');
    expect(refusal(store, 't-9')).to.not.equal(undefined);
    expect(p1.values.length).to.equal(1);
    // Related: a new refusal in p-1, then its fix.
    adapter.leak('tasks', { ...reversed('t-1'), version: 9 });
    expect(p1.values.length).to.equal(2);
    expect(p1.values[1]!.map((entry) => entry.id)).to.deep.equal(['t-a', 't-1']);
    remote.update('tasks', 't-a', { due: '2026-06-01' });
    expect(p1.values.at(-1)!.map((entry) => entry.id)).to.deep.equal(['t-1']);
    p1.stop();
  });

  it('a full reload keeps unchanged refusals (no emission) and drops those no longer refused', async () => {
    const { store, adapter } = await setup([makeTask('t-1'), reversed('t-a'), reversed('t-b', { projectId: 'p-2' })]);
    const p1 = record(store.rejected$('tasks', 'p-1'));
    const p2 = record(store.rejected$('tasks', 'p-2'));
    const before = refusal(store, 't-a');
    adapter.backend.load({
      workspace: WORKSPACE,
      people: [makePerson('u-1', { role: 'manager' }), makePerson('u-2')],
      projects: [makeProject('p-1'), makeProject('p-2')],
      tasks: [makeTask('t-1'), reversed('t-a'), makeTask('t-b', { projectId: 'p-2', version: 2 })],
    });
    await store.connect();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.state.tasks.has('t-b')).to.equal(true);
    expect(refusal(store, 't-b')).to.equal(undefined);
    expect(refusal(store, 't-a')).to.equal(before);
    expect(p1.values.length).to.equal(1);
    expect(p2.values.map((list) => list.length)).to.deep.equal([1, 0]);
    p1.stop();
    p2.stop();
  });
});
