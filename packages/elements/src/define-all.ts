import { CwmBoard } from '@cwm/board';
import { CwmGantt } from '@cwm/gantt';
import { CwmTaskChat } from '@cwm/chat';
import { CwmNotifications } from '@cwm/notifications';
import { CwmDashboard, CwmPayReport, CwmWorkload } from '@cwm/dashboard';
import { CwmTaskDetail } from '@cwm/task-detail';
import { CwmDateField, CwmPeopleField, CwmTagsField, CwmWorkspace, defineElement, type DefineOptions } from '@cwm/ui';

/**
 * Every element of the library with its default tag. Each widget issue adds its line; `defineAll`
 * registers them in this order (the provider first, so widgets find it when they upgrade).
 */
export const ELEMENTS: readonly (readonly [tag: string, ctor: CustomElementConstructor])[] = [
  ['cwm-workspace', CwmWorkspace],
  // Form-associated controls a host may also use in its own forms.
  ['cwm-date-field', CwmDateField],
  ['cwm-tags-field', CwmTagsField],
  ['cwm-people-field', CwmPeopleField],
  ['cwm-board', CwmBoard],
  ['cwm-gantt', CwmGantt],
  ['cwm-task-chat', CwmTaskChat],
  ['cwm-notifications', CwmNotifications],
  ['cwm-dashboard', CwmDashboard],
  ['cwm-workload', CwmWorkload],
  ['cwm-pay-report', CwmPayReport],
  ['cwm-task-detail', CwmTaskDetail],
];

/**
 * Registers every element, under `cwm-*` or a vendor's prefix (`defineAll({ prefix: 'acme' })` gives
 * `<acme-workspace>`, `<acme-board>`...). Safe to call more than once with the same prefix; calling it
 * with several prefixes registers the library under each.
 */
export function defineAll(options: DefineOptions = {}): void {
  for (const [tag, ctor] of ELEMENTS) defineElement(tag, ctor, options);
}
