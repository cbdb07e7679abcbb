import type { MessageText } from '@cwm/ui';

/** Every string `<cwm-dashboard>` shows or announces. */
export interface DashboardMessages {
  readonly 'dashboard.title': MessageText;
  readonly 'dashboard.kpis': MessageText;
  readonly 'dashboard.kpi.percent-complete': MessageText;
  readonly 'dashboard.kpi.done': MessageText;
  readonly 'dashboard.kpi.open': MessageText;
  readonly 'dashboard.kpi.overdue': MessageText;
  readonly 'dashboard.kpi.blocked': MessageText;
  readonly 'dashboard.kpi.due-this-week': MessageText;
  readonly 'dashboard.kpi.checklist': MessageText;
  readonly 'dashboard.kpi.people': MessageText;
  readonly 'dashboard.kpi.checklist-value': MessageText;
  readonly 'dashboard.portfolio': MessageText;
  readonly 'dashboard.portfolio.project': MessageText;
  readonly 'dashboard.portfolio.progress': MessageText;
  readonly 'dashboard.portfolio.done-of': MessageText;
  readonly 'dashboard.portfolio.overdue': MessageText;
  readonly 'dashboard.portfolio.empty': MessageText;
  readonly 'dashboard.overdue': MessageText;
  readonly 'dashboard.overdue.none': MessageText;
  readonly 'dashboard.overdue.late': MessageText;
  readonly 'dashboard.overdue.unassigned': MessageText;
  readonly 'dashboard.list.show-all': MessageText;
  readonly 'dashboard.status-mix': MessageText;
  readonly 'dashboard.status-mix.summary': MessageText;
  readonly 'dashboard.status-mix.item': MessageText;
  readonly 'dashboard.status-mix.data': MessageText;
  readonly 'dashboard.status-mix.status': MessageText;
  readonly 'dashboard.status-mix.tasks': MessageText;
  readonly 'dashboard.status-mix.share': MessageText;
  readonly 'dashboard.who': MessageText;
  readonly 'dashboard.who.none': MessageText;
  readonly 'dashboard.who.count': MessageText;
  readonly 'dashboard.who.more': MessageText;
  readonly 'dashboard.unplanned': MessageText;
  readonly 'dashboard.unplanned.intro': MessageText;
  readonly 'dashboard.unplanned.none': MessageText;
  readonly 'dashboard.unplanned.estimate': MessageText;
  readonly 'dashboard.unplanned.dates': MessageText;
  readonly 'dashboard.unplanned.drill': MessageText;
  readonly 'dashboard.burndown': MessageText;
  readonly 'dashboard.burndown.summary': MessageText;
  readonly 'dashboard.burndown.data': MessageText;
  readonly 'dashboard.burndown.open': MessageText;
  readonly 'dashboard.burndown.remaining-hours': MessageText;
  readonly 'dashboard.burnup': MessageText;
  readonly 'dashboard.burnup.summary': MessageText;
  readonly 'dashboard.burnup.data': MessageText;
  readonly 'dashboard.burnup.done': MessageText;
  readonly 'dashboard.burnup.scope': MessageText;
  readonly 'dashboard.flow': MessageText;
  readonly 'dashboard.flow.summary': MessageText;
  readonly 'dashboard.flow.data': MessageText;
  readonly 'dashboard.chart.show-data': MessageText;
  readonly 'dashboard.chart.hide-data': MessageText;
  readonly 'dashboard.chart.date': MessageText;
  readonly 'dashboard.chart.no-data': MessageText;
  readonly 'dashboard.drill.label': MessageText;
  readonly 'dashboard.drill.person': MessageText;
  readonly 'dashboard.empty.no-projects': MessageText;
  readonly 'dashboard.empty.no-tasks': MessageText;
}

declare module '@cwm/ui' {
  interface CwmMessages extends DashboardMessages {}
}
