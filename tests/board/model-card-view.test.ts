import { expect } from '@open-wc/testing';
import { Table, type Message, type Person, type Project, type Task } from '@cwm/core';
import { CardViews, hueOf, initialsOf, type CardViewsInput } from '../../packages/board/src/model/index.js';
import { makeMessage, makePerson, makeTask } from '../fixtures/entities.js';
import { bigBoard, PEOPLE, project } from './model-fixtures.js';

/** Local times, so the tests mean the same calendar days in every time zone. */
const NOW = new Date(2026, 10, 25, 10, 0);
const local = (day: number, hour = 12) => new Date(2026, 10, day, hour, 0).toISOString();

interface World {
  tasks: Table<Task>;
  projects: Table<Project>;
  people: Table<Person>;
  messages: Table<Message>;
  now: Date;
}

function world(tasks: Task[], extra: Partial<World> = {}): World {
  return {
    tasks: Table.from(tasks),
    projects: Table.from([project()]),
    people: Table.from(PEOPLE),
    messages: Table.empty<Message>(),
    now: NOW,
    ...extra,
  };
}

function setTask(state: World, id: string, patch: Partial<Task>): World {
  return { ...state, tasks: state.tasks.set({ ...state.tasks.get(id)!, ...patch }) };
}

function viewsOf(state: CardViewsInput, options?: ConstructorParameters<typeof CardViews>[0]): CardViews {
  const views = new CardViews(options);
  views.update(state);
  return views;
}

describe('card views: what a card shows', () => {
  it('key, title, status category, priority, tags', () => {
    const views = viewsOf(world([makeTask('t-123', { title: 'Ship it', status: 'doing', priority: 'high', tags: ['api'] }), makeTask('abc')]));
    const view = views.get('t-123')!;
    expect(view).to.include({ id: 't-123', key: 'WEB-123', title: 'Ship it', statusCategory: 'active', priority: 'high' });
    expect(view.tags).to.deep.equal(['api']);
    expect(view.task.id).to.equal('t-123');
    expect(views.get('abc')!.key).to.equal('WEB-abc');
    expect(views.get('nope')).to.equal(undefined);
  });

  it('has no status category for an unknown status', () => {
    const views = viewsOf(world([makeTask('t-1', { status: 'limbo' })]));
    expect(views.get('t-1')!.statusCategory).to.equal(undefined);
  });

  it('assignee chips: known people in order, unknown ids skipped, initials and a stable hue', () => {
    const people = Table.from([
      ...PEOPLE,
      makePerson('u-4', { name: 'cher' }),
      makePerson('u-5', { name: '  ' }),
      makePerson('u-6', { name: 'Émile  de la Rue', avatarUrl: 'https://x/e.png' }),
    ]);
    const views = viewsOf(world([makeTask('t-1', { assigneeIds: ['u-2', 'u-9', 'u-1', 'u-4', 'u-5', 'u-6'] })], { people }));
    const chips = views.get('t-1')!.assignees;
    expect(chips.map((chip) => chip.id)).to.deep.equal(['u-2', 'u-1', 'u-4', 'u-5', 'u-6']);
    expect(chips.map((chip) => chip.initials)).to.deep.equal(['GH', 'AL', 'C', '?', 'ÉR']);
    expect(chips[4]!.avatarUrl).to.equal('https://x/e.png');
    expect(chips[0]!.avatarUrl).to.equal(undefined);
    expect(chips[0]!.hue).to.equal(hueOf('u-2'));
    for (const chip of chips) expect(chip.hue).to.be.within(0, 359);
    expect(hueOf('u-1')).to.equal(hueOf('u-1'));
    expect(new Set(['u-1', 'u-2', 'u-3', 'u-4', 'u-5'].map(hueOf)).size).to.be.greaterThan(1);
    expect(initialsOf('😀 smile')).to.equal('😀S');
  });

  it('due states: overdue, soon (today to today + 2), later, done', () => {
    const views = viewsOf(
      world([
        makeTask('late', { due: '2026-11-24' }),
        makeTask('today', { due: '2026-11-25' }),
        makeTask('edge', { due: '2026-11-27' }),
        makeTask('later', { due: '2026-11-28' }),
        makeTask('done', { due: '2026-11-01', status: 'done' }),
        makeTask('none'),
      ]),
    );
    const state = (id: string) => views.get(id)!.due?.state;
    expect(['late', 'today', 'edge', 'later', 'done', 'none'].map(state)).to.deep.equal(['overdue', 'soon', 'soon', 'later', 'done', undefined]);
    expect(views.get('late')!.due!.date).to.equal('2026-11-24');
    expect(viewsOf(world([makeTask('t', { due: '2026-11-28' })]), { soonDays: 3 }).get('t')!.due!.state).to.equal('soon');
  });

  it('subtasks (direct children, done by category), checklist, messages without tombstones', () => {
    const views = viewsOf(
      world(
        [
          makeTask('p'),
          makeTask('c1', { parentId: 'p', status: 'done' }),
          makeTask('c2', { parentId: 'p' }),
          makeTask('g1', { parentId: 'c2', status: 'done' }),
          makeTask('l', {
            checklist: [
              { id: 'a', text: 'a', done: true },
              { id: 'b', text: 'b', done: false },
            ],
          }),
        ],
        {
          messages: Table.from([
            makeMessage('m-1', { taskId: 'p' }),
            makeMessage('m-2', { taskId: 'p' }),
            makeMessage('m-3', { taskId: 'p', deleted: true }),
            makeMessage('m-4', { taskId: 'l' }),
          ]),
        },
      ),
    );
    expect(views.get('p')!.subtasks).to.deep.equal({ done: 1, total: 2 });
    expect(views.get('c2')!.subtasks).to.deep.equal({ done: 1, total: 1 });
    expect(views.get('l')!.subtasks).to.equal(undefined);
    expect(views.get('l')!.checklist).to.deep.equal({ done: 1, total: 2 });
    expect(views.get('p')!.checklist).to.equal(undefined);
    expect(views.get('p')!.messages).to.equal(2);
    expect(views.get('l')!.messages).to.equal(1);
    expect(views.get('c1')!.messages).to.equal(0);
  });

  it('blocked by: predecessors not done, once each, whatever the dependency type', () => {
    const views = viewsOf(
      world([
        makeTask('a', { title: 'Alpha' }),
        makeTask('b', { title: 'Beta', status: 'done' }),
        makeTask('c', { title: 'Gamma', status: 'doing' }),
        makeTask('s', {
          dependencies: [
            { predecessorId: 'a', type: 'FS', lag: 0 },
            { predecessorId: 'b', type: 'SS', lag: 0 },
            { predecessorId: 'c', type: 'FF', lag: 2 },
            { predecessorId: 'a', type: 'SF', lag: 0 },
            { predecessorId: 'gone', type: 'FS', lag: 0 },
          ],
        }),
      ]),
    );
    expect(views.get('s')!.blockedBy).to.deep.equal([
      { id: 'a', title: 'Alpha' },
      { id: 'c', title: 'Gamma' },
    ]);
    expect(views.get('a')!.blockedBy).to.deep.equal([]);
  });

  it('aging: whole local days since entering the status, else since creation', () => {
    const views = viewsOf(
      world([
        makeTask('moved', { statusChangedAt: local(22, 23), createdAt: local(1) }),
        makeTask('created', { createdAt: local(20, 1) }),
        makeTask('fresh', { statusChangedAt: local(25, 0) }),
        makeTask('future', { statusChangedAt: local(27) }),
      ]),
    );
    expect(views.get('moved')!.agingDays).to.equal(3);
    expect(views.get('created')!.agingDays).to.equal(5);
    expect(views.get('fresh')!.agingDays).to.equal(0);
    expect(views.get('future')!.agingDays).to.equal(0);
  });
});

describe('card views: caching and incremental updates', () => {
  it('returns the same object until something it shows changes', () => {
    let state = world([makeTask('t-1'), makeTask('t-2'), makeTask('t-3')]);
    const views = viewsOf(state);
    const one = views.get('t-1')!;
    const two = views.get('t-2')!;
    expect(views.get('t-1')).to.equal(one);
    state = setTask(state, 't-2', { title: 'Renamed' });
    const changed = views.update(state);
    expect([...changed]).to.deep.equal(['t-2']);
    expect(views.get('t-1')).to.equal(one);
    const renamed = views.get('t-2')!;
    expect(renamed).to.not.equal(two);
    expect(renamed.title).to.equal('Renamed');
  });

  it('an update with nothing new changes nothing', () => {
    const state = world([makeTask('t-1')]);
    const views = viewsOf(state);
    const view = views.get('t-1');
    expect(views.update(state).size).to.equal(0);
    expect(views.update({ ...state, now: new Date(2026, 10, 25, 22, 0) }).size).to.equal(0);
    expect(views.get('t-1')).to.equal(view);
  });

  it('reports every task on the first update', () => {
    const views = new CardViews();
    expect([...views.update(world([makeTask('t-1'), makeTask('t-2')]))].sort()).to.deep.equal(['t-1', 't-2']);
  });

  it('a child changing status updates its parent\'s subtasks; a child re-ranked does not', () => {
    let state = world([makeTask('p'), makeTask('c1', { parentId: 'p' }), makeTask('c2', { parentId: 'p' }), makeTask('other')]);
    const views = viewsOf(state);
    const parent = views.get('p')!;
    const other = views.get('other')!;
    expect(parent.subtasks).to.deep.equal({ done: 0, total: 2 });

    state = setTask(state, 'c1', { rank: 'z' });
    expect(views.update(state).has('p')).to.equal(false);
    expect(views.get('p')).to.equal(parent);

    state = setTask(state, 'c1', { status: 'done' });
    const changed = views.update(state);
    expect(changed.has('p')).to.equal(true);
    expect(changed.has('other')).to.equal(false);
    expect(views.get('p')!.subtasks).to.deep.equal({ done: 1, total: 2 });
    expect(views.get('other')).to.equal(other);
  });

  it('adding, moving and deleting subtasks updates the parents concerned', () => {
    let state = world([makeTask('p'), makeTask('q'), makeTask('c1', { parentId: 'p' })]);
    const views = viewsOf(state);
    views.get('p');
    views.get('q');
    state = { ...state, tasks: state.tasks.set(makeTask('c2', { parentId: 'p' })) };
    views.update(state);
    expect(views.get('p')!.subtasks).to.deep.equal({ done: 0, total: 2 });
    state = setTask(state, 'c1', { parentId: 'q' });
    expect([...views.update(state)].sort()).to.deep.equal(['c1', 'p', 'q']);
    expect(views.get('p')!.subtasks).to.deep.equal({ done: 0, total: 1 });
    expect(views.get('q')!.subtasks).to.deep.equal({ done: 0, total: 1 });
    state = { ...state, tasks: state.tasks.delete('c1') };
    expect([...views.update(state)].sort()).to.deep.equal(['c1', 'q']);
    expect(views.get('q')!.subtasks).to.equal(undefined);
    expect(views.get('c1')).to.equal(undefined);
  });

  it('a predecessor done unblocks its successor; a renamed predecessor is shown renamed', () => {
    let state = world([makeTask('a', { title: 'Alpha' }), makeTask('s', { dependencies: [{ predecessorId: 'a', type: 'FS', lag: 0 }] }), makeTask('x')]);
    const views = viewsOf(state);
    expect(views.get('s')!.blockedBy).to.deep.equal([{ id: 'a', title: 'Alpha' }]);
    const x = views.get('x');
    state = setTask(state, 'a', { title: 'Alpha 2' });
    expect([...views.update(state)].sort()).to.deep.equal(['a', 's']);
    expect(views.get('s')!.blockedBy).to.deep.equal([{ id: 'a', title: 'Alpha 2' }]);
    const blocked = views.get('s');
    state = setTask(state, 'a', { rank: 'b' });
    views.update(state);
    expect(views.get('s')).to.equal(blocked);
    state = setTask(state, 'a', { status: 'done' });
    expect(views.update(state).has('s')).to.equal(true);
    expect(views.get('s')!.blockedBy).to.deep.equal([]);
    expect(views.get('x')).to.equal(x);
  });

  it('a predecessor that arrives later blocks its successor; removing the dependency unblocks', () => {
    let state = world([makeTask('s', { dependencies: [{ predecessorId: 'a', type: 'FS', lag: 0 }] })]);
    const views = viewsOf(state);
    expect(views.get('s')!.blockedBy).to.deep.equal([]);
    state = { ...state, tasks: state.tasks.set(makeTask('a', { title: 'Alpha' })) };
    expect(views.update(state).has('s')).to.equal(true);
    expect(views.get('s')!.blockedBy).to.deep.equal([{ id: 'a', title: 'Alpha' }]);
    state = setTask(state, 's', { dependencies: [] });
    views.update(state);
    expect(views.get('s')!.blockedBy).to.deep.equal([]);
    state = setTask(state, 'a', { title: 'Alpha 3' });
    expect(views.update(state).has('s')).to.equal(false);
  });

  it('a renamed person updates the cards showing them; other person edits change nothing', () => {
    let state = world([makeTask('t-1', { assigneeIds: ['u-1'] }), makeTask('t-2', { assigneeIds: ['u-2'] }), makeTask('t-3', { assigneeIds: ['u-7'] })]);
    const views = viewsOf(state);
    const one = views.get('t-1')!;
    const two = views.get('t-2')!;
    expect(views.get('t-3')!.assignees).to.deep.equal([]);
    state = { ...state, people: state.people.set({ ...state.people.get('u-1')!, capacity: 10 }) };
    expect(views.update(state).size).to.equal(0);
    expect(views.get('t-1')).to.equal(one);
    state = { ...state, people: state.people.set({ ...state.people.get('u-1')!, name: 'Ada King' }) };
    expect([...views.update(state)]).to.deep.equal(['t-1']);
    expect(views.get('t-1')!.assignees[0]!.name).to.equal('Ada King');
    expect(views.get('t-1')!.assignees[0]!.initials).to.equal('AK');
    expect(views.get('t-2')).to.equal(two);
    // A person loaded after the task shows up on its card.
    state = { ...state, people: state.people.set(makePerson('u-7', { name: 'Late Comer' })) };
    expect([...views.update(state)]).to.deep.equal(['t-3']);
    expect(views.get('t-3')!.assignees.map((chip) => chip.initials)).to.deep.equal(['LC']);
  });

  it('a new day updates due states and aging', () => {
    let state = world([makeTask('t-1', { due: '2026-11-25', statusChangedAt: local(24) })]);
    const views = viewsOf(state);
    const before = views.get('t-1')!;
    expect(before.due!.state).to.equal('soon');
    expect(before.agingDays).to.equal(1);
    state = { ...state, now: new Date(2026, 10, 26, 0, 1) };
    expect([...views.update(state)]).to.deep.equal(['t-1']);
    const after = views.get('t-1')!;
    expect(after).to.not.equal(before);
    expect(after.due!.state).to.equal('overdue');
    expect(after.agingDays).to.equal(2);
  });

  it('messages arriving, moving or deleted update the counts of the tasks concerned only', () => {
    let state = world([makeTask('t-1'), makeTask('t-2')]);
    const views = viewsOf(state);
    const two = views.get('t-2')!;
    expect(views.get('t-1')!.messages).to.equal(0);
    state = { ...state, messages: state.messages.batch([makeMessage('m-1', { taskId: 't-1' }), makeMessage('m-2', { taskId: 't-1' })]) };
    expect([...views.update(state)]).to.deep.equal(['t-1']);
    expect(views.get('t-1')!.messages).to.equal(2);
    expect(views.get('t-2')).to.equal(two);
    state = { ...state, messages: state.messages.set(makeMessage('m-1', { taskId: 't-1', deleted: true })) };
    views.update(state);
    expect(views.get('t-1')!.messages).to.equal(1);
    const one = views.get('t-1');
    state = { ...state, messages: state.messages.set(makeMessage('m-2', { taskId: 't-1', body: 'edited' })) };
    expect(views.update(state).size).to.equal(0);
    expect(views.get('t-1')).to.equal(one);
    state = { ...state, messages: state.messages.delete('m-2') };
    views.update(state);
    expect(views.get('t-1')!.messages).to.equal(0);
  });

  it('a project\'s new key changes its cards; a new workflow category changes every card', () => {
    let state = world([makeTask('t-1'), makeTask('t-2', { projectId: 'p-2' })], { projects: Table.from([project('p-1'), project('p-2', { key: 'OPS' })]) });
    const views = viewsOf(state);
    const two = views.get('t-2')!;
    views.get('t-1');
    state = { ...state, projects: state.projects.set({ ...state.projects.get('p-1')!, name: 'Renamed' }) };
    expect(views.update(state).size).to.equal(0);
    state = { ...state, projects: state.projects.set({ ...state.projects.get('p-1')!, key: 'APP' }) };
    expect([...views.update(state)]).to.deep.equal(['t-1']);
    expect(views.get('t-1')!.key).to.equal('APP-1');
    expect(views.get('t-2')).to.equal(two);
    const p1 = state.projects.get('p-1')!;
    const statuses = p1.workflow.statuses.map((status) => (status.id === 'todo' ? { ...status, category: 'active' as const } : status));
    state = { ...state, projects: state.projects.set({ ...p1, workflow: { ...p1.workflow, statuses } }) };
    expect([...views.update(state)].sort()).to.deep.equal(['t-1', 't-2']);
    expect(views.get('t-1')!.statusCategory).to.equal('active');
  });

  it('copes with a table from a new lineage (a reset) by comparing entities', () => {
    const state = world([makeTask('t-1'), makeTask('t-2')]);
    const views = viewsOf(state);
    const one = views.get('t-1')!;
    const reset = Table.from([state.tasks.get('t-1')!, makeTask('t-2', { title: 'New' }), makeTask('t-3')]);
    expect([...views.update({ ...state, tasks: reset })].sort()).to.deep.equal(['t-2', 't-3']);
    expect(views.get('t-1')).to.equal(one);
    expect(views.get('t-3')!.title).to.equal('Task t-3');
  });

  it('follows one change among 10,000 tasks in under 2 ms', () => {
    const { tasks, projects, people } = bigBoard(10_000);
    let state: World = world(tasks, { projects: Table.from(projects), people: Table.from(people) });
    const views = new CardViews();
    const first = performance.now();
    views.update(state);
    const initial = performance.now() - first;
    for (const item of tasks.slice(0, 200)) views.get(item.id);
    const kept = views.get(tasks[100]!.id);
    const rounds = 50;
    const start = performance.now();
    for (let round = 0; round < rounds; round++) {
      state = setTask(state, tasks[round]!.id, { title: `Edited ${round}` });
      expect(views.update(state).has(tasks[round]!.id)).to.equal(true);
      expect(views.get(tasks[round]!.id)!.title).to.equal(`Edited ${round}`);
    }
    const each = (performance.now() - start) / rounds;
    console.log(`CardViews: first update of 10,000 tasks ${initial.toFixed(1)} ms; one change + its view ${each.toFixed(3)} ms on average`);
    expect(each).to.be.below(2);
    expect(views.get(tasks[100]!.id)).to.equal(kept);
  });
});
