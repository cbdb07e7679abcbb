import { expect } from '@open-wc/testing';
import { firstValueFrom, filter, type Observable } from 'rxjs';
import {
  CwmStore,
  createPolicy,
  MAX_TEMPLATE_DEPTH,
  MAX_TEMPLATE_TASKS,
  tasksFromTemplate,
  templateFromTask,
  templatesFor,
  validateEntity,
  type CwmAdapter,
  type Task,
  type TaskTemplate,
  type Workspace,
} from '@cwm/core';
import { LocalAdapter, MemoryAdapter, MemoryBackend, workspaceName, type WorkspaceData } from '@cwm/adapters';
import { AT, makePerson, makeProject, makeTask } from '../fixtures/entities.js';

const WORKSPACE: Workspace = { id: 'tpl', name: 'Templates', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } };

/**
 * A release in p-1: the root (a week in March, a half-done checklist), two subtasks in rank order
 * (c-2 ranks first although its id sorts last), a grandchild without dates, and unrelated tasks.
 */
function releaseTasks(): Task[] {
  return [
    makeTask('root', {
      title: 'Release 1.0',
      description: 'Ship **it**',
      priority: 'high',
      tags: ['release'],
      estimate: 16,
      start: '2026-03-02',
      due: '2026-03-06',
      assigneeIds: ['u-2'],
      progress: 40,
      checklist: [
        { id: 'ci-1', text: 'Changelog', done: true },
        { id: 'ci-2', text: 'Announce', done: false },
      ],
    }),
    makeTask('c-2', { parentId: 'root', rank: 'a', title: 'Freeze', start: '2026-03-03', due: '2026-03-04' }),
    makeTask('c-1', { parentId: 'root', rank: 'b', title: 'Deploy', due: '2026-03-10' }),
    makeTask('g-1', { parentId: 'c-2', title: 'Go / no go', milestone: true, checklist: [{ id: 'ci-3', text: 'Sign-off', done: true }] }),
    makeTask('other', { title: 'Unrelated', rank: 'z' }),
  ];
}

function seed(tasks: Task[] = releaseTasks()): WorkspaceData {
  return {
    workspace: WORKSPACE,
    people: [
      makePerson('u-1'),
      makePerson('u-2'),
      makePerson('u-3', { role: 'manager' }),
      makePerson('u-4', { role: 'guest' }),
    ],
    projects: [makeProject('p-1'), makeProject('p-2')],
    tasks,
  };
}

const opened: CwmStore[] = [];

async function storeOn(adapter: CwmAdapter, userId: string, workspaceId = WORKSPACE.id): Promise<CwmStore> {
  const store = new CwmStore({ adapter, workspaceId, userId, now: () => new Date('2026-11-25T10:00:00Z') });
  opened.push(store);
  await store.connect();
  return store;
}

function storeOf(backend: MemoryBackend, userId = 'u-1'): Promise<CwmStore> {
  return storeOn(new MemoryAdapter({ backend }), userId);
}

function when<T>(source: Observable<T>, test: (value: T) => boolean): Promise<T> {
  return firstValueFrom(source.pipe(filter(test)));
}

/** Resolves once every write of `store` has been answered by the backend. */
function settled(store: CwmStore): Promise<unknown> {
  return when(store.sync$(), (sync) => sync.pendingWrites === 0);
}

/** The tasks that were not there before (`before`: ids). */
function created(store: CwmStore, before: readonly string[]): Task[] {
  return store.state.tasks.filter((task) => !before.includes(task.id));
}

afterEach(() => {
  for (const store of opened.splice(0)) store.dispose();
});

describe('task templates: saving', () => {
  it('saves a task with its subtasks and checklists, dates as offsets and durations', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const store = await storeOf(backend);
    const result = store.saveTaskAsTemplate('root', '  Release  ');
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    // Optimistic: there at once.
    const shown = store.state.templates.get(result.id)!;
    expect(shown.name).to.equal('Release');
    expect(await result.confirmed).to.deep.equal({ status: 'applied' });

    const saved = backend.get('templates', result.id) as TaskTemplate;
    expect(saved.version).to.equal(1);
    expect(saved.createdBy).to.equal('u-1');
    expect(saved.projectId).to.equal(undefined);
    expect(saved).to.include({ title: 'Release 1.0', description: 'Ship **it**', priority: 'high', estimate: 16, startOffsetDays: 0, durationDays: 5 });
    expect(saved.tags).to.deep.equal(['release']);
    expect(saved.checklist).to.deep.equal(['Changelog', 'Announce']);
    // Who did it and how far it got are not part of a template.
    expect(saved).to.not.have.any.keys('assigneeIds', 'progress', 'status', 'rank', 'dependencies', 'start', 'due');
    expect(saved.subtasks.map((node) => node.title)).to.deep.equal(['Freeze', 'Deploy']);
    const [freeze, deploy] = saved.subtasks;
    expect(freeze).to.include({ startOffsetDays: 1, durationDays: 2 });
    expect(deploy).to.include({ dueOffsetDays: 8 });
    expect(deploy).to.not.have.any.keys('startOffsetDays', 'durationDays');
    expect(freeze!.subtasks).to.have.length(1);
    expect(freeze!.subtasks[0]).to.include({ title: 'Go / no go', milestone: true });
    expect(freeze!.subtasks[0]!.checklist).to.deep.equal(['Sign-off']);
    expect(freeze!.subtasks[0]).to.not.have.any.keys('startOffsetDays', 'dueOffsetDays');
  });

  it('anchors a tree whose root has no dates at its earliest date', () => {
    const tasks = [
      makeTask('r'),
      makeTask('a', { parentId: 'r', start: '2026-05-04', due: '2026-05-04' }),
      makeTask('b', { parentId: 'r', due: '2026-05-01' }),
    ];
    const template = templateFromTask(tasks, 'r', { id: 'tpl-x', name: 'X', createdBy: 'u-1', at: AT })!;
    expect(template).to.not.have.any.keys('startOffsetDays', 'dueOffsetDays', 'durationDays');
    expect(template.subtasks[0]).to.include({ startOffsetDays: 3, durationDays: 1 });
    expect(template.subtasks[1]).to.include({ dueOffsetDays: 0 });
    expect(templateFromTask(tasks, 'missing', { id: 'y', name: 'Y', createdBy: 'u-1', at: AT })).to.equal(undefined);
  });

  it('shares templates live and offers a project\'s own only in that project', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const mine = await storeOf(backend, 'u-1');
    const theirs = await storeOf(backend, 'u-2');
    const everywhere = mine.saveTaskAsTemplate('c-2', 'Freeze');
    const scoped = mine.saveTaskAsTemplate('root', 'Release', { projectScoped: true });
    expect(everywhere.ok && scoped.ok).to.equal(true);
    const inP1 = await when(theirs.templates$('p-1'), (list) => list.length === 2);
    // By name.
    expect(inP1.map((template) => template.name)).to.deep.equal(['Freeze', 'Release']);
    expect(inP1[1]!.projectId).to.equal('p-1');
    const inP2 = await firstValueFrom(theirs.templates$('p-2'));
    expect(inP2.map((template) => template.name)).to.deep.equal(['Freeze']);
    expect((await firstValueFrom(theirs.templates$())).length).to.equal(2);
  });

  it('undoes a save: the template is deleted again', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const store = await storeOf(backend);
    const result = store.saveTaskAsTemplate('g-1', 'Go / no go');
    await settled(store);
    expect(backend.count('templates')).to.equal(1);
    expect(store.undo()).to.equal(true);
    expect(store.state.templates.size).to.equal(0);
    await settled(store);
    expect(result.ok && backend.get('templates', result.id)).to.equal(undefined);
  });
});

describe('task templates: creating from one', () => {
  it('creates the whole tree with fresh ids, unticked checklists and dates from the start day', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const store = await storeOf(backend);
    const saved = store.saveTaskAsTemplate('root', 'Release');
    if (!saved.ok) throw new Error(saved.reason);
    const before = store.state.tasks.ids();
    const result = store.createFromTemplate(saved.id, { projectId: 'p-2', start: '2026-04-06', status: 'doing' });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const tasks = created(store, before);
    expect(tasks).to.have.length(4);
    for (const task of tasks) {
      expect(before).to.not.include(task.id);
      expect(task).to.include({ projectId: 'p-2', status: 'doing', progress: 0, createdBy: 'u-1' });
      expect(task.assigneeIds).to.deep.equal([]);
      for (const item of task.checklist) expect(item.done).to.equal(false);
    }
    const byTitle = new Map(tasks.map((task) => [task.title, task]));
    const root = byTitle.get('Release 1.0')!;
    expect(result.id).to.equal(root.id);
    expect(root.parentId).to.equal(undefined);
    expect(root).to.include({ start: '2026-04-06', due: '2026-04-10', priority: 'high', estimate: 16, description: 'Ship **it**' });
    expect(root.checklist.map((item) => item.text)).to.deep.equal(['Changelog', 'Announce']);
    expect(root.checklist.map((item) => item.id)).to.not.include.members(['ci-1', 'ci-2']);
    const freeze = byTitle.get('Freeze')!;
    const deploy = byTitle.get('Deploy')!;
    expect(freeze).to.include({ parentId: root.id, start: '2026-04-07', due: '2026-04-08' });
    expect(deploy).to.include({ parentId: root.id, due: '2026-04-14' });
    expect(deploy.start).to.equal(undefined);
    expect(byTitle.get('Go / no go')).to.include({ parentId: freeze.id, milestone: true });
    // Sibling order kept; the tree sits together after the column.
    expect(freeze.rank < deploy.rank).to.equal(true);

    expect(await result.confirmed).to.deep.equal({ status: 'applied' });
    expect(backend.all('tasks').filter((task) => (task as Task).projectId === 'p-2')).to.have.length(4);
    expect(backend.get('tasks', freeze.id)).to.include({ parentId: root.id, version: 1 });
  });

  it('removes the whole tree with one undo, and brings it back with one redo', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const store = await storeOf(backend);
    const saved = store.saveTaskAsTemplate('root', 'Release');
    if (!saved.ok) throw new Error(saved.reason);
    await settled(store);
    const before = store.state.tasks.ids();
    const result = store.createFromTemplate(saved.id, { projectId: 'p-1' });
    await settled(store);
    expect(backend.count('tasks')).to.equal(before.length + 4);

    expect(store.undo()).to.equal(true);
    expect(created(store, before)).to.have.length(0);
    await settled(store);
    expect(backend.count('tasks')).to.equal(before.length);
    // The save before it is still there to undo: the tree was one step.
    expect(store.state.templates.size).to.equal(1);

    expect(store.redo()).to.equal(true);
    await settled(store);
    expect(created(store, before)).to.have.length(4);
    expect(result.ok && store.state.tasks.get(result.id)?.title).to.equal('Release 1.0');
  });

  it('puts the tree under a parent, at the end of its column, and without dates when no start is given', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const store = await storeOf(backend);
    const saved = store.saveTaskAsTemplate('c-2', 'Freeze');
    if (!saved.ok) throw new Error(saved.reason);
    const before = store.state.tasks.ids();
    const result = store.createFromTemplate(saved.id, { projectId: 'p-1', parentId: 'other' });
    if (!result.ok) throw new Error(result.reason);
    const root = store.state.tasks.get(result.id)!;
    expect(root.parentId).to.equal('other');
    expect(root.status).to.equal('todo');
    expect(root).to.not.have.any.keys('start', 'due');
    const column = store.state.tasks.filter((task) => task.projectId === 'p-1' && task.status === 'todo' && before.includes(task.id));
    expect(column.length).to.be.greaterThan(3);
    for (const task of column) expect(root.rank > task.rank).to.equal(true);
  });

  it('refuses a project\'s template elsewhere, unknown places, a full column and people who may not create tasks', async () => {
    const wip = makeProject('p-3', {
      workflow: { statuses: [{ id: 'todo', name: 'To do', category: 'todo', wipLimit: 5 }], wipPolicy: 'block' },
    });
    const data = seed([...releaseTasks(), makeTask('p3-a', { projectId: 'p-3' }), makeTask('p3-b', { projectId: 'p-3' })]);
    const backend = new MemoryBackend({ seed: { ...data, projects: [...data.projects!, wip] } });
    const store = await storeOf(backend);
    const scoped = store.saveTaskAsTemplate('root', 'Release', { projectScoped: true });
    const open = store.saveTaskAsTemplate('root', 'Release (any)');
    if (!scoped.ok || !open.ok) throw new Error('save failed');

    const elsewhere = store.createFromTemplate(scoped.id, { projectId: 'p-2' });
    expect(elsewhere.ok === false && elsewhere.code).to.equal('wrong-project');
    expect(elsewhere.ok === false && elsewhere.reason).to.contain('Release');
    const noTemplate = store.createFromTemplate('tpl-nope', { projectId: 'p-1' });
    expect(noTemplate.ok === false && noTemplate.code).to.equal('not-found');
    const noParent = store.createFromTemplate(open.id, { projectId: 'p-1', parentId: 'ghost' });
    expect(noParent.ok === false && noParent.code).to.equal('not-found');
    const foreignParent = store.createFromTemplate(open.id, { projectId: 'p-2', parentId: 'other' });
    expect(foreignParent.ok === false && foreignParent.code).to.equal('wrong-project');
    const badStatus = store.createFromTemplate(open.id, { projectId: 'p-1', status: 'limbo' });
    expect(badStatus.ok === false && badStatus.code).to.equal('unknown-status');
    // Two in the column, limit 5: three fit, four do not.
    const full = store.createFromTemplate(open.id, { projectId: 'p-3' });
    expect(full.ok === false && full.code).to.equal('wip-limit');
    expect(store.state.tasks.filter((task) => task.projectId === 'p-3')).to.have.length(2);

    const guest = await storeOf(backend, 'u-4');
    const refused = guest.createFromTemplate(open.id, { projectId: 'p-1' });
    expect(refused.ok === false && refused.code).to.equal('comment-only');
    expect(refused.ok === false && refused.reason).to.contain('create tasks');
  });
});

describe('task templates: policy', () => {
  it('lets members save and delete their own, managers delete any, and says why not', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const author = await storeOf(backend, 'u-1');
    const colleague = await storeOf(backend, 'u-2');
    const manager = await storeOf(backend, 'u-3');
    const guest = await storeOf(backend, 'u-4');

    const denied = guest.saveTaskAsTemplate('root', 'Mine');
    expect(denied.ok).to.equal(false);
    expect(denied.ok === false && denied.code).to.equal('comment-only');
    expect(denied.ok === false && denied.reason).to.contain('save templates');
    expect(guest.state.templates.size).to.equal(0);

    const first = author.saveTaskAsTemplate('root', 'Release');
    const second = author.saveTaskAsTemplate('c-2', 'Freeze');
    if (!first.ok || !second.ok) throw new Error('save failed');
    await settled(author);
    await when(colleague.templates$(), (list) => list.length === 2);
    await when(manager.templates$(), (list) => list.length === 2);

    const notAuthor = colleague.deleteTemplate(first.id);
    expect(notAuthor.ok === false && notAuthor.code).to.equal('not-author');
    expect(notAuthor.ok === false && notAuthor.reason).to.equal('Only the author of the template "Release", a manager or an admin can delete it.');
    expect(colleague.can('template.delete', { template: colleague.state.templates.get(first.id)! }).allowed).to.equal(false);

    expect(author.deleteTemplate(first.id).ok).to.equal(true);
    expect(manager.deleteTemplate(second.id).ok).to.equal(true);
    await settled(author);
    await settled(manager);
    expect(backend.count('templates')).to.equal(0);
    expect(author.deleteTemplate(first.id).ok === false).to.equal(true);
  });

  it('answers template actions per role in the policy itself, host rules first', () => {
    const policy = createPolicy();
    const theirs = templateFromTask(releaseTasks(), 'root', { id: 'tpl-1', name: 'Release', createdBy: 'u-9', at: AT })!;
    const member = makePerson('u-1');
    expect(policy.can(member, 'template.create').allowed).to.equal(true);
    expect(policy.can(member, 'template.delete', { template: { ...theirs, createdBy: 'u-1' } }).allowed).to.equal(true);
    expect(policy.can(member, 'template.delete', { template: theirs })).to.deep.include({ allowed: false, code: 'not-author' });
    expect(policy.can(makePerson('a', { role: 'admin' }), 'template.delete', { template: theirs }).allowed).to.equal(true);
    expect(policy.can(makePerson('v', { role: 'viewer' }), 'template.create')).to.deep.equal({
      allowed: false,
      code: 'read-only',
      reason: 'Viewers can only read: they cannot save templates.',
    });
    const strict = createPolicy({ roles: { member: ['task.view', 'task.create'] } });
    expect(strict.can(member, 'template.create')).to.deep.include({ allowed: false, code: 'role' });
    const open = createPolicy({ rules: [(_user, action) => (action === 'template.delete' ? { allowed: true } : undefined)] });
    expect(open.can(member, 'template.delete', { template: theirs }).allowed).to.equal(true);
  });

  it('undoes a delete: the template comes back as it was', async () => {
    const backend = new MemoryBackend({ seed: seed() });
    const store = await storeOf(backend);
    const saved = store.saveTaskAsTemplate('root', 'Release');
    if (!saved.ok) throw new Error(saved.reason);
    await settled(store);
    expect(store.deleteTemplate(saved.id).ok).to.equal(true);
    await settled(store);
    expect(backend.count('templates')).to.equal(0);
    expect(store.undo()).to.equal(true);
    await settled(store);
    expect((backend.get('templates', saved.id) as TaskTemplate | undefined)?.subtasks).to.have.length(2);
  });
});

/** A chain of `depth` tasks, each the only subtask of the one before. */
function chain(depth: number): Task[] {
  return Array.from({ length: depth }, (_, index) => makeTask(`d-${index}`, index === 0 ? {} : { parentId: `d-${index - 1}` }));
}

describe('task templates: validation', () => {
  it('refuses an empty name, a tree too deep and a tree too large, with the limit in the reason', async () => {
    const many = [makeTask('big'), ...Array.from({ length: MAX_TEMPLATE_TASKS }, (_, index) => makeTask(`s-${index}`, { parentId: 'big' }))];
    const backend = new MemoryBackend({ seed: seed([...chain(MAX_TEMPLATE_DEPTH + 1), ...many]) });
    const store = await storeOf(backend);

    const empty = store.saveTaskAsTemplate('big', '   ');
    expect(empty.ok === false && empty.code).to.equal('empty');

    const deep = store.saveTaskAsTemplate('d-0', 'Deep');
    expect(deep.ok === false && deep.code).to.equal('validation');
    expect(deep.ok === false && deep.reason).to.contain(`deeper than ${MAX_TEMPLATE_DEPTH} levels`);
    // Five levels are fine.
    expect(store.saveTaskAsTemplate('d-1', 'Five').ok).to.equal(true);

    const large = store.saveTaskAsTemplate('big', 'Large');
    expect(large.ok === false && large.code).to.equal('validation');
    expect(large.ok === false && large.reason).to.contain(`more than ${MAX_TEMPLATE_TASKS} tasks`);
    expect(store.saveTaskAsTemplate('s-0', 'Small').ok).to.equal(true);
    expect(store.saveTaskAsTemplate('ghost', 'Ghost').ok === false).to.equal(true);
  });

  it('names the field of each problem in a template from outside', () => {
    const good = templateFromTask(releaseTasks(), 'root', { id: 'tpl-1', name: 'Release', createdBy: 'u-1', at: AT })!;
    expect(validateEntity('templates', good).ok).to.equal(true);
    const problem = (raw: object): { code?: string; field?: string | undefined } => {
      const result = validateEntity('templates', { ...good, ...raw });
      return result.ok ? {} : { code: result.issue.code, field: result.issue.field };
    };
    expect(problem({ name: '' })).to.deep.equal({ code: 'missing-field', field: 'name' });
    expect(problem({ createdBy: undefined })).to.deep.equal({ code: 'missing-field', field: 'createdBy' });
    expect(problem({ durationDays: 0 })).to.deep.equal({ code: 'out-of-range', field: 'durationDays' });
    expect(problem({ startOffsetDays: 1.5 })).to.deep.equal({ code: 'wrong-type', field: 'startOffsetDays' });
    expect(problem({ startOffsetDays: undefined })).to.deep.equal({ code: 'missing-field', field: 'startOffsetDays' });
    expect(problem({ estimate: -1 })).to.deep.equal({ code: 'out-of-range', field: 'estimate' });
    expect(problem({ subtasks: [{ title: 'x', checklist: [1] }] })).to.deep.equal({ code: 'wrong-type', field: 'subtasks.0.checklist.0' });
    let nested: object = { title: 'leaf' };
    for (let level = 0; level < MAX_TEMPLATE_DEPTH; level++) nested = { title: `level ${level}`, subtasks: [nested] };
    expect(problem({ subtasks: [nested] }).field).to.equal('subtasks.0.subtasks.0.subtasks.0.subtasks.0.subtasks');
  });

  it('skips a stored template of a project that is gone, keeps one of every project', async () => {
    const template = templateFromTask(releaseTasks(), 'c-1', { id: 'tpl-gone', name: 'Gone', createdBy: 'u-1', at: AT, projectId: 'p-gone' })!;
    const kept = { ...template, id: 'tpl-kept', name: 'Kept', projectId: undefined };
    const backend = new MemoryBackend({ seed: { ...seed(), templates: [template, kept] } });
    const store = await storeOf(backend);
    expect(store.state.templates.ids()).to.deep.equal(['tpl-kept']);
  });

  it('lays out dates across months and keeps sibling order with many subtasks (pure)', () => {
    const template = templateFromTask(
      [makeTask('r', { start: '2026-01-30', due: '2026-02-02' }), ...Array.from({ length: 30 }, (_, index) => makeTask(`k-${index}`, { parentId: 'r', rank: `a${String.fromCharCode(97 + (index % 26))}${index}` }))],
      'r',
      { id: 'tpl', name: 'T', createdBy: 'u-1', at: AT },
    )!;
    let counter = 0;
    const tasks = tasksFromTemplate(template, { projectId: 'p-1', start: '2026-12-30', status: 'todo', createdBy: 'u-1', at: AT, newId: (prefix) => `${prefix}${++counter}`, afterRank: 'zz' });
    expect(tasks[0]).to.include({ start: '2026-12-30', due: '2027-01-02' });
    const ranks = tasks.map((task) => task.rank);
    expect([...ranks].sort()).to.deep.equal(ranks);
    expect(ranks.every((rank) => rank > 'zz' && rank.length <= 8)).to.equal(true);
    expect(tasks.slice(1).map((task) => task.title)).to.deep.equal(template.subtasks.map((node) => node.title));
    expect(templatesFor([template, { ...template, id: 'a', name: 'A', projectId: 'p-9' }], 'p-1').map((item) => item.name)).to.deep.equal(['T']);
  });
});

describe('task templates: on the local adapter', () => {
  const adapters: LocalAdapter[] = [];
  const local = (options: ConstructorParameters<typeof LocalAdapter>[0] = {}): LocalAdapter => {
    const adapter = new LocalAdapter(options);
    adapters.push(adapter);
    return adapter;
  };
  afterEach(() => {
    for (const adapter of adapters.splice(0)) adapter.close();
  });

  it('keeps templates across a reload and creates from them after it', async () => {
    const id = `test-tpl-${crypto.randomUUID().slice(0, 8)}`;
    const data = { ...seed(), workspace: { ...WORKSPACE, id } };
    try {
      const first = await storeOn(local({ seed: () => data }), 'u-1', id);
      const saved = first.saveTaskAsTemplate('root', 'Release', { projectScoped: true });
      if (!saved.ok) throw new Error(saved.reason);
      expect(await saved.confirmed).to.deep.equal({ status: 'applied' });
      first.dispose();

      const again = await storeOn(local(), 'u-1', id);
      const [template] = await firstValueFrom(again.templates$('p-1'));
      expect(template).to.include({ id: saved.id, name: 'Release', projectId: 'p-1', version: 1 });
      expect(template!.subtasks.map((node) => node.title)).to.deep.equal(['Freeze', 'Deploy']);
      const before = again.state.tasks.ids();
      const result = again.createFromTemplate(saved.id, { projectId: 'p-1', start: '2026-06-01' });
      expect(result.ok && (await result.confirmed).status).to.equal('applied');
      expect(created(again, before)).to.have.length(4);
      again.dispose();

      const third = await storeOn(local(), 'u-1', id);
      expect(third.state.tasks.size).to.equal(before.length + 4);
    } finally {
      for (const adapter of adapters.splice(0)) adapter.close();
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(workspaceName(id));
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      });
    }
  });
});
