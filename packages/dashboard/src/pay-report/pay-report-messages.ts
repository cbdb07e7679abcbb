import { defaultMessagesRegistrar, type MessageText } from '@cwm/ui';

/** Every string `<cwm-pay-report>` shows, announces or writes into its CSV header. */
export interface PayReportMessages {
  readonly 'pay.caption': MessageText;
  readonly 'pay.period': MessageText;
  readonly 'pay.from': MessageText;
  readonly 'pay.to': MessageText;
  readonly 'pay.download': MessageText;
  readonly 'pay.person': MessageText;
  readonly 'pay.tasks': MessageText;
  readonly 'pay.hours': MessageText;
  readonly 'pay.rate': MessageText;
  readonly 'pay.amount': MessageText;
  readonly 'pay.total': MessageText;
  readonly 'pay.rate-value': MessageText;
  readonly 'pay.completed-on': MessageText;
  readonly 'pay.shared': MessageText;
  readonly 'pay.no-estimate': MessageText;
  readonly 'pay.reopened': MessageText;
  readonly 'pay.empty': MessageText;
  readonly 'pay.unestimated': MessageText;
  readonly 'pay.unassigned': MessageText;
  readonly 'pay.error.no-projects': MessageText;
  readonly 'pay.error.bad-date': MessageText;
  readonly 'pay.error.period-order': MessageText;
  readonly 'pay.error.negative-rate': MessageText;
  readonly 'pay.error.person-rate': MessageText;
  readonly 'pay.error.currency': MessageText;
  readonly 'pay.csv.person-id': MessageText;
  readonly 'pay.csv.person': MessageText;
  readonly 'pay.csv.task-id': MessageText;
  readonly 'pay.csv.task': MessageText;
  readonly 'pay.csv.project': MessageText;
  readonly 'pay.csv.completed-at': MessageText;
  readonly 'pay.csv.estimate': MessageText;
  readonly 'pay.csv.shared-by': MessageText;
  readonly 'pay.csv.hours': MessageText;
  readonly 'pay.csv.rate': MessageText;
  readonly 'pay.csv.amount': MessageText;
  readonly 'pay.csv.currency': MessageText;
  readonly 'pay.csv.reopened': MessageText;
  readonly 'pay.csv.total': MessageText;
  readonly 'pay.csv.yes': MessageText;
}

declare module '@cwm/ui' {
  interface CwmMessages extends PayReportMessages {}
}

/** English wording of `<cwm-pay-report>`. */
export const PAY_REPORT_EN: PayReportMessages = {
  'pay.caption': 'Pay for completed tasks, {from} to {to}',
  'pay.period': 'Period',
  'pay.from': 'From',
  'pay.to': 'To',
  'pay.download': 'Download CSV',
  'pay.person': 'Person',
  'pay.tasks': 'Tasks',
  'pay.hours': 'Hours',
  'pay.rate': 'Rate',
  'pay.amount': 'Amount',
  'pay.total': 'Total',
  'pay.rate-value': '{amount} / h',
  'pay.completed-on': 'completed {date}',
  'pay.shared': 'shared by {count}',
  'pay.no-estimate': 'no estimate',
  'pay.reopened': 'reopened since',
  'pay.empty': 'No completed tasks in this period.',
  'pay.unestimated': {
    one: '1 completed task has no estimate and is paid nothing: give it an estimate.',
    other: '{count} completed tasks have no estimate and are paid nothing: give them an estimate.',
  },
  'pay.unassigned': {
    one: '1 completed task has nobody assigned and is paid to nobody.',
    other: '{count} completed tasks have nobody assigned and are paid to nobody.',
  },
  'pay.error.no-projects': 'No projects chosen for this report.',
  'pay.error.bad-date': 'The period needs two dates (YYYY-MM-DD).',
  'pay.error.period-order': 'The end of the period ({to}) is before its start ({from}).',
  'pay.error.negative-rate': 'The rate must be a number of zero or more (cents per hour), not "{rate}".',
  'pay.error.person-rate': 'The rate of {name} must be a number of zero or more, not "{rate}".',
  'pay.error.currency': '"{currency}" is not a currency code (ISO 4217, like EUR).',
  'pay.csv.person-id': 'Person ID',
  'pay.csv.person': 'Person',
  'pay.csv.task-id': 'Task ID',
  'pay.csv.task': 'Task',
  'pay.csv.project': 'Project',
  'pay.csv.completed-at': 'Completed at',
  'pay.csv.estimate': 'Estimate (h)',
  'pay.csv.shared-by': 'Shared by',
  'pay.csv.hours': 'Hours',
  'pay.csv.rate': 'Rate per hour',
  'pay.csv.amount': 'Amount',
  'pay.csv.currency': 'Currency',
  'pay.csv.reopened': 'Reopened',
  'pay.csv.total': 'Total',
  'pay.csv.yes': 'yes',
};

/** German wording of `<cwm-pay-report>`. */
export const PAY_REPORT_DE: PayReportMessages = {
  'pay.caption': 'Vergütung erledigter Aufgaben, {from} bis {to}',
  'pay.period': 'Zeitraum',
  'pay.from': 'Von',
  'pay.to': 'Bis',
  'pay.download': 'CSV herunterladen',
  'pay.person': 'Person',
  'pay.tasks': 'Aufgaben',
  'pay.hours': 'Stunden',
  'pay.rate': 'Satz',
  'pay.amount': 'Betrag',
  'pay.total': 'Summe',
  'pay.rate-value': '{amount}/Std.',
  'pay.completed-on': 'erledigt am {date}',
  'pay.shared': 'geteilt mit {count} Personen',
  'pay.no-estimate': 'keine Schätzung',
  'pay.reopened': 'inzwischen wieder geöffnet',
  'pay.empty': 'Keine erledigten Aufgaben in diesem Zeitraum.',
  'pay.unestimated': {
    one: '1 erledigte Aufgabe hat keine Schätzung und wird nicht vergütet: bitte schätzen.',
    other: '{count} erledigte Aufgaben haben keine Schätzung und werden nicht vergütet: bitte schätzen.',
  },
  'pay.unassigned': {
    one: '1 erledigte Aufgabe ist niemandem zugewiesen und wird niemandem vergütet.',
    other: '{count} erledigte Aufgaben sind niemandem zugewiesen und werden niemandem vergütet.',
  },
  'pay.error.no-projects': 'Für diesen Bericht sind keine Projekte gewählt.',
  'pay.error.bad-date': 'Der Zeitraum braucht zwei Daten (JJJJ-MM-TT).',
  'pay.error.period-order': 'Das Ende des Zeitraums ({to}) liegt vor seinem Beginn ({from}).',
  'pay.error.negative-rate': 'Der Satz muss eine Zahl ab null sein (Cent pro Stunde), nicht „{rate}“.',
  'pay.error.person-rate': 'Der Satz von {name} muss eine Zahl ab null sein, nicht „{rate}“.',
  'pay.error.currency': '„{currency}“ ist kein Währungscode (ISO 4217, etwa EUR).',
  'pay.csv.person-id': 'Personen-ID',
  'pay.csv.person': 'Person',
  'pay.csv.task-id': 'Aufgaben-ID',
  'pay.csv.task': 'Aufgabe',
  'pay.csv.project': 'Projekt',
  'pay.csv.completed-at': 'Erledigt am',
  'pay.csv.estimate': 'Schätzung (Std.)',
  'pay.csv.shared-by': 'Geteilt durch',
  'pay.csv.hours': 'Stunden',
  'pay.csv.rate': 'Satz pro Stunde',
  'pay.csv.amount': 'Betrag',
  'pay.csv.currency': 'Währung',
  'pay.csv.reopened': 'Wieder geöffnet',
  'pay.csv.total': 'Summe',
  'pay.csv.yes': 'ja',
};

/**
 * Adds the pay report's built-in English and German wording once, under anything a vendor registered:
 * a vendor's `registerMessages` wins whether it ran before or after.
 */
export const registerPayReportMessages: () => void = defaultMessagesRegistrar({ en: PAY_REPORT_EN, de: PAY_REPORT_DE });
