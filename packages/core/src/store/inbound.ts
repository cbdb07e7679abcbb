import type { CollectionName, Id } from '../model/common.js';
import type { EntityOf } from '../model/entities.js';
import type { Task } from '../model/task.js';
import type { ValidationIssue } from '../validation/issue.js';
import { checkReferences, findDependencyCycles, validateEntity, wouldCreateCycle, wouldCreateParentCycle } from '../domain.js';
import type { ReferenceContext } from '../domain.js';
import { rejectionOf, type RejectedEntity } from './rejected.js';

/** The outcome of believing a batch of raw data: what is usable, and why the rest was not. */
export interface Accepted<C extends CollectionName> {
  readonly entities: EntityOf<C>[];
  readonly issues: ValidationIssue[];
  /** The items refused whole that had an id, with their issues (items without an id are only in `issues`). */
  readonly rejected: RejectedEntity[];
}

/**
 * Validates a batch from an adapter (a page, or the whole initial load): shape, then references,
 * and for tasks dependency and parent cycles across the batch. `context` answers for entities
 * already in the store; ids inside the batch count as known too.
 */
export function acceptBatch<C extends CollectionName>(
  collection: C,
  raw: readonly unknown[],
  context: ReferenceContext,
): Accepted<C> {
  const issues: ValidationIssue[] = [];
  const rejected: RejectedEntity[] = [];
  const shaped: EntityOf<C>[] = [];
  // The raw item of each shaped entity, for the summary if its references then refuse it.
  const rawOf = new Map<EntityOf<C>, unknown>();
  for (const item of raw) {
    const result = validateEntity(collection, item);
    if (result.ok) {
      shaped.push(result.value as EntityOf<C>);
      rawOf.set(result.value as EntityOf<C>, item);
    } else {
      issues.push(result.issue);
      const refusal = rejectionOf(collection, item, [result.issue]);
      if (refusal) rejected.push(refusal);
    }
  }
  const batchIds = new Set(shaped.map((entity) => entity.id));
  const withBatch: ReferenceContext =
    collection === 'tasks'
      ? { ...context, hasTask: (id: Id) => batchIds.has(id) || context.hasTask(id) }
      : collection === 'people'
        ? { ...context, hasPerson: (id: Id) => batchIds.has(id) || context.hasPerson(id) }
        : collection === 'projects'
          ? { ...context, hasProject: (id: Id) => batchIds.has(id) || context.hasProject(id) }
          : context;
  let entities: EntityOf<C>[] = [];
  for (const entity of shaped) {
    const checked = checkReferences(collection, entity, withBatch);
    issues.push(...checked.issues);
    if (checked.entity) entities.push(checked.entity as EntityOf<C>);
    else {
      const refusal = rejectionOf(collection, rawOf.get(entity), checked.issues);
      if (refusal) rejected.push(refusal);
    }
  }
  if (collection === 'tasks') {
    const acyclic = findDependencyCycles(entities as Task[]);
    issues.push(...acyclic.issues);
    entities = acyclic.tasks as EntityOf<C>[];
  }
  return { entities, issues, rejected };
}

/**
 * Validates one live change against what the store holds: shape, references, and for tasks that no
 * dependency or parent it brings closes a loop with the tasks already here (such links are dropped).
 * `rejected` is set when the item was refused whole and had an id.
 */
export function acceptOne<C extends CollectionName>(
  collection: C,
  raw: unknown,
  context: ReferenceContext,
  getTask: (id: Id) => Task | undefined,
): { entity?: EntityOf<C>; issues: ValidationIssue[]; rejected?: RejectedEntity } {
  const shaped = validateEntity(collection, raw);
  if (!shaped.ok) return refusedOne(collection, raw, [shaped.issue]);
  const checked = checkReferences(collection, shaped.value as EntityOf<C>, context);
  if (!checked.entity) return refusedOne(collection, raw, checked.issues);
  if (collection !== 'tasks') return { entity: checked.entity, issues: checked.issues };
  const issues = [...checked.issues];
  let task = checked.entity as Task;
  // Judge the new links against the store's tasks as they would be with this task replaced.
  const lookup = (id: Id): Task | undefined => (id === task.id ? { ...task, dependencies: [], parentId: undefined } : getTask(id));
  // Links the store already holds were checked when they arrived; only new ones can close a loop.
  const previous = getTask(task.id);
  const known = new Set(previous?.dependencies.map((dependency) => dependency.predecessorId) ?? []);
  const kept = task.dependencies.filter((dependency) => {
    if (known.has(dependency.predecessorId)) return true;
    const cycle = wouldCreateCycle(lookup, task.id, dependency.predecessorId);
    if (!cycle) return true;
    issues.push({
      code: 'dependency-cycle',
      collection: 'tasks',
      id: task.id,
      field: 'dependencies',
      message: `Task ${task.id} cannot depend on ${dependency.predecessorId}: that closes the loop ${cycle.join(' -> ')}. The dependency was dropped.`,
    });
    return false;
  });
  if (kept.length !== task.dependencies.length) task = { ...task, dependencies: kept };
  if (task.parentId !== undefined && task.parentId !== previous?.parentId) {
    const cycle = wouldCreateParentCycle(lookup, task.id, task.parentId);
    if (cycle) {
      issues.push({
        code: 'parent-cycle',
        collection: 'tasks',
        id: task.id,
        field: 'parentId',
        message: `Task ${task.id} cannot be a subtask of ${task.parentId}: that closes the loop ${cycle.join(' -> ')}. It was shown at the top level.`,
      });
      const { parentId: _dropped, ...rest } = task;
      task = rest as Task;
    }
  }
  return { entity: task as EntityOf<C>, issues };
}

function refusedOne(collection: CollectionName, raw: unknown, issues: ValidationIssue[]): { issues: ValidationIssue[]; rejected?: RejectedEntity } {
  const rejected = rejectionOf(collection, raw, issues);
  return rejected ? { issues, rejected } : { issues };
}
