import { expect } from '@open-wc/testing';
import type { CollectionName } from '@cwm/core';
// Relative until `@cwm/core`'s index exports the validation module (asked of the lead).
import { checkReferences, findDependencyCycles, validateEntity } from '@cwm/core';
import { generateWorkspace, GENERATED_PLAN_DAYS, type GeneratedWorkspace } from '@cwm/core/testing';

const COLLECTIONS = ['people', 'projects', 'tasks', 'messages', 'notifications', 'activity'] as const;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every reference in the data points at an entity that exists (and statuses at the project's workflow). */
function brokenReferences(data: GeneratedWorkspace): string[] {
  const people = new Set(data.people.map((person) => person.id));
  const projects = new Map(data.projects.map((project) => [project.id, project]));
  const tasks = new Map(data.tasks.map((task) => [task.id, task]));
  const messages = new Map(data.messages.map((message) => [message.id, message]));
  const broken: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) broken.push(what);
  };
  for (const project of data.projects) {
    for (const id of project.memberIds) need(people.has(id), `${project.id} member ${id}`);
    need(project.ownerId === undefined || people.has(project.ownerId), `${project.id} owner`);
  }
  for (const task of data.tasks) {
    const project = projects.get(task.projectId);
    need(project !== undefined, `${task.id} project`);
    need(project?.workflow.statuses.some((status) => status.id === task.status) ?? false, `${task.id} status ${task.status}`);
    for (const id of [...task.assigneeIds, ...task.followerIds, ...task.resourceIds, task.createdBy]) need(people.has(id), `${task.id} person ${id}`);
    for (const id of task.assigneeIds) need(project?.memberIds.includes(id) ?? false, `${task.id} assignee ${id} not a member`);
    if (task.parentId !== undefined) need(tasks.get(task.parentId)?.projectId === task.projectId, `${task.id} parent`);
    for (const dependency of task.dependencies) {
      need(tasks.get(dependency.predecessorId)?.projectId === task.projectId, `${task.id} predecessor ${dependency.predecessorId}`);
    }
  }
  for (const message of data.messages) {
    need(tasks.has(message.taskId), `${message.id} task`);
    need(people.has(message.authorId), `${message.id} author`);
    for (const id of message.mentions) need(people.has(id), `${message.id} mention ${id}`);
    for (const ids of Object.values(message.reactions)) for (const id of ids) need(people.has(id), `${message.id} reaction ${id}`);
    if (message.replyToId !== undefined) need(messages.get(message.replyToId)?.taskId === message.taskId, `${message.id} reply`);
  }
  for (const notification of data.notifications) {
    need(people.has(notification.personId), `${notification.id} person`);
    need(notification.taskId === undefined || tasks.has(notification.taskId), `${notification.id} task`);
    need(notification.messageId === undefined || messages.has(notification.messageId), `${notification.id} message`);
  }
  for (const entry of data.activity) {
    need(tasks.get(entry.taskId)?.projectId === entry.projectId, `${entry.id} task/project`);
    need(people.has(entry.actorId), `${entry.id} actor`);
  }
  return broken;
}

function depthOf(data: GeneratedWorkspace, taskId: string): number {
  const byId = new Map(data.tasks.map((task) => [task.id, task]));
  let depth = 1;
  for (let task = byId.get(taskId); task?.parentId !== undefined; task = byId.get(task.parentId)) depth++;
  return depth;
}

describe('generateWorkspace', () => {
  const data = generateWorkspace();

  it('is deterministic: same options give byte-identical output, another seed differs', () => {
    expect(JSON.stringify(generateWorkspace())).to.equal(JSON.stringify(data));
    const other = generateWorkspace({ seed: 2 });
    expect(JSON.stringify(other)).not.to.equal(JSON.stringify(data));
    expect(other.tasks.length).to.equal(300);
  });

  it('keeps tasks identical when only the number of messages changes', () => {
    const quiet = generateWorkspace({ messagesPerTask: 0 });
    expect(JSON.stringify(quiet.tasks)).to.equal(JSON.stringify(data.tasks));
    expect(quiet.messages).to.have.length(0);
  });

  it('makes the requested counts with readable ids', () => {
    expect(data.workspace.id).to.equal('acme');
    expect(data.people).to.have.length(12);
    expect(data.projects).to.have.length(3);
    expect(data.tasks).to.have.length(300);
    expect(data.messages).to.have.length(900);
    expect(data.people.map((person) => person.id).slice(0, 3)).to.deep.equal(['u-1', 'u-2', 'u-3']);
    expect(data.tasks[299]!.id).to.equal('t-300');
    expect(data.messages[0]!.id).to.equal('m-1');
    expect(data.notifications[0]!.id).to.equal('n-1');
    expect(data.activity[0]!.id).to.equal('a-1');
    const custom = generateWorkspace({ projects: 5, people: 30, tasks: 1234, messagesPerTask: 1, workspaceId: 'globex' });
    expect([custom.projects.length, custom.people.length, custom.tasks.length, custom.messages.length]).to.deep.equal([5, 30, 1234, 1234]);
    expect(custom.workspace.id).to.equal('globex');
  });

  it('has one admin, managers, members, a guest and a viewer, with unique names', () => {
    const roles = data.people.map((person) => person.role);
    expect(roles.filter((role) => role === 'admin')).to.have.length(1);
    expect(roles.filter((role) => role === 'manager').length).to.be.greaterThan(0);
    expect(roles.filter((role) => role === 'member').length).to.be.greaterThan(roles.length / 2);
    expect(roles).to.include('guest').and.to.include('viewer');
    expect(new Set(data.people.map((person) => person.name)).size).to.equal(12);
    expect(data.people.find((person) => person.role === 'guest')!.group).to.equal('contractors');
    expect(new Set(data.people.map((person) => person.capacity))).to.include(40);
    const many = generateWorkspace({ people: 1500, tasks: 0 });
    expect(new Set(many.people.map((person) => person.name)).size).to.equal(1500);
  });

  it('produces only entities the validator accepts, with every reference resolved', () => {
    const people = new Set(data.people.map((person) => person.id));
    const projects = new Set(data.projects.map((project) => project.id));
    const tasks = new Set(data.tasks.map((task) => task.id));
    const context = { hasPerson: (id: string) => people.has(id), hasProject: (id: string) => projects.has(id), hasTask: (id: string) => tasks.has(id) };
    for (const collection of COLLECTIONS) {
      for (const entity of data[collection]) {
        const result = validateEntity(collection as CollectionName, entity);
        if (!result.ok) expect.fail(`${collection} ${(entity as { id: string }).id}: ${result.issue.message}`);
        const references = checkReferences(collection as CollectionName, result.value, context);
        expect(references.issues.map((issue) => issue.message)).to.deep.equal([]);
      }
    }
    expect(brokenReferences(data)).to.deep.equal([]);
  });

  it('has no dependency cycles or parent loops, about one link per two tasks, all within a project', () => {
    const cycles = findDependencyCycles(data.tasks);
    expect(cycles.issues).to.deep.equal([]);
    expect(findDependencyCycles(generateWorkspace({ tasks: 5000, seed: 7 }).tasks).issues).to.deep.equal([]);
    const links = data.tasks.flatMap((task) => task.dependencies);
    expect(links.length).to.be.within(110, 190);
    const types = new Set(links.map((link) => link.type));
    expect([...types].sort()).to.deep.equal(['FF', 'FS', 'SF', 'SS']);
    expect(links.filter((link) => link.type === 'FS').length).to.be.greaterThan(links.length / 2);
    expect(links.some((link) => link.lag > 0)).to.equal(true);
    // Predecessors come earlier in id order, which is what rules cycles out.
    for (const task of data.tasks) {
      for (const link of task.dependencies) expect(Number(link.predecessorId.slice(2))).to.be.lessThan(Number(task.id.slice(2)));
    }
  });

  it('builds a three-level hierarchy whose parents span their children', () => {
    const depths = data.tasks.map((task) => depthOf(data, task.id));
    expect(Math.max(...depths)).to.equal(3);
    expect(depths.filter((depth) => depth === 1).length).to.be.greaterThan(3);
    expect(depths.filter((depth) => depth === 3).length).to.be.greaterThan(10);
    for (const task of data.tasks) {
      if (task.parentId === undefined) continue;
      const parent = data.tasks.find((candidate) => candidate.id === task.parentId)!;
      expect(parent.start! <= task.start! && task.due! <= parent.due!, `${task.id} inside ${parent.id}`).to.equal(true);
    }
    expect(data.tasks.some((task) => task.milestone === true && task.start === task.due)).to.equal(true);
  });

  it('keeps dates within the year from start, with start <= due, and nothing after today', () => {
    const last = addDays('2026-01-05', GENERATED_PLAN_DAYS - 1);
    const todayEnd = `${addDays('2026-01-05', 140)}T23:59:59.999Z`;
    for (const task of data.tasks) {
      expect(task.start! >= '2026-01-05' && task.due! <= last && task.start! <= task.due!, task.id).to.equal(true);
      expect(task.updatedAt <= todayEnd && task.createdAt <= task.updatedAt, task.id).to.equal(true);
    }
    for (const message of data.messages) expect(message.createdAt <= todayEnd, message.id).to.equal(true);
    for (const entry of data.activity) expect(entry.at <= todayEnd, entry.id).to.equal(true);
    const months = new Set(data.tasks.map((task) => task.start!.slice(0, 7)));
    expect(months.size).to.be.greaterThan(8);
    const late = generateWorkspace({ today: '2026-11-20' });
    const stamps = [...late.people, ...late.projects, ...late.tasks, ...late.messages, ...late.notifications, ...late.activity]
      .flatMap((entity) => [entity.createdAt, entity.updatedAt]);
    expect(stamps.every((stamp) => stamp <= '2026-11-20T23:59:59.999Z')).to.equal(true);
    expect(late.tasks.filter((task) => task.status === 'done').length).to.be.greaterThan(data.tasks.filter((task) => task.status === 'done').length);
    const shifted = generateWorkspace({ start: '2027-03-01', tasks: 50 });
    expect(shifted.tasks.every((task) => task.start! >= '2027-03-01')).to.equal(true);
  });

  it('keeps progress consistent with status and ranks sortable within a column', () => {
    for (const task of data.tasks) {
      if (task.status === 'done') expect(task.progress, task.id).to.equal(100);
      if (task.status === 'backlog' || (task.status === 'todo' && task.parentId !== undefined && !data.tasks.some((t) => t.parentId === task.id))) {
        expect(task.progress, task.id).to.equal(0);
      }
      if (task.status !== 'done') expect(task.progress, task.id).to.be.lessThan(100);
    }
    const statuses = new Set(data.tasks.map((task) => task.status));
    expect([...statuses].sort()).to.deep.equal(['backlog', 'done', 'in-progress', 'review', 'todo']);
    const column = data.tasks.filter((task) => task.projectId === 'p-1' && task.status === 'done').map((task) => task.rank);
    expect(new Set(column).size).to.equal(column.length);
    expect([...column].sort()).to.deep.equal(column);
  });

  it('writes an activity log that replays to every task\'s current status and version', () => {
    const replayed = new Map<string, { status: unknown; updates: number }>();
    for (const entry of data.activity) {
      const change = entry.changes.find((candidate) => candidate.field === 'status');
      if (entry.action === 'created') {
        expect(replayed.has(entry.taskId)).to.equal(false);
        replayed.set(entry.taskId, { status: change?.to, updates: 0 });
      } else {
        const state = replayed.get(entry.taskId)!;
        expect(change?.from, entry.id).to.equal(state.status);
        replayed.set(entry.taskId, { status: change?.to, updates: state.updates + 1 });
      }
    }
    for (const task of data.tasks) {
      expect(replayed.get(task.id)?.status, task.id).to.equal(task.status);
      expect(task.version, task.id).to.equal(1 + replayed.get(task.id)!.updates);
    }
  });

  it('notifies mentioned people and new assignees', () => {
    const mentions = data.messages.filter((message) => message.mentions.length > 0);
    expect(mentions.length).to.be.greaterThan(100);
    for (const message of mentions) {
      const notice = data.notifications.find((candidate) => candidate.messageId === message.id);
      expect(notice?.kind).to.equal('mention');
      expect(notice?.personId).to.equal(message.mentions[0]);
      expect(message.body).to.contain('@');
    }
    const assignments = data.notifications.filter((notice) => notice.kind === 'assignment');
    expect(assignments.length).to.be.greaterThan(50);
    for (const notice of assignments) {
      const task = data.tasks.find((candidate) => candidate.id === notice.taskId)!;
      expect(task.assigneeIds).to.include(notice.personId);
      expect(notice.personId).not.to.equal(task.createdBy);
    }
    expect(data.messages.some((message) => message.replyToId !== undefined)).to.equal(true);
    expect(data.messages.some((message) => Object.keys(message.reactions).length > 0)).to.equal(true);
  });

  it('refuses nonsense options with a clear error', () => {
    expect(() => generateWorkspace({ tasks: -1 })).to.throw(RangeError, /tasks/);
    expect(() => generateWorkspace({ people: 0 })).to.throw(RangeError, /people/);
    expect(() => generateWorkspace({ start: '2026-13-45' })).to.throw(RangeError, /start/);
  });

  it('generates 100,000 tasks within a few seconds', function () {
    this.timeout(60_000);
    const started = performance.now();
    const big = generateWorkspace({ tasks: 100_000, people: 200, projects: 20 });
    const elapsed = performance.now() - started;
    expect(big.tasks).to.have.length(100_000);
    expect(big.messages).to.have.length(300_000);
    // Generous: other suites share this 2-core machine. Typically about 2 s.
    expect(elapsed).to.be.lessThan(10_000);
  });
});
