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
  readonly 'workload.day-off': MessageText;
  readonly 'workload.filters': MessageText;
  readonly 'workload.filter.project': MessageText;
  readonly 'workload.filter.all-projects': MessageText;
  readonly 'workload.filter.group': MessageText;
  readonly 'workload.filter.all-groups': MessageText;
  readonly 'workload.filter.unit': MessageText;
  readonly 'workload.unit.week': MessageText;
  readonly 'workload.unit.day': MessageText;
  readonly 'workload.empty-group': MessageText;
  readonly 'workload.panel.title': MessageText;
  readonly 'workload.panel.close': MessageText;
  readonly 'workload.panel.none': MessageText;
  readonly 'workload.panel.hours': MessageText;
  readonly 'workload.panel.open': MessageText;
  readonly 'workload.panel.open-label': MessageText;
  readonly 'workload.panel.reassign': MessageText;
  readonly 'workload.panel.reassign-label': MessageText;
  readonly 'workload.panel.some-denied': MessageText;
  readonly 'workload.panel.reassigned': MessageText;
  readonly 'workload.panel.refused': MessageText;
  readonly 'workload.panel.undone': MessageText;
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
  'workload.day-off': 'day off',
  'workload.filters': 'Workload filters',
  'workload.filter.project': 'Project',
  'workload.filter.all-projects': 'All projects',
  'workload.filter.group': 'Group',
  'workload.filter.all-groups': 'All groups',
  'workload.filter.unit': 'Columns',
  'workload.unit.week': 'Weeks',
  'workload.unit.day': 'Days',
  'workload.empty-group': 'Nobody to show in the group {group}.',
  'workload.panel.title': '{person}, {period}',
  'workload.panel.close': 'Close',
  'workload.panel.none': 'No open work is planned here.',
  'workload.panel.hours': '{hours} h',
  'workload.panel.open': 'Open',
  'workload.panel.open-label': 'Open {title}',
  'workload.panel.reassign': 'Reassign to…',
  'workload.panel.reassign-label': 'Reassign {title} from {person} to',
  'workload.panel.some-denied': 'Greyed-out people: {reason}',
  'workload.panel.reassigned': 'Reassigned {title} to {person}.',
  'workload.panel.refused': 'Not reassigned: {reason}',
  'workload.panel.undone': 'The reassignment of {title} was undone: {reason}',
};

/** German wording of `<cwm-workload>`. */
export const WORKLOAD_DE: WorkloadMessages = {
  'workload.label': 'Auslastung nach Person und Woche',
  'workload.person': 'Person',
  'workload.week': 'KW {week}',
  'workload.team': 'Team gesamt',
  'workload.hours': '{allocated} / {capacity} h',
  'workload.over': 'überlastet',
  'workload.team-over': { one: '1 Person überlastet', other: '{count} Personen überlastet' },
  'workload.unplanned': {
    '=0': 'Ungeplant: keine',
    one: 'Ungeplant: 1 Aufgabe ohne Termine oder Schätzung',
    other: 'Ungeplant: {count} Aufgaben ohne Termine oder Schätzung',
  },
  'workload.empty': 'Niemand anzuzeigen: keine Personen in diesen Projekten.',
  'workload.day-off': 'arbeitsfrei',
  'workload.filters': 'Filter der Auslastung',
  'workload.filter.project': 'Projekt',
  'workload.filter.all-projects': 'Alle Projekte',
  'workload.filter.group': 'Gruppe',
  'workload.filter.all-groups': 'Alle Gruppen',
  'workload.filter.unit': 'Spalten',
  'workload.unit.week': 'Wochen',
  'workload.unit.day': 'Tage',
  'workload.empty-group': 'Niemand in der Gruppe {group} anzuzeigen.',
  'workload.panel.title': '{person}, {period}',
  'workload.panel.close': 'Schließen',
  'workload.panel.none': 'Hier ist keine offene Arbeit geplant.',
  'workload.panel.hours': '{hours} h',
  'workload.panel.open': 'Öffnen',
  'workload.panel.open-label': '{title} öffnen',
  'workload.panel.reassign': 'Neu zuweisen an …',
  'workload.panel.reassign-label': '{title} von {person} neu zuweisen an',
  'workload.panel.some-denied': 'Ausgegraute Personen: {reason}',
  'workload.panel.reassigned': '{title} an {person} zugewiesen.',
  'workload.panel.refused': 'Nicht neu zugewiesen: {reason}',
  'workload.panel.undone': 'Die Neuzuweisung von {title} wurde rückgängig gemacht: {reason}',
};

/**
 * Adds the workload's built-in English and German wording once, under anything a vendor registered:
 * a vendor's `registerMessages` wins whether it ran before or after.
 */
export const registerWorkloadMessages: () => void = defaultMessagesRegistrar({ en: WORKLOAD_EN, de: WORKLOAD_DE });
