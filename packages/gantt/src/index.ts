// @cwm/gantt: <cwm-gantt>, a Gantt timeline on frappe-gantt and the shared store. Importing this module
// registers nothing; import `@cwm/gantt/define` for the `cwm-gantt` tag, or call `defineElement`.

export { CwmGantt } from './gantt.js';
export type {
  DependencyChangedDetail,
  DependencyDetail,
  ScheduleChange,
  TaskScheduleDetail,
  TaskScheduledDetail,
} from './events.js';
export { BAR_HEIGHT, HEADER_HEIGHT, ROW_HEIGHT, barMiddle, barTop } from './geometry.js';
export { ZOOMS, isZoom, type Zoom } from './zoom.js';
export { ALL_GRID_COLUMNS, parseGridColumns, type GridColumn } from './grid/grid-columns.js';
export * from './model/index.js';
export * from './overlay/index.js';
export * from './popup/index.js';
export * from './export/index.js';
export { registerGanttMessages, GANTT_EN, GANTT_DE, type GanttMessages } from './i18n/register.js';

// The frappe engine, for hosts that want frappe-gantt safely inside a shadow root without the element.
export { FrappeChart, type ChartBar, type ChartCallbacks, type FrappeChartOptions } from './frappe/frappe-chart.js';
export { TimeScale, ZOOM_AXES, type AxisUnit, type BarBox, type DateRange, type ZoomAxis } from './timeline/time-scale.js';
export { frappeStyles, retargetFrappeCss } from './frappe/frappe-styles.js';
export { escapeHtml } from './frappe/escape-html.js';
export { FRAPPE_GANTT_CSS, FRAPPE_GANTT_CSS_VERSION } from './frappe/frappe-css.generated.js';
