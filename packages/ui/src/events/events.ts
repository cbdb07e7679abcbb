import type { CwmStore, Id, StoreError, TaskFilter } from '@cwm/core';

/** Detail of `cwm-workspace-ready`. */
export interface WorkspaceReadyDetail {
  /** The store the workspace now provides. */
  readonly store: CwmStore;
}

/** Detail of `cwm-task-open`: every widget that shows tasks fires it, so a host opens tasks one way. */
export interface TaskOpenDetail {
  readonly taskId: Id;
}

/** Detail of `cwm-scope-clear`: the scope the person asked to lift. */
export interface ScopeClearDetail {
  readonly scope: TaskFilter;
}

/**
 * Every `cwm-*` event and its type. Widget packages add theirs by module augmentation:
 *
 * ```ts
 * declare module '@cwm/ui' {
 *   interface CwmEventMap { 'cwm-task-move': CustomEvent<TaskMoveDetail> }
 * }
 * ```
 *
 * Before-the-fact events are present tense and cancelable (`cwm-task-move`); after-the-fact ones are
 * past tense (`cwm-task-moved`). All bubble and are composed, so a host page hears them from any depth.
 */
export interface CwmEventMap {
  /** The workspace's store loaded its data (again, after a tenant or user switch). */
  'cwm-workspace-ready': CustomEvent<WorkspaceReadyDetail>;
  /** The workspace could not load its data; detail is the `load-failed` error. */
  'cwm-workspace-error': CustomEvent<StoreError>;
  /** Anything the store reported: invalid data skipped, a write refused or rebased, offline. For logging. */
  'cwm-error': CustomEvent<StoreError>;
  /** A task was opened (a card, a bar, a notification): show it, e.g. in `<cwm-task-detail>`. */
  'cwm-task-open': CustomEvent<TaskOpenDetail>;
  /**
   * The person pressed "Clear filter" on the scope chip of `<cwm-board>` or `<cwm-gantt>`. Cancelable:
   * unless a listener calls `preventDefault()`, the widget then drops its `scope` and shows everything.
   */
  'cwm-scope-clear': CustomEvent<ScopeClearDetail>;
}

/** The name of a `cwm-*` event. */
export type CwmEventName = keyof CwmEventMap;

/** The `detail` type of a `cwm-*` event. */
export type CwmEventDetail<K extends CwmEventName> = CwmEventMap[K] extends CustomEvent<infer D> ? D : never;

declare global {
  // Lets `element.addEventListener('cwm-error', (event) => event.detail.kind)` type-check.
  interface HTMLElementEventMap extends CwmEventMap {}
}

/** Options of `CwmElement.dispatch`. */
export interface DispatchOptions {
  /** Whether listeners may veto the action with `preventDefault()` (before-the-fact events). */
  readonly cancelable?: boolean;
}

/**
 * Fires a typed `cwm-*` event from `target` that bubbles and crosses shadow roots. Returns `false`
 * when a listener cancelled it, so the caller skips the action.
 */
export function dispatchCwmEvent<K extends CwmEventName>(
  target: EventTarget,
  name: K,
  detail: CwmEventDetail<K>,
  options: DispatchOptions = {},
): boolean {
  const event = new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false });
  return target.dispatchEvent(event);
}
