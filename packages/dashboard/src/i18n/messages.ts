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
  readonly 'dashboard.burndown': MessageText;
  readonly 'dashboard.burndown.summary': MessageText;
  readonly 'dashboard.burndown.no-data': MessageText;
  readonly 'dashboard.burndown.show-data': MessageText;
  readonly 'dashboard.burndown.data': MessageText;
  readonly 'dashboard.burndown.date': MessageText;
  readonly 'dashboard.burndown.open': MessageText;
  readonly 'dashboard.burndown.remaining-hours': MessageText;
  readonly 'dashboard.empty.no-projects': MessageText;
  readonly 'dashboard.empty.no-tasks': MessageText;
}

declare module '@cwm/ui' {
  interface CwmMessages extends DashboardMessages {}
}
