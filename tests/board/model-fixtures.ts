// Small, readable entities and helpers for the board model tests.
import { Table, type Message, type Patch, type Person, type Project, type Task } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import { cellKey, computeLayout, type BoardConfig, type BoardLayout } from '../../packages/board/src/model/index.js';

export const AT = '2026-11-01T09:00:00.000Z';
/** A Wednesday: its ISO week runs from Monday 2026-11-23 to Sunday 2026-11-29. */
export const TODAY = '2026-11-25';

export function person(id: string, name: string, extra: Partial<Person> = {}): Person {
  return { id, name, kind: 'person', role: 'member', capacity: 40, version: 1, createdAt: AT, updatedAt: AT, ...extra };
}

/** A project with the board workflow: To do -> Doing (limit 2, blocking) -> Review -> Done. */
export function project(id = 'p-1', extra: Partial<Project> = {}): Project {
  return {
    id,
    name: `Project ${id}`,
    key: 'WEB',
    memberIds: [],
    workflow: {
      statuses: [
        { id: 'todo', name: 'To do', category: 'todo' },
        { id: 'doing', name: 'Doing', category: 'active', wipLimit: 2 },
        { id: 'review', name: 'Review', category: 'active' },
        { id: 'done', name: 'Done', category: 'done' },
      ],
      transitions: { todo: ['doing'], doing: ['todo', 'review', 'done'], review: ['doing', 'done'], done: ['review'] },
      wipPolicy: 'block',
    },
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...extra,
  };
}

export function task(id: string, extra: Partial<Task> = {}): Task {
  return {
    id,
    projectId: 'p-1',
    title: `Task ${id}`,
    status: 'todo',
    rank: 'i',
    assigneeIds: [],
    resourceIds: [],
    followerIds: [],
    priority: 'none',
    tags: [],
    progress: 0,
    dependencies: [],
    checklist: [],
    documents: [],
    createdBy: 'u-1',
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...extra,
  };
}

export function message(id: string, taskId: string, extra: Partial<Message> = {}): Message {
  return {
    id,
    taskId,
    authorId: 'u-1',
    kind: 'user',
    body: `Message ${id}`,
    mentions: [],
    reactions: {},
    attachments: [],
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...extra,
  };
}

export function config(extra: Partial<BoardConfig> = {}): BoardConfig {
  return { projectIds: ['p-1'], columnsBy: 'status', lanesBy: 'none', filter: {}, today: TODAY, ...extra };
}

export const PEOPLE = [person('u-1', 'Ada Lovelace'), person('u-2', 'Grace Hopper'), person('u-3', 'Alan Turing')];

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

/** A single project with `statuses` statuses and `count` tasks spread over them, from the generator. */
export function bigBoard(count: number, statuses = 8): { tasks: Task[]; projects: Project[]; people: Person[] } {
  const data = generateWorkspace({ projects: 1, people: 40, tasks: count, messagesPerTask: 0, seed: 7 });
  const ids = Array.from({ length: statuses }, (_, index) => `s-${index + 1}`);
  const base = data.projects[0]!;
  const wide: Project = {
    ...base,
    workflow: {
      statuses: ids.map((id, index) => ({
        id,
        name: `Status ${index + 1}`,
        category: index === statuses - 1 ? 'done' : index === 0 ? 'todo' : 'active',
        ...(index === 2 ? { wipLimit: 50 } : {}),
      })),
      wipPolicy: 'warn',
    },
  };
  const tasks = data.tasks.map((item, index) => ({ ...item, status: ids[index % statuses]! }));
  return { tasks, projects: [wide], people: [...data.people] };
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
