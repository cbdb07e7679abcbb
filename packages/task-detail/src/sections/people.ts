import { css, html, nothing, type TemplateResult } from 'lit';
import type { Id, IsoDate, Person, Task } from '@cwm/core';
import { assigneeOptions, resourceOptions, roundHours, toggledIds, weekLoads, type WeekLoad } from '../model/people-options.js';
import { focusAfterUpdate } from './focus-after-update.js';
import { token } from '@cwm/ui';
import type { SectionContext } from './section-context.js';

/** Field keys refusals of this section are shown under. */
export const PEOPLE_FIELD = 'people';
export const RESOURCES_FIELD = 'resources';

/**
 * The people and resources section of `<cwm-task-detail>`: assignees with their load this week
 * (from core's `computeWorkload`, over-allocation marked), an "Assign someone" list where people the
 * policy refuses stay visible but disabled with the reason, collaborators (followers, with "Join" /
 * "Leave" for oneself) and the workspace's resources to book or release. Every change goes through
 * the store; a refusal is shown beside the list.
 */
export class PeopleSection {
  private context!: SectionContext;
  /** `today` is injectable so tests and stories show a fixed week. */
  constructor(private readonly today: () => IsoDate = localToday) {}

  private loadsKey: unknown[] = [];
  private loads = new Map<Id, WeekLoad>();

  /** Renders the section for `context.task`. */
  render(context: SectionContext): TemplateResult {
    this.context = context;
    const { t, task } = context;
    const people = context.state.people.values();
    return html`<section class="people" aria-labelledby="people-heading">
      <h3 id="people-heading">${t('task-detail.people.heading')}</h3>
      ${this.renderAssignees(task, people)} ${this.renderFollowers(task, people)} ${this.renderResources(task, people)}
    </section>`;
  }

  // --- assignees ----------------------------------------------------------------------------

  private renderAssignees(task: Task, people: readonly Person[]): TemplateResult {
    const { t } = this.context;
    const options = assigneeOptions(people, task, (person) => this.context.can('task.assign', { person }));
    const loads = this.weekLoads(task);
    const addable = options.filter((option) => !option.selected);
    const errorId = this.context.fieldErrorId(PEOPLE_FIELD);
    return html`<h4 id="people-assignees-heading">${t('task-detail.people.assignees')}</h4>
      ${task.assigneeIds.length === 0
        ? html`<p class="muted">${t('task-detail.people.nobody')}</p>`
        : html`<ul class="people-list" aria-labelledby="people-assignees-heading">
            ${task.assigneeIds.map((id) => {
              const option = options.find((candidate) => candidate.person.id === id);
              const name = this.name(id);
              const load = loads.get(id);
              return html`<li data-person-id=${id}>
                <span class="name">${name}</span>
                ${load ? this.renderLoad(load) : nothing}
                ${option === undefined || option.permission.allowed
                  ? html`<button type="button" class="icon icon-button" aria-label=${t('task-detail.people.unassign', { name })} @click=${(event: Event) => this.setAssigned(id, false, event)}>
                      <span aria-hidden="true">×</span>
                    </button>`
                  : html`<span class="meta">${this.context.denial(option.permission)}</span>`}
              </li>`;
            })}
          </ul>`}
      ${addable.length === 0
        ? nothing
        : html`<label class="picker">
            ${t('task-detail.people.add-assignee')}
            <select id="people-assign" aria-describedby=${this.context.fieldErrorText(PEOPLE_FIELD) === undefined ? nothing : errorId} @change=${this.onAssignPick}>
              <option value="" selected>${t('task-detail.people.choose')}</option>
              ${addable.map((option) =>
                option.permission.allowed
                  ? html`<option value=${option.person.id}>${option.person.name}</option>`
                  : html`<option value=${option.person.id} disabled>
                      ${t('task-detail.people.option-denied', { name: option.person.name, reason: this.context.denial(option.permission) })}
                    </option>`,
              )}
            </select>
          </label>`}
      ${this.context.fieldError(PEOPLE_FIELD)}`;
  }

  private renderLoad(load: WeekLoad): TemplateResult {
    const { t, localize } = this.context;
    const text = t('task-detail.people.load', {
      allocated: localize.formatNumber(roundHours(load.allocated)),
      capacity: localize.formatNumber(roundHours(load.capacity)),
    });
    return html`<span class="meta load ${load.overAllocated ? 'over' : ''}" data-over=${load.overAllocated ? 'true' : 'false'}>
      ${text}${load.overAllocated ? html` <strong class="over-label">(${t('task-detail.people.over')})</strong>` : nothing}
    </span>`;
  }

  private readonly onAssignPick = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    const id = select.value;
    // The select is a picker, not a value: back to "Choose…" whatever happens.
    select.value = '';
    if (id !== '') this.setAssigned(id, true, event);
  };

  private setAssigned(personId: Id, on: boolean, event: Event): void {
    const context = this.context;
    const result = context.store.updateTask(context.task.id, { assigneeIds: toggledIds(context.task.assigneeIds, personId, on) }, 'task.assign');
    if (!context.write(result, PEOPLE_FIELD)) return;
    const name = this.name(personId);
    context.announce(context.t(on ? 'task-detail.people.assigned' : 'task-detail.people.unassigned', { name }));
    if (!on) focusAfterUpdate(event.currentTarget as HTMLElement, '#people-assign', '#people-assignees-heading');
  }

  /** The assignees' loads, recomputed only when the tasks, people, calendar, assignees or day change. */
  private weekLoads(task: Task): Map<Id, WeekLoad> {
    const { state } = this.context;
    const day = this.today();
    const key = [state.tasks, state.people, state.projects, state.workspace?.calendar, task.assigneeIds, day];
    if (key.length !== this.loadsKey.length || key.some((part, index) => part !== this.loadsKey[index])) {
      this.loadsKey = key;
      this.loads = weekLoads(state.tasks.values(), state.people.values(), task.assigneeIds, day, state.workspace?.calendar, (projectId) =>
        state.projects.get(projectId)?.workflow,
      );
    }
    return this.loads;
  }

  // --- collaborators ------------------------------------------------------------------------

  private renderFollowers(task: Task, people: readonly Person[]): TemplateResult {
    const { t, store } = this.context;
    const me = store.userId;
    const following = task.followerIds.includes(me);
    const self = this.context.can('task.follow');
    const others = this.context.can('task.edit');
    const addable = people.filter((person) => person.kind === 'person' && person.id !== me && !task.followerIds.includes(person.id));
    return html`<h4 id="people-followers-heading">${t('task-detail.people.followers')}</h4>
      ${task.followerIds.length === 0
        ? html`<p class="muted">${t('task-detail.people.no-followers')}</p>`
        : html`<ul class="people-list" aria-labelledby="people-followers-heading">
            ${task.followerIds.map((id) => {
              const name = this.name(id);
              const allowed = id === me ? self.allowed : others.allowed;
              return html`<li data-person-id=${id}>
                <span class="name">${name}</span>
                ${allowed
                  ? html`<button type="button" class="icon icon-button" aria-label=${t('task-detail.people.remove-follower', { name })} @click=${(event: Event) => this.setFollowing(id, false, event)}>
                      <span aria-hidden="true">×</span>
                    </button>`
                  : nothing}
              </li>`;
            })}
          </ul>`}
      <div class="actions">
        ${following
          ? nothing
          : self.allowed
            ? html`<button type="button" id="people-join" @click=${(event: Event) => this.setFollowing(me, true, event)}>${t('task-detail.people.join')}</button>`
            : html`<p class="note">${this.context.denial(self)}</p>`}
        ${others.allowed && addable.length > 0
          ? html`<label class="picker">
              ${t('task-detail.people.add-follower')}
              <select id="people-follow" @change=${this.onFollowerPick}>
                <option value="" selected>${t('task-detail.people.choose')}</option>
                ${addable.map((person) => html`<option value=${person.id}>${person.name}</option>`)}
              </select>
            </label>`
          : nothing}
      </div>`;
  }

  private readonly onFollowerPick = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    const id = select.value;
    select.value = '';
    if (id !== '') this.setFollowing(id, true, event);
  };

  private setFollowing(personId: Id, on: boolean, event: Event): void {
    const context = this.context;
    const result = context.store.updateTask(context.task.id, { followerIds: toggledIds(context.task.followerIds, personId, on) }, on && personId === context.store.userId ? 'task.follow' : 'task.edit');
    if (!context.write(result, PEOPLE_FIELD)) return;
    if (!on || personId === context.store.userId) focusAfterUpdate(event.currentTarget as HTMLElement, '#people-follow', '#people-join', '#people-followers-heading');
  }

  // --- resources ----------------------------------------------------------------------------

  private renderResources(task: Task, people: readonly Person[]): TemplateResult {
    const { t } = this.context;
    const resources = resourceOptions(people, task);
    const permission = this.context.can('task.edit');
    return html`<h4 id="people-resources-heading">${t('task-detail.people.resources')}</h4>
      ${resources.length === 0
        ? html`<p class="muted">${t('task-detail.people.no-resources')}</p>`
        : html`<ul class="people-list" aria-labelledby="people-resources-heading">
            ${resources.map(
              ({ resource, booked }) => html`<li data-resource-id=${resource.id}>
                <button
                  type="button"
                  class="toggle"
                  aria-pressed=${booked ? 'true' : 'false'}
                  ?disabled=${!permission.allowed}
                  @click=${() => this.setBooked(resource.id, !booked)}
                >
                  ${t('task-detail.people.book', { name: resource.name })}
                </button>
                ${booked ? html`<span class="meta">${t('task-detail.people.booked')}</span>` : nothing}
              </li>`,
            )}
          </ul>`}
      ${permission.allowed ? nothing : html`<p class="note">${this.context.denial(permission)}</p>`} ${this.context.fieldError(RESOURCES_FIELD)}`;
  }

  private setBooked(resourceId: Id, on: boolean): void {
    const context = this.context;
    const result = context.store.updateTask(context.task.id, { resourceIds: toggledIds(context.task.resourceIds, resourceId, on) }, 'task.edit');
    context.write(result, RESOURCES_FIELD);
  }

  private name(id: Id): string {
    return this.context.person(id)?.name ?? this.context.t('task-detail.people.unknown', { id });
  }
}

/** Today in the reader's time zone, `YYYY-MM-DD`: "this week" is the reader's week. */
function localToday(): IsoDate {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Styles of the people and resources section. */
export const peopleStyles = css`
  .people .load.over {
    color: ${token('color-danger')};
  }
  .people .picker {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    margin: ${token('space-s')} 0;
    max-width: 100%;
  }
  .people select {
    max-width: 100%;
  }
  .people .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('space-s')};
  }
  .people .toggle[aria-pressed='true'] {
    font-weight: ${token('font-weight-strong')};
  }
`;
