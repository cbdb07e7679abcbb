import { html, nothing, type TemplateResult } from 'lit';
import type { Id, IsoDate } from '@cwm/core';
import type { MessageKey, MessageParams } from '@cwm/ui';
import type { DashboardDrillDownDetail } from '../events.js';

/**
 * What every panel needs besides its data: wording and formatting in the user's language, names for
 * ids, and the dashboard's callbacks. Name look-ups read the store's current state when called, so a
 * template kept by `guard` never shows a stale name through them once its inputs are unchanged.
 */
export interface PanelContext {
  readonly t: (key: MessageKey, params?: MessageParams) => string;
  readonly formatNumber: (value: number) => string;
  /** A 0..100 share as a percentage, rounded down (99.6 % never shows as 100 % while work is left). */
  readonly formatPercent: (percent: number) => string;
  /** A calendar day, medium style ("Nov 26, 2026"). */
  readonly formatDay: (date: IsoDate) => string;
  /** A calendar day, short, for chart axes ("Nov 26"). */
  readonly formatAxisDay: (date: IsoDate) => string;
  readonly formatList: (items: Iterable<string>) => string;
  readonly projectName: (projectId: Id) => string;
  readonly personName: (personId: Id) => string;
  readonly taskTitle: (taskId: Id) => string;
  /** Fires `cwm-dashboard-drill-down`. */
  readonly drillDown: (detail: DashboardDrillDownDetail) => void;
  /** Fires `cwm-task-open`. */
  readonly openTask: (taskId: Id) => void;
  /** Whether a chart's data table is shown, by chart id. */
  readonly isShowingData: (chartId: string) => boolean;
  readonly toggleData: (chartId: string) => void;
  /** Rows a list shows before its "Show all" button. */
  readonly listLimit: number;
  /** Days the charts cover. */
  readonly rangeDays: number;
}

/** A panel's frame: a labelled section with a heading; `name` is the panel's layout name. */
export function panelSection(name: string, title: string, content: unknown): TemplateResult {
  const titleId = `panel-${name}-title`;
  return html`<section class="panel ${name}" part="panel ${name}" data-panel=${name} aria-labelledby=${titleId}>
    <h3 id=${titleId}>${title}</h3>
    ${content}
  </section>`;
}

/** A task title that opens the task (`cwm-task-open`); the title is bound as text. */
export function taskButton(taskId: Id, context: PanelContext): TemplateResult {
  return html`<button type="button" class="link task-title" @click=${() => context.openTask(taskId)}>${context.taskTitle(taskId)}</button>`;
}

/** "Show all N": the drill-down behind a list cut at `listLimit`; nothing when there is nothing to show. */
export function showAllButton(count: number, onClick: () => void, context: PanelContext): TemplateResult | typeof nothing {
  if (count === 0) return nothing;
  return html`<button type="button" class="show-all" @click=${onClick}>${context.t('dashboard.list.show-all', { count })}</button>`;
}
