import type { EntityMeta, Id, IsoDate, IsoDateTime } from './common.js';

export type Priority = 'none' | 'low' | 'medium' | 'high' | 'urgent';
export const PRIORITIES: readonly Priority[] = ['none', 'low', 'medium', 'high', 'urgent'];

/**
 * Dependency kinds, named predecessor-successor: FS = the successor starts after the predecessor
 * finishes; SS = starts after it starts; FF = finishes after it finishes; SF = finishes after it starts.
 */
export type DependencyType = 'FS' | 'SS' | 'FF' | 'SF';
export const DEPENDENCY_TYPES: readonly DependencyType[] = ['FS', 'SS', 'FF', 'SF'];

/** A dependency held by the successor task. */
export interface Dependency {
  readonly predecessorId: Id;
  readonly type: DependencyType;
  /** Days added to the constraint (negative = lead). */
  readonly lag: number;
}

export interface ChecklistItem {
  readonly id: Id;
  readonly text: string;
  readonly done: boolean;
}

/** A link to a document that lives elsewhere (the library never stores files). */
export interface DocumentLink {
  readonly id: Id;
  readonly name: string;
  readonly url: string;
  /** MIME type or a short kind such as `pdf`. */
  readonly type: string;
}

export interface Task extends EntityMeta {
  readonly projectId: Id;
  /** Parent task; subtasks roll up into it. */
  readonly parentId?: Id;
  readonly title: string;
  /** Markdown source; rendered only through the sanitizer. */
  readonly description?: string;
  /** A status id of the project's workflow. Unknown ids are kept (the board shows them apart). */
  readonly status: string;
  /** Order within a status column; compared as strings (fractional index). */
  readonly rank: string;
  readonly assigneeIds: readonly Id[];
  /** Non-human resources (and extra people) booked for the task. */
  readonly resourceIds: readonly Id[];
  /** People following the task (collaborators who joined); they get its notifications. */
  readonly followerIds: readonly Id[];
  readonly priority: Priority;
  readonly tags: readonly string[];
  readonly start?: IsoDate;
  /** Last day of work, inclusive. */
  readonly due?: IsoDate;
  /** Effort in hours. */
  readonly estimate?: number;
  /** 0 to 100. */
  readonly progress: number;
  readonly milestone?: boolean;
  readonly dependencies: readonly Dependency[];
  readonly checklist: readonly ChecklistItem[];
  readonly documents: readonly DocumentLink[];
  readonly createdBy: Id;
  /**
   * When the task entered its current status. Written by the backend on create and on every status
   * change (never sent by clients); boards show "days in column" from it.
   */
  readonly statusChangedAt?: IsoDateTime;
}

/** The fields of a task that have a neutral value when nobody set them. */
export type TaskDefaults = Pick<
  Task,
  'assigneeIds' | 'resourceIds' | 'followerIds' | 'priority' | 'tags' | 'progress' | 'dependencies' | 'checklist' | 'documents'
>;

/**
 * What a new task starts with unless told otherwise: nobody assigned or following, no resources,
 * tags, dependencies, checklist or documents, priority `none`, progress 0. A function, not a constant,
 * so every task gets its own lists (nothing shared by accident if a caller casts away `readonly`).
 */
export function taskDefaults(): TaskDefaults {
  return {
    assigneeIds: [],
    resourceIds: [],
    followerIds: [],
    priority: 'none',
    tags: [],
    progress: 0,
    dependencies: [],
    checklist: [],
    documents: [],
  };
}
