/**
 * Issue target: one remote change applied to a 100,000-task store and delivered to 10 subscribed
 * selectors, median <= 1 ms. Peer baseline: a naive immutable store of the same data (arrays copied
 * per change, selectors that filter and find), fed the very same change batches.
 */
import { map, type Observable } from 'rxjs';
import { CwmStore, type Mutation, type Project, type StoreState, type Task } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import { MemoryAdapter } from '@cwm/adapters';
import { NaiveStore, type NaiveState } from '../baselines/naive-store.js';
import { ChangeProbe } from '../harness/change-probe.js';
import { EmissionLog } from '../harness/emission-log.js';
import { nextMacrotask } from '../harness/next-macrotask.js';
import type { BenchContext } from '../harness/types.js';

export const description =
  'a remote status change on a 100,000-task MemoryAdapter store, timed from its arrival in the store until all 10 widget selectors have it';

const SIZE = { tasks: 100_000, projects: 20, people: 200 } as const;
const RUNS = { runs: 200, warmup: 20 } as const;

type StatusCounts = Readonly<Record<string, number>>;

function countByStatus(tasks: Iterable<Task>): StatusCounts {
  const counts: Record<string, number> = {};
  for (const task of tasks) counts[task.status] = (counts[task.status] ?? 0) + 1;
  return counts;
}

function nextStatus(project: Project, current: string): string {
  const ids = project.workflow.statuses.map((status) => status.id);
  return ids[(ids.indexOf(current) + 1) % ids.length] ?? current;
}

export async function run(context: BenchContext): Promise<void> {
  const generated = await context.time(() => generateWorkspace(SIZE));
  const data = generated.value;
  context.record({
    name: 'generate workspace',
    unit: 'ms',
    samples: [generated.ms],
    note: `generateWorkspace(${JSON.stringify(SIZE)}): ${data.tasks.length} tasks, ${data.messages.length} messages, ${data.activity.length} activity entries`,
  });

  const [me, remoteActor] = data.people;
  const [boardProject, otherProject] = data.projects;
  if (!me || !remoteActor || !boardProject || !otherProject) throw new Error('generated workspace is too small');
  const changedTasks = data.tasks.filter((task) => task.projectId === boardProject.id).slice(0, RUNS.warmup + RUNS.runs);
  if (changedTasks.length < RUNS.warmup + RUNS.runs) throw new Error(`project ${boardProject.id} has only ${changedTasks.length} tasks`);

  const memory = new MemoryAdapter({ seed: data });
  const probe = new ChangeProbe(memory);
  const store = new CwmStore({ adapter: probe.adapter, workspaceId: data.workspace.id, userId: me.id });
  const connected = await context.time(() => store.connect());
  if (store.state.tasks.size !== SIZE.tasks) throw new Error(`store loaded ${store.state.tasks.size} tasks, want ${SIZE.tasks}`);
  context.record({ name: 'store.connect', unit: 'ms', samples: [connected.ms], note: 'open + paged load + validation of people, projects, 100k tasks, my notifications' });

  // The ten selectors a page of widgets holds: a task detail, two boards, a dashboard tile pair, a
  // board header, an assignee picker, the avatar, a saving indicator and the bell. The task detail
  // follows the changed task, so it is re-subscribed for each run, before the change (not timed).
  const log = new EmissionLog();
  const fixedSelectors: [string, Observable<unknown>][] = [
    [`projectTasks$(${boardProject.id})`, store.projectTasks$(boardProject.id)],
    [`projectTasks$(${otherProject.id})`, store.projectTasks$(otherProject.id)],
    ['status counts (projectTasks$ + map)', store.projectTasks$(boardProject.id).pipe(map((table) => countByStatus(table)))],
    ['task count (select)', store.select((state: StoreState) => state.tasks.size)],
    [`project$(${boardProject.id})`, store.project$(boardProject.id)],
    ['people$', store.people$()],
    ['me$', store.me$()],
    ['sync$', store.sync$()],
    ['notifications$', store.notifications$()],
  ];
  for (const [label, source] of fixedSelectors) log.watch(label, source);

  const emittedPerChange: number[] = [];
  context.collectGarbage();
  const ours = await context.sample(RUNS, async (run) => {
    const task = changedTasks[run] as Task;
    const current = store.state.tasks.get(task.id);
    if (!current) throw new Error(`task ${task.id} is not in the store`);
    const status = nextStatus(boardProject, current.status);
    const detail = log.watch('task$ (changed task)', store.task$(task.id));
    const before = new Map(log.counts);
    log.lastAt = 0;

    const mutation: Mutation<'tasks'> = {
      id: `bench-remote-${run}`,
      kind: 'update',
      collection: 'tasks',
      entityId: task.id,
      baseVersion: current.version,
      actorId: remoteActor.id,
      at: new Date().toISOString(),
      intent: 'task.move',
      patch: { status },
    };
    const delivered = probe.next();
    const answer = memory.applyRemote(mutation);
    if (answer.status !== 'applied') throw new Error(`run ${run}: the backend answered ${answer.status}`);
    const { arrivedAt, returnedAt } = await delivered;
    // If the store handled anything after returning (it should not), that work is caught here.
    await nextMacrotask();
    const doneAt = Math.max(returnedAt, log.lastAt);

    if (store.state.tasks.get(task.id)?.status !== status) throw new Error(`run ${run}: the store did not apply the change to ${task.id}`);
    emittedPerChange.push(log.emittedSince(before).length);
    detail.unsubscribe();
    return doneAt - arrivedAt;
  });
  log.unsubscribe();
  const deliveries = probe.deliveries.slice(-(RUNS.warmup + RUNS.runs));

  // The baseline starts from the entities the store holds and receives the same batches in the same
  // order (re-applying them replaces each task with an equal new object, a change like any other).
  const naive = new NaiveStore(naiveStateOf(store.state));
  store.dispose();
  memory.close();
  const naiveLog = new EmissionLog();
  for (const [label, select] of naiveSelectors(boardProject.id, otherProject.id, me.id)) naiveLog.watch(label, naive.select(select));
  const naiveEmitted: number[] = [];
  context.collectGarbage();
  const baseline = await context.sample(RUNS, async (run) => {
    const delivery = deliveries[run];
    if (!delivery) throw new Error(`no recorded delivery ${run}`);
    const taskChange = delivery.changes.find((change) => change.type === 'upsert' && change.collection === 'tasks');
    const taskId = taskChange && 'entity' in taskChange ? (taskChange.entity as Task).id : '';
    const detail = naiveLog.watch('task (changed task)', naive.select((state) => state.tasks.find((item) => item.id === taskId)));
    const before = new Map(naiveLog.counts);
    naiveLog.lastAt = 0;
    const start = performance.now();
    naive.apply(delivery.changes);
    const returnedAt = performance.now();
    await nextMacrotask();
    naiveEmitted.push(naiveLog.emittedSince(before).length);
    detail.unsubscribe();
    return Math.max(returnedAt, naiveLog.lastAt) - start;
  });
  naiveLog.unsubscribe();
  naive.dispose();

  const average = (values: number[]): string => (values.reduce((sum, value) => sum + value, 0) / values.length).toFixed(1);
  context.record({
    name: 'remote change -> 10 selectors',
    unit: 'ms',
    samples: ours,
    target: { stat: 'median', max: 1 },
    baseline: 'naive immutable store',
    note: `${average(emittedPerChange)} of 10 selectors emitted per change (the rest correctly stayed quiet); ${deliveries[0]?.changes.length ?? 0} entities per batch (task + side effects)`,
  });
  context.record({
    name: 'naive immutable store',
    unit: 'ms',
    samples: baseline,
    isBaseline: true,
    note: `${average(naiveEmitted)} of 10 selectors emitted per change`,
  });
}

/** The store's current entities as plain arrays: the same data, in the naive store's shape. */
function naiveStateOf(state: StoreState): NaiveState {
  return {
    people: state.people.values(),
    projects: state.projects.values(),
    tasks: state.tasks.values(),
    messages: state.messages.values(),
    notifications: state.notifications.values(),
    reads: state.reads.values(),
    activity: state.activity.values(),
    templates: state.templates.values(),
  };
}

type NaiveSelector = (state: NaiveState) => unknown;

/** The same nine fixed selectors, written the naive way: recompute from the arrays. */
function naiveSelectors(boardProjectId: string, otherProjectId: string, meId: string): [string, NaiveSelector][] {
  const tasks = (state: NaiveState): Task[] => state.tasks as Task[];
  return [
    [`project tasks ${boardProjectId}`, (state) => tasks(state).filter((task) => task.projectId === boardProjectId)],
    [`project tasks ${otherProjectId}`, (state) => tasks(state).filter((task) => task.projectId === otherProjectId)],
    ['status counts', (state) => countByStatus(tasks(state).filter((task) => task.projectId === boardProjectId))],
    ['task count', (state) => state.tasks.length],
    ['project', (state) => state.projects.find((project) => project.id === boardProjectId)],
    ['people', (state) => state.people],
    ['me', (state) => state.people.find((person) => person.id === meId)],
    ['sync', () => 'ready'],
    ['notifications', (state) => state.notifications.filter((item) => (item as { personId?: string }).personId === meId)],
  ];
}
