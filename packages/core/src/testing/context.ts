import type { Id, IsoDateTime } from '../model/common.js';
import type { Person } from '../model/person.js';
import type { Project } from '../model/project.js';
import type { DayClock } from './clock.js';
import type { Rng } from './random.js';

/** Length of the plan: task dates fall on days 0 ... PLAN_DAYS - 1 after the start. */
export const PLAN_DAYS = 365;

/** The workspace, its people and projects exist this many days before the plan starts. */
export const SETUP_DAYS = 30;

const MINUTES_PER_DAY = 1440;

/** Everything the generator's steps share. */
export interface GeneratorContext {
  readonly rng: Rng;
  readonly clock: DayClock;
  readonly workspaceId: string;
  /** Day offset of "today": nothing happens after it. */
  readonly today: number;
  /** Minute offset (from the start's midnight) after which no timestamp may fall. */
  readonly lastMinute: number;
  /**
   * Day the workspace, its people and projects were set up: SETUP_DAYS before the plan starts, or
   * before today when today comes first. Nothing is older.
   */
  readonly setupDay: number;
}

/** A project together with who may work on it, precomputed once for the task steps. */
export interface ProjectPlan {
  readonly project: Project;
  /** Admins, managers and members of the project: people work is assigned to. */
  readonly assignable: readonly Id[];
  /** Managers of the project (at least one: the owner). */
  readonly managers: readonly Id[];
  /** People who write messages: assignable people plus guests. */
  readonly commenters: readonly Id[];
}

/** Instants are kept as minutes since the start's midnight while generating; this formats one. */
export function instant(context: GeneratorContext, minute: number): IsoDateTime {
  return context.clock.at(0, minute);
}

/** Minute offset of `hour:minute` on day `day`. */
export function minuteOf(day: number, hour: number, minute = 0): number {
  return day * MINUTES_PER_DAY + hour * 60 + minute;
}

/** People by id, for names in message bodies. */
export type PeopleById = ReadonlyMap<Id, Person>;
