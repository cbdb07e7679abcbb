// @cwm/gantt: groundwork for <cwm-gantt> (issue 4). No element is registered yet: this exports the
// pieces the element will be built on.

export { FrappeChart, type FrappeChartOptions, type FrappeChartTask, type FrappeViewMode } from './frappe/frappe-chart.js';
export { frappeStyles, retargetFrappeCss } from './frappe/frappe-styles.js';
export { escapeHtml } from './frappe/escape-html.js';
export { FRAPPE_GANTT_CSS, FRAPPE_GANTT_CSS_VERSION } from './frappe/frappe-css.generated.js';
