import type { DependencyType, Id } from '@cwm/core';

/** One dependency as the popup lists it: the task at the other end, the type and the lag in days. */
export interface PopupLink {
  /** The task at the other end (the predecessor in `predecessors`, the successor in `successors`). */
  readonly id: Id;
  /** Plain text, rendered as text. */
  readonly title: string;
  readonly type: DependencyType;
  readonly lag: number;
}

/** How much a task may slip, in days, and whether it is on the critical path (from core's analysis). */
export interface PopupSlack {
  readonly total: number;
  readonly free: number;
  readonly critical: boolean;
}

/** A task the user may link to the popup's task. */
export interface PopupCandidate {
  readonly id: Id;
  /** Plain text, rendered as text. */
  readonly title: string;
}

/** Anything that finds a person's name by id: a `Map`, or the store's `Table<Person>`. */
export interface PopupPeople {
  get(id: Id): { readonly name: string } | undefined;
}

/** A point in viewport pixels (e.g. the bar's bottom-left corner or the pointer). */
export interface PopupAnchor {
  readonly x: number;
  readonly y: number;
}
