import type { EntityMeta, Id } from './common.js';
import type { Priority } from './task.js';

/** Levels a template's tree may have, the root included: deeper plans belong in a project, not a template. */
export const MAX_TEMPLATE_DEPTH = 5;

/** Tasks one template may hold, the root included; creating more in one step would swamp a board. */
export const MAX_TEMPLATE_TASKS = 200;

/**
 * One task of a template: the fields of a task worth repeating, with its dates turned into day counts
 * relative to the template's anchor (the root's start, else the earliest date in the tree), so the
 * plan can be laid out again from any start day. Days are calendar days. Who does the work, status,
 * progress, dependencies and documents are not kept: they belong to the one-off task.
 */
export interface TemplateTask {
  readonly title: string;
  /** Markdown source, as on a task. */
  readonly description?: string;
  readonly priority: Priority;
  readonly tags: readonly string[];
  /** Effort in hours. */
  readonly estimate?: number;
  /** The texts of the checklist items; created tasks get them unticked, with fresh ids. */
  readonly checklist: readonly string[];
  readonly milestone?: boolean;
  /** Days from the anchor to this task's start (0: the same day; negative: before it). Absent: no start. */
  readonly startOffsetDays?: number;
  /** With a start: days from start to due, both counted (1: due the day it starts). Absent: no due. */
  readonly durationDays?: number;
  /** Only for a task with a due day but no start: days from the anchor to its due day. */
  readonly dueOffsetDays?: number;
  /** Subtasks, in order. */
  readonly subtasks: readonly TemplateTask[];
}

/**
 * A reusable task tree ("Onboarding", "Release checklist"): the root task's fields, its subtasks as a
 * tree of the same shape, a name to pick it by, and the project it is offered in (`undefined`: every
 * project). Stored in the `templates` collection; at most `MAX_TEMPLATE_DEPTH` levels and
 * `MAX_TEMPLATE_TASKS` tasks.
 */
export interface TaskTemplate extends EntityMeta, TemplateTask {
  /** What the template is called in pickers; never empty. */
  readonly name: string;
  /** The project it belongs to; absent: offered in every project. */
  readonly projectId?: Id;
  readonly createdBy: Id;
}
