import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { demoteTask, promoteTask, reorderSubtask, type Rollup, type SubtaskMove, type Task } from '@cwm/core';
import { completionStatus, isDoneStatus } from '../model/subtask-moves.js';
import { iconButton } from './icon-button.js';
import type { SectionContext } from './section-context.js';

/** What the element computes once per render for the subtasks and checklist sections. */
export interface SubtasksProps {
  /** The roll-up of the task (its subtasks' progress and every checklist below it). */
  readonly rollup: Rollup | undefined;
  /** The direct subtasks, in order. */
  readonly subtasks: readonly Task[];
}

/**
 * The task's direct subtasks: a progress roll-up, a checkbox that completes each one (a done status
 * of the workflow), reordering (buttons and Alt+Arrow keys), promote/demote, open, and a line to add
 * one. Holds only the text of the "new subtask" line.
 */
export class SubtasksSection {
  private draft = '';

  /** Drops the new-subtask text (another task is shown now). */
  reset(): void {
    this.draft = '';
  }

  render(ctx: SectionContext, props: SubtasksProps): TemplateResult {
    const { subtasks, rollup } = props;
    const editable = ctx.can('task.edit').allowed;
    const creatable = ctx.can('task.create').allowed;
    const done = subtasks.filter((task) => isDoneStatus(ctx.project, task.status)).length;
    return html`<section class="subtasks" aria-labelledby="subtasks-heading">
      <div class="section-head">
        <h3 class="section-title" id="subtasks-heading">
          ${ctx.t('task-detail.field.subtasks')}
          ${subtasks.length > 0 ? html`<span class="count">${ctx.t('task-detail.subtasks.count', { done, total: subtasks.length })}</span>` : nothing}
        </h3>
      </div>
      ${subtasks.length > 0 && rollup
        ? html`<div class="rollup">
            <progress max="100" .value=${Math.round(rollup.progress)} aria-labelledby="subtasks-progress"></progress>
            <span id="subtasks-progress">${ctx.t('task-detail.subtasks.progress', { percent: ctx.localize.formatNumber(rollup.progress / 100, { style: 'percent', maximumFractionDigits: 0 }) })}</span>
          </div>`
        : nothing}
      ${subtasks.length === 0
        ? html`<p class="muted">${ctx.t('task-detail.subtasks.none')}</p>`
        : html`<p class="hint" id="subtasks-keys">${ctx.t('task-detail.subtasks.keys')}</p>
            <ul class="rows" aria-labelledby="subtasks-heading">
              ${repeat(
                subtasks,
                (task) => task.id,
                (task, index) => this.renderRow(ctx, subtasks, task, index, editable),
              )}
            </ul>`}
      ${ctx.fieldError('subtasks')}
      ${creatable
        ? html`<form class="add-row" @submit=${(event: Event) => this.add(ctx, event)}>
            <label class="visually-hidden" for="subtask-new">${ctx.t('task-detail.subtasks.new')}</label>
            <input
              id="subtask-new"
              type="text"
              autocomplete="off"
              placeholder=${ctx.t('task-detail.subtasks.new')}
              .value=${live(this.draft)}
              aria-describedby=${ctx.fieldErrorId('subtask-new')}
              @input=${(event: Event) => {
                this.draft = (event.target as HTMLInputElement).value;
                if (ctx.fieldErrorText('subtask-new') !== undefined) ctx.setFieldError('subtask-new', undefined);
              }}
            />
            <button type="submit">${ctx.t('task-detail.subtasks.add')}</button>
            ${ctx.fieldError('subtask-new')}
          </form>`
        : nothing}
    </section>`;
  }

  private renderRow(ctx: SectionContext, siblings: readonly Task[], task: Task, index: number, editable: boolean): TemplateResult {
    const done = isDoneStatus(ctx.project, task.status);
    const title = task.title;
    const first = index === 0;
    const last = index === siblings.length - 1;
    return html`<li class="row" data-task-id=${task.id} @keydown=${(event: KeyboardEvent) => this.rowKeys(ctx, siblings, index, event)}>
      <input
        type="checkbox"
        class="row-check"
        data-focus="subtask-check-${task.id}"
        .checked=${live(done)}
        ?disabled=${!editable}
        aria-label=${ctx.t('task-detail.subtasks.done', { title })}
        @change=${(event: Event) => this.complete(ctx, task, (event.target as HTMLInputElement).checked)}
      />
      <button type="button" class="row-title link" data-focus="subtask-open-${task.id}" aria-describedby="subtasks-keys" @click=${() => ctx.openTask(task.id)}>
        <span class=${done ? 'done-text' : ''}>${title}</span><span class="visually-hidden">${ctx.t('task-detail.subtasks.open', { title })}</span>
      </button>
      ${editable
        ? html`<span class="row-actions">
            ${iconButton(`subtask-up-${task.id}`, '↑', ctx.t('task-detail.subtasks.up', { title }), first, () => this.reorder(ctx, siblings, index, -1, `subtask-up-${task.id}`))}
            ${iconButton(`subtask-down-${task.id}`, '↓', ctx.t('task-detail.subtasks.down', { title }), last, () => this.reorder(ctx, siblings, index, 1, `subtask-down-${task.id}`))}
            ${iconButton(`subtask-promote-${task.id}`, '⇤', ctx.t('task-detail.subtasks.promote', { title }), false, () => this.move(ctx, promoteTask(this.projectTasks(ctx), task.id)))}
            ${iconButton(`subtask-demote-${task.id}`, '⇥', ctx.t('task-detail.subtasks.demote', { title }), first, () => this.move(ctx, demoteTask(this.projectTasks(ctx), task.id)))}
          </span>`
        : nothing}
    </li>`;
  }

  private rowKeys(ctx: SectionContext, siblings: readonly Task[], index: number, event: KeyboardEvent): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const focused = (event.composedPath()[0] as HTMLElement | undefined)?.getAttribute?.('data-focus') ?? undefined;
    this.reorder(ctx, siblings, index, event.key === 'ArrowUp' ? -1 : 1, focused);
  }

  private reorder(ctx: SectionContext, siblings: readonly Task[], index: number, direction: -1 | 1, focus?: string): void {
    const task = siblings[index];
    const neighbour = siblings[index + direction];
    if (!task || !neighbour) return;
    const place = direction < 0 ? { beforeId: neighbour.id } : { afterId: neighbour.id };
    if (this.apply(ctx, reorderSubtask(this.projectTasks(ctx), task.id, place)) && focus) ctx.focusAfterRender(`[data-focus="${focus}"]`);
  }

  private move(ctx: SectionContext, move: SubtaskMove): void {
    // The row leaves this list: focus the new-subtask line rather than losing focus to the page.
    if (this.apply(ctx, move)) ctx.focusAfterRender('#subtask-new');
  }

  /** Sends a move of the core hierarchy helpers as one undoable action, or shows why it cannot be made. */
  private apply(ctx: SectionContext, move: SubtaskMove): boolean {
    if (!move.ok) {
      ctx.setFieldError('subtasks', ctx.t('task-detail.refused', { reason: move.reason }));
      ctx.requestUpdate();
      return false;
    }
    return ctx.write(ctx.store.updateTasks(move.changes, 'task.move'), 'subtasks');
  }

  /** The tasks a move is computed over: siblings and parents live in the task's project. */
  private projectTasks(ctx: SectionContext): Task[] {
    const projectId = ctx.task.projectId;
    return ctx.state.tasks.filter((task) => task.projectId === projectId);
  }

  private complete(ctx: SectionContext, task: Task, done: boolean): void {
    const status = completionStatus(ctx.project, task.status, done);
    if (status === undefined) {
      ctx.setFieldError('subtasks', ctx.t('task-detail.subtasks.no-done-status'));
      ctx.requestUpdate();
      return;
    }
    ctx.write(ctx.store.updateTask(task.id, { status }), 'subtasks');
    ctx.requestUpdate();
  }

  private add(ctx: SectionContext, event: Event): void {
    event.preventDefault();
    const title = this.draft.trim();
    if (title === '') {
      ctx.setFieldError('subtask-new', ctx.t('task-detail.subtasks.title-empty'));
      ctx.focusAfterRender('#subtask-new');
      ctx.requestUpdate();
      return;
    }
    const status = completionStatus(ctx.project, '', false) ?? ctx.project?.workflow.statuses[0]?.id ?? ctx.task.status;
    const result = ctx.store.createTask({ projectId: ctx.task.projectId, parentId: ctx.task.id, title, status });
    if (ctx.write(result, 'subtask-new')) this.draft = '';
    ctx.focusAfterRender('#subtask-new');
    ctx.requestUpdate();
  }
}
