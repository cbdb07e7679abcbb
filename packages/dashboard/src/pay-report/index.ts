// <cwm-pay-report>: the element, its export event, its wording and the settings check it renders with.
export { CwmPayReport } from './pay-report.js';
export type { PayReportExportDetail } from './pay-report-events.js';
export { PAY_REPORT_EN, PAY_REPORT_DE, type PayReportMessages } from './pay-report-messages.js';
export { payReportFileName, resolvePayConfig, type PayConfigProblem, type PayConfigResult, type PayReportConfig, type PayReportSettings } from './pay-report-config.js';
