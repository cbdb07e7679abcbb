import type { MessageText } from '@cwm/ui';

/**
 * Every string `<cwm-gantt>` and its parts show or announce. Placeholders in `{braces}` are filled by
 * `localize.t(key, params)`; plural messages choose their form by `count`.
 */
export interface GanttMessages {
  // The chart and its toolbar.
  /** Accessible name of the chart: `{project}` is the project's name. */
  readonly 'gantt.label': MessageText;
  readonly 'gantt.loading': MessageText;
  readonly 'gantt.no-project': MessageText;
  readonly 'gantt.empty': MessageText;
  readonly 'gantt.zoom': MessageText;
  readonly 'gantt.zoom.day': MessageText;
  readonly 'gantt.zoom.week': MessageText;
  readonly 'gantt.zoom.month': MessageText;
  readonly 'gantt.zoom.quarter': MessageText;
  readonly 'gantt.zoom.year': MessageText;
  readonly 'gantt.zoom-in': MessageText;
  readonly 'gantt.zoom-out': MessageText;
  readonly 'gantt.today': MessageText;
  readonly 'gantt.critical-path': MessageText;
  readonly 'gantt.export-png': MessageText;
  readonly 'gantt.export-svg': MessageText;
  readonly 'gantt.instructions': MessageText;
  readonly 'gantt.toolbar': MessageText;
  readonly 'gantt.readonly': MessageText;
  /** Toolbar badge when nothing can be changed here; its tooltip says why. */
  readonly 'gantt.readonly-badge': MessageText;
  readonly 'gantt.expand-all': MessageText;
  readonly 'gantt.collapse-all': MessageText;
  readonly 'gantt.critical': MessageText;
  /** `{name}` is the task's title. */
  readonly 'gantt.keyboard.not-schedulable': MessageText;

  // The task grid.
  readonly 'gantt.column.title': MessageText;
  readonly 'gantt.column.assignee': MessageText;
  readonly 'gantt.column.start': MessageText;
  readonly 'gantt.column.due': MessageText;
  readonly 'gantt.column.progress': MessageText;
  readonly 'gantt.unscheduled': MessageText;
  readonly 'gantt.unassigned': MessageText;
  /** `Expand {name}`: the button of one summary row, named after its task. */
  readonly 'gantt.expand': MessageText;
  readonly 'gantt.collapse': MessageText;
  readonly 'gantt.open-task': MessageText;
  readonly 'gantt.open-task-named': MessageText;

  // What a row is.
  readonly 'gantt.kind.task': MessageText;
  readonly 'gantt.kind.summary': MessageText;
  readonly 'gantt.kind.milestone': MessageText;
  readonly 'gantt.kind.unscheduled': MessageText;
  readonly 'gantt.kind.invalid': MessageText;

  // Row problems (codes of `RowProblem`).
  readonly 'gantt.problem.unscheduled': MessageText;
  readonly 'gantt.problem.reversed-dates': MessageText;
  readonly 'gantt.problem.invalid-data': MessageText;
  readonly 'gantt.problem.missing-predecessor': MessageText;

  // Why a reschedule was refused (codes of the schedule plan).
  /** `{name}` is the moved task, `{predecessor}` the task whose dependency the move breaks. */
  readonly 'gantt.refused.violates-dependency': MessageText;
  readonly 'gantt.refused.unknown-task': MessageText;
  readonly 'gantt.refused.reversed-dates': MessageText;
  readonly 'gantt.refused.cancelled': MessageText;

  // Why a new dependency was refused (codes of `checkNewDependency`).
  readonly 'gantt.dependency.self': MessageText;
  readonly 'gantt.dependency.duplicate': MessageText;
  readonly 'gantt.dependency.unknown-task': MessageText;
  /** `{path}` is the chain of task names that would close the loop, e.g. `A → B → A`. */
  readonly 'gantt.dependency.cycle': MessageText;
  readonly 'gantt.dependency.bad-lag': MessageText;

  // Dependency types, long and short.
  readonly 'gantt.dependency-type.FS': MessageText;
  readonly 'gantt.dependency-type.SS': MessageText;
  readonly 'gantt.dependency-type.FF': MessageText;
  readonly 'gantt.dependency-type.SF': MessageText;
  readonly 'gantt.dependency.lag': MessageText;
  readonly 'gantt.delete-dependency': MessageText;
  readonly 'gantt.add-dependency': MessageText;
  readonly 'gantt.lag-days': MessageText;

  // Announcements (live region).
  /** `{start}` and `{due}` are formatted dates. */
  readonly 'gantt.announce.scheduled': MessageText;
  /** `{count}` successors were pushed later too. */
  readonly 'gantt.announce.scheduled-pushed': MessageText;
  /** `{progress}` is a number from 0 to 100. */
  readonly 'gantt.announce.progress': MessageText;
  readonly 'gantt.announce.expanded': MessageText;
  readonly 'gantt.announce.collapsed': MessageText;
  /** `{from}` is the predecessor's name, `{to}` the successor's, `{type}` the type's name. */
  readonly 'gantt.announce.dependency-created': MessageText;
  readonly 'gantt.announce.dependency-deleted': MessageText;
  readonly 'gantt.announce.refused': MessageText;
  readonly 'gantt.announce.zoom': MessageText;

  // The task popup.
  readonly 'gantt.popup.close': MessageText;
  readonly 'gantt.popup.dates': MessageText;
  readonly 'gantt.popup.no-dates': MessageText;
  readonly 'gantt.popup.duration': MessageText;
  readonly 'gantt.popup.duration-days': MessageText;
  readonly 'gantt.popup.progress': MessageText;
  readonly 'gantt.popup.assignees': MessageText;
  readonly 'gantt.popup.status': MessageText;
  readonly 'gantt.popup.slack': MessageText;
  /** `{total}` and `{free}` are numbers of days. */
  readonly 'gantt.popup.slack-days': MessageText;
  readonly 'gantt.popup.critical': MessageText;
  readonly 'gantt.popup.problems': MessageText;
  readonly 'gantt.popup.predecessors': MessageText;
  readonly 'gantt.popup.successors': MessageText;
  readonly 'gantt.popup.no-links': MessageText;
  /** Accessible name of a link's delete button: `{name}` is the task at the other end. */
  readonly 'gantt.popup.delete-link': MessageText;
  readonly 'gantt.popup.cannot-edit': MessageText;
  readonly 'gantt.popup.find-task': MessageText;
  readonly 'gantt.popup.no-candidates': MessageText;
  readonly 'gantt.popup.candidates': MessageText;
  readonly 'gantt.popup.type': MessageText;
  readonly 'gantt.popup.as-predecessor': MessageText;
  readonly 'gantt.popup.pick-task': MessageText;
  readonly 'gantt.popup.bad-lag': MessageText;
  readonly 'gantt.scope.label': MessageText;
  readonly 'gantt.scope.unlabelled': MessageText;
  readonly 'gantt.scope.clear': MessageText;
  readonly 'gantt.scope.empty': MessageText;
  readonly 'gantt.scope.context': MessageText;
}

declare module '@cwm/ui' {
  interface CwmMessages extends GanttMessages {}
}
