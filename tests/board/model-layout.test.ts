import { expect } from '@open-wc/testing';
import { Table } from '@cwm/core';
import {
  cellKey,
  computeLayout,
  matchesFilter,
  NO_STATUS,
  NO_VALUE,
  SINGLE_LANE,
  taskKey,
  wipState,
  tasksInStatus,
  type BoardFilter,
} from '../../packages/board/src/model/index.js';
import { makePerson, makeTask } from '../fixtures/entities.js';
import { bigBoard, cell, config, layoutOf, medianMs, PEOPLE, project, TODAY } from './model-fixtures.js';

describe('board layout: status columns', () => {
  it('shows the workflow statuses in order, with category, limit, counts and rank order in each cell', () => {
    const layout = layoutOf([
      makeTask('t-1', { status: 'todo', rank: 'm' }),
      makeTask('t-2', { status: 'todo', rank: 'c' }),
      makeTask('t-3', { status: 'doing', rank: 'a' }),
      makeTask('t-4', { status: 'done', rank: 'b' }),
      makeTask('t-5', { status: 'todo', rank: 'c' }),
    ]);
    expect(layout.columns.map((column) => column.key)).to.deep.equal(['todo', 'doing', 'review', 'done']);
    expect(layout.columns.map((column) => column.label)).to.deep.equal(['To do', 'Doing', 'Review', 'Done']);
    expect(layout.columns.map((column) => column.count)).to.deep.equal([3, 1, 0, 1]);
    const doing = layout.columns[1]!;
    expect(doing).to.include({ kind: 'value', category: 'active', wipLimit: 2, wipPolicy: 'block', droppable: true });
    expect(layout.columns[0]!.wipLimit).to.equal(undefined);
    expect(layout.lanes).to.deep.equal([{ key: SINGLE_LANE, label: '', kind: 'single', count: 5 }]);
    // Equal ranks fall back to the id, so the order is the same on every page.
    expect(cell(layout, SINGLE_LANE, 'todo')).to.deep.equal(['t-2', 't-5', 't-1']);
    expect(cell(layout, SINGLE_LANE, 'review')).to.deep.equal([]);
    expect(layout.positions.get('t-1')).to.deep.equal({ laneKey: SINGLE_LANE, columnKey: 'todo', index: 2 });
    expect(layout.positions.get('t-3')).to.deep.equal({ laneKey: SINGLE_LANE, columnKey: 'doing', index: 0 });
    expect(layout.shown).to.equal(5);
    expect(layout.total).to.equal(5);
  });

  it('leaves out tasks of other projects', () => {
    const layout = layoutOf([makeTask('t-1'), makeTask('t-2', { projectId: 'p-2' })], {}, [project('p-1'), project('p-2')]);
    expect(layout.total).to.equal(1);
    expect(layout.positions.has('t-2')).to.equal(false);
  });

  it('puts a task with an unknown status in a visible, non-droppable "no status" column', () => {
    const layout = layoutOf([makeTask('t-1', { status: 'archived' }), makeTask('t-2')]);
    const last = layout.columns[layout.columns.length - 1]!;
    expect(last).to.deep.equal({ key: NO_STATUS, label: '', kind: 'no-status', count: 1, droppable: false });
    expect(cell(layout, SINGLE_LANE, NO_STATUS)).to.deep.equal(['t-1']);
  });

  it('has no "no status" column when no shown task needs it', () => {
    expect(layoutOf([makeTask('t-1')]).columns.some((column) => column.key === NO_STATUS)).to.equal(false);
    const filtered = layoutOf([makeTask('t-1', { status: 'archived', title: 'old' }), makeTask('t-2', { title: 'new' })], {
      filter: { text: 'new' },
    });
    expect(filtered.columns.some((column) => column.key === NO_STATUS)).to.equal(false);
  });

  it('merges the statuses of a portfolio in project order; a status unknown to its own project has no status', () => {
    const second = project('p-2', {
      key: 'OPS',
      workflow: {
        statuses: [
          { id: 'todo', name: 'Open', category: 'todo' },
          { id: 'blocked', name: 'Blocked', category: 'active', wipLimit: 4 },
          { id: 'done', name: 'Closed', category: 'done' },
        ],
        wipPolicy: 'warn',
      },
    });
    const layout = layoutOf(
      [makeTask('t-1', { projectId: 'p-2', status: 'blocked' }), makeTask('t-2', { status: 'blocked' }), makeTask('t-3', { projectId: 'p-2', status: 'review' })],
      { projectIds: ['p-1', 'p-2'] },
      [project('p-1'), second],
    );
    expect(layout.columns.map((column) => column.key)).to.deep.equal(['todo', 'doing', 'review', 'done', 'blocked', NO_STATUS]);
    expect(layout.columns[0]!.label).to.equal('To do');
    expect(layout.columns[4]).to.include({ label: 'Blocked', wipLimit: 4, wipPolicy: 'warn' });
    // p-1 has no "blocked" and p-2 no "review": both land in no status.
    expect(cell(layout, SINGLE_LANE, NO_STATUS)).to.deep.equal(['t-2', 't-3'].sort());
    expect(cell(layout, SINGLE_LANE, 'blocked')).to.deep.equal(['t-1']);
  });

  it('takes the WIP limit of the first project that sets one for a merged status', () => {
    const noLimit = project('p-1', {
      workflow: { statuses: [{ id: 'doing', name: 'Doing', category: 'active' }], wipPolicy: 'warn' },
    });
    const limited = project('p-2', {
      workflow: { statuses: [{ id: 'doing', name: 'Busy', category: 'active', wipLimit: 7 }], wipPolicy: 'block' },
    });
    const layout = layoutOf([], { projectIds: ['p-1', 'p-2'] }, [noLimit, limited]);
    expect(layout.columns).to.have.length(1);
    expect(layout.columns[0]).to.include({ label: 'Doing', wipLimit: 7, wipPolicy: 'block' });
  });
});

describe('board layout: level', () => {
  const tasks = [makeTask('t-1'), makeTask('t-2', { parentId: 't-1' }), makeTask('t-3', { parentId: 't-2' }), makeTask('t-4')];

  it('top shows only tasks without a parent', () => {
    expect([...layoutOf(tasks, { level: 'top' }).positions.keys()].sort()).to.deep.equal(['t-1', 't-4']);
  });

  it('leaves shows only tasks without subtasks', () => {
    const layout = layoutOf(tasks, { level: 'leaves' });
    expect([...layout.positions.keys()].sort()).to.deep.equal(['t-3', 't-4']);
    expect(layout.shown).to.equal(2);
    expect(layout.total).to.equal(4);
  });
});

describe('board layout: other columns', () => {
  it('by assignee: members and assignees sorted by name, a task under its first assignee, unassigned last', () => {
    const layout = layoutOf(
      [makeTask('t-1', { assigneeIds: ['u-2', 'u-1'] }), makeTask('t-2'), makeTask('t-3', { assigneeIds: ['u-1'] })],
      { columnsBy: 'assignee' },
      [project('p-1', { memberIds: ['u-3'] })],
    );
    expect(layout.columns.map((column) => column.label)).to.deep.equal(['Ada Lovelace', 'Alan Turing', 'Grace Hopper', '']);
    expect(layout.columns.map((column) => column.key)).to.deep.equal(['u-1', 'u-3', 'u-2', NO_VALUE]);
    expect(layout.columns[3]).to.include({ kind: 'no-value', count: 1, droppable: true });
    expect(cell(layout, SINGLE_LANE, 'u-2')).to.deep.equal(['t-1']);
    expect(cell(layout, SINGLE_LANE, 'u-1')).to.deep.equal(['t-3']);
    expect(cell(layout, SINGLE_LANE, NO_VALUE)).to.deep.equal(['t-2']);
    expect(layout.columns.map((column) => column.count)).to.deep.equal([1, 0, 1, 1]);
  });

  it('by assignee: the unassigned column is always there, and an unknown assignee still gets a column', () => {
    const layout = layoutOf([makeTask('t-1', { assigneeIds: ['u-9'] })], { columnsBy: 'assignee' });
    expect(layout.columns.map((column) => column.key)).to.deep.equal(['u-9', NO_VALUE]);
    expect(layout.columns[0]!.label).to.equal('u-9');
  });

  it('by priority: all five, most pressing first', () => {
    const layout = layoutOf([makeTask('t-1', { priority: 'high' })], { columnsBy: 'priority' });
    expect(layout.columns.map((column) => column.key)).to.deep.equal(['urgent', 'high', 'medium', 'low', 'none']);
    expect(layout.columns.map((column) => column.count)).to.deep.equal([0, 1, 0, 0, 0]);
  });

  it('by project: in the order of projectIds', () => {
    const layout = layoutOf([makeTask('t-1', { projectId: 'p-2' })], { columnsBy: 'project', projectIds: ['p-2', 'p-1'] }, [
      project('p-1'),
      project('p-2'),
    ]);
    expect(layout.columns.map((column) => [column.key, column.label, column.count])).to.deep.equal([
      ['p-2', 'Project p-2', 1],
      ['p-1', 'Project p-1', 0],
    ]);
  });
});

describe('board layout: lanes', () => {
  it('by assignee: every lane x column cell exists, counts per lane', () => {
    const layout = layoutOf([makeTask('t-1', { assigneeIds: ['u-2'] }), makeTask('t-2', { status: 'done' })], { lanesBy: 'assignee' });
    expect(layout.lanes.map((lane) => [lane.key, lane.kind, lane.count])).to.deep.equal([
      ['u-2', 'value', 1],
      [NO_VALUE, 'no-value', 1],
    ]);
    expect(layout.cells.size).to.equal(2 * 4);
    expect(cell(layout, 'u-2', 'todo')).to.deep.equal(['t-1']);
    expect(cell(layout, NO_VALUE, 'done')).to.deep.equal(['t-2']);
    expect(cell(layout, NO_VALUE, 'todo')).to.deep.equal([]);
    expect(layout.positions.get('t-2')).to.deep.equal({ laneKey: NO_VALUE, columnKey: 'done', index: 0 });
  });

  it('by parent: one lane per parent of shown tasks in the parents\' rank order, then top-level tasks', () => {
    const layout = layoutOf(
      [
        makeTask('e-1', { title: 'Epic one', rank: 'z' }),
        makeTask('e-2', { title: 'Epic two', rank: 'b', status: 'done' }),
        makeTask('t-1', { parentId: 'e-1' }),
        makeTask('t-2', { parentId: 'e-2' }),
        makeTask('t-3', { parentId: 'e-2', status: 'doing' }),
      ],
      { lanesBy: 'parent', level: 'leaves' },
    );
    expect(layout.lanes.map((lane) => [lane.key, lane.label, lane.count])).to.deep.equal([
      ['e-2', 'Epic two', 2],
      ['e-1', 'Epic one', 1],
      [NO_VALUE, '', 0],
    ]);
    expect(cell(layout, 'e-2', 'doing')).to.deep.equal(['t-3']);
  });

  it('by priority and by project', () => {
    const byPriority = layoutOf([makeTask('t-1', { priority: 'urgent' })], { lanesBy: 'priority' });
    expect(byPriority.lanes.map((lane) => lane.key)).to.deep.equal(['urgent', 'high', 'medium', 'low', 'none']);
    expect(cell(byPriority, 'urgent', 'todo')).to.deep.equal(['t-1']);
    const byProject = layoutOf([makeTask('t-1'), makeTask('t-2', { projectId: 'p-2' })], { lanesBy: 'project', projectIds: ['p-1', 'p-2'] }, [
      project('p-1'),
      project('p-2'),
    ]);
    expect(byProject.lanes.map((lane) => [lane.key, lane.count])).to.deep.equal([
      ['p-1', 1],
      ['p-2', 1],
    ]);
  });
});

describe('board filter', () => {
  const projects = Table.from([project()]);
  const context = { projects, today: TODAY, userId: 'u-1' };
  const matches = (filter: BoardFilter, ...tasks: ReturnType<typeof makeTask>[]) =>
    tasks.filter((item) => matchesFilter(item, filter, context)).map((item) => item.id);

  it('text: every word, case-insensitive, in the title, the key or a tag', () => {
    const tasks = [
      makeTask('t-12', { title: 'Fix the Login page' }),
      makeTask('t-13', { title: 'Login flow', tags: ['Security'] }),
      makeTask('t-14', { title: 'Other' }),
    ];
    expect(taskKey(tasks[0]!, project())).to.equal('WEB-12');
    expect(matches({ text: '  login   PAGE ' }, ...tasks)).to.deep.equal(['t-12']);
    expect(matches({ text: 'login secur' }, ...tasks)).to.deep.equal(['t-13']);
    expect(matches({ text: 'web-14' }, ...tasks)).to.deep.equal(['t-14']);
    expect(matches({ text: '   ' }, ...tasks)).to.deep.equal(['t-12', 't-13', 't-14']);
  });

  it('assignees: any of them, with "none" for unassigned tasks', () => {
    const tasks = [makeTask('t-1', { assigneeIds: ['u-1', 'u-2'] }), makeTask('t-2', { assigneeIds: ['u-3'] }), makeTask('t-3')];
    expect(matches({ assigneeIds: ['u-2'] }, ...tasks)).to.deep.equal(['t-1']);
    expect(matches({ assigneeIds: ['none', 'u-3'] }, ...tasks)).to.deep.equal(['t-2', 't-3']);
  });

  it('tags: any of them', () => {
    const tasks = [makeTask('t-1', { tags: ['a', 'b'] }), makeTask('t-2', { tags: ['c'] }), makeTask('t-3')];
    expect(matches({ tags: ['b', 'c'] }, ...tasks)).to.deep.equal(['t-1', 't-2']);
  });

  it('due: overdue (not done), this week and next week by ISO week of today, no date', () => {
    const tasks = [
      makeTask('late', { due: '2026-11-24' }),
      makeTask('late-done', { due: '2026-11-20', status: 'done' }),
      makeTask('today', { due: TODAY }),
      makeTask('monday', { due: '2026-11-23' }),
      makeTask('sunday', { due: '2026-11-29' }),
      makeTask('next-monday', { due: '2026-11-30' }),
      makeTask('next-sunday', { due: '2026-12-06' }),
      makeTask('later', { due: '2026-12-07' }),
      makeTask('none'),
    ];
    expect(matches({ due: 'overdue' }, ...tasks)).to.deep.equal(['late', 'monday']);
    expect(matches({ due: 'this-week' }, ...tasks)).to.deep.equal(['late', 'today', 'monday', 'sunday']);
    expect(matches({ due: 'next-week' }, ...tasks)).to.deep.equal(['next-monday', 'next-sunday']);
    expect(matches({ due: 'no-date' }, ...tasks)).to.deep.equal(['none']);
    expect(matches({ due: 'any' }, ...tasks)).to.have.length(tasks.length);
  });

  it('mine: assigned to or followed by the acting person; nothing without one', () => {
    const tasks = [makeTask('t-1', { assigneeIds: ['u-1'] }), makeTask('t-2', { followerIds: ['u-1'] }), makeTask('t-3', { assigneeIds: ['u-2'] })];
    expect(matches({ mine: true }, ...tasks)).to.deep.equal(['t-1', 't-2']);
    expect(tasks.filter((item) => matchesFilter(item, { mine: true }, { projects, today: TODAY }))).to.deep.equal([]);
  });

  it('combines constraints, and the layout counts after filtering', () => {
    const layout = layoutOf(
      [
        makeTask('t-1', { title: 'API docs', tags: ['docs'], assigneeIds: ['u-1'] }),
        makeTask('t-2', { title: 'API tests', tags: ['qa'], assigneeIds: ['u-1'], status: 'doing' }),
        makeTask('t-3', { title: 'API docs v2', tags: ['docs'], assigneeIds: ['u-2'] }),
      ],
      { filter: { text: 'api', tags: ['docs'], assigneeIds: ['u-1'] } },
    );
    expect([...layout.positions.keys()]).to.deep.equal(['t-1']);
    expect(layout.columns.map((column) => column.count)).to.deep.equal([1, 0, 0, 0]);
    expect(layout.shown).to.equal(1);
    expect(layout.total).to.equal(3);
  });
});

describe('board WIP state', () => {
  const tasks = [
    makeTask('t-1', { status: 'doing', assigneeIds: ['u-1'], title: 'alpha' }),
    makeTask('t-2', { status: 'doing', assigneeIds: ['u-2'], title: 'beta' }),
    makeTask('t-3', { status: 'doing', assigneeIds: ['u-2'], title: 'gamma' }),
  ];

  it('counts every task in the status against the limit, even filtered-out ones', () => {
    const layout = layoutOf(tasks, { filter: { text: 'alpha' }, lanesBy: 'assignee' });
    expect(layout.columns[1]!.count).to.equal(1);
    expect(wipState(layout, 'doing')).to.deep.equal({ count: 3, limit: 2, over: true, full: true, policy: 'block' });
    expect(wipState(layout, 'doing', 'u-2')).to.deep.equal({ count: 2, limit: 2, over: false, full: true, policy: 'block' });
    expect(wipState(layout, 'todo')).to.deep.equal({ count: 0, over: false, full: false });
    expect(tasksInStatus(layout, 'p-1', 'doing')).to.equal(3);
  });

  it('counts the same without filters, and counts parents a level hides', () => {
    const plain = layoutOf(tasks, { lanesBy: 'assignee' });
    expect(wipState(plain, 'doing')).to.include({ count: 3, over: true });
    expect(wipState(plain, 'doing', 'u-1')).to.include({ count: 1, over: false, full: false });
    expect(wipState(plain, 'doing', 'u-3')).to.include({ count: 0 });
    const leaves = layoutOf([...tasks, makeTask('t-4', { status: 'review', parentId: 't-1' })], { level: 'leaves' });
    expect(leaves.positions.has('t-1')).to.equal(false);
    expect(wipState(leaves, 'doing').count).to.equal(3);
    expect(leaves.columns[1]!.count).to.equal(2);
  });

  it('counts shown cards for columns that are not statuses; unknown columns are empty', () => {
    const layout = layoutOf(tasks, { columnsBy: 'assignee' });
    expect(wipState(layout, 'u-2')).to.deep.equal({ count: 2, over: false, full: false });
    expect(wipState(layout, 'nope')).to.deep.equal({ count: 0, over: false, full: false });
  });
});

describe('board layout: speed', () => {
  it('lays out 10,000 tasks over 8 statuses with lanes by assignee in under 50 ms', () => {
    const { tasks, projects, people } = bigBoard(10_000);
    const input = {
      tasks: Table.from(tasks),
      projects: Table.from(projects),
      people: Table.from(people),
      config: config({ projectIds: [projects[0]!.id], lanesBy: 'assignee' }),
    };
    const layout = computeLayout(input);
    expect(layout.shown).to.equal(10_000);
    expect(layout.columns).to.have.length(8);
    let cards = 0;
    for (const ids of layout.cells.values()) cards += ids.length;
    expect(cards).to.equal(10_000);
    const plain = medianMs(7, () => computeLayout(input));
    const filtered = medianMs(7, () => computeLayout({ ...input, config: { ...input.config, filter: { text: 'api', due: 'this-week' } } }));
    console.log(`computeLayout, 10,000 tasks x 8 statuses, lanes by assignee: ${plain.toFixed(1)} ms; with a text+due filter: ${filtered.toFixed(1)} ms`);
    expect(plain).to.be.below(50);
    expect(filtered).to.be.below(50);
  });

  it('keeps cell keys apart from ids that look alike', () => {
    expect(cellKey('a', 'b-c')).to.not.equal(cellKey('a-b', 'c'));
    expect(layoutOf([makeTask('t-1')], {}, [project()], [...PEOPLE, makePerson('u-4', { name: 'Zed' })]).cells.size).to.equal(4);
  });
});
