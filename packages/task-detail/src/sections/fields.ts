import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { checkTransition, PRIORITIES, type Patch, type Priority, type Task } from '@cwm/core';
import { renderMarkdown, type MessageKey } from '@cwm/ui';
import { checkDraft, DRAFT_FIELDS, fieldText, type DraftField } from '../model/field-drafts.js';
import { keepMine, lastChangedBy, reconcileEdit, startEdit, useTheirs, type FieldEdit } from '../model/field-edit.js';
import { renderDateControl, renderTagsControl, renderTextControl, type ControlTags, type TextControlOptions } from './field-controls.js';
import type { SectionContext } from './section-context.js';

/** Longest value quoted in the concurrent-edit notice; a long description is cut there. */
const QUOTE_LENGTH = 80;

/**
 * The task's own fields: the title in the header (edited in place), the description (markdown with a
 * preview) and the field grid (status, priority, tags, dates, estimate, progress, milestone).
 *
 * Text fields keep a draft while the user types, so nothing typed is lost when a value is refused; a
 * change of the same field by someone else meanwhile is shown with "Use theirs" / "Keep mine".
 * Pickers (status, priority, milestone) save on change.
 */
export class FieldsSection {
  private readonly edits = new Map<DraftField, FieldEdit>();
  private previewing = false;

  /** Whether `field` has a draft (an open editor). */
  isEditing(field: DraftField): boolean {
    return this.edits.has(field);
  }

  /** The draft of `field`, if one is open (tests and the element's Escape handling read it). */
  draftOf(field: DraftField): FieldEdit | undefined {
    return this.edits.get(field);
  }

  /** Follows the store's task while drafts are open; call before every render. */
  reconcile(task: Task): void {
    for (const [field, edit] of this.edits) {
      const next = reconcileEdit(edit, fieldText(task, field));
      if (next !== edit) this.edits.set(field, next);
    }
  }

  /** Drops every draft (another task is shown now). */
  reset(): void {
    this.edits.clear();
    this.previewing = false;
  }

  /** The title: a heading with an Edit button, or the in-place editor. */
  renderTitle(ctx: SectionContext): TemplateResult {
    const edit = this.edits.get('title');
    const editable = ctx.can('task.edit').allowed;
    if (!edit) {
      return html`<div class="title-row">
        <h2 class="title" id="title-heading">${ctx.task.title}</h2>
        ${editable
          ? html`<button type="button" class="icon-button" data-focus="title-edit" aria-label=${ctx.t('task-detail.edit-title')} title=${ctx.t('task-detail.edit-title')} @click=${() => this.open(ctx, 'title', '#title-input')}>
              <span aria-hidden="true">✎</span>
            </button>`
          : nothing}
      </div>`;
    }
    const invalid = ctx.fieldErrorText('title') !== undefined;
    return html`<div class="title-editor">
      <label class="visually-hidden" for="title-input">${ctx.t('task-detail.field.title')}</label>
      <input
        id="title-input"
        class="title-input"
        type="text"
        autocomplete="off"
        .value=${live(edit.draft)}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="title-hint ${ctx.fieldErrorId('title')}"
        @input=${(event: Event) => this.type(ctx, 'title', (event.target as HTMLInputElement).value)}
        @keydown=${(event: KeyboardEvent) => this.editorKeys(ctx, 'title', event, '[data-focus="title-edit"]')}
      />
      <div class="editor-actions">
        <button type="button" @click=${() => this.commit(ctx, 'title', '[data-focus="title-edit"]')}>${ctx.t('task-detail.save')}</button>
        <button type="button" @click=${() => this.cancel(ctx, 'title', '[data-focus="title-edit"]')}>${ctx.t('task-detail.cancel')}</button>
      </div>
      <p class="hint" id="title-hint">${ctx.t('task-detail.title-hint')}</p>
      ${this.renderConflict(ctx, 'title')} ${ctx.fieldError('title')}
    </div>`;
  }

  /** The description: rendered markdown and an Edit button, or a textarea with a preview. */
  renderDescription(ctx: SectionContext): TemplateResult {
    const edit = this.edits.get('description');
    const editable = ctx.can('task.edit').allowed;
    const heading = html`<h3 class="section-title" id="description-heading">${ctx.t('task-detail.field.description')}</h3>`;
    if (!edit) {
      const source = ctx.task.description ?? '';
      return html`<section class="description" aria-labelledby="description-heading">
        <div class="section-head">
          ${heading}
          ${editable
            ? html`<button type="button" data-focus="description-edit" @click=${() => this.open(ctx, 'description', '#description-input')}>
                ${ctx.t('task-detail.edit')}<span class="visually-hidden">: ${ctx.t('task-detail.field.description')}</span>
              </button>`
            : nothing}
        </div>
        ${source.trim() === '' ? html`<p class="muted">${ctx.t('task-detail.description-none')}</p>` : html`<div class="markdown">${renderMarkdown(source)}</div>`}
        ${ctx.fieldError('description')}
      </section>`;
    }
    const back = '[data-focus="description-edit"]';
    return html`<section class="description" aria-labelledby="description-heading">
      <div class="section-head">${heading}</div>
      <label class="visually-hidden" for="description-input">${ctx.t('task-detail.description-edit')}</label>
      <textarea
        id="description-input"
        rows="6"
        .value=${live(edit.draft)}
        aria-describedby="description-hint ${ctx.fieldErrorId('description')}"
        @input=${(event: Event) => this.type(ctx, 'description', (event.target as HTMLTextAreaElement).value)}
        @keydown=${(event: KeyboardEvent) => {
          // Enter makes new lines here; Ctrl/Cmd+Enter saves.
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            this.commit(ctx, 'description', back);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            this.cancel(ctx, 'description', back);
          }
        }}
      ></textarea>
      <p class="hint" id="description-hint">${ctx.t('task-detail.description-hint')}</p>
      <div class="editor-actions">
        <button type="button" @click=${() => this.commit(ctx, 'description', back)}>${ctx.t('task-detail.save')}</button>
        <button type="button" @click=${() => this.cancel(ctx, 'description', back)}>${ctx.t('task-detail.cancel')}</button>
        <button
          type="button"
          aria-pressed=${this.previewing ? 'true' : 'false'}
          @click=${() => {
            this.previewing = !this.previewing;
            ctx.requestUpdate();
          }}
        >
          ${ctx.t('task-detail.description-preview')}
        </button>
      </div>
      ${this.renderConflict(ctx, 'description')} ${ctx.fieldError('description')}
      ${this.previewing
        ? html`<div class="preview markdown" aria-label=${ctx.t('task-detail.description-preview')} role="region">${renderMarkdown(edit.draft)}</div>`
        : nothing}
    </section>`;
  }

  /** The grid of short fields; `controls` are the tags of the @cwm/ui form controls the element registered. */
  renderFields(ctx: SectionContext, controls: ControlTags): TemplateResult {
    const editable = ctx.can('task.edit').allowed;
    const task = ctx.task;
    const calendar = ctx.state.workspace?.calendar;
    return html`<div class="fields">
      ${this.renderStatus(ctx, editable)}
      <div class="field">
        <label for="field-priority">${ctx.t('task-detail.field.priority')}</label>
        <select
          id="field-priority"
          ?disabled=${!editable}
          aria-describedby=${ctx.fieldErrorId('priority')}
          @change=${(event: Event) => this.pick(ctx, 'priority', event.target as HTMLSelectElement, ctx.task.priority)}
        >
          ${PRIORITIES.map((priority) => html`<option value=${priority} ?selected=${priority === task.priority}>${ctx.t(`task-detail.priority.${priority}` as MessageKey)}</option>`)}
        </select>
        ${ctx.fieldError('priority')}
      </div>
      ${this.renderDraftField(ctx, 'tags', editable, (options) => renderTagsControl(controls.tags, options, projectTags(ctx)), 'task-detail.tags-hint')}
      ${this.renderDraftField(ctx, 'start', editable, (options) => renderDateControl(controls.date, options, calendar))}
      ${this.renderDraftField(ctx, 'due', editable, (options) => renderDateControl(controls.date, options, calendar))}
      ${this.renderDraftField(ctx, 'estimate', editable, (options) => renderTextControl({ ...options, inputMode: 'decimal' }))}
      ${this.renderDraftField(ctx, 'progress', editable, (options) => renderTextControl({ ...options, inputMode: 'numeric' }))}
      <div class="field field-check">
        <input
          id="field-milestone"
          type="checkbox"
          .checked=${live(task.milestone === true)}
          ?disabled=${!editable}
          aria-describedby=${ctx.fieldErrorId('milestone')}
          @change=${(event: Event) => this.save(ctx, 'milestone', { milestone: (event.target as HTMLInputElement).checked })}
        />
        <label for="field-milestone">${ctx.t('task-detail.field.milestone')}</label>
        ${ctx.fieldError('milestone')}
      </div>
    </div>`;
  }

  private renderStatus(ctx: SectionContext, editable: boolean): TemplateResult {
    const { task, project } = ctx;
    const statuses = project?.workflow.statuses ?? [];
    const fromName = statuses.find((status) => status.id === task.status)?.name ?? task.status;
    const known = statuses.some((status) => status.id === task.status);
    const anyBlocked = statuses.some((status) => project !== undefined && checkTransition(project, task.status, status.id) !== undefined);
    return html`<div class="field">
      <label for="field-status">${ctx.t('task-detail.field.status')}</label>
      <select
        id="field-status"
        ?disabled=${!editable || statuses.length === 0}
        aria-describedby="${anyBlocked ? 'status-rules ' : ''}${ctx.fieldErrorId('status')}"
        @change=${(event: Event) => this.pick(ctx, 'status', event.target as HTMLSelectElement, ctx.task.status)}
      >
        ${known ? nothing : html`<option value=${task.status} selected disabled>${task.status}</option>`}
        ${statuses.map((status) => {
          const denial = project ? checkTransition(project, task.status, status.id) : undefined;
          return html`<option value=${status.id} ?selected=${status.id === task.status} ?disabled=${denial !== undefined}>
            ${denial ? ctx.t('task-detail.status-not-allowed', { status: status.name, from: fromName }) : status.name}
          </option>`;
        })}
      </select>
      ${anyBlocked ? html`<p class="hint" id="status-rules">${ctx.t('task-detail.status-rules')}</p>` : nothing} ${ctx.fieldError('status')}
    </div>`;
  }

  private renderDraftField(
    ctx: SectionContext,
    field: DraftField,
    editable: boolean,
    control: (options: TextControlOptions) => TemplateResult,
    hint?: MessageKey,
  ): TemplateResult {
    const edit = this.edits.get(field);
    const id = `field-${field}`;
    const hintId = hint ? `${id}-hint` : undefined;
    return html`<div class="field">
      <label for=${id}>${ctx.t(`task-detail.field.${field}` as MessageKey)}</label>
      ${control({
        id,
        value: edit?.draft ?? fieldText(ctx.task, field),
        describedBy: [hintId, ctx.fieldErrorId(field)].filter(Boolean).join(' '),
        invalid: ctx.fieldErrorText(field) !== undefined,
        disabled: !editable,
        onInput: (text) => this.type(ctx, field, text),
        onCommit: () => this.commit(ctx, field),
        onRevert: () => this.cancel(ctx, field),
      })}
      ${hint ? html`<p class="hint" id=${ifDefined(hintId)}>${ctx.t(hint)}</p>` : nothing} ${this.renderConflict(ctx, field)}
      ${ctx.fieldError(field)}
    </div>`;
  }

  private renderConflict(ctx: SectionContext, field: DraftField): TemplateResult | typeof nothing {
    const edit = this.edits.get(field);
    if (edit?.theirs === undefined) return nothing;
    const by = lastChangedBy(ctx.state.activity.filter((entry) => entry.taskId === ctx.task.id), ctx.task.id, field);
    const name = by === undefined ? ctx.t('task-detail.unknown-person') : ctx.personName(by);
    const quoted = edit.theirs === '' ? ctx.t('task-detail.empty-value') : quote(edit.theirs);
    return html`<div class="conflict" role="alert" data-field=${field}>
      <p>${ctx.t('task-detail.conflict', { name, value: quoted })}</p>
      <div class="editor-actions">
        <button type="button" data-action="use-theirs" @click=${() => this.resolve(ctx, field, useTheirs)}>${ctx.t('task-detail.use-theirs')}</button>
        <button type="button" data-action="keep-mine" @click=${() => this.resolve(ctx, field, keepMine)}>${ctx.t('task-detail.keep-mine')}</button>
      </div>
    </div>`;
  }

  private resolve(ctx: SectionContext, field: DraftField, how: (edit: FieldEdit) => FieldEdit): void {
    const edit = this.edits.get(field);
    if (!edit) return;
    this.edits.set(field, how(edit));
    ctx.setFieldError(field, undefined);
    ctx.focusAfterRender(`#${field === 'title' ? 'title-input' : field === 'description' ? 'description-input' : `field-${field}`}`);
    ctx.requestUpdate();
  }

  private open(ctx: SectionContext, field: DraftField, focus: string): void {
    if (!this.edits.has(field)) this.edits.set(field, startEdit(fieldText(ctx.task, field)));
    this.previewing = false;
    ctx.focusAfterRender(focus);
    ctx.requestUpdate();
  }

  private type(ctx: SectionContext, field: DraftField, text: string): void {
    const edit = this.edits.get(field) ?? startEdit(fieldText(ctx.task, field));
    this.edits.set(field, { ...edit, draft: text });
    // A message about the previous text would be stale now; a fresh check runs on save.
    if (ctx.fieldErrorText(field) !== undefined) ctx.setFieldError(field, undefined);
    ctx.requestUpdate();
  }

  private editorKeys(ctx: SectionContext, field: DraftField, event: KeyboardEvent, back: string): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.commit(ctx, field, back);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.cancel(ctx, field, back);
    }
  }

  private cancel(ctx: SectionContext, field: DraftField, back?: string): void {
    this.edits.delete(field);
    this.previewing = false;
    ctx.setFieldError(field, undefined);
    if (back) ctx.focusAfterRender(back);
    ctx.requestUpdate();
  }

  /** Saves the draft of `field` when it is valid and differs from the store; keeps it otherwise. */
  commit(ctx: SectionContext, field: DraftField, back?: string): void {
    const edit = this.edits.get(field);
    if (!edit) return;
    if (edit.theirs !== undefined) {
      ctx.setFieldError(field, ctx.t('task-detail.conflict-choose'));
      return;
    }
    const check = checkDraft(ctx.task, field, edit.draft);
    if (!check.ok) {
      ctx.setFieldError(field, ctx.t(check.error, check.params));
      return;
    }
    if (unchanged(ctx.task, check.patch)) {
      this.cancel(ctx, field, back);
      return;
    }
    // Closed before writing: the optimistic value must not look like someone else's change.
    this.edits.delete(field);
    if (this.save(ctx, field, check.patch)) {
      this.previewing = false;
      if (back) ctx.focusAfterRender(back);
    } else {
      this.edits.set(field, edit);
    }
    ctx.requestUpdate();
  }

  /** Saves a select's choice; a refused one puts the select back on the store's value. */
  private pick(ctx: SectionContext, field: 'status' | 'priority', select: HTMLSelectElement, current: string): void {
    const patch: Patch<'tasks'> = field === 'status' ? { status: select.value } : { priority: select.value as Priority };
    if (!this.save(ctx, field, patch)) select.value = current;
  }

  private save(ctx: SectionContext, field: string, patch: Patch<'tasks'>): boolean {
    return ctx.write(ctx.store.updateTask(ctx.task.id, patch), field);
  }
}

/** Whether applying `patch` would leave the task as it is (compared as JSON: arrays of tags). */
function unchanged(task: Task, patch: Patch<'tasks'>): boolean {
  const current = task as unknown as Record<string, unknown>;
  return Object.entries(patch).every(([key, value]) => JSON.stringify(current[key]) === JSON.stringify(value));
}

/** Every tag used in the task's project, for the tags field's suggestions (sorted, no repeats). */
function projectTags(ctx: SectionContext): string[] {
  const tags = new Set<string>();
  const projectId = ctx.task.projectId;
  for (const task of ctx.state.tasks.values()) if (task.projectId === projectId) for (const tag of task.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b));
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > QUOTE_LENGTH ? `${flat.slice(0, QUOTE_LENGTH - 1)}…` : flat}”`;
}

/** Every field the fields section edits (for the element's status texts). */
export const FIELD_SECTION_FIELDS: readonly string[] = [...DRAFT_FIELDS, 'status', 'priority', 'milestone'];
