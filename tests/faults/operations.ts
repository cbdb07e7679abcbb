// Seeded user operations for the fault tests: what a person does on a board (rename, reprioritise,
// move, report progress, comment, create), each run through a tab's store and logged with the mutation
// ids it queued, so the server's history can be checked key by key and entity by entity.
import type { Task } from '@cwm/core';
import { mulberry32 } from '@cwm/core/testing';
import type { RestTab } from './tabs.js';

export type OperationKind = 'title' | 'priority' | 'progress' | 'move' | 'comment' | 'create';

/** One user action that the store accepted. */
export interface Operation {
  readonly index: number;
  readonly kind: OperationKind;
  readonly collection: 'tasks' | 'messages';
  readonly entityId: string;
  /** The task the action is about (for a comment, its task). */
  readonly taskId: string;
  readonly mutationIds: readonly string[];
}

const PRIORITIES = ['none', 'low', 'medium', 'high', 'urgent'] as const;

/** A log of accepted operations, in the order they were made. */
export class OperationLog {
  readonly operations: Operation[] = [];
  /** Store refusals (a workflow rule, a WIP limit): not sent, so not counted. */
  refused = 0;

  get mutationIds(): string[] {
    return this.operations.flatMap((operation) => operation.mutationIds);
  }

  /** Mutation ids in the order they were issued, per entity key `collection/id`. */
  byEntity(): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const operation of this.operations) {
      const key = `${operation.collection}/${operation.entityId}`;
      result.set(key, [...(result.get(key) ?? []), ...operation.mutationIds]);
    }
    return result;
  }
}

/** Makes seeded operations over a fixed set of tasks. */
export class OperationMaker {
  private readonly random: () => number;
  private created = 0;

  constructor(
    seed: number,
    private readonly taskIds: readonly string[],
    private readonly log: OperationLog,
  ) {
    this.random = mulberry32(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  /** Runs one operation of `kind` (or a random one from `kinds`) in `tab`; undefined when the store refused it. */
  run(tab: RestTab, kinds: readonly OperationKind[], kind: OperationKind = this.pick(kinds)): Operation | undefined {
    const index = this.log.operations.length;
    const taskId = this.pick(this.taskIds);
    const task = tab.store.state.tasks.get(taskId);
    if (!task) throw new Error(`Task ${taskId} is not in the tab's store.`);
    const acted = this.act(tab, kind, task, index);
    if (!acted.result.ok) {
      this.log.refused++;
      return undefined;
    }
    const collection = kind === 'comment' ? 'messages' : 'tasks';
    const operation: Operation = { index, kind, collection, entityId: acted.result.id, taskId: kind === 'create' ? acted.result.id : taskId, mutationIds: acted.mutationIds };
    if (acted.mutationIds.length === 0) throw new Error(`Operation ${index} (${kind}) was accepted but queued no mutation.`);
    this.log.operations.push(operation);
    return operation;
  }

  private act(tab: RestTab, kind: OperationKind, task: Task, index: number): ReturnType<RestTab['act']> {
    switch (kind) {
      case 'title':
        return tab.act((store) => store.updateTask(task.id, { title: `Op ${index}: renamed` }));
      case 'priority':
        return tab.act((store) => store.updateTask(task.id, { priority: this.pick(PRIORITIES.filter((p) => p !== task.priority)) }));
      case 'progress':
        return tab.act((store) => store.updateTask(task.id, { progress: (task.progress + 1 + Math.floor(this.random() * 50)) % 101 }));
      case 'move': {
        const project = tab.store.state.projects.get(task.projectId);
        const statuses = (project?.workflow.statuses ?? []).map((status) => status.id).filter((id) => id !== task.status);
        return tab.act((store) => store.moveTask(task.id, { status: this.pick(statuses) }));
      }
      case 'comment':
        return tab.act((store) => store.postMessage({ taskId: task.id, body: `Op ${index}: a comment` }));
      case 'create':
        this.created++;
        return tab.act((store) => store.createTask({ projectId: task.projectId, title: `Op ${index}: new task ${this.created}`, status: task.status }));
    }
  }
}

/** The fields of a task the operations change: what the server must end up with. */
export function taskFields(task: Task | undefined): Record<string, unknown> | undefined {
  if (!task) return undefined;
  return { title: task.title, status: task.status, rank: task.rank, priority: task.priority, progress: task.progress, projectId: task.projectId };
}

/** Differences between the tab's view and the server's entities, for an assertion message. */
export function taskDifferences(expected: ReadonlyMap<string, Task | undefined>, server: ReadonlyMap<string, Task>): string[] {
  const differences: string[] = [];
  for (const [id, task] of expected) {
    const want = JSON.stringify(taskFields(task));
    const have = JSON.stringify(taskFields(server.get(id)));
    if (want !== have) differences.push(`${id}: expected ${want}, server has ${have}`);
  }
  return differences;
}

/**
 * Checks that every entity's mutations appear in the server's history in the order they were issued.
 * `history` maps mutation id -> seq. Returns the entities whose order differs.
 */
export function orderViolations(log: OperationLog, seqOf: ReadonlyMap<string, number>): string[] {
  const violations: string[] = [];
  for (const [key, ids] of log.byEntity()) {
    const seqs = ids.map((id) => seqOf.get(id)).filter((seq): seq is number => seq !== undefined);
    for (let i = 1; i < seqs.length; i++) {
      if (seqs[i]! <= seqs[i - 1]!) {
        violations.push(`${key}: issued ${ids.join(', ')} but applied at seqs ${seqs.join(', ')}`);
        break;
      }
    }
  }
  return violations;
}
