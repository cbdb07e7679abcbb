import type { IsoDate } from '@cwm/core';
import type { PayPersonTotal } from '../model/pay-report.js';

/**
 * Detail of `cwm-pay-report-export`: the report being exported, ready for a payroll or accounting
 * system. Money is in integer minor units of `currency` (cents for EUR), never floating major units.
 */
export interface PayReportExportDetail {
  /** First day of the period (`YYYY-MM-DD`, UTC day). */
  readonly from: IsoDate;
  /** Last day of the period, inclusive. */
  readonly to: IsoDate;
  /** ISO 4217 code of every amount. */
  readonly currency: string;
  /** One entry per paid person with their task lines, as the table shows them. */
  readonly rows: readonly PayPersonTotal[];
  /** Everyone's amount together, in minor units. */
  readonly totalCents: number;
  /** The CSV the download would save, without the byte-order mark (added only to the file). */
  readonly csv: string;
}

declare module '@cwm/ui' {
  interface CwmEventMap {
    /**
     * "Download CSV" was pressed; fired before the download and cancelable: `preventDefault()` keeps
     * the file from being saved (send `detail` to the payroll system instead).
     */
    'cwm-pay-report-export': CustomEvent<PayReportExportDetail>;
  }
}
