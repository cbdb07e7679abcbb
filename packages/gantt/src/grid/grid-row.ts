import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Id, IsoDate } from '@cwm/core';
import { HEADER_HEIGHT, ROW_HEIGHT } from '../geometry.js';
import type { GanttRow } from '../model/gantt-row.js';
import type { GridColumn } from './grid-columns.js';

/** Indentation per hierarchy level, in CSS pixels. */
const INDENT = 16;

/** What a grid row needs from the Gantt besides its row. */
export interface GridRowContext {
  readonly columns: readonly GridColumn[];
  /** Position in the visible rows (0 = first task row). */
  readonly index: number;
  /** The row holding the keyboard focus (roving tabindex) and the selection. */
  readonly active: boolean;
  readonly critical: boolean;
  readonly pending: boolean;
  /** Shown only as the ancestor of tasks in the Gantt's scope: muted, and said so. */
  readonly context?: boolean;
  readonly personName: (id: Id) => string;
  readonly formatDate: (date: IsoDate) => string;
  readonly t: (key: string, params?: Record<string, string | number>) => string;
  readonly onToggle: (id: Id) => void;
}

/**
 * One row of the task grid as a treegrid row: level, expanded state and position for assistive
 * technology; name indented by level; the problem of the row (unscheduled, reversed dates) in words.
 * Every user value goes in as text.
 */
export function renderGridRow(row: GanttRow, context: GridRowContext): TemplateResult {
  const { columns, index, active } = context;
  return html`<div
    class=${classMap({
      row: true,
      active,
      critical: context.critical,
      pending: context.pending,
      context: context.context === true,
      [`kind-${row.kind}`]: true,
      odd: index % 2 === 1,
    })}
    role="row"
    id=${`row-${row.id}`}
    data-id=${row.id}
    tabindex=${active ? 0 : -1}
    aria-rowindex=${index + 2}
    aria-level=${row.depth + 1}
    aria-expanded=${row.hasChildren ? String(row.expanded) : nothing}
    aria-selected=${active ? 'true' : 'false'}
    style=${styleMap({ transform: `translateY(${HEADER_HEIGHT + index * ROW_HEIGHT}px)` })}
  >
    ${columns.map((column) => renderCell(row, column, context))}
  </div>`;
}

function renderCell(row: GanttRow, column: GridColumn, context: GridRowContext): TemplateResult {
  switch (column) {
    case 'title':
      return html`<div class="cell title" role="gridcell" style=${styleMap({ paddingInlineStart: `${row.depth * INDENT + 4}px` })}>
        ${row.hasChildren
          ? html`<button
              class="toggle"
              tabindex="-1"
              aria-label=${context.t(row.expanded ? 'gantt.collapse' : 'gantt.expand', { name: row.title })}
              @click=${(event: Event) => {
                event.stopPropagation();
                context.onToggle(row.id);
              }}
            >
              <span aria-hidden="true">${row.expanded ? '▾' : '▸'}</span>
            </button>`
          : html`<span class="toggle-space"></span>`}
        ${row.kind === 'milestone' ? html`<span class="glyph" aria-hidden="true">◆</span>` : nothing}
        <span class="name">${row.title}</span>
        ${row.kind === 'milestone' ? html`<span class="visually-hidden">${context.t('gantt.kind.milestone')}</span>` : nothing}
        ${context.critical ? html`<span class="visually-hidden">${context.t('gantt.critical')}</span>` : nothing}
        ${context.context ? html`<span class="visually-hidden">${context.t('gantt.scope.context')}</span>` : nothing}
        ${row.problems.map(
          (problem) =>
            // An unscheduled task is a state, not an error: a short flag, the sentence on hover.
            problem.code === 'unscheduled'
              ? html`<span class="problem" title=${context.t('gantt.problem.unscheduled')}>${context.t('gantt.unscheduled')}</span>`
              : html`<span class="problem" title=${problem.message}>${context.t(`gantt.problem.${problem.code}`)}</span>`,
        )}
      </div>`;
    case 'assignee': {
      const [first, ...others] = row.assigneeIds;
      const names = row.assigneeIds.map(context.personName).join(', ');
      return html`<div class="cell assignee" role="gridcell" title=${names}>
        ${first === undefined ? nothing : context.personName(first)}${others.length > 0 ? html` <span class="more">+${others.length}</span>` : nothing}
      </div>`;
    }
    case 'start':
      return html`<div class="cell date" role="gridcell">${row.start === undefined ? '' : context.formatDate(row.start)}</div>`;
    case 'due':
      return html`<div class="cell date" role="gridcell">${row.due === undefined ? '' : context.formatDate(row.due)}</div>`;
    case 'progress':
      return html`<div class="cell number" role="gridcell">${row.kind === 'invalid' ? '' : `${Math.round(row.progress)} %`}</div>`;
  }
}

/** The grid's header row: column names, sticky at the top, as tall as frappe's date header. */
export function renderGridHeader(columns: readonly GridColumn[], t: (key: string) => string): TemplateResult {
  return html`<div class="row header" role="row" aria-rowindex="1">
    ${columns.map((column) => html`<div class="cell" role="columnheader">${t(`gantt.column.${column}`)}</div>`)}
  </div>`;
}
