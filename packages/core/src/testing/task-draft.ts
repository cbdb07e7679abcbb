import type { Id } from '../model/common.js';
import type { ChecklistItem, Dependency, DocumentLink, Priority } from '../model/task.js';
import type { ProjectPlan } from './context.js';

/**
 * A task while it is being generated. Dates are day offsets from the start and stay mutable until
 * the hierarchy is complete (a parent's dates are the envelope of its children's).
 */
export interface TaskDraft {
  /** Position in generation order, which is also the number in the id. */
  readonly index: number;
  readonly id: Id;
  readonly plan: ProjectPlan;
  readonly parent: TaskDraft | undefined;
  /** 1 = epic, 2 = task, 3 = subtask. */
  readonly level: 1 | 2 | 3;
  readonly children: TaskDraft[];
  readonly title: string;
  readonly milestone: boolean;
  start: number;
  due: number;
  status: string;
  progress: number;
  estimate: number | undefined;
  assigneeIds: Id[];
  followerIds: Id[];
  createdBy: Id;
  priority: Priority;
  tags: string[];
  description: string | undefined;
  checklist: ChecklistItem[];
  documents: DocumentLink[];
  dependencies: Dependency[];
  rank: string;
}
