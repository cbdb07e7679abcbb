import {
  checkTransition,
  checkWipLimit,
  rankBetween,
  wouldCreateParentCycle,
  type Id,
  type Patch,
  type Priority,
  type Project,
  type Table,
  type Task,
} from '@cwm/core';
import { NO_VALUE, type BoardConfig, type ColumnField, type LaneField } from './board-config.js';
import { cellKey, statusCountKey, type BoardLayout, type BoardPosition } from './board-layout.js';
import { tasksInStatus } from './wip-state.js';

/** A place on the board: a cell and a slot in it. */
export interface CellTarget {
  readonly laneKey: string;
  readonly columnKey: string;
  readonly index: number;
}

/** One task's change in a move. */
export interface MoveChange {
  readonly id: Id;
  readonly patch: Patch<'tasks'>;
}

/** Why a move is refused; the element localizes by code and may show `reason` as is. */
export type MoveRefusalCode = 'not-droppable' | 'cross-project' | 'transition' | 'wip-limit' | 'unknown-status';

/**
 * The outcome of planning a drop. `ok` with the patches to send (`store.updateTasks(changes, 'task.move')`),
 * where the first card came `from` and where it will be (`to.index` counts the cards that stay); an
 * empty `changes` means the drop changes nothing. Otherwise a refusal with a code and an English sentence.
 */
export type MovePlan =
  | { readonly ok: true; readonly changes: readonly MoveChange[]; readonly from: CellTarget; readonly to: CellTarget }
  | { readonly ok: false; readonly code: MoveRefusalCode; readonly reason: string };

export interface MoveInput {
  readonly layout: BoardLayout;
  readonly tasks: Table<Task>;
  readonly projects: Table<Project>;
  readonly config: BoardConfig;
  /** The cards moved, in the order they should land in. */
  readonly ids: readonly Id[];
  readonly target: CellTarget;
  /**
   * What `target.index` counts: `all` (default) is the slot as the user sees the cell before the move,
   * the moving cards included (a drop indicator's index); `staying` counts only the cards that stay.
   */
  readonly indexCounts?: 'all' | 'staying';
}

type MutablePatch = { -readonly [K in keyof Patch<'tasks'>]: Patch<'tasks'>[K] };
type Refusal = Extract<MovePlan, { ok: false }>;

/**
 * Plans dropping `ids` at `target`: the field changes the target cell implies (status, assignee,
 * priority, parent), fresh ranks between the neighbours that stay so the cards land exactly where and
 * in the order they were dropped, and the workflow's verdict (transitions, blocking WIP limits) per
 * project, so the board can say why a drop is refused while the card is still being dragged.
 * Non-blocking WIP limits never refuse; `wipState` shows them.
 */
export function planMove(input: MoveInput): MovePlan {
  const { layout, tasks, target } = input;
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) return refuse('not-droppable', 'There is nothing to move.');
  const column = layout.columns.find((candidate) => candidate.key === target.columnKey);
  const lane = layout.lanes.find((candidate) => candidate.key === target.laneKey);
  if (!column || !lane) return refuse('not-droppable', 'That place is not on the board.');
  if (!column.droppable) {
    return refuse('not-droppable', 'Tasks cannot be put into "No status": drop them on a status of the workflow.');
  }

  const moving: { task: Task; position: BoardPosition }[] = [];
  for (const id of ids) {
    const task = tasks.get(id);
    const position = layout.positions.get(id);
    if (!task || !position) return refuse('not-droppable', `Task ${id} is not on the board.`);
    moving.push({ task, position });
  }

  const targetCell = cellKey(lane.key, column.key);
  const cell = layout.cells.get(targetCell) ?? [];
  const movingIds = new Set(ids);
  const staying = cell.filter((id) => !movingIds.has(id));
  const slot = stayingSlot(cell, staying, movingIds, target.index, input.indexCounts ?? 'all');
  const first = moving[0]!.position;
  const from: CellTarget = { laneKey: first.laneKey, columnKey: first.columnKey, index: first.index };
  const to: CellTarget = { laneKey: lane.key, columnKey: column.key, index: slot };

  if (moving.every(({ position }) => cellKey(position.laneKey, position.columnKey) === targetCell)) {
    const after = [...staying.slice(0, slot), ...ids, ...staying.slice(slot)];
    if (after.every((id, index) => cell[index] === id)) return { ok: true, changes: [], from, to };
  }

  const planned: { task: Task; patch: MutablePatch }[] = [];
  const entering = new Map<string, number>();
  for (const { task, position } of moving) {
    const patch: MutablePatch = {};
    const refusal =
      changeField(input.config.columnsBy, position.columnKey, column.key, task, patch, tasks) ??
      changeField(input.config.lanesBy, position.laneKey, lane.key, task, patch, tasks) ??
      checkWorkflow(task, patch, input, entering);
    if (refusal) return refusal;
    planned.push({ task, patch });
  }

  const lower = rankOf(tasks, staying[slot - 1]);
  const upper = rankOf(tasks, staying[slot]);
  let rank = lower;
  const changes = planned.map(({ task, patch }) => {
    rank = safeRankBetween(rank, upper);
    return { id: task.id, patch: { ...patch, rank } };
  });
  return { ok: true, changes, from, to };
}

/** The index among the staying cards that a drop at `index` means. */
function stayingSlot(
  cell: readonly Id[],
  staying: readonly Id[],
  movingIds: ReadonlySet<Id>,
  index: number,
  counts: 'all' | 'staying',
): number {
  const whole = Number.isFinite(index) ? Math.trunc(index) : cell.length;
  if (counts === 'staying') return clamp(whole, 0, staying.length);
  const visible = clamp(whole, 0, cell.length);
  let slot = 0;
  for (let i = 0; i < visible; i++) if (!movingIds.has(cell[i]!)) slot++;
  return slot;
}

/** Writes into `patch` what moving from one group of `field` to another changes, or refuses. */
function changeField(
  field: ColumnField | LaneField,
  fromKey: string,
  toKey: string,
  task: Task,
  patch: MutablePatch,
  tasks: Table<Task>,
): Refusal | undefined {
  if (fromKey === toKey) return undefined;
  switch (field) {
    case 'status':
      patch.status = toKey;
      return undefined;
    case 'priority':
      patch.priority = toKey as Priority;
      return undefined;
    case 'assignee':
      patch.assigneeIds = replacePerson(patch.assigneeIds ?? task.assigneeIds, fromKey, toKey);
      return undefined;
    case 'project':
      return refuse('cross-project', `"${task.title}" belongs to another project; tasks cannot move between projects on the board.`);
    case 'parent':
      return changeParent(task, toKey, patch, tasks);
    case 'none':
      return undefined;
  }
}

/**
 * The source person gives way to the target one at the same place in the list, so the task lands in
 * the target's column (a task sits with its first assignee). Dropped on "Unassigned", the task is
 * unassigned: it lands where it was dropped, not in a co-assignee's column.
 */
function replacePerson(assigneeIds: readonly Id[], fromKey: string, toKey: string): Id[] {
  if (toKey === NO_VALUE) return [];
  const result: Id[] = [];
  let placed = toKey === NO_VALUE;
  for (const id of assigneeIds) {
    if (id === fromKey) {
      if (!placed) result.push(toKey);
      placed = true;
    } else if (id !== toKey) {
      result.push(id);
    }
  }
  if (!placed) result.unshift(toKey);
  return result;
}

function changeParent(task: Task, toKey: string, patch: MutablePatch, tasks: Table<Task>): Refusal | undefined {
  if (toKey === NO_VALUE) {
    patch.parentId = undefined;
    return undefined;
  }
  const parent = tasks.get(toKey);
  if (!parent) return refuse('not-droppable', 'That parent task is not loaded.');
  if (parent.projectId !== task.projectId) {
    return refuse('cross-project', `"${task.title}" cannot become a subtask of "${parent.title}", which belongs to another project.`);
  }
  if (wouldCreateParentCycle((id) => tasks.get(id), task.id, toKey)) {
    return refuse('not-droppable', `"${task.title}" cannot be placed under itself or one of its own subtasks.`);
  }
  patch.parentId = toKey;
  return undefined;
}

/** The workflow's answer for a status change, counting the cards of this drop that enter first. */
function checkWorkflow(task: Task, patch: MutablePatch, input: MoveInput, entering: Map<string, number>): Refusal | undefined {
  if (patch.status === undefined || patch.status === task.status) return undefined;
  const project = input.projects.get(task.projectId);
  if (!project) return refuse('unknown-status', `The project of "${task.title}" is not loaded, so its statuses are unknown.`);
  const denial = checkTransition(project, task.status, patch.status);
  if (denial) return refuse(denial.code, denial.reason);
  const key = statusCountKey(project.id, patch.status);
  const arriving = entering.get(key) ?? 0;
  const wip = checkWipLimit(project, patch.status, tasksInStatus(input.layout, project.id, patch.status) + arriving);
  if (wip.blocking) return refuse('wip-limit', wip.reason ?? 'The column is at its limit.');
  entering.set(key, arriving + 1);
  return undefined;
}

function rankOf(tasks: Table<Task>, id: Id | undefined): string | undefined {
  return id === undefined ? undefined : tasks.get(id)?.rank;
}

const RANK = /^[0-9a-z]*$/;

/**
 * `rankBetween`, ignoring a neighbour whose rank is not a valid rank (bad backend data) rather than
 * failing the drop; the order next to that neighbour is then approximate.
 */
function safeRankBetween(lower: string | undefined, upper: string | undefined): string {
  const valid = (rank: string | undefined): string | undefined => (rank !== undefined && RANK.test(rank) ? rank : undefined);
  return rankBetween(valid(lower), valid(upper));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function refuse(code: MoveRefusalCode, reason: string): Refusal {
  return { ok: false, code, reason };
}
