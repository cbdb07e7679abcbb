import type { Id, IsoDate } from '../model/common.js';
import type { Project } from '../model/project.js';
import type { Task } from '../model/task.js';
import type { Action, PermissionTarget } from '../permissions/types.js';
import { countTemplateTasks, tasksFromTemplate } from '../templates/tasks-from-template.js';
import { templateFromTask } from '../templates/template-from-task.js';
import { checkTransition, checkWipLimit } from '../workflow/rules.js';
import type { StoreState } from './state.js';
import type { WriteResult } from './store.js';
import type { ChangeSpec } from './undo.js';

/** How `saveTaskAsTemplate` keeps a template. */
export interface SaveTemplateOptions {
  /** Offer it only in the task's project (default: in every project). */
  readonly projectScoped?: boolean;
}

/** Where `createFromTemplate` puts the new task tree. */
export interface FromTemplateOptions {
  readonly projectId: Id;
  /** Create the tree under this task (of the same project); absent: the root is a top-level task. */
  readonly parentId?: Id;
  /** The day the template's plan starts (its root's start); absent: the new tasks get no dates. */
  readonly start?: IsoDate;
  /** Every new task's status; absent: the workflow's first status. */
  readonly status?: string;
}

/** What the template actions need from the store: its state, identity, policy and write path. */
export interface TemplateStoreAccess {
  readonly state: () => StoreState;
  readonly userId: Id;
  readonly now: () => Date;
  readonly newId: (prefix: string) => string;
  /** The first denial among `actions`, as a refused write; undefined when all are allowed. */
  readonly denied: (actions: readonly Action[], target: PermissionTarget) => WriteResult | undefined;
  /** Applies changes optimistically as one undoable action (the store's `perform`). */
  readonly perform: (forward: readonly ChangeSpec[], undo: readonly ChangeSpec[]) => WriteResult;
  readonly countInStatus: (projectId: Id, status: string) => number;
}

function refused(code: string, reason: string): WriteResult {
  return { ok: false, code, reason };
}

/** The highest rank among `tasks` that pass `keep`; the new tree goes after it. */
function lastRank(tasks: Iterable<Task>, keep: (task: Task) => boolean): string | undefined {
  let last: string | undefined;
  for (const task of tasks) if (keep(task) && (last === undefined || task.rank > last)) last = task.rank;
  return last;
}

/**
 * The store's template actions, kept out of `store.ts`: the checks (policy, workflow, WIP limit,
 * scope) and the change specs; the store publishes them as its own methods.
 */
export class TemplateActions {
  constructor(private readonly store: TemplateStoreAccess) {}

  saveTaskAsTemplate(taskId: Id, name: string, options: SaveTemplateOptions = {}): WriteResult {
    const state = this.store.state();
    const task = state.tasks.get(taskId);
    if (!task) return refused('not-found', `There is no task ${taskId}.`);
    const project = state.projects.get(task.projectId);
    const denial = this.store.denied(['template.create'], { task, ...(project ? { project } : {}) });
    if (denial) return denial;
    if (name.trim() === '') return refused('empty', 'Give the template a name.');
    const template = templateFromTask(state.tasks, taskId, {
      id: this.store.newId('tpl'),
      name: name.trim(),
      createdBy: this.store.userId,
      at: this.store.now().toISOString(),
      ...(options.projectScoped ? { projectId: task.projectId } : {}),
    })!;
    return this.store.perform(
      [{ kind: 'create', collection: 'templates', value: template, intent: 'template.create' }],
      [{ kind: 'delete', collection: 'templates', entityId: template.id, intent: 'template.delete' }],
    );
  }

  createFromTemplate(templateId: Id, options: FromTemplateOptions): WriteResult {
    const state = this.store.state();
    const template = state.templates.get(templateId);
    if (!template) return refused('not-found', `There is no template ${templateId}.`);
    const project = state.projects.get(options.projectId);
    if (!project) return refused('not-found', `There is no project ${options.projectId}.`);
    if (template.projectId !== undefined && template.projectId !== project.id) {
      return refused('wrong-project', `The template "${template.name}" belongs to another project than "${project.name}".`);
    }
    const denial = this.store.denied(['task.create'], { project });
    if (denial) return denial;
    const parent = options.parentId === undefined ? undefined : state.tasks.get(options.parentId);
    if (options.parentId !== undefined && !parent) return refused('not-found', `There is no task ${options.parentId}.`);
    if (parent && parent.projectId !== project.id) {
      return refused('wrong-project', `"${parent.title}" is in another project; subtasks stay in their parent's project.`);
    }
    const status = options.status ?? project.workflow.statuses[0]?.id ?? 'todo';
    const problem = this.statusProblem(project, status, options.status !== undefined, countTemplateTasks(template));
    if (problem) return problem;
    const tasks = tasksFromTemplate(template, {
      projectId: project.id,
      ...(parent ? { parentId: parent.id } : {}),
      ...(options.start === undefined ? {} : { start: options.start }),
      status,
      // After the column's last card and the new siblings' last one, so the tree lands at both ends.
      afterRank: lastRank(state.tasks, (task) => (task.projectId === project.id && task.status === status) || (parent !== undefined && task.parentId === parent.id)),
      createdBy: this.store.userId,
      at: this.store.now().toISOString(),
      newId: this.store.newId,
    });
    // Parents first on the way in, subtasks first on the way out: the backend never holds an orphan.
    const result = this.store.perform(
      tasks.map((task): ChangeSpec => ({ kind: 'create', collection: 'tasks', value: task, intent: 'task.create' })),
      [...tasks].reverse().map((task): ChangeSpec => ({ kind: 'delete', collection: 'tasks', entityId: task.id, intent: 'task.delete' })),
    );
    return result.ok ? { ...result, id: tasks[0]!.id } : result;
  }

  deleteTemplate(id: Id): WriteResult {
    const state = this.store.state();
    const template = state.templates.get(id);
    if (!template) return refused('not-found', `There is no template ${id}.`);
    const project = template.projectId === undefined ? undefined : state.projects.get(template.projectId);
    const denial = this.store.denied(['template.delete'], { template, ...(project ? { project } : {}) });
    if (denial) return denial;
    return this.store.perform(
      [{ kind: 'delete', collection: 'templates', entityId: id, intent: 'template.delete' }],
      [{ kind: 'create', collection: 'templates', value: template, intent: 'template.create' }],
    );
  }

  /** The workflow's word on `count` tasks entering `status` at once (an explicit status must exist). */
  private statusProblem(project: Project, status: string, explicit: boolean, count: number): WriteResult | undefined {
    const transition = explicit ? checkTransition(project, status, status) : undefined;
    if (transition) return refused(transition.code, transition.reason);
    // The last of the new tasks is the one that must still fit under the limit.
    const wip = checkWipLimit(project, status, this.store.countInStatus(project.id, status) + count - 1);
    return wip.blocking ? refused('wip-limit', wip.reason ?? 'The column is full.') : undefined;
  }
}
