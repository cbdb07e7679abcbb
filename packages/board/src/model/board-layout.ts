import type { Id, Person, Project, StatusCategory, Table, Task, WorkflowStatus } from '@cwm/core';
import type { BoardConfig } from './board-config.js';
import { MATCH_ALL } from './filter.js';
import { byRankThenId, createGrouping, type Group, type GroupingContext } from './grouping.js';
import { LayoutPositions, type CellSlot } from './layout-positions.js';
import { compileBoardMatch } from './scope.js';

/** One column of the board. */
export interface BoardColumn {
  /** Status id, person id, priority or project id; or `NO_STATUS` / `NO_VALUE`. */
  readonly key: string;
  /** Status name, person name, priority id, project name; `''` for `NO_STATUS`/`NO_VALUE` (the element localizes). */
  readonly label: string;
  readonly kind: 'value' | 'no-status' | 'no-value';
  /** For status columns. */
  readonly category?: StatusCategory;
  /** For status columns with a limit (on a portfolio board: the first project's that sets one). */
  readonly wipLimit?: number;
  readonly wipPolicy?: 'warn' | 'block';
  /** Shown tasks in the column (after filtering), over all lanes. */
  readonly count: number;
  /** False for `NO_STATUS`: a task can be moved out of it but never into it. */
  readonly droppable: boolean;
}

/** One swimlane of the board. */
export interface BoardLane {
  readonly key: string;
  /** Person name, priority id, parent title, project name; `''` for `NO_VALUE` and the single lane. */
  readonly label: string;
  readonly kind: 'value' | 'no-value' | 'single';
  /** Shown tasks in the lane, over all columns. */
  readonly count: number;
}

/** Where a shown task sits. */
export interface BoardPosition {
  readonly laneKey: string;
  readonly columnKey: string;
  readonly index: number;
}

/**
 * Task counts WIP limits are about: every task of the board's projects, whatever the filters and the
 * level, because the store enforces limits on all of them. Filled only when columns are statuses.
 */
export interface WipCounts {
  /** Per status column key. */
  readonly columns: ReadonlyMap<string, number>;
  /** Per `cellKey(lane, column)`. */
  readonly cells: ReadonlyMap<string, number>;
  /** Per `statusCountKey(projectId, status)`: what one project's limit is checked against. */
  readonly statuses: ReadonlyMap<string, number>;
}

/** Everything the board renders, computed from the data and the configuration. */
export interface BoardLayout {
  readonly columns: readonly BoardColumn[];
  readonly lanes: readonly BoardLane[];
  /** Task ids per cell in rank order; key from `cellKey(lane, column)`; every cell of lanes x columns exists (possibly empty). */
  readonly cells: ReadonlyMap<string, readonly Id[]>;
  /** Where each shown task is: lane, column, index. */
  readonly positions: ReadonlyMap<Id, BoardPosition>;
  /** Tasks shown. */
  readonly shown: number;
  /** Tasks of the board's projects before filtering. */
  readonly total: number;
  readonly wip: WipCounts;
}

export interface LayoutInput {
  readonly tasks: Iterable<Task>;
  readonly projects: Table<Project>;
  readonly people: Table<Person>;
  readonly config: BoardConfig;
}

// A control character cannot appear in a key a person typed, so joined keys never collide.
const SEPARATOR = '\u001f';

/** The key of one cell in `BoardLayout.cells`. */
export function cellKey(laneKey: string, columnKey: string): string {
  return laneKey + SEPARATOR + columnKey;
}

/** The key of one project's status in `WipCounts.statuses`. */
export function statusCountKey(projectId: Id, status: string): string {
  return projectId + SEPARATOR + status;
}

/**
 * Lays the board out: which columns and lanes exist, which shown tasks sit in each cell and in which
 * order. A pure function of its input, linear in the number of tasks apart from sorting each cell.
 */
export function computeLayout(input: LayoutInput): BoardLayout {
  const { config } = input;
  const onBoard = new Set(config.projectIds);
  const statuses = new Map<Id, ReadonlyMap<string, WorkflowStatus>>();
  for (const id of config.projectIds) {
    const project = input.projects.get(id);
    if (project) statuses.set(id, new Map(project.workflow.statuses.map((status) => [status.id, status])));
  }

  const boardTasks: Task[] = [];
  const parentIds = new Set<Id>();
  for (const task of input.tasks) {
    if (!onBoard.has(task.projectId)) continue;
    boardTasks.push(task);
    if (task.parentId !== undefined) parentIds.add(task.parentId);
  }

  const context: GroupingContext = {
    projectIds: config.projectIds,
    projects: input.projects,
    people: input.people,
    statuses,
    ...(config.lanesBy === 'parent' ? { taskById: parentsById(boardTasks, parentIds) } : {}),
  };
  const columnGrouping = createGrouping(config.columnsBy, context);
  const laneGrouping = createGrouping(config.lanesBy, context);
  const matches = compileBoardMatch(config, { projects: input.projects, tasks: input.tasks });
  const level = config.level ?? 'all';
  const trackWip = config.columnsBy === 'status';
  // Without filters every task is shown, and the WIP counts are the cell sizes: no second count.
  const everyTaskShown = level === 'all' && matches === MATCH_ALL;
  const wipColumns = new Map<string, number>();
  const wipCells = new Map<string, number>();
  const wipStatuses = new Map<Id, Map<string, number>>();

  const shown: Task[] = [];
  const shownCells: string[] = [];
  const usedColumns = new Set<string>();
  const usedLanes = new Set<string>();
  for (const task of boardTasks) {
    const show =
      (level === 'all' || (level === 'top' ? task.parentId === undefined : !parentIds.has(task.id))) && matches(task);
    if (!show && !trackWip) continue;
    const columnKey = columnGrouping.keyOf(task);
    const key = cellKey(laneGrouping.keyOf(task), columnKey);
    if (trackWip) {
      let byStatus = wipStatuses.get(task.projectId);
      if (!byStatus) wipStatuses.set(task.projectId, (byStatus = new Map()));
      byStatus.set(task.status, (byStatus.get(task.status) ?? 0) + 1);
      if (!everyTaskShown) {
        wipColumns.set(columnKey, (wipColumns.get(columnKey) ?? 0) + 1);
        wipCells.set(key, (wipCells.get(key) ?? 0) + 1);
      }
    }
    if (!show) continue;
    columnGrouping.collect(task, usedColumns);
    laneGrouping.collect(task, usedLanes);
    shown.push(task);
    shownCells.push(key);
  }

  const columnGroups = columnGrouping.groups(usedColumns);
  const laneGroups = laneGrouping.groups(usedLanes);
  const buckets = new Map<string, Task[]>();
  for (const lane of laneGroups) for (const column of columnGroups) buckets.set(cellKey(lane.key, column.key), []);
  for (let i = 0; i < shown.length; i++) buckets.get(shownCells[i]!)?.push(shown[i]!);

  const cells = new Map<string, readonly Id[]>();
  const slots = new Map<string, CellSlot>();
  const columnCounts = new Map<string, number>();
  const laneCounts = new Map<string, number>();
  for (const lane of laneGroups) {
    for (const column of columnGroups) {
      const key = cellKey(lane.key, column.key);
      const tasks = buckets.get(key)!.sort(byRankThenId);
      const ids = new Array<Id>(tasks.length);
      for (let index = 0; index < tasks.length; index++) ids[index] = tasks[index]!.id;
      cells.set(key, ids);
      slots.set(key, { key, laneKey: lane.key, columnKey: column.key });
      columnCounts.set(column.key, (columnCounts.get(column.key) ?? 0) + ids.length);
      laneCounts.set(lane.key, (laneCounts.get(lane.key) ?? 0) + ids.length);
      if (trackWip && everyTaskShown) wipCells.set(key, ids.length);
    }
  }
  if (trackWip && everyTaskShown) for (const [key, count] of columnCounts) wipColumns.set(key, count);
  const statusCounts = new Map<string, number>();
  for (const [projectId, byStatus] of wipStatuses) {
    for (const [status, count] of byStatus) statusCounts.set(statusCountKey(projectId, status), count);
  }

  return {
    columns: columnGroups.map((group) => toColumn(group, columnCounts.get(group.key) ?? 0)),
    lanes: laneGroups.map((group) => toLane(group, laneCounts.get(group.key) ?? 0)),
    cells,
    // Looked up through the cells, so `updateLayout` can move one card without copying every position.
    positions: LayoutPositions.fromCells(cells, slots),
    shown: shown.length,
    total: boardTasks.length,
    wip: { columns: wipColumns, cells: wipCells, statuses: statusCounts },
  };
}

/** The parent tasks among the board's tasks, by id. Only parents: parent lanes need nothing else. */
function parentsById(tasks: readonly Task[], parentIds: ReadonlySet<Id>): Map<Id, Task> {
  const parents = new Map<Id, Task>();
  for (const task of tasks) if (parentIds.has(task.id)) parents.set(task.id, task);
  return parents;
}

function toColumn(group: Group, count: number): BoardColumn {
  const kind = group.kind === 'no-status' || group.kind === 'no-value' ? group.kind : 'value';
  return {
    key: group.key,
    label: group.label,
    kind,
    ...(group.category !== undefined ? { category: group.category } : {}),
    ...(group.wipLimit !== undefined ? { wipLimit: group.wipLimit, wipPolicy: group.wipPolicy ?? 'warn' } : {}),
    count,
    droppable: kind !== 'no-status',
  };
}

function toLane(group: Group, count: number): BoardLane {
  const kind = group.kind === 'single' || group.kind === 'no-value' ? group.kind : 'value';
  return { key: group.key, label: group.label, kind, count };
}
