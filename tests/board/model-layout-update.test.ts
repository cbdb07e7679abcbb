import { expect } from '@open-wc/testing';
import { mulberry32 } from '@cwm/core/testing';
import { Table, type Person, type Priority, type Project, type Task } from '@cwm/core';
import {
  cellKey,
  computeLayout,
  NO_STATUS,
  PRIORITY_ORDER,
  SINGLE_LANE,
  updateLayout,
  type BoardConfig,
  type BoardLayout,
} from '../../packages/board/src/model/index.js';
import { makePerson, makeTask } from '../fixtures/entities.js';
import { bigBoard, config, PEOPLE, project } from './model-fixtures.js';

// A deterministic generator (the data generator's own), so a failing step can be replayed.
const random = mulberry32;

const sortedEntries = (map: ReadonlyMap<string, unknown>): [string, unknown][] =>
  [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Fails with the step's description unless `actual` is exactly the full layout `expected`. */
function expectSameLayout(actual: BoardLayout, expected: BoardLayout, step: string): void {
  expect(actual.columns, `${step}: columns`).to.deep.equal(expected.columns);
  expect(actual.lanes, `${step}: lanes`).to.deep.equal(expected.lanes);
  expect([...actual.cells], `${step}: cells`).to.deep.equal([...expected.cells]);
  expect(actual.positions.size, `${step}: positions.size`).to.equal(expected.positions.size);
  expect(sortedEntries(new Map(actual.positions)), `${step}: positions`).to.deep.equal(sortedEntries(new Map(expected.positions)));
  for (const id of expected.positions.keys()) {
    expect(actual.positions.has(id), `${step}: has ${id}`).to.equal(true);
    expect(actual.positions.get(id), `${step}: position of ${id}`).to.deep.equal(expected.positions.get(id));
  }
  expect(actual.shown, `${step}: shown`).to.equal(expected.shown);
  expect(actual.total, `${step}: total`).to.equal(expected.total);
  expect(sortedEntries(actual.wip.columns), `${step}: wip columns`).to.deep.equal(sortedEntries(expected.wip.columns));
  expect(sortedEntries(actual.wip.cells), `${step}: wip cells`).to.deep.equal(sortedEntries(expected.wip.cells));
  expect(sortedEntries(actual.wip.statuses), `${step}: wip statuses`).to.deep.equal(sortedEntries(expected.wip.statuses));
}

/** A cell whose ids did not change keeps its very array; one whose ids changed has a new one. */
function expectCellIdentity(before: BoardLayout, after: BoardLayout, step: string): void {
  for (const [key, ids] of after.cells) {
    const old = before.cells.get(key)!;
    const same = old.length === ids.length && old.every((id, index) => ids[index] === id);
    expect(ids === old, `${step}: identity of cell ${key}`).to.equal(same);
  }
}

interface Scenario {
  readonly name: string;
  readonly config: Partial<BoardConfig>;
}

const SCENARIOS: readonly Scenario[] = [
  { name: 'status columns, one lane, no filter', config: { lanesBy: 'none' } },
  { name: 'status columns, lanes by assignee, text filter', config: { lanesBy: 'assignee', filter: { text: 'alpha' } } },
  { name: 'status columns, lanes by assignee, no filter', config: { lanesBy: 'assignee' } },
  { name: 'assignee columns, lanes by priority', config: { columnsBy: 'assignee', lanesBy: 'priority' } },
  { name: 'priority columns, lanes by project (portfolio), text filter', config: { columnsBy: 'priority', lanesBy: 'project', filter: { text: 'alpha' } } },
  { name: 'status columns on a portfolio, lanes by priority, tag filter', config: { lanesBy: 'priority', filter: { tags: ['hot'] } } },
];

const STATUSES = ['todo', 'doing', 'review', 'done'];
const RANKS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

/** Two board projects (members u-1, u-2) and one off the board; people u-1..u-3 and u-4 (not a member). */
function startingData(): { tasks: Task[]; projects: Project[]; people: Person[] } {
  const projects = [
    project('p-1', { memberIds: ['u-1', 'u-2'] }),
    project('p-2', { key: 'OPS', memberIds: ['u-2', 'u-1'] }),
    project('p-3', { key: 'OFF' }),
  ];
  const next = random(99);
  const tasks: Task[] = [];
  for (let index = 0; index < 300; index++) tasks.push(randomTask(`t-${index}`, next));
  return { tasks, projects, people: [...PEOPLE, makePerson('u-4', { name: 'Zed Outsider' })] };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function randomTask(id: string, next: () => number): Task {
  const assignees = next() < 0.3 ? [] : next() < 0.8 ? [pick(next, ['u-1', 'u-2'])] : ['u-2', 'u-1'];
  return makeTask(id, {
    projectId: next() < 0.7 ? 'p-1' : next() < 0.8 ? 'p-2' : 'p-3',
    status: pick(next, STATUSES),
    rank: pick(next, RANKS) + (next() < 0.5 ? pick(next, RANKS) : ''),
    assigneeIds: assignees,
    priority: pick(next, PRIORITY_ORDER),
    title: next() < 0.5 ? `Task ${id} alpha` : `Task ${id}`,
    tags: next() < 0.4 ? ['hot'] : [],
  });
}

/** One random edit of the kinds the board sees: moves, reorders, reassignments, filters in and out, deletions, creations. */
function randomEdit(tasks: Table<Task>, next: () => number, created: { count: number }): { upserts: Task[]; deletions: string[]; what: string } {
  const ids = tasks.ids();
  const id = pick(next, ids);
  const current = tasks.get(id)!;
  const roll = next();
  const change = (patch: Partial<Task>, what: string) => ({ upserts: [{ ...current, ...patch, version: current.version + 1 }], deletions: [], what: `${what} ${id}` });
  if (roll < 0.25) return change({ status: pick(next, STATUSES) }, 'status of');
  if (roll < 0.4) return change({ rank: pick(next, RANKS) + pick(next, RANKS) }, 'rank of');
  if (roll < 0.5) {
    const options: string[][] = [[], ['u-1'], ['u-2'], ['u-3'], ['u-1', 'u-2'], ['u-2', 'u-4']];
    return change({ assigneeIds: pick(next, options) }, 'assignees of');
  }
  if (roll < 0.6) return change({ priority: pick(next, PRIORITY_ORDER) as Priority }, 'priority of');
  if (roll < 0.7) return change({ title: current.title.endsWith('alpha') ? `Task ${id}` : `Task ${id} alpha` }, 'title of');
  if (roll < 0.75) return change({ tags: current.tags.length > 0 ? [] : ['hot'] }, 'tags of');
  if (roll < 0.79) return change({ projectId: pick(next, ['p-1', 'p-2', 'p-3']) }, 'project of');
  if (roll < 0.81) return change({ status: 'lost' }, 'unknown status for');
  if (roll < 0.9) return { upserts: [], deletions: [id], what: `delete ${id}` };
  const fresh = randomTask(`n-${created.count++}`, next);
  return { upserts: [fresh], deletions: [], what: `create ${fresh.id}` };
}

describe('board layout: incremental update', () => {
  for (const scenario of SCENARIOS) {
    it(`equals a full layout after each of 300 random changes: ${scenario.name}`, () => {
      const data = startingData();
      const projects = Table.from(data.projects);
      const people = Table.from(data.people);
      const boardConfig = config({ projectIds: ['p-1', 'p-2'], ...scenario.config });
      let tasks = Table.from(data.tasks);
      let layout = computeLayout({ tasks, projects, people, config: boardConfig });
      const next = random(scenario.name.length * 7919);
      const created = { count: 0 };
      let incremental = 0;
      for (let step = 0; step < 300; step++) {
        // Mostly one change per store emission; sometimes a few at once, as a batch.
        const edits = Array.from({ length: next() < 0.8 ? 1 : 2 + Math.floor(next() * 3) }, () => randomEdit(tasks, next, created));
        const previousTasks = tasks;
        for (const edit of edits) tasks = tasks.batch(edit.upserts, edit.deletions);
        const what = `step ${step} (${edits.map((edit) => edit.what).join(', ')})`;
        const expected = computeLayout({ tasks, projects, people, config: boardConfig });
        const updated = updateLayout(layout, { tasks, previousTasks, projects, people, config: boardConfig });
        if (updated) {
          incremental++;
          expectSameLayout(updated, expected, what);
          expectCellIdentity(layout, updated, what);
          layout = updated; // chained, so any drift would show in a later step
        } else {
          layout = expected;
        }
      }
      // Fallbacks are for new or vanishing columns and lanes: rare, most changes must go the quick way.
      expect(incremental, 'changes applied incrementally').to.be.greaterThan(200);
    });
  }

  it('returns the same layout when no task changed', () => {
    const tasks = Table.from([makeTask('t-1')]);
    const input = { tasks, projects: Table.from([project()]), people: Table.from(PEOPLE), config: config() };
    const layout = computeLayout(input);
    expect(updateLayout(layout, { ...input, previousTasks: tasks })).to.equal(layout);
  });

  it('keeps untouched cells and moves a card to its rank in the new cell', () => {
    const before = Table.from([makeTask('t-1', { rank: 'b' }), makeTask('t-2', { rank: 'd', status: 'doing' }), makeTask('t-3', { rank: 'a', status: 'review' })]);
    const input = { tasks: before, projects: Table.from([project()]), people: Table.from(PEOPLE), config: config() };
    const layout = computeLayout(input);
    const tasks = before.set({ ...before.get('t-1')!, status: 'doing', rank: 'c' });
    const updated = updateLayout(layout, { ...input, tasks, previousTasks: before })!;
    expect(updated.cells.get(cellKey(SINGLE_LANE, 'doing'))).to.deep.equal(['t-1', 't-2']);
    expect(updated.cells.get(cellKey(SINGLE_LANE, 'todo'))).to.deep.equal([]);
    expect(updated.cells.get(cellKey(SINGLE_LANE, 'review'))).to.equal(layout.cells.get(cellKey(SINGLE_LANE, 'review')));
    expect(updated.cells.get(cellKey(SINGLE_LANE, 'done'))).to.equal(layout.cells.get(cellKey(SINGLE_LANE, 'done')));
    expect(updated.positions.get('t-2')).to.deep.equal({ laneKey: SINGLE_LANE, columnKey: 'doing', index: 1 });
    expect(updated.columns.map((column) => column.count)).to.deep.equal([0, 2, 1, 0]);
    // The previous layout is untouched.
    expect(layout.positions.get('t-1')).to.deep.equal({ laneKey: SINGLE_LANE, columnKey: 'todo', index: 0 });
    expect(layout.positions.get('t-2')).to.deep.equal({ laneKey: SINGLE_LANE, columnKey: 'doing', index: 0 });
    expect(layout.columns.map((column) => column.count)).to.deep.equal([1, 1, 1, 0]);
  });

  it('keeps the cell array when a change leaves the cell as it was', () => {
    const before = Table.from([makeTask('t-1', { rank: 'b' }), makeTask('t-2', { rank: 'd' })]);
    const input = { tasks: before, projects: Table.from([project()]), people: Table.from(PEOPLE), config: config() };
    const layout = computeLayout(input);
    const tasks = before.set({ ...before.get('t-1')!, title: 'Renamed' });
    const updated = updateLayout(layout, { ...input, tasks, previousTasks: before })!;
    expect(updated.cells).to.equal(layout.cells);
    expect(updated.positions).to.equal(layout.positions);
  });

  describe('falls back (undefined) when a full layout is needed', () => {
    const projects = Table.from([project('p-1', { memberIds: ['u-1'] })]);
    const people = Table.from(PEOPLE);
    // Tables of one lineage change in a line: a second change from the same table starts a new lineage
    // (`changedSince` then answers undefined), so each case derives from its own fresh table.
    const initial = () => Table.from([makeTask('t-1', { assigneeIds: ['u-1'] }), makeTask('t-2', { status: 'doing' })]);
    const attempt = (tasks: Table<Task>, extra: Partial<BoardConfig> = {}, previousTasks = tasks) => {
      const boardConfig = config(extra);
      const layout = computeLayout({ tasks: previousTasks, projects, people, config: boardConfig });
      return updateLayout(layout, { tasks, previousTasks, projects, people, config: boardConfig });
    };
    const edit = (previousTasks: Table<Task>, id: string, patch: Partial<Task>) => {
      const tasks = previousTasks.set({ ...previousTasks.get(id)!, ...patch });
      return { tasks, previousTasks };
    };
    const retry = ({ tasks, previousTasks }: { tasks: Table<Task>; previousTasks: Table<Task> }, extra: Partial<BoardConfig> = {}) =>
      attempt(tasks, extra, previousTasks);
    const moved = () => edit(initial(), 't-2', { status: 'review' });

    it('for the quick path itself (control)', () => {
      expect(retry(moved())).to.not.equal(undefined);
    });
    it('when the change log is unknown (another lineage)', () => {
      const { tasks, previousTasks } = moved();
      expect(attempt(Table.from(tasks.values()), {}, previousTasks)).to.equal(undefined);
    });
    it('for level top or leaves, and for lanes by parent', () => {
      expect(retry(moved(), { level: 'top' })).to.equal(undefined);
      expect(retry(moved(), { level: 'leaves' })).to.equal(undefined);
      expect(retry(moved(), { lanesBy: 'parent' })).to.equal(undefined);
    });
    it('when more than 64 tasks changed', () => {
      const many = initial();
      expect(attempt(many.batch(Array.from({ length: 65 }, (_, index) => makeTask(`x-${index}`))), {}, many)).to.equal(undefined);
      const enough = initial();
      expect(attempt(enough.batch(Array.from({ length: 64 }, (_, index) => makeTask(`x-${index}`))), {}, enough)?.shown).to.equal(66);
    });
    it('when the "No status" column appears or disappears', () => {
      expect(retry(edit(initial(), 't-2', { status: 'lost' }))).to.equal(undefined);
      const lost = edit(initial(), 't-2', { status: 'lost' }).tasks;
      expect(retry(edit(lost, 't-2', { status: 'todo' }))).to.equal(undefined);
      // While another task stays there, the column stays and the quick path works.
      const twoLost = edit(lost, 't-1', { status: 'lost' }).tasks;
      const layout = retry(edit(twoLost, 't-2', { status: 'done' }))!;
      expect(layout.columns.at(-1)).to.include({ key: NO_STATUS, count: 1 });
    });
    it('when a person who is no member gets or loses a column or lane', () => {
      expect(retry(edit(initial(), 't-2', { assigneeIds: ['u-3'] }), { columnsBy: 'assignee' })).to.equal(undefined);
      expect(retry(edit(initial(), 't-2', { assigneeIds: ['u-3'] }), { lanesBy: 'assignee' })).to.equal(undefined);
      const outsider = edit(initial(), 't-2', { assigneeIds: ['u-3'] }).tasks;
      expect(retry(edit(outsider, 't-2', { assigneeIds: [] }), { lanesBy: 'assignee' })).to.equal(undefined);
      // Without assignee grouping nobody's column is at stake.
      expect(retry(edit(initial(), 't-2', { assigneeIds: ['u-3'] }))).to.not.equal(undefined);
    });
  });

  it('costs well under a millisecond per remote change at 10,000 tasks', () => {
    const { tasks: items, projects: projectList, people: peopleList } = bigBoard(10_000);
    const projects = Table.from(projectList);
    const people = Table.from(peopleList);
    const statuses = projectList[0]!.workflow.statuses.map((status) => status.id);
    for (const lanesBy of ['none', 'assignee'] as const) {
      const boardConfig = config({ projectIds: [projectList[0]!.id], lanesBy });
      let tasks = Table.from(items);
      let layout = computeLayout({ tasks, projects, people, config: boardConfig });
      const next = random(5);
      const times: number[] = [];
      const lookups: number[] = [];
      let fallbacks = 0;
      for (let run = 0; run < 300; run++) {
        const id = items[Math.floor(next() * items.length)]!.id;
        const current = tasks.get(id)!;
        const previousTasks = tasks;
        tasks = tasks.set({ ...current, status: pick(next, statuses), version: current.version + 1 });
        const start = performance.now();
        const updated = updateLayout(layout, { tasks, previousTasks, projects, people, config: boardConfig });
        times.push(performance.now() - start);
        if (!updated) {
          fallbacks++;
          layout = computeLayout({ tasks, projects, people, config: boardConfig });
          continue;
        }
        layout = updated;
        // What the board asks next (the moved card's place) builds that cell's index once.
        const lookup = performance.now();
        expect(layout.positions.get(id)?.columnKey).to.equal(tasks.get(id)!.status);
        lookups.push(performance.now() - lookup);
      }
      times.sort((a, b) => a - b);
      lookups.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)]!;
      const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
      const p95 = times[Math.floor(times.length * 0.95)]!;
      console.log(
        `updateLayout, 10,000 tasks x 8 statuses, lanes ${lanesBy}, one status change: mean ${mean.toFixed(3)} ms, median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms, ` +
          `max ${times.at(-1)!.toFixed(3)} ms; first position look-up in the changed cell: median ${lookups[Math.floor(lookups.length / 2)]!.toFixed(3)} ms; fallbacks ${fallbacks}`,
      );
      expect(fallbacks).to.be.lessThan(30);
      expect(median).to.be.lessThan(0.5);
      expect(p95).to.be.lessThan(1);
    }
  });
});
