import type { Dependency, DependencyType } from '../model/task.js';
import type { GeneratorContext } from './context.js';
import { weighted } from './generate-tasks.js';
import type { TaskDraft } from './task-draft.js';

/** Chance that a task gets a predecessor; with a few misses this makes about one link per two tasks. */
const LINK_CHANCE = 0.56;
/** Predecessors are looked for among this many tasks generated just before. */
const LOOK_BACK = 30;
const TRIES = 6;

const TYPE_WEIGHTS: Readonly<Record<DependencyType, number>> = { FS: 70, SS: 15, FF: 10, SF: 5 };

/**
 * How many days of slack each dependency type would have between `predecessor` and `successor`, for
 * the types the current dates already satisfy. The generated schedule is therefore consistent: no
 * dependency is violated by the dates it ships with.
 */
function satisfiedTypes(predecessor: TaskDraft, successor: TaskDraft): [DependencyType, number][] {
  const options: [DependencyType, number][] = [];
  // Finish-to-start: the successor starts on a later day than the predecessor's (inclusive) due day.
  const finishToStart = successor.start - predecessor.due - 1;
  if (finishToStart >= 0) options.push(['FS', finishToStart]);
  const startToStart = successor.start - predecessor.start;
  if (startToStart >= 0) options.push(['SS', startToStart]);
  const finishToFinish = successor.due - predecessor.due;
  if (finishToFinish >= 0) options.push(['FF', finishToFinish]);
  const startToFinish = successor.due - predecessor.start;
  if (startToFinish >= 0) options.push(['SF', startToFinish]);
  return options;
}

function isAncestor(candidate: TaskDraft, of: TaskDraft): boolean {
  for (let node = of.parent; node !== undefined; node = node.parent) if (node === candidate) return true;
  return false;
}

/**
 * Links tasks of one project. A predecessor always comes earlier in generation order than its
 * successor, so the dependency graph is acyclic by construction. Epics are never linked, and a task
 * never depends on its own parent (summary tasks are scheduled by their children).
 */
export function linkDependencies(context: GeneratorContext, projectDrafts: readonly TaskDraft[]): void {
  const { rng } = context;
  for (let position = 1; position < projectDrafts.length; position++) {
    const successor = projectDrafts[position] as TaskDraft;
    if (successor.level === 1 || !rng.chance(LINK_CHANCE)) continue;
    const first = Math.max(0, position - LOOK_BACK);
    for (let attempt = 0; attempt < TRIES; attempt++) {
      const predecessor = projectDrafts[rng.int(first, position - 1)] as TaskDraft;
      if (predecessor.level === 1 || isAncestor(predecessor, successor)) continue;
      const options = satisfiedTypes(predecessor, successor);
      if (options.length === 0) continue;
      const type = weighted(context, options.map(([kind]) => [kind, TYPE_WEIGHTS[kind]] as const));
      const slack = (options.find(([kind]) => kind === type) as [DependencyType, number])[1];
      // A little lag where there is room for it even across a weekend.
      const lag = slack >= 4 && rng.chance(0.2) ? rng.int(1, 2) : 0;
      const dependency: Dependency = { predecessorId: predecessor.id, type, lag };
      successor.dependencies = [dependency];
      break;
    }
  }
}
