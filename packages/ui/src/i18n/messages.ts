/**
 * A message whose wording depends on a number: one form per `Intl.PluralRules` category of the
 * catalog's language, plus optional exact matches (`=0`). Selected by the `count` parameter.
 */
export interface PluralText {
  readonly '=0'?: string;
  readonly '=1'?: string;
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

/** The text of one message: plain with `{name}` placeholders, or plural forms. */
export type MessageText = string | PluralText;

/** Values substituted for `{name}` placeholders. Numbers and dates are formatted for the language. */
export type MessageParams = Readonly<Record<string, string | number | Date>>;

/** The messages of @cwm/ui itself: the workspace, sync state, errors, permission denials. */
export interface UiMessages {
  readonly 'workspace.loading': MessageText;
  readonly 'workspace.ready': MessageText;
  readonly 'workspace.load-failed': MessageText;
  readonly 'workspace.write-rejected': MessageText;
  readonly 'workspace.write-rebased': MessageText;
  readonly 'workspace.offline': MessageText;
  readonly 'workspace.invalid-data': MessageText;
  readonly 'workspace.write-merged': MessageText;
  readonly 'workspace.storage-unavailable': MessageText;
  readonly 'status.reconnecting': MessageText;
  readonly 'status.offline': MessageText;
  readonly 'status.retry-in': MessageText;
  readonly 'status.retry-now': MessageText;
  readonly 'status.online-only': MessageText;
  readonly 'status.signed-out': MessageText;
  readonly 'field.title': MessageText;
  readonly 'field.description': MessageText;
  readonly 'field.status': MessageText;
  readonly 'field.rank': MessageText;
  readonly 'field.assigneeIds': MessageText;
  readonly 'field.priority': MessageText;
  readonly 'field.tags': MessageText;
  readonly 'field.start': MessageText;
  readonly 'field.due': MessageText;
  readonly 'field.estimate': MessageText;
  readonly 'field.progress': MessageText;
  readonly 'field.dependencies': MessageText;
  readonly 'field.checklist': MessageText;
  readonly 'field.body': MessageText;
  readonly 'sync.idle': MessageText;
  readonly 'sync.loading': MessageText;
  readonly 'sync.ready': MessageText;
  readonly 'sync.failed': MessageText;
  readonly 'sync.offline': MessageText;
  readonly 'sync.pending': MessageText;
  readonly 'error.network': MessageText;
  readonly 'error.timeout': MessageText;
  readonly 'error.conflict': MessageText;
  readonly 'error.forbidden': MessageText;
  readonly 'error.validation': MessageText;
  readonly 'error.not-found': MessageText;
  readonly 'denial.no-user': MessageText;
  readonly 'denial.role': MessageText;
  readonly 'denial.read-only': MessageText;
  readonly 'denial.comment-only': MessageText;
  readonly 'denial.managers-assign': MessageText;
  readonly 'denial.not-author': MessageText;
  readonly 'denial.boundary': MessageText;
  readonly 'denial.not-member': MessageText;
  readonly 'denial.rule': MessageText;
  readonly 'count.tasks': MessageText;
  readonly 'count.people': MessageText;
  readonly 'action.undo': MessageText;
  readonly 'action.redo': MessageText;
  readonly 'action.retry': MessageText;
  readonly 'form.date.invalid': MessageText;
  readonly 'form.date.required': MessageText;
  readonly 'form.date.before-min': MessageText;
  readonly 'form.date.after-max': MessageText;
  readonly 'form.date.non-working': MessageText;
  readonly 'form.date.holiday': MessageText;
  readonly 'form.date.open-calendar': MessageText;
  readonly 'form.date.calendar': MessageText;
  readonly 'form.date.previous-month': MessageText;
  readonly 'form.date.next-month': MessageText;
  readonly 'form.date.mark-holiday': MessageText;
  readonly 'form.date.mark-non-working': MessageText;
  readonly 'form.date.mark-today': MessageText;
  readonly 'form.date.mark-selected': MessageText;
  readonly 'form.date.grid-help': MessageText;
  readonly 'form.date.letters-day': MessageText;
  readonly 'form.date.letters-month': MessageText;
  readonly 'form.date.letters-year': MessageText;
  readonly 'form.tags.input': MessageText;
  readonly 'form.tags.required': MessageText;
  readonly 'form.tags.remove': MessageText;
  readonly 'form.tags.duplicate': MessageText;
  readonly 'form.tags.added': MessageText;
  readonly 'form.tags.removed': MessageText;
  readonly 'form.tags.suggestions': MessageText;
  readonly 'form.tags.help': MessageText;
  readonly 'form.people.input': MessageText;
  readonly 'form.people.required': MessageText;
  readonly 'form.people.remove': MessageText;
  readonly 'form.people.options': MessageText;
  readonly 'form.people.no-match': MessageText;
  readonly 'form.people.unavailable': MessageText;
  readonly 'form.people.added': MessageText;
  readonly 'form.people.removed': MessageText;
  readonly 'form.people.unknown': MessageText;
  readonly 'form.people.count': MessageText;
}

/**
 * Every message key any widget uses. Widget packages add theirs by module augmentation:
 *
 * ```ts
 * declare module '@cwm/ui' {
 *   interface CwmMessages { readonly 'board.empty-column': MessageText }
 * }
 * ```
 */
export interface CwmMessages extends UiMessages {}

/** A message key, e.g. `workspace.loading`. */
export type MessageKey = keyof CwmMessages;

/** A catalog as registered: any subset of the keys (missing ones fall back to English). */
export type MessageCatalog = Partial<Record<MessageKey, MessageText>>;
