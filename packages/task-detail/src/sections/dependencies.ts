import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { DEPENDENCY_TYPES, type DependencyType, type Id, type Task } from '@cwm/core';
import {
  planNewDependency,
  planRemoveDependency,
  searchLinkCandidates,
  taskLinks,
  type DependencyLinkRow,
  type DependencyRefusal,
  type LinkCandidate,
  type LinkDirection,
} from '../model/dependency-edit.js';
import { focusAfterUpdate } from './focus-after-update.js';
import { listboxOptions, token } from '@cwm/ui';
import type { SectionContext } from './section-context.js';

/** The field key refusals of this section are shown under. */
export const DEPENDENCIES_FIELD = 'deps';

/**
 * The dependencies section of `<cwm-task-detail>`: what the task waits for and what waits for it
 * (type and lag), a search combobox to add one in either direction, remove buttons. A new
 * dependency is checked first (a loop is refused naming its tasks); every write goes through the
 * store, whose refusal (permission, a loop created meanwhile by someone else) is shown as well.
 * Holds the add form's draft, which survives refusals and re-renders.
 */
export class DependenciesSection {
  private searchText = '';
  private chosen: LinkCandidate | undefined;
  private listOpen = false;
  private activeIndex = -1;
  private direction: LinkDirection = 'predecessor';
  private type: DependencyType = 'FS';
  private lagText = '0';
  /** The task the draft belongs to: another task starts with a fresh form. */
  private draftFor: Id | undefined;
  private context!: SectionContext;

  /** Renders the section for `context.task`. */
  render(context: SectionContext): TemplateResult {
    this.context = context;
    const { task } = context;
    if (this.draftFor !== task.id) this.reset(task.id);
    const projectTasks = this.projectTasks();
    const links = taskLinks(task, projectTasks, (id) => context.state.tasks.get(id));
    const permission = context.can('dependency.edit');
    return html`<section class="deps" aria-labelledby="deps-heading">
      <h3 id="deps-heading">${context.t('task-detail.deps.heading')}</h3>
      ${this.renderList('predecessor', links.predecessors, permission.allowed)}
      ${this.renderList('successor', links.successors, permission.allowed)}
      ${permission.allowed
        ? this.renderAddForm(projectTasks, links.predecessors, links.successors)
        : html`<p class="note">${context.denial(permission)}</p>`}
    </section>`;
  }

  private renderList(direction: LinkDirection, rows: readonly DependencyLinkRow[], editable: boolean): TemplateResult {
    const { t } = this.context;
    const headingId = `deps-${direction}-heading`;
    return html`<h4 id=${headingId}>${t(direction === 'predecessor' ? 'task-detail.deps.predecessors' : 'task-detail.deps.successors')}</h4>
      ${rows.length === 0
        ? html`<p class="muted">${t('task-detail.deps.none')}</p>`
        : html`<ul class="links" aria-labelledby=${headingId}>
            ${rows.map((row) => this.renderRow(direction, row, editable))}
          </ul>`}`;
  }

  private renderRow(direction: LinkDirection, row: DependencyLinkRow, editable: boolean): TemplateResult {
    const { t } = this.context;
    const name = row.other?.title ?? t('task-detail.deps.missing', { id: row.otherId });
    return html`<li data-task-id=${row.otherId}>
      ${row.other
        ? html`<button type="button" class="link" title=${t('task-detail.deps.open', { name })} @click=${() => this.context.openTask(row.otherId)}>${name}</button>`
        : html`<span class="missing">${name}</span>`}
      <span class="meta">${t(`task-detail.deps.type.${row.type}`)}, ${t('task-detail.deps.lag', { count: row.lag })}</span>
      ${editable
        ? html`<button
            type="button"
            class="icon icon-button"
            aria-label=${t(direction === 'predecessor' ? 'task-detail.deps.remove-predecessor' : 'task-detail.deps.remove-successor', { name })}
            @click=${(event: Event) => this.remove(direction, row, event)}
          >
            <span aria-hidden="true">×</span>
          </button>`
        : nothing}
    </li>`;
  }

  private renderAddForm(projectTasks: readonly Task[], predecessors: readonly DependencyLinkRow[], successors: readonly DependencyLinkRow[]): TemplateResult {
    const { t, task } = this.context;
    const linked = this.direction === 'predecessor' ? predecessors : successors;
    const exclude = new Set<Id>([task.id, ...linked.map((row) => row.otherId)]);
    const shown = this.listOpen ? searchLinkCandidates(projectTasks, this.searchText, exclude) : [];
    if (this.activeIndex >= shown.length) this.activeIndex = shown.length - 1;
    const open = this.listOpen && shown.length > 0;
    const noMatch = this.listOpen && this.searchText.trim() !== '' && shown.length === 0;
    const errorId = this.context.fieldErrorId(DEPENDENCIES_FIELD);
    const hasError = this.context.fieldErrorText(DEPENDENCIES_FIELD) !== undefined;
    return html`<form class="add" novalidate aria-labelledby="deps-add-heading" @submit=${(event: Event) => this.submit(event, projectTasks)}>
      <h4 id="deps-add-heading">${t('task-detail.deps.add-heading')}</h4>
      <div class="combobox">
        <label for="deps-search">${t('task-detail.deps.find')}</label>
        <input
          id="deps-search"
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-controls="deps-candidates"
          aria-expanded=${open ? 'true' : 'false'}
          aria-activedescendant=${open && this.activeIndex >= 0 ? `deps-candidate-${this.activeIndex}` : nothing}
          aria-invalid=${hasError ? 'true' : 'false'}
          aria-describedby=${hasError ? errorId : nothing}
          .value=${live(this.searchText)}
          @input=${this.onSearchInput}
          @keydown=${(event: KeyboardEvent) => this.onSearchKeydown(event, shown)}
          @focusout=${this.onSearchFocusOut}
        />
        <ul id="deps-candidates" role="listbox" aria-label=${t('task-detail.deps.candidates')} ?hidden=${!open}>
          ${open
            ? listboxOptions({
                options: shown,
                idPrefix: 'deps-candidate',
                activeIndex: this.activeIndex,
                label: (candidate) => candidate.title,
                onPick: (candidate) => this.pick(candidate),
              })
            : nothing}
        </ul>
        <div class="muted" role="status">${noMatch ? t('task-detail.deps.no-match') : ''}</div>
      </div>
      <div class="row">
        <label>
          ${t('task-detail.deps.direction')}
          <select id="deps-direction" @change=${this.onDirectionChange}>
            ${(['predecessor', 'successor'] as const).map(
              (direction) =>
                html`<option value=${direction} ?selected=${direction === this.direction}>${t(`task-detail.deps.direction.${direction}`)}</option>`,
            )}
          </select>
        </label>
        <label>
          ${t('task-detail.deps.type')}
          <select id="deps-type" @change=${this.onTypeChange}>
            ${DEPENDENCY_TYPES.map((type) => html`<option value=${type} ?selected=${type === this.type}>${t(`task-detail.deps.type.${type}`)}</option>`)}
          </select>
        </label>
        <label>
          ${t('task-detail.deps.lag-days')}
          <input id="deps-lag" type="text" inputmode="numeric" autocomplete="off" size="5" .value=${live(this.lagText)} @input=${this.onLagInput} />
        </label>
      </div>
      ${this.context.fieldError(DEPENDENCIES_FIELD)}
      <div><button class="primary" type="submit">${t('task-detail.deps.add')}</button></div>
    </form>`;
  }

  // --- events -------------------------------------------------------------------------------

  private readonly onSearchInput = (event: Event): void => {
    this.searchText = (event.target as HTMLInputElement).value;
    // Typing after a pick means another task is wanted, unless the text is still the picked title.
    if (this.chosen !== undefined && this.chosen.title !== this.searchText) this.chosen = undefined;
    this.listOpen = true;
    this.activeIndex = -1;
    this.context.requestUpdate();
  };

  /** The ARIA combobox keys: arrows move through the list, Enter picks, Escape closes the list only. */
  private onSearchKeydown(event: KeyboardEvent, shown: readonly LinkCandidate[]): void {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!this.listOpen) {
          this.listOpen = true;
          this.activeIndex = event.key === 'ArrowDown' ? 0 : -1;
        } else if (shown.length > 0) {
          const step = event.key === 'ArrowDown' ? 1 : -1;
          this.activeIndex = (this.activeIndex + step + shown.length) % shown.length;
        }
        this.context.requestUpdate();
        break;
      }
      case 'Enter': {
        const candidate = this.listOpen ? shown[this.activeIndex] : undefined;
        if (candidate === undefined) return; // the form submits
        event.preventDefault();
        this.pick(candidate);
        break;
      }
      case 'Escape':
        if (!this.listOpen) return;
        // Closing the list is all Escape does here; the panel stays open.
        event.preventDefault();
        event.stopPropagation();
        this.listOpen = false;
        this.activeIndex = -1;
        this.context.requestUpdate();
        break;
    }
  }

  private readonly onSearchFocusOut = (): void => {
    if (!this.listOpen) return;
    this.listOpen = false;
    this.activeIndex = -1;
    this.context.requestUpdate();
  };

  private pick(candidate: LinkCandidate): void {
    this.chosen = candidate;
    this.searchText = candidate.title;
    this.listOpen = false;
    this.activeIndex = -1;
    this.context.setFieldError(DEPENDENCIES_FIELD, undefined);
    this.context.requestUpdate();
  }

  private readonly onDirectionChange = (event: Event): void => {
    this.direction = (event.target as HTMLSelectElement).value as LinkDirection;
    this.context.requestUpdate();
  };

  private readonly onTypeChange = (event: Event): void => {
    this.type = (event.target as HTMLSelectElement).value as DependencyType;
  };

  private readonly onLagInput = (event: Event): void => {
    this.lagText = (event.target as HTMLInputElement).value;
  };

  private submit(event: Event, projectTasks: readonly Task[]): void {
    event.preventDefault();
    const context = this.context;
    const getTask = (id: Id): Task | undefined => context.state.tasks.get(id);
    const otherId = this.chosen?.id ?? exactTitleMatch(projectTasks, this.searchText, context.task.id);
    const plan = planNewDependency(context.task, otherId, this.direction, this.type, this.lagText, getTask);
    if (!plan.ok) {
      context.setFieldError(DEPENDENCIES_FIELD, this.refusalText(plan.refusal, getTask));
      focusAfterUpdate(event.currentTarget as HTMLElement, plan.refusal.code === 'bad-lag' ? '#deps-lag' : '#deps-search');
      return;
    }
    const result = context.store.updateTask(plan.write.holderId, { dependencies: plan.write.dependencies }, 'dependency.edit');
    if (!context.write(result, DEPENDENCIES_FIELD)) return;
    context.announce(context.t('task-detail.deps.added'));
    this.reset(context.task.id);
    context.requestUpdate();
  }

  private remove(direction: LinkDirection, row: DependencyLinkRow, event: Event): void {
    const context = this.context;
    const successor = direction === 'predecessor' ? context.task : row.other;
    if (successor === undefined) return;
    const predecessorId = direction === 'predecessor' ? row.otherId : context.task.id;
    const write = planRemoveDependency(successor, predecessorId);
    const result = context.store.updateTask(write.holderId, { dependencies: write.dependencies }, 'dependency.edit');
    if (!context.write(result, DEPENDENCIES_FIELD)) return;
    context.announce(context.t('task-detail.deps.removed'));
    // The button is gone after the next render: focus goes to the search field, not to the page.
    focusAfterUpdate(event.currentTarget as HTMLElement, '#deps-search', '#deps-heading');
  }

  // --- helpers ------------------------------------------------------------------------------

  private refusalText(refusal: DependencyRefusal, getTask: (id: Id) => Task | undefined): string {
    const { t } = this.context;
    const title = (id: Id): string => getTask(id)?.title ?? id;
    switch (refusal.code) {
      case 'pick-task':
        return t('task-detail.deps.pick-task');
      case 'self':
        return t('task-detail.deps.self');
      case 'bad-lag':
        return t('task-detail.deps.bad-lag');
      case 'duplicate':
        return t('task-detail.deps.duplicate', { successor: title(refusal.successorId), predecessor: title(refusal.predecessorId) });
      case 'cycle':
        return t('task-detail.deps.cycle', { loop: refusal.loop.map((id) => `"${title(id)}"`).join(' → ') });
    }
  }

  /** Tasks of the task's project, from the store's snapshot (one pass, remembered per tasks table). */
  private projectTasks(): readonly Task[] {
    const { state, task } = this.context;
    if (this.cachedTable !== state.tasks || this.cachedProject !== task.projectId) {
      this.cachedTable = state.tasks;
      this.cachedProject = task.projectId;
      this.cachedTasks = state.tasks.filter((candidate) => candidate.projectId === task.projectId);
    }
    return this.cachedTasks;
  }

  private cachedTable: unknown;
  private cachedProject: Id | undefined;
  private cachedTasks: readonly Task[] = [];

  private reset(taskId: Id): void {
    this.draftFor = taskId;
    this.searchText = '';
    this.chosen = undefined;
    this.listOpen = false;
    this.activeIndex = -1;
    this.direction = 'predecessor';
    this.type = 'FS';
    this.lagText = '0';
  }
}

/** A typed title that is exactly one task's title (ignoring case) counts as picking it. */
function exactTitleMatch(tasks: readonly Task[], text: string, selfId: Id): Id | undefined {
  const wanted = text.trim().toLocaleLowerCase();
  if (wanted === '') return undefined;
  const matches = tasks.filter((task) => task.id !== selfId && task.title.trim().toLocaleLowerCase() === wanted);
  return matches.length === 1 ? matches[0]!.id : undefined;
}

/** Styles of the dependencies section (and the list/form look the other sections of this file set share). */
export const dependenciesStyles = css`
  .deps .links,
  .people-list,
  .docs .links {
    list-style: none;
    margin: 0 0 ${token('space-s')};
    padding: 0;
  }
  .deps .links li,
  .people-list li,
  .docs .links li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    padding: 0.25rem 0;
    border-bottom: 1px solid ${token('color-border')};
    overflow-wrap: anywhere;
  }
  .deps .meta,
  .people-list .meta,
  .docs .meta {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }
  .deps .icon,
  .people-list .icon,
  .docs .icon {
    margin-inline-start: auto;
  }
  .deps button.link {
    background: none;
    border: none;
    padding: 0;
    color: ${token('color-accent')};
    text-decoration: underline;
    cursor: pointer;
    font: inherit;
    text-align: start;
    overflow-wrap: anywhere;
  }
  .deps .add .row,
  .docs .add .row {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-s')};
    margin: ${token('space-s')} 0;
  }
  .deps .add label,
  .docs .add label {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    min-width: 0;
  }
  .deps .combobox {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
  }
  .deps [role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 0.25rem 0;
    max-height: 12rem;
    overflow-y: auto;
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    background: ${token('color-surface-raised')};
  }
  .deps [role='option'] {
    padding: 0.25rem 0.5rem;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .deps [role='option'][aria-selected='true'] {
    background: ${token('color-accent')};
    color: ${token('color-accent-text')};
  }
  .deps .muted,
  .people .muted,
  .docs .muted,
  .activity .muted {
    color: ${token('color-text-muted')};
  }
  .deps .missing {
    font-style: italic;
  }
  .deps .note,
  .people .note,
  .docs .note {
    margin: 0;
    font-size: ${token('font-size-s')};
    color: ${token('color-text-muted')};
  }
`;
