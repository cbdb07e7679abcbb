import { html, nothing, type TemplateResult } from 'lit';
import type { Id } from '@cwm/core';
import type { DashboardFilter } from '../model/drill-down.js';
import type { PersonWork } from '../model/kpis.js';
import { panelSection, showAllButton, taskButton, type PanelContext } from './panel-context.js';

/** Task titles listed under each person; the rest is a "+N more" count (the person's drill-down shows them). */
export const TASKS_PER_PERSON = 3;

/**
 * Who is on what: people with work in progress, busiest first, each a button drilling down to their
 * active tasks, with their first few task titles (each opens the task). Cut at `listLimit` people, with
 * "Show all N" drilling down to the active tasks of everyone listed.
 */
export function whoPanel(people: readonly PersonWork[], projectIds: readonly Id[], context: PanelContext): TemplateResult {
  const { t, formatNumber: n } = context;
  const drillPerson = (work: PersonWork): void =>
    context.drillDown({
      source: 'person',
      id: work.personId,
      filter: work.drillDown,
      label: t('dashboard.drill.person', { name: context.personName(work.personId), value: n(work.taskIds.length) }),
    });
  const drillAll = (): void => {
    const filter: DashboardFilter = { projectIds, statusCategories: ['active'], assigneeIds: people.map((work) => work.personId) };
    context.drillDown({ source: 'person', filter, label: t('dashboard.drill.label', { name: t('dashboard.who'), value: n(people.length) }) });
  };
  const content =
    people.length === 0
      ? html`<p class="empty">${t('dashboard.who.none')}</p>`
      : html`<ul class="who-list" role="list">
            ${people.slice(0, context.listLimit).map((work) => {
              const more = work.taskIds.length - TASKS_PER_PERSON;
              return html`<li data-person-id=${work.personId}>
                <button type="button" class="link person-name" @click=${() => drillPerson(work)}>${context.personName(work.personId)}</button>
                <span class="muted person-count">${t('dashboard.who.count', { count: work.taskIds.length })}</span>
                <ul class="person-tasks" role="list">
                  ${work.taskIds.slice(0, TASKS_PER_PERSON).map((taskId) => html`<li>${taskButton(taskId, context)}</li>`)}
                  ${more > 0 ? html`<li class="muted more">${t('dashboard.who.more', { count: more })}</li>` : nothing}
                </ul>
              </li>`;
            })}
          </ul>
          ${people.length > context.listLimit ? showAllButton(people.length, drillAll, context) : nothing}`;
  return panelSection('who-is-on-what', t('dashboard.who'), content);
}
