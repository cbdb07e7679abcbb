// Issue 8: prove the mapping against a backend we did not design. json-server 0.17.4 with its own
// collection and field names, configured only through RestAdapter options (json-server-options.ts):
// list/create/update/delete round trip, polling between two tabs, a replayed create answered as duplicate.
import { expect } from '@open-wc/testing';
import type { Mutation, MutationResult, Task } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import { RestAdapter } from '@cwm/adapter-rest';
import { reportFigures, startJsonServer, stopJsonServer } from '../harness/browser/servers.js';
import { jsonServerDatabase, jsonServerOptions } from './json-server-options.js';
import { disposeTab, FILE_TENANT, openTab, waitFor, withDeadline, type FrameTab, type TabParams } from './tabs.js';

type Card = Record<string, unknown> & { id: string };

describe('faults: json-server through the mapping options', function () {
  this.timeout(90_000);
  const data = generateWorkspace({ workspaceId: 'json-acme', projects: 1, people: 5, tasks: 12, messagesPerTask: 1, seed: 5 });
  let url: string;
  let one: FrameTab | undefined;
  let two: FrameTab | undefined;
  let operations = 0;
  const started = performance.now();

  async function wire<T>(path: string): Promise<{ status: number; body: T }> {
    const response = await fetch(`${url}${path}`);
    return { status: response.status, body: (await response.json()) as T };
  }

  const person = (role: string): string => {
    const found = data.people.find((item) => item.role === role && item.kind === 'person');
    if (!found) throw new Error(`The generated workspace has no ${role}.`);
    return found.id;
  };
  const tabParams = (user: string): TabParams => ({ api: url, ws: data.workspace.id, user, preset: 'json-server', poll: 400, tenant: FILE_TENANT });

  before(async () => {
    ({ url } = await startJsonServer(jsonServerDatabase(data)));
    one = await openTab(tabParams(person('admin')));
    two = await openTab(tabParams(person('manager')));
  });
  after(async () => {
    disposeTab(one);
    disposeTab(two);
    await stopJsonServer();
  });

  it('lists json-server cards as tasks with our field names', () => {
    const store = one!.tab.store;
    expect(store.state.tasks.size).to.equal(data.tasks.length);
    expect(store.state.projects.size).to.equal(data.projects.length);
    for (const task of data.tasks) {
      const mine = store.state.tasks.get(task.id);
      expect(mine?.title, `title of ${task.id} (heading)`).to.equal(task.title);
      expect(mine?.status, `status of ${task.id} (lane)`).to.equal(task.status);
      expect(mine?.projectId, `project of ${task.id} (board_id)`).to.equal(task.projectId);
      expect(mine?.assigneeIds, `assignees of ${task.id} (owner_ids)`).to.deep.equal(task.assigneeIds);
      expect(mine?.due, `due of ${task.id} (due_on)`).to.equal(task.due);
    }
    expect(store.state.projects.get(data.projects[0]!.id)?.name, 'project name (title)').to.equal(data.projects[0]!.name);
  });

  it('creates, updates and deletes through the mapping, and the other tab follows by polling', async () => {
    const tab = one!.tab;
    const other = two!.tab;
    const projectId = data.projects[0]!.id;
    const status = data.tasks[0]!.status;

    const created = tab.act((store) => store.createTask({ projectId, title: 'Made through the mapping', status }));
    if (!created.result.ok) throw new Error(created.result.reason);
    operations++;
    expect(await withDeadline(created.result.confirmed, 10_000, 'json-server to answer the create')).to.deep.equal({ status: 'applied' });
    const id = created.result.id;
    const card = await wire<Card>(`/cards/${encodeURIComponent(id)}`);
    expect(card.status, 'the card exists on json-server').to.equal(200);
    expect(card.body['heading']).to.equal('Made through the mapping');
    expect(card.body['board_id']).to.equal(projectId);
    expect(card.body['lane']).to.equal(status);
    expect(card.body, 'no cwm field names on the wire').to.not.have.any.keys('title', 'projectId', 'status');
    await waitFor('the other tab to see the new task', () => other.store.state.tasks.get(id)?.title === 'Made through the mapping', 5_000);

    const renamed = tab.act((store) => store.updateTask(id, { title: 'Renamed through the mapping', assigneeIds: [person('manager')] }));
    if (!renamed.result.ok) throw new Error(renamed.result.reason);
    operations++;
    expect(await withDeadline(renamed.result.confirmed, 10_000, 'json-server to answer the update')).to.deep.equal({ status: 'applied' });
    const after = await wire<Card>(`/cards/${encodeURIComponent(id)}`);
    expect(after.body['heading']).to.equal('Renamed through the mapping');
    expect(after.body['owner_ids']).to.deep.equal([person('manager')]);
    await waitFor(
      'the other tab to see the rename',
      () => other.store.state.tasks.get(id)?.title === 'Renamed through the mapping',
      5_000,
      () => `other tab has ${JSON.stringify(other.store.state.tasks.get(id)?.title)}`,
    );

    // And the other way round, with a comment: the other tab writes, this one follows.
    const comment = other.act((store) => store.postMessage({ taskId: id, body: 'Seen from the second tab' }));
    if (!comment.result.ok) throw new Error(comment.result.reason);
    operations++;
    expect(await withDeadline(comment.result.confirmed, 10_000, 'json-server to answer the comment')).to.deep.equal({ status: 'applied' });
    const comments = await wire<Card[]>(`/comments?card_id=${encodeURIComponent(id)}`);
    expect(comments.body.map((item) => item['body'])).to.deep.equal(['Seen from the second tab']);
    await waitFor('this tab to see the comment', () => tab.store.state.messages.get(comment.result.ok ? comment.result.id : '')?.body === 'Seen from the second tab', 5_000);

    const deleted = tab.act((store) => store.deleteTask(id));
    if (!deleted.result.ok) throw new Error(deleted.result.reason);
    operations++;
    expect(await withDeadline(deleted.result.confirmed, 10_000, 'json-server to answer the delete')).to.deep.equal({ status: 'applied' });
    expect((await wire<Card>(`/cards/${encodeURIComponent(id)}`)).status, 'the card is gone').to.equal(404);
    await waitFor('the other tab to drop the task', () => other.store.state.tasks.get(id) === undefined, 5_000);
    expect(one!.tab.uncaught.concat(two!.tab.uncaught), 'uncaught errors').to.deep.equal([]);
  });

  it('answers a replayed create as duplicate and keeps one card', async () => {
    // A second device without an outbox sends the same create twice: the second POST finds the id taken.
    const adapter = new RestAdapter(jsonServerOptions({ baseUrl: url, timeoutMs: 3000 }));
    const template = data.tasks[0]!;
    const now = new Date().toISOString();
    const value: Task = { ...template, id: `t-replayed-${Date.now().toString(36)}`, title: 'Created once', createdAt: now, updatedAt: now, version: 1 };
    const mutation: Mutation = { id: `mut-replay-${Date.now().toString(36)}`, kind: 'create', collection: 'tasks', entityId: value.id, value, actorId: person('admin'), at: now, intent: 'task.create' };
    let first: readonly MutationResult[];
    let second: readonly MutationResult[];
    try {
      await withDeadline(adapter.open({ workspaceId: data.workspace.id, userId: person('admin') }), 10_000, 'the workspace read');
      first = await withDeadline(adapter.push([mutation]), 10_000, 'the first create');
      second = await withDeadline(adapter.push([mutation]), 10_000, 'the replayed create');
    } finally {
      adapter.close();
    }
    operations += 2;
    expect(first[0]?.status, 'first create').to.equal('applied');
    expect(second[0]?.status, 'replayed create').to.equal('duplicate');
    const cards = await wire<Card[]>(`/cards?id=${encodeURIComponent(value.id)}`);
    expect(cards.body.length, 'cards with that id').to.equal(1);
    expect(cards.body[0]!['heading']).to.equal('Created once');

    await reportFigures({
      test: 'json-server-mapping',
      operations,
      faultsInjected: 1,
      lost: 0,
      duplicated: cards.body.length - 1,
      ms: Math.round(performance.now() - started),
      notes: 'json-server 0.17.4 via options only: boards/cards/users/comments, page paging, polling 400 ms, replayed create -> duplicate',
    });
  });
});
