import {
  buildHierarchy,
  parseIsoDate,
  parseIsoDateTime,
  type ActivityEntry,
  type Id,
  type IsoDate,
  type IsoDateTime,
  type Person,
  type Project,
  type StatusCategory,
  type Task,
} from '@cwm/core';

const MS_PER_DAY = 86_400_000;

/**
 * Hourly rates, in integer MINOR units of `currency` per hour (5250 = 52.50 EUR an hour), so no
 * decimal money ever enters the computation.
 */
export interface PayRates {
  /** Rate of everyone without an entry in `byPerson`. */
  readonly default: number;
  readonly byPerson?: Readonly<Record<Id, number>>;
  /** ISO 4217 code, carried into the report and the CSV (`EUR`). */
  readonly currency: string;
}

export interface PayReportInput {
  readonly tasks: readonly Task[];
  /** The activity log of the projects concerned, in any order. */
  readonly activity: readonly ActivityEntry[];
  readonly people: readonly Person[];
  /** Their workflows decide which statuses are "done". */
  readonly projects: readonly Project[];
  /**
   * First moment of the period: a day (`2026-11-01`, from 00:00 UTC) or an instant with a zone
   * (`2026-11-01T00:00+01:00`, for a period in local time).
   */
  readonly from: IsoDate | IsoDateTime;
  /** Last moment of the period, inclusive: a day (up to its end, UTC) or an instant with a zone. */
  readonly to: IsoDate | IsoDateTime;
  readonly rates: PayRates;
}

/** One person's share of one completed task. */
export interface PayLine {
  readonly taskId: Id;
  readonly title: string;
  readonly projectId: Id;
  /** The project's name, or its id when the project is not among the input projects. */
  readonly projectName: string;
  readonly personId: Id;
  /** When the task first moved into a done-category status (the `at` of that log entry). */
  readonly completedAt: IsoDateTime;
  /** The task's whole estimate in hours; `undefined` when it has none (then hours and amount are 0). */
  readonly estimate: number | undefined;
  /** How many people share the task (this line is `1 / sharedBy` of it). */
  readonly sharedBy: number;
  /** This person's hours: `estimate / sharedBy`. */
  readonly hours: number;
  /** Rate applied, minor units per hour. */
  readonly rate: number;
  /** `hours * rate`, rounded to a whole minor unit (half up). */
  readonly amount: number;
  /** The task left the done categories again before the end of the period (review it, it is still paid). */
  readonly reopened: boolean;
}

/** Everything one person is paid for in the period. */
export interface PayPersonTotal {
  readonly personId: Id;
  /** The person's name, or the id for an assignee not among the input people. */
  readonly name: string;
  /** Lines ordered by completion time, then task id. */
  readonly lines: readonly PayLine[];
  readonly tasks: number;
  readonly hours: number;
  /** Sum of the lines' rounded amounts, so the report adds up exactly. */
  readonly amount: number;
}

export interface PayReport {
  /** The period as given. */
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  /** Known people in input order (only those with lines), then unknown assignees by id. */
  readonly people: readonly PayPersonTotal[];
  /** Completed tasks paid (each counted once however many people share it), hours and amount overall. */
  readonly totals: { readonly tasks: number; readonly hours: number; readonly amount: number };
  /** Completed in the period without an estimate: paid 0, listed so nobody is silently unpaid. */
  readonly unestimated: readonly Id[];
  /** Completed in the period with nobody (no person, only resources) assigned: paid to nobody. */
  readonly unassigned: readonly Id[];
}

/**
 * Pay from work done: the tasks completed in a period, per person, priced at an hourly rate.
 *
 * Rules (the ones a payroll clerk will ask about):
 * - Completed = the task's FIRST move into a done-category status of its project's workflow (from a
 *   non-done or unknown status, or created straight into done), read from `activity` status changes.
 *   A task counts in the period that holds that moment, so a task reopened and completed again is paid
 *   once, and a report over a past period does not change when the task is reopened later.
 *   Lines of tasks that left done again before the end of the period are flagged `reopened`.
 * - Only leaf tasks are paid (a parent with subtasks is paid through them, as in computeWorkload);
 *   tasks no longer in `tasks` (deleted) are left out.
 * - Hours are the task's estimate, split evenly among its distinct current assignees, leaving out
 *   people of kind `resource` (machines are not paid). Assignees missing from `people` are paid under
 *   their id rather than dropped.
 * - Money is integer minor units: each line is `round(estimate * rate / sharedBy)`, half up, and every
 *   total is the sum of rounded lines, so the CSV adds up to the cent.
 *
 * Throws a `RangeError` when `from` or `to` is neither a day nor an instant with a zone.
 */
export function payReport(input: PayReportInput): PayReport {
  const from = periodStart(input.from);
  const to = periodEnd(input.to);
  const completions = firstCompletions(input.activity, input.projects, to);

  const { children } = buildHierarchy(input.tasks);
  const peopleById = new Map(input.people.map((person) => [person.id, person]));
  const projectNames = new Map(input.projects.map((project) => [project.id, project.name]));
  const linesByPerson = new Map<Id, PayLine[]>();
  const unestimated: Id[] = [];
  const unassigned: Id[] = [];
  let paidTasks = 0;

  for (const task of input.tasks) {
    const completion = completions.get(task.id);
    if (completion === undefined || completion.time < from || children.has(task.id)) continue;
    const payees = [...new Set(task.assigneeIds)].filter((id) => peopleById.get(id)?.kind !== 'resource');
    if (payees.length === 0) {
      unassigned.push(task.id);
      continue;
    }
    const estimate = validEstimate(task.estimate);
    if (estimate === undefined) unestimated.push(task.id);
    paidTasks++;
    for (const personId of payees) {
      const rate = input.rates.byPerson?.[personId] ?? input.rates.default;
      const line: PayLine = {
        taskId: task.id,
        title: task.title,
        projectId: task.projectId,
        projectName: projectNames.get(task.projectId) ?? task.projectId,
        personId,
        completedAt: completion.at,
        estimate,
        sharedBy: payees.length,
        hours: (estimate ?? 0) / payees.length,
        rate,
        amount: roundMinor(((estimate ?? 0) * rate) / payees.length),
        reopened: completion.reopened,
      };
      let lines = linesByPerson.get(personId);
      if (lines === undefined) linesByPerson.set(personId, (lines = []));
      lines.push(line);
    }
  }

  const people = orderedPayees(input.people, linesByPerson).map(([personId, lines]) =>
    personTotal(personId, peopleById.get(personId)?.name ?? personId, lines, completions),
  );
  return {
    from: input.from,
    to: input.to,
    currency: input.rates.currency,
    people,
    totals: {
      tasks: paidTasks,
      hours: people.reduce((sum, person) => sum + person.hours, 0),
      amount: people.reduce((sum, person) => sum + person.amount, 0),
    },
    unestimated,
    unassigned,
  };
}

/** When a task was first completed, and whether it was out of done again at the end of the period. */
interface Completion {
  readonly at: IsoDateTime;
  readonly time: number;
  readonly reopened: boolean;
}

/**
 * First completion of every task completed on or before `to`, replaying status changes in time order
 * (entries with the same instant keep their input order). Entries with an unreadable `at` are skipped.
 */
function firstCompletions(activity: readonly ActivityEntry[], projects: readonly Project[], to: number): Map<Id, Completion> {
  const categoryOf = new Map(projects.map((project) => [project.id, new Map(project.workflow.statuses.map((s) => [s.id, s.category]))]));
  const isDone = (projectId: Id, status: unknown): boolean =>
    typeof status === 'string' && (categoryOf.get(projectId)?.get(status) as StatusCategory | undefined) === 'done';

  const timed = activity
    .map((entry, index) => ({ entry, index, time: parseIsoDateTime(entry.at) }))
    .filter((item): item is { entry: ActivityEntry; index: number; time: number } => item.time !== undefined && item.time <= to)
    .sort((a, b) => a.time - b.time || a.index - b.index);

  const first = new Map<Id, { at: IsoDateTime; time: number }>();
  const doneNow = new Map<Id, boolean>();
  for (const { entry, time } of timed) {
    const change = entry.changes.find((c) => c.field === 'status');
    if (change === undefined) continue;
    const wasDone = doneNow.get(entry.taskId) ?? false;
    const done = isDone(entry.projectId, change.to);
    doneNow.set(entry.taskId, done);
    if (done && !wasDone && !first.has(entry.taskId)) first.set(entry.taskId, { at: entry.at, time });
  }
  const result = new Map<Id, Completion>();
  for (const [taskId, completion] of first) result.set(taskId, { ...completion, reopened: doneNow.get(taskId) !== true });
  return result;
}

function personTotal(personId: Id, name: string, lines: PayLine[], completions: ReadonlyMap<Id, Completion>): PayPersonTotal {
  const time = (line: PayLine): number => completions.get(line.taskId)!.time;
  lines.sort((a, b) => time(a) - time(b) || (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0));
  return {
    personId,
    name,
    lines,
    tasks: lines.length,
    hours: lines.reduce((sum, line) => sum + line.hours, 0),
    amount: lines.reduce((sum, line) => sum + line.amount, 0),
  };
}

/** Known people in input order, then assignees unknown to `people` sorted by id (stable output). */
function orderedPayees(people: readonly Person[], linesByPerson: ReadonlyMap<Id, PayLine[]>): [Id, PayLine[]][] {
  const known = new Set<Id>();
  const ordered: [Id, PayLine[]][] = [];
  for (const person of people) {
    const lines = linesByPerson.get(person.id);
    if (lines === undefined || known.has(person.id)) continue;
    known.add(person.id);
    ordered.push([person.id, lines]);
  }
  const unknown = [...linesByPerson.keys()].filter((id) => !known.has(id)).sort();
  for (const id of unknown) ordered.push([id, linesByPerson.get(id)!]);
  return ordered;
}

/** An estimate that can be paid: a finite number above 0 (hand-edited data may carry anything). */
function validEstimate(estimate: number | undefined): number | undefined {
  return typeof estimate === 'number' && Number.isFinite(estimate) && estimate > 0 ? estimate : undefined;
}

/**
 * Rounds a non-negative amount of minor units half up. Going through 12 significant digits first drops
 * binary noise such as 0.1 * 3 = 0.30000000000000004 so an exact half is not mistaken for less.
 */
export function roundMinor(amount: number): number {
  return Math.round(Number(amount.toPrecision(12)));
}

function periodStart(text: string): number {
  const day = parseIsoDate(text);
  if (day !== undefined) return day * MS_PER_DAY;
  return instantOrThrow(text, 'from');
}

function periodEnd(text: string): number {
  const day = parseIsoDate(text);
  if (day !== undefined) return (day + 1) * MS_PER_DAY - 1;
  return instantOrThrow(text, 'to');
}

function instantOrThrow(text: string, name: string): number {
  const time = parseIsoDateTime(text);
  if (time === undefined) throw new RangeError(`payReport: ${name} is neither a day nor an instant with a zone: ${text}`);
  return time;
}
