import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { MAX_TEMPLATE_DEPTH, MAX_TEMPLATE_TASKS, type Id, type PermissionResult, type Table, type Task, type TaskTemplate } from '@cwm/core';
import { token } from '@cwm/ui';
import { registerTemplatesMessages } from '../i18n/templates-messages.js';
import { descendantCount, templateRows, type TemplateRow } from '../model/template-rows.js';
import { focusAfterUpdate } from './focus-after-update.js';
import type { SectionContext } from './section-context.js';

/** Field key of the section's refusals (saving, adding, deleting). */
export const TEMPLATES_FIELD = 'templates';
/** Field key of the template name input (an empty name). */
export const TEMPLATE_NAME_FIELD = 'template-name';

/**
 * The templates section of `<cwm-task-detail>`: "Save as template" (a name and "only in this
 * project") for the task with its whole subtask tree, and the templates offered in the task's
 * project (name, number of tasks, author) with "Add as subtask" (the template's tree created under
 * this task, its plan starting on this task's start) and "Delete" where the policy allows, else the
 * reason. Every write goes through the store as one undoable step; a refusal is shown beside the
 * section and what was typed stays.
 */
export class TemplatesSection {
  private name = '';
  private projectScoped = false;
  private draftFor: Id | undefined;
  private context!: SectionContext;
  // The list is sorted and every tree counted once per version of the templates table.
  private rowsCache: { table: Table<TaskTemplate>; projectId: Id; rows: TemplateRow[] } | undefined;
  private sizeCache: { tasks: Table<Task>; taskId: Id; subtasks: number } | undefined;

  constructor() {
    registerTemplatesMessages();
  }

  /** Renders the section for `context.task`. */
  render(context: SectionContext): TemplateResult {
    this.context = context;
    const { t, task } = context;
    if (this.draftFor !== task.id) {
      this.draftFor = task.id;
      this.name = '';
      this.projectScoped = false;
    }
    const rows = this.rows();
    const add = context.can('task.create');
    return html`<section class="templates" aria-labelledby="templates-heading">
      <h3 id="templates-heading">${t('task-detail.templates.heading')}</h3>
      ${this.renderSaveForm()}
      <h4 id="templates-list-heading">${t('task-detail.templates.list-heading')}</h4>
      ${rows.length === 0
        ? html`<p class="muted">${t('task-detail.templates.none')}</p>`
        : html`<ul class="template-list" aria-labelledby="templates-list-heading">
            ${rows.map((row) => this.renderRow(row, add.allowed))}
          </ul>`}
      ${rows.length > 0 && !add.allowed ? html`<p class="note">${t('task-detail.templates.cannot-add', { reason: context.denial(add) })}</p>` : nothing}
      ${this.renderDeleteNote(rows, add)}
      ${context.fieldError(TEMPLATES_FIELD)}
    </section>`;
  }

  private renderSaveForm(): TemplateResult {
    const context = this.context;
    const { t } = context;
    const permission = context.can('template.create', context.project ? { project: context.project } : {});
    const nameError = context.fieldErrorText(TEMPLATE_NAME_FIELD) !== undefined;
    return html`<form class="save-template" novalidate aria-labelledby="templates-save-heading" @submit=${this.save}>
      <h4 id="templates-save-heading">${t('task-detail.templates.save-heading')}</h4>
      ${permission.allowed
        ? html`<div class="row">
              <label>
                ${t('task-detail.templates.name')}
                <input
                  id="templates-name"
                  type="text"
                  autocomplete="off"
                  aria-invalid=${nameError ? 'true' : 'false'}
                  aria-describedby=${nameError ? context.fieldErrorId(TEMPLATE_NAME_FIELD) : nothing}
                  .value=${live(this.name)}
                  @input=${this.editName}
                />
              </label>
              ${context.fieldError(TEMPLATE_NAME_FIELD)}
              <label class="check">
                <input id="templates-scoped" type="checkbox" .checked=${live(this.projectScoped)} @change=${this.toggleScope} />
                ${t('task-detail.templates.scoped')}
              </label>
            </div>
            <p class="muted">${t('task-detail.templates.tree-size', { count: this.subtaskCount() })}</p>
            <div><button class="primary" type="submit">${t('task-detail.templates.save')}</button></div>`
        : html`<p class="note">${context.denial(permission)}</p>`}
    </form>`;
  }

  private renderRow(row: TemplateRow, addAllowed: boolean): TemplateResult {
    const context = this.context;
    const { t } = context;
    const { template, taskCount } = row;
    const remove = context.can('template.delete', { template });
    return html`<li data-template-id=${template.id}>
      <div class="template-info">
        <span class="template-name">${template.name}</span>
        <span class="meta">
          ${t('task-detail.templates.count', { count: taskCount })} · ${t('task-detail.templates.by', { person: context.personName(template.createdBy) })} ·
          ${t(template.projectId === undefined ? 'task-detail.templates.scope-all' : 'task-detail.templates.scope-project')}
        </span>
        ${!remove.allowed && remove.code === 'not-author' ? html`<span class="note denied">${t('task-detail.templates.not-author')}</span>` : nothing}
      </div>
      <span class="actions">
        ${addAllowed
          ? html`<button
              type="button"
              class="add-template"
              data-focus=${`template-add-${template.id}`}
              aria-label=${t('task-detail.templates.add-label', { name: template.name })}
              @click=${() => this.addAsSubtask(row)}
            >
              ${t('task-detail.templates.add')}
            </button>`
          : nothing}
        ${remove.allowed
          ? html`<button
              type="button"
              class="icon icon-button delete-template"
              aria-label=${t('task-detail.templates.delete-label', { name: template.name })}
              title=${t('task-detail.templates.delete-label', { name: template.name })}
              @click=${(event: Event) => this.remove(template, event)}
            >
              <span aria-hidden="true">×</span>
            </button>`
          : nothing}
      </span>
    </li>`;
  }

  /**
   * A denial that is not about one template's author (a role, read-only access, a host rule) is the
   * same for every row: said once under the list, and not at all when "cannot add" already says it.
   */
  private renderDeleteNote(rows: readonly TemplateRow[], add: PermissionResult): TemplateResult | typeof nothing {
    const context = this.context;
    for (const { template } of rows) {
      const remove = context.can('template.delete', { template });
      if (remove.allowed || remove.code === 'not-author') continue;
      const reason = context.denial(remove);
      if (!add.allowed && context.denial(add) === reason) return nothing;
      return html`<p class="note">${context.t('task-detail.templates.cannot-delete', { reason })}</p>`;
    }
    return nothing;
  }

  private rows(): TemplateRow[] {
    const { state, task } = this.context;
    const cache = this.rowsCache;
    if (cache && cache.table === state.templates && cache.projectId === task.projectId) return cache.rows;
    const rows = templateRows(state.templates, task.projectId);
    this.rowsCache = { table: state.templates, projectId: task.projectId, rows };
    return rows;
  }

  private subtaskCount(): number {
    const { state, task } = this.context;
    const cache = this.sizeCache;
    if (cache && cache.tasks === state.tasks && cache.taskId === task.id) return cache.subtasks;
    const subtasks = descendantCount(state.tasks, task.id);
    this.sizeCache = { tasks: state.tasks, taskId: task.id, subtasks };
    return subtasks;
  }

  private readonly editName = (event: Event): void => {
    this.name = (event.target as HTMLInputElement).value;
    // A message about the name may be fixed now.
    if (this.context.fieldErrorText(TEMPLATE_NAME_FIELD) !== undefined) {
      this.context.setFieldError(TEMPLATE_NAME_FIELD, undefined);
      this.context.requestUpdate();
    }
  };

  private readonly toggleScope = (event: Event): void => {
    this.projectScoped = (event.target as HTMLInputElement).checked;
  };

  private readonly save = (event: Event): void => {
    event.preventDefault();
    const context = this.context;
    const { t } = context;
    const form = event.currentTarget as HTMLElement;
    const name = this.name.trim();
    if (name === '') {
      context.setFieldError(TEMPLATE_NAME_FIELD, t('task-detail.templates.name-empty'));
      focusAfterUpdate(form, '#templates-name');
      return;
    }
    context.setFieldError(TEMPLATE_NAME_FIELD, undefined);
    const result = context.store.saveTaskAsTemplate(context.task.id, name, { projectScoped: this.projectScoped });
    if (!result.ok && result.code === 'validation') {
      // The store's reason is English developer text: name the limits in the reader's language.
      context.setFieldError(TEMPLATES_FIELD, t('task-detail.templates.too-big', { tasks: MAX_TEMPLATE_TASKS, levels: MAX_TEMPLATE_DEPTH }));
      return;
    }
    if (!context.write(result, TEMPLATES_FIELD)) return;
    context.announce(t('task-detail.templates.saved', { name }));
    this.name = '';
    this.projectScoped = false;
    context.requestUpdate();
    focusAfterUpdate(form, '#templates-name');
  };

  private addAsSubtask(row: TemplateRow): void {
    const context = this.context;
    const { task } = context;
    const result = context.store.createFromTemplate(row.template.id, {
      projectId: task.projectId,
      parentId: task.id,
      ...(task.start === undefined ? {} : { start: task.start }),
    });
    if (!context.write(result, TEMPLATES_FIELD)) return;
    context.announce(context.t('task-detail.templates.added', { name: row.template.name, count: row.taskCount }));
  }

  private remove(template: TaskTemplate, event: Event): void {
    const context = this.context;
    const result = context.store.deleteTemplate(template.id);
    if (!context.write(result, TEMPLATES_FIELD)) return;
    context.announce(context.t('task-detail.templates.deleted', { name: template.name }));
    // The row and its button are gone: keep focus in the section.
    focusAfterUpdate(event.currentTarget as HTMLElement, '.templates .delete-template', '#templates-name', '#templates-heading');
  }
}

/** Styles of the templates section. */
export const templatesStyles = css`
  .templates .template-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .templates .template-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-xs')} ${token('space-s')};
    padding-block: ${token('space-xs')};
    border-block-end: 1px solid ${token('color-border')};
  }
  .templates .template-info {
    display: flex;
    flex-direction: column;
    flex: 1 1 12rem;
    min-width: 0;
  }
  .templates .template-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .templates .meta {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }
  .templates .actions {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-xs')};
  }
  .templates .check {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
  }
  .templates .save-template {
    display: flex;
    flex-direction: column;
    gap: ${token('space-xs')};
  }
  .templates .save-template .row label:not(.check) {
    display: flex;
    flex-direction: column;
    gap: ${token('space-2xs')};
    flex: 1 1 12rem;
    min-width: 0;
  }
  .templates .save-template input[type='text'] {
    max-width: 100%;
    box-sizing: border-box;
  }
  .templates h4 {
    margin-block: ${token('space-s')} ${token('space-2xs')};
  }
  .templates .note {
    margin: 0;
    font-size: ${token('font-size-s')};
    color: ${token('color-text-muted')};
  }
`;
