import {
  computeWorkload,
  type Id,
  type IsoDate,
  type Person,
  type PermissionResult,
  type Task,
  type WorkCalendar,
  type Workflow,
} from '@cwm/core';

/** A person the assignee list offers, with whether the current user may change them. */
export interface PersonOption {
  readonly person: Person;
  /** Already on the task. */
  readonly selected: boolean;
  /** The policy's answer for adding (or removing) this person; a denial carries its reason. */
  readonly permission: PermissionResult;
}

/**
 * The people (kind `person`) who may be assigned, in the given order, each with the policy's answer
 * for assigning or unassigning them. Assignees no longer in the workspace are kept at the end as
 * placeholders, so they can still be removed.
 */
export function assigneeOptions(people: readonly Person[], task: Task, can: (person: Person) => PermissionResult): PersonOption[] {
  const assigned = new Set(task.assigneeIds);
  return people
    .filter((person) => person.kind === 'person')
    .map((person) => ({ person, selected: assigned.has(person.id), permission: can(person) }));
}

/** The resources (kind `resource`: rooms, machines, licences) of the workspace and whether each is booked. */
export function resourceOptions(people: readonly Person[], task: Task): { readonly resource: Person; readonly booked: boolean }[] {
  const booked = new Set(task.resourceIds);
  return people.filter((person) => person.kind === 'resource').map((resource) => ({ resource, booked: booked.has(resource.id) }));
}

/** `ids` with `id` added (at the end, once) or removed: the list patch for assignees, followers, resources. */
export function toggledIds(ids: readonly Id[], id: Id, on: boolean): Id[] {
  const without = ids.filter((existing) => existing !== id);
  return on ? [...without, id] : without;
}

/** One person's planned hours in the week shown. */
export interface WeekLoad {
  readonly allocated: number;
  readonly capacity: number;
  readonly overAllocated: boolean;
}

/**
 * Each listed person's load in the ISO week containing `day`, from core's `computeWorkload` over all
 * `tasks` (work on other projects counts: a person has one week). People not in `people` get nothing.
 */
export function weekLoads(
  tasks: readonly Task[],
  people: readonly Person[],
  personIds: readonly Id[],
  day: IsoDate,
  calendar: WorkCalendar | undefined,
  workflowOf: (projectId: Id) => Workflow | undefined,
): Map<Id, WeekLoad> {
  const wanted = new Set(personIds);
  const listed = people.filter((person) => wanted.has(person.id));
  const loads = new Map<Id, WeekLoad>();
  if (listed.length === 0) return loads;
  const report = computeWorkload(tasks, listed, { from: day, weeks: 1, workflowOf, ...(calendar ? { calendar } : {}) });
  for (const row of report.rows) {
    const cell = row.cells[0];
    if (cell) loads.set(row.personId, { allocated: cell.allocated, capacity: cell.capacity, overAllocated: cell.overAllocated });
  }
  return loads;
}

/** Hours rounded for reading: whole hours from 10 up, one decimal below (a 0.4 h load is not 0). */
export function roundHours(hours: number): number {
  return hours >= 10 ? Math.round(hours) : Math.round(hours * 10) / 10;
}
