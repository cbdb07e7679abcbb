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
  /**
   * The top of what the popup belongs to (the bar or row whose bottom is `y`), in viewport pixels. A
   * popup without room below goes above THIS, so it never covers its own bar: the second click of a
   * double click on the bar would land on the popup instead. Defaults to `y`.
   */
  readonly top?: number;
}
