import type { TemplateResult, nothing } from 'lit';
import type { Action, CwmStore, Id, Person, PermissionResult, PermissionTarget, Project, StoreState, Task, WriteResult } from '@cwm/core';
import type { LocalizeController, MessageKey, MessageParams } from '@cwm/ui';

/**
 * Everything a section of `<cwm-task-detail>` needs, built afresh by the element on every render.
 * Sections are functions `(context, props) => TemplateResult` or small classes that hold their own
 * editing state; they never subscribe to the store themselves (the element does, once) and never
 * talk to each other: they read `task`/`state` and write through `store`, handing each result to
 * `write()` so refusals and the "Undo" offer look the same everywhere.
 */
export interface SectionContext {
  /** The live store of the workspace. */
  readonly store: CwmStore;
  /** The task shown, as the store has it now (optimistic edits included). */
  readonly task: Task;
  /** Its project (workflow, members), `undefined` while not loaded. */
  readonly project: Project | undefined;
  /** The whole store snapshot of this render (people, tasks, activity, workspace calendar...). */
  readonly state: StoreState;
  /** A catalog message in the element's language (register your keys: see the README of the package). */
  t(key: MessageKey, params?: MessageParams): string;
  /** Dates, numbers, lists and localized denial reasons in the element's language. */
  readonly localize: LocalizeController;
  /** A person (or resource) of the workspace by id. */
  person(id: Id): Person | undefined;
  /** A person's display name, or the localized "Someone" for an unknown id. */
  personName(id: Id): string;
  /**
   * Reports the result of a store write. A refusal is shown beside `field` (see `fieldError`) or,
   * without a field, in the element's status line; success clears the field's message and offers
   * "Undo" in the status line. Returns `result.ok`, so a section keeps its draft when it is `false`.
   */
  write(result: WriteResult, field?: string): boolean;
  /** Shows a message of your own beside `field` (a local validation), or clears it with `undefined`. */
  setFieldError(field: string, message: string | undefined): void;
  /** The message shown beside `field`, or `undefined`. */
  fieldErrorText(field: string): string | undefined;
  /**
   * The message element for `field` (role=alert, id `fieldErrorId(field)`), or `nothing`. Put it right
   * after the control and point the control's `aria-describedby` at `fieldErrorId(field)`.
   */
  fieldError(field: string): TemplateResult | typeof nothing;
  /** The id of the message element of `field`, for `aria-describedby`. */
  fieldErrorId(field: string): string;
  /** Whether the current user may do `action` on this task (task and project filled in for you). */
  can(action: Action, target?: PermissionTarget): PermissionResult;
  /** Localized reason for a denied result, '' when allowed: for a `title` or a visible note. */
  denial(result: PermissionResult): string;
  /** Asks the element to render again (a section class changed its own state). */
  requestUpdate(): void;
  /** Emits `cwm-task-open` for another task (a subtask, a predecessor). */
  openTask(taskId: Id): void;
  /**
   * Moves keyboard focus, after the next render, to the element of the shadow root that matches
   * `selector` (e.g. `[data-focus="dep-t-7"]`): keeps focus in place when a re-render replaces or
   * moves the control that had it.
   */
  focusAfterRender(selector: string): void;
  /** Announces a sentence politely in the element's live region (e.g. "Dependency removed"). */
  announce(message: string): void;
}
