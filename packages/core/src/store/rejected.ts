import type { CollectionName, Id } from '../model/common.js';
import type { ValidationIssue } from '../validation/issue.js';

/**
 * The few facts about a refused entity that are safe to show. Only strings read from the raw data are
 * copied, never the raw object itself, so nothing malformed (getters, nested objects, huge arrays)
 * travels further than the store.
 */
export interface RejectedSummary {
  /** The raw `title` (tasks) or `name` (people, projects), when it is a string. */
  readonly title?: string;
  readonly projectId?: Id;
  readonly parentId?: Id;
}

/**
 * An entity the backend sent that the store refused. It stays out of the entity tables; widgets read
 * these to show that something exists but could not be believed ("end before start"), with the reason.
 */
export interface RejectedEntity {
  readonly id: Id;
  readonly collection: CollectionName;
  /** Every reason it was refused (one for a malformed shape, possibly several for missing references). */
  readonly issues: readonly ValidationIssue[];
  readonly summary: RejectedSummary;
  /**
   * The raw `version`, when it was a usable number. A valid version of the same entity only clears this
   * refusal when it is not older, so an out-of-order echo never hides newer bad data.
   */
  readonly version?: number;
}

/**
 * The key of a refusal in `StoreState.rejected`. Ids are only unique within a collection, so a refused
 * project and a refused task that happen to share an id must not overwrite each other.
 */
export function rejectedKey(collection: CollectionName, id: Id): string {
  return `${collection}/${id}`;
}

/** Longest text copied into a summary: enough for any real title, bounded for hostile data. */
const MAX_SUMMARY_LENGTH = 500;

/**
 * The refusal of `raw`, or `undefined` when it has no usable id (such items are only reported: there is
 * nothing a widget could attach them to).
 */
export function rejectionOf(collection: CollectionName, raw: unknown, issues: readonly ValidationIssue[]): RejectedEntity | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  const id = record['id'];
  if (typeof id !== 'string' || id.trim() === '') return undefined;
  const summary: { title?: string; projectId?: Id; parentId?: Id } = {};
  const title = shownText(record['title']) ?? shownText(record['name']);
  if (title !== undefined) summary.title = title;
  const projectId = shownId(record['projectId']);
  if (projectId !== undefined) summary.projectId = projectId;
  const parentId = shownId(record['parentId']);
  if (parentId !== undefined) summary.parentId = parentId;
  const version = record['version'];
  return {
    id,
    collection,
    issues: [...issues],
    summary,
    ...(typeof version === 'number' && Number.isFinite(version) ? { version } : {}),
  };
}

function shownText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value.length > MAX_SUMMARY_LENGTH ? `${value.slice(0, MAX_SUMMARY_LENGTH)}…` : value;
}

/** A cut id would point at the wrong entity, so an overlong one is left out rather than shortened. */
function shownId(value: unknown): Id | undefined {
  return typeof value === 'string' && value !== '' && value.length <= MAX_SUMMARY_LENGTH ? value : undefined;
}

/** Whether two refusals say the same thing, so a repeated delivery keeps the old object (no emission). */
export function sameRejection(a: RejectedEntity, b: RejectedEntity): boolean {
  return (
    a.id === b.id &&
    a.collection === b.collection &&
    a.version === b.version &&
    a.summary.title === b.summary.title &&
    a.summary.projectId === b.summary.projectId &&
    a.summary.parentId === b.summary.parentId &&
    a.issues.length === b.issues.length &&
    a.issues.every((issue, index) => {
      const other = b.issues[index]!;
      return issue.code === other.code && issue.field === other.field && issue.message === other.message;
    })
  );
}

/**
 * Copy-on-write edits of the published refusals: the map is copied once, on the first real change,
 * and `result()` returns the original object when nothing changed, so `state.rejected` keeps its
 * identity and selectors stay quiet.
 */
export class RejectedEdits {
  private draft: Map<string, RejectedEntity> | undefined;

  constructor(private readonly original: ReadonlyMap<string, RejectedEntity>) {}

  get(collection: CollectionName, id: Id): RejectedEntity | undefined {
    return (this.draft ?? this.original).get(rejectedKey(collection, id));
  }

  /**
   * Records a refusal unless a newer one of the same entity is already held. A refusal with the same
   * content keeps the existing object.
   */
  record(entry: RejectedEntity): void {
    const held = this.get(entry.collection, entry.id);
    if (held?.version !== undefined && entry.version !== undefined && held.version > entry.version) return;
    this.replace(entry);
  }

  /** Records a refusal whatever its version (a full reload is the truth); the same content keeps the existing object. */
  replace(entry: RejectedEntity): void {
    const held = this.get(entry.collection, entry.id);
    if (held !== undefined && sameRejection(held, entry)) return;
    this.writable().set(rejectedKey(entry.collection, entry.id), entry);
  }

  /** Forgets the refusal of an entity that was deleted. */
  forget(collection: CollectionName, id: Id): void {
    if (this.get(collection, id) !== undefined) this.writable().delete(rejectedKey(collection, id));
  }

  /** A valid `version` of the entity was accepted: it supersedes a refusal that is not newer. */
  superseded(collection: CollectionName, id: Id, version: number): void {
    const held = this.get(collection, id);
    if (held === undefined) return;
    if (held.version !== undefined && held.version > version) return;
    this.writable().delete(rejectedKey(collection, id));
  }

  /** Drops every refusal `keep` says no to. */
  retain(keep: (entry: RejectedEntity) => boolean): void {
    for (const entry of [...(this.draft ?? this.original).values()]) {
      if (!keep(entry)) this.forget(entry.collection, entry.id);
    }
  }

  /** The edited map, or the original object when nothing changed. */
  result(): ReadonlyMap<string, RejectedEntity> {
    return this.draft ?? this.original;
  }

  private writable(): Map<string, RejectedEntity> {
    this.draft ??= new Map(this.original);
    return this.draft;
  }
}

/**
 * Whether a refusal belongs to the given filter. A refusal belongs to a project when its summary names
 * that project, or when it is that project itself.
 */
export function rejectionMatches(entry: RejectedEntity, collection?: CollectionName, projectId?: Id): boolean {
  if (collection !== undefined && entry.collection !== collection) return false;
  if (projectId === undefined) return true;
  return entry.summary.projectId === projectId || (entry.collection === 'projects' && entry.id === projectId);
}
