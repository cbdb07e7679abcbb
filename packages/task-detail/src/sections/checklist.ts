import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ChecklistItem, Id, Rollup } from '@cwm/core';
import { addItem, checklistCounts, moveItem, removeItem, renameItem, tickItem } from '../model/checklist-edits.js';
import { iconButton } from './icon-button.js';
import type { SectionContext } from './section-context.js';

/** What the element computes once per render for the checklist. */
export interface ChecklistProps {
  /** The task's roll-up: its checklist plus those of every task below it. */
  readonly rollup: Rollup | undefined;
  /** Whether the task has subtasks (the roll-up line is shown only then). */
  readonly hasSubtasks: boolean;
  /** A new item id (the element passes the store's id maker so tests can predict ids). */
  readonly newId: () => Id;
}

/**
 * The task's checklist: tick, edit the text in place, delete, reorder (buttons and Alt+Arrow keys),
 * add; counts in the heading and the roll-up including subtasks. Each change writes the whole list
 * with `updateTask`, so it is one undo step.
 */
export class ChecklistSection {
  private draft = '';
  private editing: { readonly id: Id; readonly text: string } | undefined;

  /** Drops open editors (another task is shown now). */
  reset(): void {
    this.draft = '';
    this.editing = undefined;
  }

  render(ctx: SectionContext, props: ChecklistProps): TemplateResult {
    const items = ctx.task.checklist;
    const editable = ctx.can('task.edit').allowed;
    const { done, total } = checklistCounts(items);
    const rollup = props.rollup;
    return html`<section class="checklist" aria-labelledby="checklist-heading">
      <div class="section-head">
        <h3 class="section-title" id="checklist-heading">
          ${ctx.t('task-detail.field.checklist')}
          ${total > 0 ? html`<span class="count">${ctx.t('task-detail.checklist.count', { done, total })}</span>` : nothing}
        </h3>
      </div>
      ${props.hasSubtasks && rollup && rollup.checklistTotal > 0
        ? html`<p class="rollup-line">${ctx.t('task-detail.checklist.rollup', { done: rollup.checklistDone, total: rollup.checklistTotal })}</p>`
        : nothing}
      ${items.length === 0
        ? html`<p class="muted">${ctx.t('task-detail.checklist.none')}</p>`
        : html`<p class="hint" id="checklist-keys">${ctx.t('task-detail.checklist.keys')}</p>
            <ul class="rows" aria-labelledby="checklist-heading">
              ${repeat(
                items,
                (item) => item.id,
                (item, index) => this.renderItem(ctx, item, index, items.length, editable),
              )}
            </ul>`}
      ${ctx.fieldError('checklist')}
      ${editable
        ? html`<form class="add-row" @submit=${(event: Event) => this.add(ctx, props, event)}>
            <label class="visually-hidden" for="checklist-new">${ctx.t('task-detail.checklist.new')}</label>
            <input
              id="checklist-new"
              type="text"
              autocomplete="off"
              placeholder=${ctx.t('task-detail.checklist.new')}
              .value=${live(this.draft)}
              aria-describedby=${ctx.fieldErrorId('checklist-new')}
              @input=${(event: Event) => {
                this.draft = (event.target as HTMLInputElement).value;
                if (ctx.fieldErrorText('checklist-new') !== undefined) ctx.setFieldError('checklist-new', undefined);
              }}
            />
            <button type="submit">${ctx.t('task-detail.checklist.add')}</button>
            ${ctx.fieldError('checklist-new')}
          </form>`
        : nothing}
    </section>`;
  }

  private renderItem(ctx: SectionContext, item: ChecklistItem, index: number, count: number, editable: boolean): TemplateResult {
    const text = item.text;
    if (this.editing?.id === item.id) {
      const fieldKey = `checklist-edit`;
      return html`<li class="row" data-item-id=${item.id}>
        <label class="visually-hidden" for="checklist-edit-input">${ctx.t('task-detail.checklist.edit-label')}</label>
        <input
          id="checklist-edit-input"
          type="text"
          autocomplete="off"
          .value=${live(this.editing.text)}
          aria-describedby=${ctx.fieldErrorId(fieldKey)}
          @input=${(event: Event) => {
            this.editing = { id: item.id, text: (event.target as HTMLInputElement).value };
            if (ctx.fieldErrorText(fieldKey) !== undefined) ctx.setFieldError(fieldKey, undefined);
          }}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              this.saveEdit(ctx);
            } else if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              this.cancelEdit(ctx);
            }
          }}
        />
        <span class="row-actions">
          <button type="button" @click=${() => this.saveEdit(ctx)}>${ctx.t('task-detail.save')}</button>
          <button type="button" @click=${() => this.cancelEdit(ctx)}>${ctx.t('task-detail.cancel')}</button>
        </span>
        ${ctx.fieldError(fieldKey)}
      </li>`;
    }
    const itemKey = (what: string): string => `checklist-${what}-${item.id}`;
    return html`<li class="row" data-item-id=${item.id} @keydown=${(event: KeyboardEvent) => this.rowKeys(ctx, item.id, event)}>
      <input
        type="checkbox"
        class="row-check"
        id=${itemKey('check')}
        data-focus=${itemKey('check')}
        .checked=${live(item.done)}
        ?disabled=${!editable}
        aria-describedby="checklist-keys"
        @change=${(event: Event) => this.write(ctx, tickItem(ctx.task.checklist, item.id, (event.target as HTMLInputElement).checked))}
      />
      <label class="row-title ${item.done ? 'done-text' : ''}" for=${itemKey('check')}>${text}</label>
      ${editable
        ? html`<span class="row-actions">
            ${iconButton(itemKey('edit'), '✎', ctx.t('task-detail.checklist.edit', { text }), false, () => {
              this.editing = { id: item.id, text: item.text };
              ctx.focusAfterRender('#checklist-edit-input');
              ctx.requestUpdate();
            })}
            ${iconButton(itemKey('up'), '↑', ctx.t('task-detail.checklist.up', { text }), index === 0, () => this.move(ctx, item.id, -1, itemKey('up')))}
            ${iconButton(itemKey('down'), '↓', ctx.t('task-detail.checklist.down', { text }), index === count - 1, () => this.move(ctx, item.id, 1, itemKey('down')))}
            ${iconButton(itemKey('delete'), '✕', ctx.t('task-detail.checklist.delete', { text }), false, () => {
              if (this.write(ctx, removeItem(ctx.task.checklist, item.id))) ctx.focusAfterRender('#checklist-new');
            })}
          </span>`
        : nothing}
    </li>`;
  }

  private rowKeys(ctx: SectionContext, id: Id, event: KeyboardEvent): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const focused = (event.composedPath()[0] as HTMLElement | undefined)?.getAttribute?.('data-focus') ?? undefined;
    this.move(ctx, id, event.key === 'ArrowUp' ? -1 : 1, focused);
  }

  private move(ctx: SectionContext, id: Id, direction: -1 | 1, focus?: string): void {
    const items = ctx.task.checklist;
    const next = moveItem(items, id, direction);
    if (next.every((item, index) => item === items[index])) return;
    if (this.write(ctx, next) && focus) ctx.focusAfterRender(`[data-focus="${focus}"]`);
  }

  private saveEdit(ctx: SectionContext): void {
    const editing = this.editing;
    if (!editing) return;
    if (editing.text.trim() === '') {
      ctx.setFieldError('checklist-edit', ctx.t('task-detail.checklist.text-empty'));
      ctx.requestUpdate();
      return;
    }
    const current = ctx.task.checklist.find((item) => item.id === editing.id);
    if (current && current.text !== editing.text.trim() && !this.write(ctx, renameItem(ctx.task.checklist, editing.id, editing.text))) return;
    this.editing = undefined;
    ctx.focusAfterRender(`[data-focus="checklist-edit-${editing.id}"]`);
    ctx.requestUpdate();
  }

  private cancelEdit(ctx: SectionContext): void {
    const editing = this.editing;
    this.editing = undefined;
    ctx.setFieldError('checklist-edit', undefined);
    if (editing) ctx.focusAfterRender(`[data-focus="checklist-edit-${editing.id}"]`);
    ctx.requestUpdate();
  }

  private add(ctx: SectionContext, props: ChecklistProps, event: Event): void {
    event.preventDefault();
    if (this.draft.trim() === '') {
      ctx.setFieldError('checklist-new', ctx.t('task-detail.checklist.text-empty'));
    } else if (this.write(ctx, addItem(ctx.task.checklist, props.newId(), this.draft), 'checklist-new')) {
      this.draft = '';
    }
    ctx.focusAfterRender('#checklist-new');
    ctx.requestUpdate();
  }

  private write(ctx: SectionContext, checklist: readonly ChecklistItem[], field = 'checklist'): boolean {
    return ctx.write(ctx.store.updateTask(ctx.task.id, { checklist }), field);
  }
}
