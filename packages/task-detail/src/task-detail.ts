import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { EMPTY } from 'rxjs';
import { computeRollups, type Id, type Rollup, type StoreState, type Table, type Task, type WriteResult } from '@cwm/core';
import { unsafeStatic } from 'lit/static-html.js';
import { CwmDateField, CwmElement, CwmTagsField, markdownStyles, tagOf, type MessageKey } from '@cwm/ui';
import { registerTaskDetailMessages } from './i18n/register.js';
import { subtasksOf } from './model/subtask-moves.js';
import { ActivitySection, activityStyles } from './sections/activity.js';
import { ChecklistSection } from './sections/checklist.js';
import { DependenciesSection, dependenciesStyles } from './sections/dependencies.js';
import { DocumentsSection, documentsStyles } from './sections/documents.js';
import { TemplatesSection, templatesStyles } from './sections/templates.js';
import { FieldsSection } from './sections/fields.js';
import { PeopleSection, peopleStyles } from './sections/people.js';
import type { SectionContext } from './sections/section-context.js';
import { SubtasksSection } from './sections/subtasks.js';
import { taskDetailStyles } from './task-detail.styles.js';
import './events.js';

/** Fields with a name in the catalog (`task-detail.field.*`), for "Title changed." in the status line. */
const NAMED_FIELDS = new Set(['title', 'description', 'status', 'priority', 'tags', 'start', 'due', 'estimate', 'progress', 'milestone', 'subtasks', 'checklist']);

/** The sentence of the status line and whether it offers "Undo". */
interface StatusLine {
  readonly text: string;
  readonly undo: boolean;
}

/**
 * The editor of one task, as a side panel or anywhere a host puts it: every field edited in place
 * (title, description in markdown, status within the workflow's transitions, priority, tags, dates,
 * estimate, progress, milestone), subtasks with their roll-up, the checklist, dependencies, people
 * and resources, documents and the activity history.
 *
 * Every edit goes through the store: it shows at once, can be undone ("Undo" after each edit), and a
 * refusal (invalid value, policy, workflow, or the server later) is shown beside the field while what
 * the user typed stays. A change by someone else to a field being edited is shown with "Use theirs" /
 * "Keep mine", never silently overwritten.
 *
 * @summary Edit one task in depth on the shared cwm store.
 * @tagname cwm-task-detail
 *
 * @event cwm-task-open - A subtask, the parent or a linked task was chosen. `detail.taskId`.
 * @event cwm-task-detail-close - Close was pressed, or Escape outside any editor. `detail.taskId`.
 *
 * @attr task - The id of the task shown.
 * @attr no-close - Hides the element's own close button, for a host frame that has its own Close (a side
 *   panel, a dialog). Escape outside any editor still emits `cwm-task-detail-close`.
 *
 * @csspart panel - The editor's frame.
 * @csspart header - The title row with the close button.
 * @csspart close - The close button (absent with `no-close`).
 */
export class CwmTaskDetail extends CwmElement {
  static override styles = [...CwmElement.styles, markdownStyles, taskDetailStyles, dependenciesStyles, peopleStyles, documentsStyles, templatesStyles, ...activityStyles];

  /** The @cwm/ui form controls it renders, registered with it under the same prefix. */
  static elements = { 'cwm-date-field': CwmDateField, 'cwm-tags-field': CwmTagsField };

  /** The id of the task shown. */
  @property() task = '';

  /**
   * Hides the close button: the host's frame has its own Close (two would confuse). Escape outside any
   * editor still emits `cwm-task-detail-close`, so keyboard users can leave either way.
   */
  @property({ type: Boolean, attribute: 'no-close', reflect: true }) noClose = false;

  @state() private snapshot: StoreState | undefined;
  @state() private statusLine: StatusLine | undefined;
  @state() private announcement = '';
  @state() private fieldErrors: ReadonlyMap<string, string> = new Map();

  private readonly fields = new FieldsSection();
  private readonly subtasks = new SubtasksSection();
  private readonly checklist = new ChecklistSection();
  private readonly dependencies = new DependenciesSection();
  private readonly people = new PeopleSection();
  private readonly documents = new DocumentsSection();
  private readonly templates = new TemplatesSection();
  private readonly activity = new ActivitySection();
  private pendingFocus: string | undefined;
  private rollupCache: { tasks: Table<Task>; projectId: Id; rollups: Map<Id, Rollup> } | undefined;

  constructor() {
    super();
    registerTaskDetailMessages();
    this.observe(
      (store) => store.state$,
      (snapshot) => (this.snapshot = snapshot),
    );
    // Loads the task's history into the store: the concurrent-edit notice names who changed a field from it.
    this.observe(
      (store) => (this.task ? store.activity$({ taskId: this.task }) : EMPTY),
      () => undefined,
      () => [this.task],
    );
    // Loads the task's newest messages into the store: the activity section merges them with the history.
    this.observe(
      (store) => (this.task ? store.messages$(this.task) : EMPTY),
      () => undefined,
      () => [this.task],
    );
    // A save of this task that lost fields to someone else's earlier edit: say so here, where it was made.
    this.observe(
      (store) => store.errors$,
      (error) => {
        if (error.kind !== 'write-merged' || error.collection !== 'tasks' || error.entityId !== this.task) return;
        this.statusLine = { text: this.localize.describeError(error), undo: false };
      },
    );
    this.addEventListener('keydown', this.onKeydown);
  }

  /** The task shown, as the store has it now. */
  get taskEntity(): Task | undefined {
    return this.task ? this.snapshot?.tasks.get(this.task) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('task') && changed.get('task') !== undefined) {
      // Another task: drafts, messages and open editors of the previous one do not apply.
      this.fields.reset();
      this.subtasks.reset();
      this.checklist.reset();
      this.statusLine = undefined;
      this.fieldErrors = new Map();
    }
    const task = this.taskEntity;
    if (task) this.fields.reconcile(task);
  }

  protected override updated(): void {
    const selector = this.pendingFocus;
    if (selector === undefined) return;
    this.pendingFocus = undefined;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  protected override render(): TemplateResult {
    if (!this.task) return this.frame(html`<p class="muted">${this.localize.t('task-detail.no-task')}</p>`);
    const snapshot = this.snapshot;
    const store = this.store;
    if (!snapshot || !store || snapshot.sync.phase === 'loading' || snapshot.sync.phase === 'idle') {
      return this.frame(html`<p class="muted" role="status">${this.localize.t('task-detail.loading')}</p>`);
    }
    const task = snapshot.tasks.get(this.task);
    if (!task) return this.frame(html`<p class="muted" role="status">${this.localize.t('task-detail.missing')}</p>`);
    const ctx = this.context(snapshot, task);
    const rollup = this.rollupsFor(snapshot, task).get(task.id);
    const children = subtasksOf(snapshot.tasks.values(), task.id);
    const parent = task.parentId === undefined ? undefined : snapshot.tasks.get(task.parentId);
    const edit = ctx.can('task.edit');
    return html`<article class="panel" part="panel" aria-labelledby="title-heading">
      <header class="header" part="header">
        <div class="header-main">
          ${parent
            ? html`<p class="parent-link">
                ${this.localize.t('task-detail.parent', { title: '' })}<button type="button" class="link" data-focus="parent-open" aria-label=${this.localize.t('task-detail.parent-open', { title: parent.title })} @click=${() => ctx.openTask(parent.id)}>${parent.title}</button>
              </p>`
            : nothing}
          ${this.fields.renderTitle(ctx)}
        </div>
        ${this.renderClose()}
      </header>
      ${edit.allowed ? nothing : html`<p class="read-only">${this.localize.t('task-detail.read-only', { reason: this.localize.denial(edit) })}</p>`}
      <div class="status-line" role="status">${this.renderStatusLine()}</div>
      ${this.fields.renderFields(ctx, { date: unsafeStatic(tagOf(this, CwmDateField)), tags: unsafeStatic(tagOf(this, CwmTagsField)) })} ${this.fields.renderDescription(ctx)}
      ${this.subtasks.render(ctx, { rollup, subtasks: children })}
      ${this.checklist.render(ctx, { rollup, hasSubtasks: children.length > 0, newId: () => `ci-${crypto.randomUUID()}` })}
      ${this.dependencies.render(ctx)} ${this.people.render(ctx)} ${this.documents.render(ctx)} ${this.templates.render(ctx)} ${this.activity.render(ctx)}
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    </article>`;
  }

  private frame(content: TemplateResult): TemplateResult {
    return html`<article class="panel" part="panel" aria-label=${this.localize.t('task-detail.field.title')}>
      <header class="header">
        <div class="header-main">${content}</div>
        ${this.renderClose()}
      </header>
    </article>`;
  }

  private renderClose(): TemplateResult | typeof nothing {
    if (this.noClose) return nothing;
    const label = this.localize.t('task-detail.close');
    return html`<button type="button" class="icon-button close" part="close" aria-label=${label} title=${label} @click=${this.close}>
      <span aria-hidden="true">✕</span>
    </button>`;
  }

  private renderStatusLine(): TemplateResult | typeof nothing {
    const line = this.statusLine;
    if (!line) return nothing;
    return html`<span>${line.text}</span>${line.undo ? html`<button type="button" data-focus="undo" @click=${this.undo}>${this.localize.t('task-detail.undo')}</button>` : nothing}`;
  }

  private readonly undo = (): void => {
    if (!this.store?.undo()) return;
    this.statusLine = { text: this.localize.t('task-detail.undone'), undo: false };
    // The Undo button is gone: keep focus inside the panel (on the title's Edit when there is no close button).
    this.pendingFocus = this.noClose ? '[data-focus="title-edit"]' : '.close';
  };

  private readonly close = (): void => {
    this.dispatch('cwm-task-detail-close', { taskId: this.task });
  };

  /** Escape that no editor handled (editors stop it) closes the panel. */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.close();
  };

  private rollupsFor(snapshot: StoreState, task: Task): Map<Id, Rollup> {
    const cache = this.rollupCache;
    if (cache && cache.tasks === snapshot.tasks && cache.projectId === task.projectId) return cache.rollups;
    const tasks = snapshot.tasks.filter((entry) => entry.projectId === task.projectId);
    const rollups = computeRollups(tasks, (projectId) => snapshot.projects.get(projectId)?.workflow);
    this.rollupCache = { tasks: snapshot.tasks, projectId: task.projectId, rollups };
    return rollups;
  }

  private setFieldError(field: string, message: string | undefined): void {
    if (this.fieldErrors.get(field) === message) return;
    const next = new Map(this.fieldErrors);
    if (message === undefined) next.delete(field);
    else next.set(field, message);
    this.fieldErrors = next;
  }

  private fieldName(field: string | undefined): string | undefined {
    return field !== undefined && NAMED_FIELDS.has(field) ? this.localize.t(`task-detail.field.${field}` as MessageKey) : undefined;
  }

  private write(result: WriteResult, field?: string): boolean {
    const localize = this.localize;
    if (!result.ok) {
      const text = localize.t('task-detail.refused', { reason: localize.reason(result.code, result.reason) });
      if (field === undefined) this.statusLine = { text, undo: false };
      else this.setFieldError(field, text);
      return false;
    }
    if (field !== undefined) this.setFieldError(field, undefined);
    const name = this.fieldName(field);
    this.statusLine = { text: name ? localize.t('task-detail.changed', { field: name }) : localize.t('task-detail.saved'), undo: true };
    const shownTask = this.task;
    void result.confirmed.then((outcome) => {
      // The store has rolled the edit back by now; say so where it was made, if the task is still shown.
      if (outcome.status !== 'rejected' || this.task !== shownTask) return;
      const text = localize.t('task-detail.rolled-back', { reason: localize.reason(outcome.code, outcome.reason) });
      if (field === undefined) this.statusLine = { text, undo: false };
      else this.setFieldError(field, text);
      if (this.statusLine?.undo) this.statusLine = undefined;
    });
    return true;
  }

  private context(snapshot: StoreState, task: Task): SectionContext {
    const store = this.store!;
    const localize = this.localize;
    const project = snapshot.projects.get(task.projectId);
    const errorId = (field: string): string => `error-${field}`;
    return {
      store,
      task,
      project,
      state: snapshot,
      localize,
      t: (key, params) => localize.t(key, params),
      person: (id) => snapshot.people.get(id),
      personName: (id) => snapshot.people.get(id)?.name ?? localize.t('task-detail.unknown-person'),
      write: (result, field) => this.write(result, field),
      setFieldError: (field, message) => this.setFieldError(field, message),
      fieldErrorText: (field) => this.fieldErrors.get(field),
      fieldErrorId: errorId,
      fieldError: (field) => {
        const message = this.fieldErrors.get(field);
        return message === undefined ? nothing : html`<p class="field-error" id=${errorId(field)} role="alert">${message}</p>`;
      },
      can: (action, target = {}) => store.can(action, { task, ...(project ? { project } : {}), ...target }),
      denial: (result) => localize.denial(result),
      requestUpdate: () => this.requestUpdate(),
      openTask: (taskId) => {
        this.dispatch('cwm-task-open', { taskId });
      },
      focusAfterRender: (selector) => {
        this.pendingFocus = selector;
        this.requestUpdate();
      },
      announce: (message) => {
        // Cleared first so the same sentence twice is announced twice.
        this.announcement = '';
        void this.updateComplete.then(() => (this.announcement = message));
      },
    };
  }
}
