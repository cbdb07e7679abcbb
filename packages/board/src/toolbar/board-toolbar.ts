import { html, nothing, type TemplateResult } from 'lit';
import type { Id, PermissionResult, StoreState } from '@cwm/core';
import type { LocalizeController } from '@cwm/ui';
import type { BoardFilter, BoardLayout, DueFilter, FacetIndex } from '../model/index.js';

/** What the filter bar and the bulk bar need from the board. */
export interface ToolbarHost {
  readonly localization: LocalizeController;
  readonly boardFilter: BoardFilter;
  setFilter(filter: BoardFilter): void;
  readonly selectedIds: ReadonlySet<Id>;
  readonly currentLayout: BoardLayout | undefined;
  /** The people and tags the board's tasks use. */
  readonly facets: FacetIndex;
  readonly storeState: StoreState | undefined;
  readonly store: { readonly userId: Id } | undefined;
  columnName(key: string): string;
  moveSelection(columnKey: string): void;
  assignSelection(personId: Id, mode: 'assign' | 'follow'): void;
  clearSelection(): void;
  permission(action: 'task.assign' | 'task.assign-self' | 'task.follow' | 'task.move'): PermissionResult;
}

const DUE_CHOICES: readonly { value: DueFilter; key: `board.filter.due-${string}` }[] = [
  { value: 'any', key: 'board.filter.due-any' },
  { value: 'overdue', key: 'board.filter.due-overdue' },
  { value: 'this-week', key: 'board.filter.due-this-week' },
  { value: 'next-week', key: 'board.filter.due-next-week' },
  { value: 'no-date', key: 'board.filter.due-no-date' },
];

type Choices = { people: { id: Id; name: string }[]; tags: string[] };

// The people and tags come from the board's `FacetIndex`, kept up to date per changed task; the sorted
// menus are rebuilt only when a person or tag appears or disappears, names change, or the filter does.
const choiceCache = new WeakMap<FacetIndex, { version: number; people: StoreState['people']; filter: BoardFilter; value: Choices }>();

/** People and tags used by the board's tasks, for the filter menus. */
function choices(host: ToolbarHost): Choices {
  const state = host.storeState;
  if (!state) return { people: [], tags: [] };
  const facets = host.facets;
  const cached = choiceCache.get(facets);
  if (cached && cached.version === facets.version && cached.people === state.people && cached.filter === host.boardFilter) return cached.value;
  const peopleIds = new Set<Id>(facets.assigneeIds);
  const tags = new Set<string>(facets.tags);
  // A filter chosen earlier stays selectable even when no task uses it any more.
  for (const id of host.boardFilter.assigneeIds ?? []) if (id !== 'none') peopleIds.add(id);
  for (const tag of host.boardFilter.tags ?? []) tags.add(tag);
  const people = [...peopleIds]
    .map((id) => ({ id, name: state.people.get(id)?.name ?? id }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const value = { people, tags: [...tags].sort((a, b) => a.localeCompare(b)) };
  choiceCache.set(facets, { version: facets.version, people: state.people, filter: host.boardFilter, value });
  return value;
}

/** The filter bar: search, assignee, tag, due, "only mine", and how many cards show. */
export function renderToolbar(host: ToolbarHost): TemplateResult {
  const localize = host.localization;
  const filter = host.boardFilter;
  const { people, tags } = choices(host);
  const layout = host.currentLayout;
  const update = (patch: Partial<BoardFilter>): void => host.setFilter({ ...filter, ...patch });
  const active = Boolean(filter.text || filter.assigneeIds?.length || filter.tags?.length || (filter.due && filter.due !== 'any') || filter.mine);
  return html`<form class="toolbar" part="toolbar" role="search" aria-label=${localize.t('board.filter.label')} @submit=${(event: Event) => event.preventDefault()}>
    <label
      >${localize.t('board.filter.text')}
      <input
        type="search"
        .value=${filter.text ?? ''}
        @input=${(event: InputEvent) => update({ text: (event.target as HTMLInputElement).value })}
    /></label>
    <label
      >${localize.t('board.filter.assignee')}
      <select @change=${(event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        update({ assigneeIds: value ? [value] : [] });
      }}>
        <option value="" ?selected=${!filter.assigneeIds?.length}>${localize.t('board.filter.assignee-any')}</option>
        <option value="none" ?selected=${filter.assigneeIds?.[0] === 'none'}>${localize.t('board.unassigned')}</option>
        ${people.map((person) => html`<option value=${person.id} ?selected=${filter.assigneeIds?.[0] === person.id}>${person.name}</option>`)}
      </select></label
    >
    <label
      >${localize.t('board.filter.tag')}
      <select @change=${(event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        update({ tags: value ? [value] : [] });
      }}>
        <option value="" ?selected=${!filter.tags?.length}>${localize.t('board.filter.tag-any')}</option>
        ${tags.map((tag) => html`<option value=${tag} ?selected=${filter.tags?.[0] === tag}>${tag}</option>`)}
      </select></label
    >
    <label
      >${localize.t('board.filter.due')}
      <select @change=${(event: Event) => update({ due: (event.target as HTMLSelectElement).value as DueFilter })}>
        ${DUE_CHOICES.map((choice) => html`<option value=${choice.value} ?selected=${(filter.due ?? 'any') === choice.value}>${localize.t(choice.key as 'board.filter.due-any')}</option>`)}
      </select></label
    >
    <label
      ><input type="checkbox" .checked=${filter.mine ?? false} @change=${(event: Event) => update({ mine: (event.target as HTMLInputElement).checked })} />
      ${localize.t('board.filter.mine')}</label
    >
    ${active ? html`<button type="button" @click=${() => host.setFilter({})}>${localize.t('board.filter.clear')}</button>` : nothing}
    ${layout ? html`<span class="count" aria-live="polite">${localize.t('board.shown', { count: layout.shown, total: layout.total })}</span>` : nothing}
  </form>`;
}

/** The bar shown while cards are selected: take it, join, move to, assign to, clear. */
export function renderBulkBar(host: ToolbarHost): TemplateResult {
  const localize = host.localization;
  const layout = host.currentLayout;
  const me = host.store?.userId;
  const people = choices(host).people;
  const allPeople = host.storeState ? host.storeState.people.values().filter((person) => person.kind === 'person') : [];
  const assignable = allPeople.length > 0 ? allPeople.sort((a, b) => a.name.localeCompare(b.name)) : people;
  const take = host.permission('task.assign-self');
  const join = host.permission('task.follow');
  const assign = host.permission('task.assign');
  const move = host.permission('task.move');
  const reason = (result: PermissionResult): string => (result.allowed ? '' : result.reason || localize.denial(result));
  return html`<div class="bulk" role="toolbar" aria-label=${localize.t('board.bulk.selected', { count: host.selectedIds.size })}>
    <strong>${localize.t('board.bulk.selected', { count: host.selectedIds.size })}</strong>
    ${me
      ? html`<button type="button" class="primary" ?disabled=${!take.allowed} title=${reason(take)} @click=${() => host.assignSelection(me, 'assign')}>
            ${localize.t('board.card.take')}
          </button>
          <button type="button" ?disabled=${!join.allowed} title=${reason(join)} @click=${() => host.assignSelection(me, 'follow')}>
            ${localize.t('board.card.join')}
          </button>`
      : nothing}
    <label
      >${localize.t('board.bulk.move')}
      <select ?disabled=${!move.allowed} title=${reason(move)} @change=${(event: Event) => {
        const select = event.target as HTMLSelectElement;
        if (select.value) host.moveSelection(select.value);
        select.value = '';
      }}>
        <option value=""></option>
        ${(layout?.columns ?? []).filter((column) => column.droppable).map((column) => html`<option value=${column.key}>${host.columnName(column.key)}</option>`)}
      </select></label
    >
    <label
      >${localize.t('board.bulk.assign')}
      <select ?disabled=${!assign.allowed} title=${reason(assign)} @change=${(event: Event) => {
        const select = event.target as HTMLSelectElement;
        if (select.value) host.assignSelection(select.value, 'assign');
        select.value = '';
      }}>
        <option value=""></option>
        ${assignable.map((person) => html`<option value=${person.id}>${person.name}</option>`)}
      </select></label
    >
    <button type="button" @click=${() => host.clearSelection()}>${localize.t('board.bulk.clear')}</button>
  </div>`;
}
