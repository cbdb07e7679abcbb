// Pure arithmetic of the workload grid: which rows are in view, where the keyboard goes next and
// which people and tasks a set of projects brings in. No DOM here, so it is tested without layout.
import type { Id, Person, StoreState, Task } from '@cwm/core';
import { compareText } from '../model/collections.js';

/** A half-open range of row indexes `[first, end)`. */
export interface RowRange {
  readonly first: number;
  readonly end: number;
}

/**
 * Rows to render for a scroll position: those in the viewport plus `overscan` on each side, so fast
 * scrolling shows no gaps. Every row has the same height, so this is arithmetic, not measurement.
 */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan: number): RowRange {
  if (total <= 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const end = Math.min(total, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { first: Math.min(first, total), end: Math.max(end, Math.min(first, total)) };
}

/** A cell of the grid body: a person's row and a week's column, both from 0. */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

/** What a key press may use to move: the grid's size and how many rows a page holds. */
export interface GridBounds {
  readonly rows: number;
  readonly cols: number;
  readonly pageRows: number;
}

/**
 * Where a navigation key moves the active cell (the grid pattern of WAI-ARIA): arrows by one cell,
 * Home / End to the row's ends (with Ctrl, to the grid's corners), Page Up / Down by a page of rows.
 * Moves stop at the edges. Answers `undefined` for keys that do not navigate.
 */
export function moveCell(from: CellPosition, key: string, ctrl: boolean, bounds: GridBounds): CellPosition | undefined {
  if (bounds.rows <= 0 || bounds.cols <= 0) return undefined;
  const lastRow = bounds.rows - 1;
  const lastCol = bounds.cols - 1;
  const page = Math.max(1, bounds.pageRows);
  const clamp = (row: number, col: number): CellPosition => ({
    row: Math.min(lastRow, Math.max(0, row)),
    col: Math.min(lastCol, Math.max(0, col)),
  });
  switch (key) {
    case 'ArrowUp':
      return clamp(from.row - 1, from.col);
    case 'ArrowDown':
      return clamp(from.row + 1, from.col);
    case 'ArrowLeft':
      return clamp(from.row, from.col - 1);
    case 'ArrowRight':
      return clamp(from.row, from.col + 1);
    case 'Home':
      return ctrl ? clamp(0, 0) : clamp(from.row, 0);
    case 'End':
      return ctrl ? clamp(lastRow, lastCol) : clamp(from.row, lastCol);
    case 'PageUp':
      return clamp(from.row - page, from.col);
    case 'PageDown':
      return clamp(from.row + page, from.col);
    default:
      return undefined;
  }
}

/**
 * The scroll position that brings `row` fully into the band between a sticky header and footer, or
 * `scrollTop` itself when it is already there. `rowTop` is measured from the top of the body rows.
 */
export function scrollTopToShow(row: number, rowHeight: number, scrollTop: number, viewportHeight: number, headerHeight: number, footerHeight: number): number {
  const rowTop = row * rowHeight;
  const band = Math.max(rowHeight, viewportHeight - headerHeight - footerHeight);
  if (rowTop < scrollTop) return rowTop;
  if (rowTop + rowHeight > scrollTop + band) return rowTop + rowHeight - band;
  return scrollTop;
}

/** Project ids from a comma-separated attribute; empty means every project. */
export function parseProjectIds(value: string): Id[] {
  return value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/** The people and tasks a workload covers. */
export interface WorkloadScope {
  readonly people: readonly Person[];
  readonly tasks: readonly Task[];
}

/**
 * The tasks of the given projects (all tasks when none is given) and the people to show: with no
 * project filter everyone in the workspace; with one, the projects' members and anyone assigned to
 * one of their tasks (an outside helper still has hours). People are ordered by name, then id, so
 * rows do not jump when someone's data changes.
 */
export function workloadScope(state: Pick<StoreState, 'people' | 'projects' | 'tasks'>, projectIds: readonly Id[]): WorkloadScope {
  if (projectIds.length === 0) {
    return { people: sortByName(state.people.values()), tasks: state.tasks.values() };
  }
  const wanted = new Set(projectIds);
  const tasks = state.tasks.filter((task) => wanted.has(task.projectId));
  const ids = new Set<Id>();
  for (const id of projectIds) for (const member of state.projects.get(id)?.memberIds ?? []) ids.add(member);
  for (const task of tasks) for (const assignee of task.assigneeIds) ids.add(assignee);
  const people: Person[] = [];
  for (const id of ids) {
    const person = state.people.get(id);
    if (person !== undefined) people.push(person);
  }
  return { people: sortByName(people), tasks };
}

function sortByName(people: Person[]): Person[] {
  return people.sort((a, b) => a.name.localeCompare(b.name) || compareText(a.id, b.id));
}

/** The groups of `people` (`Person.group`), each once, in alphabetical order. */
export function groupsOf(people: readonly Person[]): string[] {
  const groups = new Set<string>();
  for (const person of people) if (person.group !== undefined && person.group !== '') groups.add(person.group);
  return [...groups].sort((a, b) => a.localeCompare(b));
}

/**
 * The scope narrowed to one group's people (empty `group`: unchanged). The tasks stay: the workload
 * only counts hours of the people shown, so a task shared with someone outside the group still puts
 * the group member's share in their row and nothing else.
 */
export function scopeOfGroup(scope: WorkloadScope, group: string): WorkloadScope {
  if (group === '') return scope;
  return { people: scope.people.filter((person) => person.group === group), tasks: scope.tasks };
}
