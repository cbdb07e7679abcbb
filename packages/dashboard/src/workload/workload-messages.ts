import { defaultMessagesRegistrar, type MessageText } from '@cwm/ui';

/** Every string `<cwm-workload>` shows or announces. */
export interface WorkloadMessages {
  readonly 'workload.label': MessageText;
  readonly 'workload.person': MessageText;
  readonly 'workload.week': MessageText;
  readonly 'workload.team': MessageText;
  readonly 'workload.hours': MessageText;
  readonly 'workload.over': MessageText;
  readonly 'workload.team-over': MessageText;
  readonly 'workload.unplanned': MessageText;
  readonly 'workload.empty': MessageText;
}

declare module '@cwm/ui' {
  interface CwmMessages extends WorkloadMessages {}
}

/** English wording of `<cwm-workload>`. */
export const WORKLOAD_EN: WorkloadMessages = {
  'workload.label': 'Workload by person and week',
  'workload.person': 'Person',
  'workload.week': 'Week {week}',
  'workload.team': 'Team total',
  'workload.hours': '{allocated} / {capacity} h',
  'workload.over': 'over capacity',
  'workload.team-over': { one: '1 person over', other: '{count} people over' },
  'workload.unplanned': {
    '=0': 'Unplanned: none',
    one: 'Unplanned: 1 task without dates or estimate',
    other: 'Unplanned: {count} tasks without dates or estimate',
  },
  'workload.empty': 'Nobody to show: no people in these projects.',
};

/** German wording of `<cwm-workload>`. */
export const WORKLOAD_DE: WorkloadMessages = {
  'workload.label': 'Auslastung nach Person und Woche',
  'workload.person': 'Person',
  'workload.week': 'KW {week}',
  'workload.team': 'Team gesamt',
  'workload.hours': '{allocated} / {capacity} Std.',
  'workload.over': 'überlastet',
  'workload.team-over': { one: '1 Person überlastet', other: '{count} Personen überlastet' },
  'workload.unplanned': {
    '=0': 'Ungeplant: keine',
    one: 'Ungeplant: 1 Aufgabe ohne Termine oder Schätzung',
    other: 'Ungeplant: {count} Aufgaben ohne Termine oder Schätzung',
  },
  'workload.empty': 'Niemand anzuzeigen: keine Personen in diesen Projekten.',
};

/**
 * Adds the workload's built-in English and German wording once, under anything a vendor registered:
 * a vendor's `registerMessages` wins whether it ran before or after.
 */
export const registerWorkloadMessages: () => void = defaultMessagesRegistrar({ en: WORKLOAD_EN, de: WORKLOAD_DE });
