import type { ActivityEntry } from '../model/activity.js';
import type { IsoDate } from '../model/common.js';
import type { Message } from '../model/message.js';
import type { Notification } from '../model/notification.js';
import type { Person } from '../model/person.js';
import type { Project } from '../model/project.js';
import type { Task } from '../model/task.js';
import type { Workspace } from '../model/workspace.js';

/** What `generateWorkspace` makes. Every option has a default; the same options give the same data. */
export interface GenerateOptions {
  /** Number of projects (default 3). */
  readonly projects?: number;
  /** Number of people (default 12): one admin, some managers, members, a guest and a viewer. */
  readonly people?: number;
  /** Number of tasks over all projects (default 300), in a hierarchy epic -> task -> subtask. */
  readonly tasks?: number;
  /** Seed of the pseudo-random source (default 1). */
  readonly seed?: number;
  /** First day of the plan (default `2026-01-05`); task dates fall within the year that follows. */
  readonly start?: IsoDate;
  /**
   * The day the data is "as of" (default: 140 days after `start`). Tasks due before it are mostly done,
   * tasks around it are in progress, later ones are still to do; no timestamp is later than it.
   */
  readonly today?: IsoDate;
  /** Chat messages on every task (default 3). */
  readonly messagesPerTask?: number;
  /** Workspace (tenant) id (default `acme`). */
  readonly workspaceId?: string;
}

/** A complete, valid workspace: the entities of every collection, in id order. */
export interface GeneratedWorkspace {
  readonly workspace: Workspace;
  readonly people: readonly Person[];
  readonly projects: readonly Project[];
  readonly tasks: readonly Task[];
  readonly messages: readonly Message[];
  readonly notifications: readonly Notification[];
  readonly activity: readonly ActivityEntry[];
}
