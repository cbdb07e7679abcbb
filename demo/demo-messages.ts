// The demo's own wording, added to the library's catalogs exactly as a vendor would add theirs:
// a module augmentation for the types, `registerMessages` for the texts.
import { registerMessages, type MessageText } from '@cwm/ui';

declare module '@cwm/ui' {
  interface CwmMessages {
    readonly 'demo.you': MessageText;
    readonly 'demo.nobody': MessageText;
    readonly 'demo.role': MessageText;
    readonly 'demo.sync': MessageText;
    readonly 'demo.projects': MessageText;
    readonly 'demo.project': MessageText;
    readonly 'demo.tasks': MessageText;
    readonly 'demo.complete': MessageText;
    readonly 'demo.activity': MessageText;
    readonly 'demo.activity-empty': MessageText;
    readonly 'demo.created': MessageText;
    readonly 'demo.deleted': MessageText;
    readonly 'demo.moved': MessageText;
    readonly 'demo.changed': MessageText;
    readonly 'demo.someone': MessageText;
    readonly 'demo.change': MessageText;
    readonly 'demo.change-hint': MessageText;
    readonly 'demo.move-mine': MessageText;
    readonly 'demo.no-open-tasks': MessageText;
    readonly 'demo.moved-mine': MessageText;
    readonly 'demo.refused': MessageText;
    readonly 'demo.my-open-tasks': MessageText;
    readonly 'demo.loading': MessageText;
  }
}

registerMessages('en', {
  'demo.you': 'Acting as',
  'demo.nobody': 'Nobody is acting: everything is read-only.',
  'demo.role': '{role} · {group}',
  'demo.sync': 'Sync',
  'demo.projects': 'Projects',
  'demo.project': 'Project',
  'demo.tasks': 'Tasks',
  'demo.complete': 'Complete',
  'demo.activity': 'Live activity',
  'demo.activity-empty': 'No changes yet.',
  'demo.created': '{actor} created “{task}”',
  'demo.deleted': '{actor} deleted “{task}”',
  'demo.moved': '{actor} moved “{task}” from {from} to {to}',
  'demo.changed': '{actor} changed {fields} of “{task}”',
  'demo.someone': 'Someone',
  'demo.change': 'Make a change',
  'demo.change-hint': 'Open this page in a second tab as someone else: changes appear there live.',
  'demo.move-mine': 'Move one of my tasks forward',
  'demo.no-open-tasks': 'You have no open tasks to move.',
  'demo.moved-mine': 'Moved “{task}” to {to}.',
  'demo.refused': 'Not moved: {reason}',
  'demo.my-open-tasks': { '=0': 'No open tasks assigned to you', one: '{count} open task assigned to you', other: '{count} open tasks assigned to you' },
  'demo.loading': 'Loading…',
});

registerMessages('de', {
  'demo.you': 'Handelnd als',
  'demo.nobody': 'Niemand handelt: alles ist schreibgeschützt.',
  'demo.role': '{role} · {group}',
  'demo.sync': 'Synchronisierung',
  'demo.projects': 'Projekte',
  'demo.project': 'Projekt',
  'demo.tasks': 'Aufgaben',
  'demo.complete': 'Erledigt',
  'demo.activity': 'Live-Aktivität',
  'demo.activity-empty': 'Noch keine Änderungen.',
  'demo.created': '{actor} hat „{task}“ angelegt',
  'demo.deleted': '{actor} hat „{task}“ gelöscht',
  'demo.moved': '{actor} hat „{task}“ von {from} nach {to} verschoben',
  'demo.changed': '{actor} hat {fields} von „{task}“ geändert',
  'demo.someone': 'Jemand',
  'demo.change': 'Etwas ändern',
  'demo.change-hint': 'Öffnen Sie diese Seite in einem zweiten Tab als jemand anderes: Änderungen erscheinen dort sofort.',
  'demo.move-mine': 'Eine meiner Aufgaben weiterschieben',
  'demo.no-open-tasks': 'Sie haben keine offenen Aufgaben.',
  'demo.moved-mine': '„{task}“ nach {to} verschoben.',
  'demo.refused': 'Nicht verschoben: {reason}',
  'demo.my-open-tasks': { '=0': 'Keine offenen Aufgaben für Sie', one: '{count} offene Aufgabe für Sie', other: '{count} offene Aufgaben für Sie' },
  'demo.loading': 'Wird geladen…',
});
