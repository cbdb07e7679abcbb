import type { CollectionName, Id } from '../model/common.js';
import type { EntityOf } from '../model/entities.js';
import type { Task } from '../model/task.js';
import type { ValidationIssue } from '../validation/issue.js';
import { checkReferences, findDependencyCycles, validateEntity, wouldCreateCycle, wouldCreateParentCycle } from '../domain.js';
import type { ReferenceContext } from '../domain.js';

/** The outcome of believing a batch of raw data: what is usable, and why the rest was not. */
export interface Accepted<C extends CollectionName> {
  readonly entities: EntityOf<C>[];
  readonly issues: ValidationIssue[];
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
  const shaped: EntityOf<C>[] = [];
  for (const item of raw) {
    const result = validateEntity(collection, item);
    if (result.ok) shaped.push(result.value as EntityOf<C>);
    else issues.push(result.issue);
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
  }
  if (collection === 'tasks') {
    const acyclic = findDependencyCycles(entities as Task[]);
    issues.push(...acyclic.issues);
    entities = acyclic.tasks as EntityOf<C>[];
  }
  return { entities, issues };
}

/**
 * Validates one live change against what the store holds: shape, references, and for tasks that no
 * dependency or parent it brings closes a loop with the tasks already here (such links are dropped).
 */
export function acceptOne<C extends CollectionName>(
  collection: C,
  raw: unknown,
  context: ReferenceContext,
  getTask: (id: Id) => Task | undefined,
): { entity?: EntityOf<C>; issues: ValidationIssue[] } {
  const shaped = validateEntity(collection, raw);
  if (!shaped.ok) return { issues: [shaped.issue] };
  const checked = checkReferences(collection, shaped.value as EntityOf<C>, context);
  if (!checked.entity || collection !== 'tasks') return { entity: checked.entity as EntityOf<C> | undefined, issues: checked.issues };
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
