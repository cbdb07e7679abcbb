import type { Id, Person, Priority, Project, StatusCategory, Table, Task, WorkflowStatus } from '@cwm/core';
import { NO_STATUS, NO_VALUE, SINGLE_LANE, type ColumnField, type LaneField } from './board-config.js';

/** Priorities as the board orders them: most pressing first. */
export const PRIORITY_ORDER: readonly Priority[] = ['urgent', 'high', 'medium', 'low', 'none'];

/** One column or lane before counting: what it is called and what it stands for. */
export interface Group {
  readonly key: string;
  readonly label: string;
  readonly kind: 'value' | 'no-value' | 'no-status' | 'single';
  readonly category?: StatusCategory;
  readonly wipLimit?: number;
  readonly wipPolicy?: 'warn' | 'block';
}

/** How tasks are grouped by one field: the key of a task, and the ordered groups for the keys in use. */
export interface Grouping {
  /** The group a task sits in. */
  keyOf(task: Task): string;
  /** Adds the keys a shown task makes visible (assignees: all of them, not only the first). */
  collect(task: Task, used: Set<string>): void;
  /** Every group to show, in board order, given the collected keys. */
  groups(used: ReadonlySet<string>): Group[];
}

/** What groupings look things up in. */
export interface GroupingContext {
  /** The board's project ids in board order, and the loaded ones among them. */
  readonly projectIds: readonly Id[];
  readonly projects: Table<Project>;
  readonly people: Table<Person>;
  /** Each board project's statuses by id: whether a status is known, and its category. */
  readonly statuses: ReadonlyMap<Id, ReadonlyMap<string, WorkflowStatus>>;
  /** Board tasks by id, for parent lanes. */
  readonly taskById?: ReadonlyMap<Id, Task>;
}

/** The grouping for a column or lane field. */
export function createGrouping(field: ColumnField | LaneField, context: GroupingContext): Grouping {
  switch (field) {
    case 'status':
      return statusGrouping(context);
    case 'assignee':
      return assigneeGrouping(context);
    case 'priority':
      return priorityGrouping();
    case 'project':
      return projectGrouping(context);
    case 'parent':
      return parentGrouping(context);
    case 'none':
      return singleGrouping();
  }
}

function collectKey(grouping: Pick<Grouping, 'keyOf'>): Grouping['collect'] {
  return (task, used) => {
    used.add(grouping.keyOf(task));
  };
}

function statusGrouping(context: GroupingContext): Grouping {
  const keyOf = (task: Task): string => (context.statuses.get(task.projectId)?.has(task.status) ? task.status : NO_STATUS);
  return {
    keyOf,
    collect: collectKey({ keyOf }),
    groups(used) {
      const merged = new Map<string, Group>();
      for (const projectId of context.projectIds) {
        const project = context.projects.get(projectId);
        if (!project) continue;
        for (const status of project.workflow.statuses) {
          const known = merged.get(status.id);
          // Same id in several projects is one column; its name and category come from the first
          // project, its limit from the first project that sets one.
          if (known && (known.wipLimit !== undefined || status.wipLimit === undefined)) continue;
          merged.set(status.id, {
            key: status.id,
            label: known?.label ?? status.name,
            kind: 'value',
            category: known?.category ?? status.category,
            ...(status.wipLimit !== undefined ? { wipLimit: status.wipLimit, wipPolicy: project.workflow.wipPolicy } : {}),
          });
        }
      }
      const groups = [...merged.values()];
      if (used.has(NO_STATUS)) groups.push({ key: NO_STATUS, label: '', kind: 'no-status' });
      return groups;
    },
  };
}

function assigneeGrouping(context: GroupingContext): Grouping {
  return {
    keyOf: (task) => task.assigneeIds[0] ?? NO_VALUE,
    collect(task, used) {
      if (task.assigneeIds.length === 0) used.add(NO_VALUE);
      for (const id of task.assigneeIds) used.add(id);
    },
    groups(used) {
      const ids = new Set<Id>();
      for (const key of used) if (key !== NO_VALUE) ids.add(key);
      for (const projectId of context.projectIds) {
        for (const member of context.projects.get(projectId)?.memberIds ?? []) ids.add(member);
      }
      // An assignee the people table does not hold (not loaded yet) still gets a column, named by id,
      // so their tasks never vanish.
      const groups: Group[] = [...ids].map((id) => ({ key: id, label: context.people.get(id)?.name ?? id, kind: 'value' }));
      groups.sort(byLabelThenKey);
      groups.push({ key: NO_VALUE, label: '', kind: 'no-value' });
      return groups;
    },
  };
}

function priorityGrouping(): Grouping {
  const keyOf = (task: Task): string => (PRIORITY_ORDER.includes(task.priority) ? task.priority : 'none');
  return {
    keyOf,
    collect: collectKey({ keyOf }),
    groups: () => PRIORITY_ORDER.map((priority) => ({ key: priority, label: priority, kind: 'value' })),
  };
}

function projectGrouping(context: GroupingContext): Grouping {
  const keyOf = (task: Task): string => task.projectId;
  return {
    keyOf,
    collect: collectKey({ keyOf }),
    groups: () =>
      context.projectIds.map((id) => ({ key: id, label: context.projects.get(id)?.name ?? id, kind: 'value' })),
  };
}

function parentGrouping(context: GroupingContext): Grouping {
  const taskById = context.taskById ?? new Map<Id, Task>();
  // A parent outside the board's tasks cannot be shown as a lane: its subtasks count as top level.
  const keyOf = (task: Task): string =>
    task.parentId !== undefined && taskById.has(task.parentId) ? task.parentId : NO_VALUE;
  return {
    keyOf,
    collect: collectKey({ keyOf }),
    groups(used) {
      const parents: Task[] = [];
      for (const key of used) {
        const parent = key === NO_VALUE ? undefined : taskById.get(key);
        if (parent) parents.push(parent);
      }
      parents.sort(byRankThenId);
      const groups: Group[] = parents.map((parent) => ({ key: parent.id, label: parent.title, kind: 'value' }));
      groups.push({ key: NO_VALUE, label: '', kind: 'no-value' });
      return groups;
    },
  };
}

function singleGrouping(): Grouping {
  return {
    keyOf: () => SINGLE_LANE,
    collect: (_task, used) => {
      used.add(SINGLE_LANE);
    },
    groups: () => [{ key: SINGLE_LANE, label: '', kind: 'single' }],
  };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function byLabelThenKey(a: Group, b: Group): number {
  return collator.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Board order within a cell: rank, then id so equal ranks (bad data) still order the same everywhere. */
export function byRankThenId(a: Task, b: Task): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
