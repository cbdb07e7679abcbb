import type { EntityMeta, Id } from './common.js';

/** Where a status sits in the life of a task; roll-ups and dashboards count by category. */
export type StatusCategory = 'todo' | 'active' | 'done';

export interface WorkflowStatus {
  readonly id: string;
  readonly name: string;
  readonly category: StatusCategory;
  /** Most tasks allowed in this status at once. */
  readonly wipLimit?: number;
}

export interface Workflow {
  /** Ordered statuses: the board shows them left to right. */
  readonly statuses: readonly WorkflowStatus[];
  /**
   * Allowed moves, from status id to the status ids reachable from it. A status missing here may move
   * anywhere; an empty list means it is final. Absent altogether: every move is allowed.
   */
  readonly transitions?: Readonly<Record<string, readonly string[]>>;
  /** What a WIP limit does when exceeded: show a warning, or refuse the move. */
  readonly wipPolicy: 'warn' | 'block';
}

export interface Project extends EntityMeta {
  readonly name: string;
  /** Short prefix for task keys, e.g. `WEB`. */
  readonly key: string;
  readonly description?: string;
  readonly color?: string;
  readonly ownerId?: Id;
  readonly memberIds: readonly Id[];
  readonly workflow: Workflow;
  readonly archived?: boolean;
}
