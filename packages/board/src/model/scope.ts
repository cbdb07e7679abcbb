import { matchesTaskFilter, statusCategories, type Id, type Project, type Task, type TaskFilterContext } from '@cwm/core';
import type { BoardConfig } from './board-config.js';
import { compileFilter, MATCH_ALL, type TaskPredicate } from './filter.js';

/** What `compileBoardMatch` needs besides the config: the projects (workflows) and a way to find any task. */
export interface BoardMatchContext {
  readonly projects: { get(id: Id): Project | undefined };
  /** Every task, for the scope's `blocked` (a predecessor may sit in another project). */
  readonly tasks: Iterable<Task>;
}

/**
 * The board's whole "is this card shown" test: its own `filter` AND the host's `scope`. `MATCH_ALL`
 * when neither constrains, so the layout can skip the call. The scope's `projectIds` are replaced by
 * the board's: the board's projects decide what is on it, the scope only narrows within them.
 */
export function compileBoardMatch(config: BoardConfig, context: BoardMatchContext): TaskPredicate {
  const filter = compileFilter(config.filter, {
    projects: context.projects,
    today: config.today,
    ...(config.userId !== undefined ? { userId: config.userId } : {}),
  });
  if (config.scope === undefined) return filter;
  const scope = { ...config.scope, projectIds: config.projectIds };
  const scopeContext: TaskFilterContext = {
    today: config.today,
    categoryOf: statusCategories((projectId) => context.projects.get(projectId)?.workflow),
    taskById: lookupOf(context.tasks),
  };
  const inScope: TaskPredicate = (task) => matchesTaskFilter(task, scope, scopeContext);
  return filter === MATCH_ALL ? inScope : (task) => filter(task) && inScope(task);
}

/** A task lookup: the store's table answers `get` itself; any other list is indexed once, on first use. */
function lookupOf(tasks: Iterable<Task>): (id: Id) => Task | undefined {
  const table = tasks as Partial<{ get(id: Id): Task | undefined }>;
  if (typeof table.get === 'function') return (id) => table.get!(id);
  let byId: Map<Id, Task> | undefined;
  return (id) => {
    byId ??= new Map([...tasks].map((task) => [task.id, task]));
    return byId.get(id);
  };
}
