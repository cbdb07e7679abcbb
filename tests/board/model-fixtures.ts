// Helpers for the board model tests: the board's project, its configuration and people, layouts of hand-built
// tasks, and a big generated board for the timings. Entities come from `tests/fixtures/entities.ts`.
import { Table, type Patch, type Person, type Project, type Task, type Workflow, type WorkflowStatus } from '@cwm/core';
import { generateWorkspace, withStatuses } from '@cwm/core/testing';
import { makePerson, makeProject } from '../fixtures/entities.js';
import { cellKey, computeLayout, type BoardConfig, type BoardLayout } from '../../packages/board/src/model/index.js';

/** A Wednesday: its ISO week runs from Monday 2026-11-23 to Sunday 2026-11-29. */
export const TODAY = '2026-11-25';

/** The board workflow: To do -> Doing (limit 2, blocking) -> Review -> Done. */
export const BOARD_WORKFLOW: Workflow = {
  statuses: [
    { id: 'todo', name: 'To do', category: 'todo' },
    { id: 'doing', name: 'Doing', category: 'active', wipLimit: 2 },
    { id: 'review', name: 'Review', category: 'active' },
    { id: 'done', name: 'Done', category: 'done' },
  ],
  transitions: { todo: ['doing'], doing: ['todo', 'review', 'done'], review: ['doing', 'done'], done: ['review'] },
  wipPolicy: 'block',
};

/** A project with key `WEB` and the `BOARD_WORKFLOW`. */
export function project(id = 'p-1', overrides: Partial<Project> = {}): Project {
  return makeProject(id, { key: 'WEB', workflow: BOARD_WORKFLOW, ...overrides });
}

export function config(extra: Partial<BoardConfig> = {}): BoardConfig {
  return { projectIds: ['p-1'], columnsBy: 'status', lanesBy: 'none', filter: {}, today: TODAY, ...extra };
}

export const PEOPLE = [
  makePerson('u-1', { name: 'Ada Lovelace' }),
  makePerson('u-2', { name: 'Grace Hopper' }),
  makePerson('u-3', { name: 'Alan Turing' }),
];

/** Lays out `tasks` with the standard project and people unless others are given. */
export function layoutOf(
  tasks: readonly Task[],
  boardConfig: Partial<BoardConfig> = {},
  projects: readonly Project[] = [project()],
  people: readonly Person[] = PEOPLE,
): BoardLayout {
  return computeLayout({ tasks, projects: Table.from(projects), people: Table.from(people), config: config(boardConfig) });
}

/** The ids of one cell. */
export function cell(layout: BoardLayout, laneKey: string, columnKey: string): readonly string[] {
  const ids = layout.cells.get(cellKey(laneKey, columnKey));
  if (!ids) throw new Error(`No cell ${laneKey} / ${columnKey}`);
  return ids;
}

/** The table after applying patches, as the store would (optimistically). */
export function applyChanges(tasks: Table<Task>, changes: readonly { id: string; patch: Patch<'tasks'> }[]): Table<Task> {
  return tasks.batch(changes.map(({ id, patch }) => ({ ...tasks.get(id)!, ...patch })));
}

/**
 * A single generated project with `statuses` statuses (`s-1`...; the third has a WIP limit of 50 that only
 * warns) and `count` tasks dealt over them in turn.
 */
export function bigBoard(count: number, statuses = 8): { tasks: Task[]; projects: Project[]; people: Person[] } {
  const wide: WorkflowStatus[] = Array.from({ length: statuses }, (_, index) => ({
    id: `s-${index + 1}`,
    name: `Status ${index + 1}`,
    category: index === statuses - 1 ? 'done' : index === 0 ? 'todo' : 'active',
    ...(index === 2 ? { wipLimit: 50 } : {}),
  }));
  const data = withStatuses(generateWorkspace({ projects: 1, people: 40, tasks: count, messagesPerTask: 0, seed: 7 }), wide);
  return { tasks: [...data.tasks], projects: [...data.projects], people: [...data.people] };
}

/** Median of a timed function over `runs` runs, after one warm-up. */
export function medianMs(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
