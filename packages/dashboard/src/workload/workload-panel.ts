// The drill-down panel of <cwm-workload>: the tasks behind one cell with their hours, each with
// "Open" and "Reassign to…". Pure rendering: the element decides what is allowed and does the writes.
import { html, nothing, type TemplateResult } from 'lit';
import type { Id, Person, PermissionResult, Task } from '@cwm/core';
import type { LocalizeController } from '@cwm/ui';

/** One person the task could go to, and whether the acting person may give it to them. */
export interface ReassignChoice {
  readonly person: Person;
  readonly permission: PermissionResult;
}

/** One task of the cell. */
export interface PanelTask {
  readonly task: Task;
  /** The task's hours for the person in the cell's week or day. */
  readonly hours: number;
  /** Everyone it could be reassigned to, in name order; empty when nobody can be offered. */
  readonly choices: readonly ReassignChoice[];
}

/** A line the panel announces: the result of the last reassignment. */
export interface PanelNotice {
  readonly kind: 'status' | 'error';
  readonly text: string;
}

/** What the panel shows and what it calls back. */
export interface PanelProps {
  readonly localize: LocalizeController;
  /** The person whose cell this is. */
  readonly person: Person | undefined;
  readonly personId: Id;
  /** The period, already worded: "Week 48" or "Mon, Nov 23". */
  readonly period: string;
  readonly tasks: readonly PanelTask[];
  readonly notice: PanelNotice | undefined;
  /** Turns a denial into the words shown (localized, or the host rule's own reason). */
  readonly reasonOf: (denied: Exclude<PermissionResult, { allowed: true }>) => string;
  readonly onClose: () => void;
  readonly onOpen: (taskId: Id) => void;
  readonly onReassign: (task: Task, toPersonId: Id) => void;
  readonly onKeydown: (event: KeyboardEvent) => void;
}

/** The panel: a labelled region after the grid; its heading takes focus when it opens. */
export function renderWorkloadPanel(props: PanelProps): TemplateResult {
  const t = props.localize;
  const name = props.person?.name ?? props.personId;
  const format = (value: number): string => t.formatNumber(value, { maximumFractionDigits: 1 });
  return html`<section class="panel" part="panel" aria-labelledby="workload-panel-title" @keydown=${props.onKeydown}>
    <header class="panel-head">
      <h3 id="workload-panel-title" class="panel-title" tabindex="-1">${t.t('workload.panel.title', { person: name, period: props.period })}</h3>
      <button type="button" class="panel-close" @click=${props.onClose}>${t.t('workload.panel.close')}</button>
    </header>
    ${props.tasks.length === 0
      ? html`<p class="panel-none">${t.t('workload.panel.none')}</p>`
      : html`<ul class="panel-tasks">
          ${props.tasks.map((entry) => renderTask(props, entry, name, format))}
        </ul>`}
    <p class="panel-notice" role="status" ?data-error=${props.notice?.kind === 'error'}>${props.notice?.text ?? ''}</p>
  </section>`;
}

function renderTask(props: PanelProps, entry: PanelTask, personName: string, format: (value: number) => string): TemplateResult {
  const t = props.localize;
  const { task } = entry;
  return html`<li class="panel-task" data-task-id=${task.id}>
    <span class="panel-task-title" title=${task.title}>${task.title}</span>
    <span class="panel-task-hours">${t.t('workload.panel.hours', { hours: format(entry.hours) })}</span>
    <span class="panel-task-actions">
      <button type="button" class="panel-open" aria-label=${t.t('workload.panel.open-label', { title: task.title })} @click=${() => props.onOpen(task.id)}>
        ${t.t('workload.panel.open')}
      </button>
      ${renderReassign(props, entry, personName)}
    </span>
  </li>`;
}

/**
 * The reassign control. When the policy allows nobody, the reason is shown instead of a control that
 * cannot work (a viewer reads "You have read-only access."); when it allows some, the others are
 * offered disabled with the first reason underneath.
 */
function renderReassign(props: PanelProps, entry: PanelTask, personName: string): TemplateResult | typeof nothing {
  const t = props.localize;
  const { task, choices } = entry;
  if (choices.length === 0) return nothing;
  const denied = choices.map((choice) => choice.permission).filter((result): result is Exclude<PermissionResult, { allowed: true }> => !result.allowed);
  if (denied.length === choices.length) {
    return html`<span class="panel-denied">${props.reasonOf(denied[0]!)}</span>`;
  }
  const label = t.t('workload.panel.reassign-label', { title: task.title, person: personName });
  return html`<select
      class="panel-reassign"
      aria-label=${label}
      @change=${(event: Event) => {
        const select = event.target as HTMLSelectElement;
        const to = select.value;
        select.value = '';
        if (to !== '') props.onReassign(task, to);
      }}
    >
      <option value="">${t.t('workload.panel.reassign')}</option>
      ${choices.map((choice) => html`<option value=${choice.person.id} ?disabled=${!choice.permission.allowed}>${choice.person.name}</option>`)}
    </select>
    ${denied.length > 0 ? html`<span class="panel-denied">${t.t('workload.panel.some-denied', { reason: props.reasonOf(denied[0]!) })}</span>` : nothing}`;
}
