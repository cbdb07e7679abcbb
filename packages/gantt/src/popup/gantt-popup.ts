import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DEPENDENCY_TYPES, daysBetween, type DependencyType, type Id } from '@cwm/core';
import {
  LocalizeController,
  baseStyles,
  dispatchCwmEvent,
  formatDate,
  formatList,
  formatMessage,
  formatNumber,
  listboxOptions,
  nearestLang,
  type MessageKey,
  type MessageParams,
} from '@cwm/ui';
import { registerGanttMessages } from '../i18n/register.js';
import type { GanttRow } from '../model/gantt-row.js';
import { MAX_SHOWN_CANDIDATES, filterCandidates } from './candidate-filter.js';
import type { GanttPopupAddDependencyDetail } from './events.js';
import { parseLag } from './lag.js';
import { placePopup } from './place-popup.js';
import type { PopupAnchor, PopupCandidate, PopupLink, PopupPeople, PopupSlack } from './popup-model.js';
import { popupStyles } from './gantt-popup.styles.js';

/** A mistake the popup catches itself, before asking the gantt. */
type LocalError = 'pick-task' | 'bad-lag';

const NO_PEOPLE: PopupPeople = new Map();

/**
 * The details of one Gantt task and its dependencies, with a form to link it to another task. A
 * part of `<cwm-gantt>`, which sets every property and acts on the events: the popup never talks to
 * the store, and every name it shows is rendered as text.
 *
 * Non-modal dialog: focus moves into it when it opens (or shows another task); Escape closes it.
 * Giving focus back to where it was is the gantt's job.
 *
 * @summary The task popup and dependency editor of `<cwm-gantt>`.
 * @tagname cwm-gantt-popup
 *
 * @event cwm-gantt-popup-open-task - The user asked to open the task. `detail: { taskId }`.
 * @event cwm-gantt-popup-add-dependency - The user asked for a dependency. `detail: { successorId, predecessorId, type, lag }`.
 * @event cwm-gantt-popup-remove-dependency - The user asked to delete a dependency. `detail: { successorId, predecessorId }`.
 * @event cwm-gantt-popup-close - The user closed the popup (Escape or the close button). `detail: { via }`.
 *
 * @csspart dialog - The popup's box.
 * @csspart title - The task's title.
 *
 * @cssproperty --cwm-gantt-popup-width - Preferred width (never wider than the viewport).
 * @cssproperty --cwm-gantt-popup-background - Background (falls back to `--cwm-color-surface-raised`).
 * @cssproperty --cwm-gantt-popup-radius - Corner radius.
 * @cssproperty --cwm-gantt-popup-z-index - Stacking order above the chart.
 */
export class CwmGanttPopup extends LitElement {
  static override styles = [baseStyles, popupStyles];

  /** The task shown. Nothing is rendered without it. */
  @property({ attribute: false }) row: GanttRow | undefined;

  /** Names of the assignees, by person id (a `Map` or the store's people table). */
  @property({ attribute: false }) people: PopupPeople = NO_PEOPLE;

  /** The tasks this one depends on. */
  @property({ attribute: false }) predecessors: readonly PopupLink[] = [];

  /** The tasks that depend on this one. */
  @property({ attribute: false }) successors: readonly PopupLink[] = [];

  /** Slack and criticality from the plan's analysis; not shown when absent (e.g. unscheduled). */
  @property({ attribute: false }) slack: PopupSlack | undefined;

  /** Tasks the user may link this one to (the task itself is left out by the popup). */
  @property({ attribute: false }) candidates: readonly PopupCandidate[] = [];

  /** Whether dependencies may be added and deleted; when false, `canEditLinksReason` says why. */
  @property({ type: Boolean, attribute: 'can-edit-links' }) canEditLinks = false;

  /** Why links cannot be edited, in the user's language (a permission denial). */
  @property({ attribute: false }) canEditLinksReason: string | undefined;

  /** The status's name in the project's workflow; the raw status id is shown without it. */
  @property({ attribute: false }) statusName: string | undefined;

  /** Where to show the popup, in viewport pixels; it is kept inside the viewport. */
  @property({ attribute: false }) anchor: PopupAnchor = { x: 0, y: 0 };

  /**
   * The gantt's reason for refusing the last dependency asked for (a cycle, a duplicate...), shown in
   * the form's alert region; what the user typed is kept. The gantt clears it (`undefined`) when a
   * dependency is added or the popup shows another task.
   */
  @property({ attribute: false }) refusal: string | undefined;

  /** The language of the popup; without it, the nearest `lang` of the page. */
  @property({ reflect: true }) override lang!: string;

  @state() private searchText = '';
  @state() private listOpen = false;
  @state() private activeIndex = -1;
  @state() private chosen: PopupCandidate | undefined;
  @state() private linkType: DependencyType = 'FS';
  @state() private lagText = '0';
  @state() private asPredecessor = false;
  @state() private localError: LocalError | undefined;

  @query('.dialog') private dialogElement!: HTMLElement | null;
  @query('#search') private searchInput!: HTMLInputElement | null;
  @query('#lag') private lagInput!: HTMLInputElement | null;

  /** Candidates matching the search, recomputed only when what they depend on changes. */
  private shown: PopupCandidate[] = [];
  /** The dependency asked for last; when it shows up in the lists, it was added and the form resets. */
  private pendingAdd: GanttPopupAddDependencyDetail | undefined;

  /** Re-renders when the page's language or the message catalogs change. */
  protected readonly localization = new LocalizeController(this);

  constructor() {
    super();
    registerGanttMessages();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('resize', this.place);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('resize', this.place);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const previousRow = changed.get('row') as GanttRow | undefined;
    if (changed.has('row') && previousRow?.id !== this.row?.id) this.resetForm();
    if (changed.has('predecessors') || changed.has('successors')) this.resetFormWhenAdded();
    if (!this.canEditLinks) {
      // The form is about to go; closing its list now keeps the focusout of its removed input from
      // asking for yet another render.
      this.listOpen = false;
      this.activeIndex = -1;
    }
    // The gantt hands over a fresh candidate list on every render of its own (scrolling included);
    // matching thousands of titles is only worth it while the list is shown.
    this.shown = this.listOpen ? this.matchingCandidates() : [];
    if (this.activeIndex >= this.shown.length) this.activeIndex = this.shown.length - 1;
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.place();
    const previousRow = changed.get('row') as GanttRow | undefined;
    const opened = changed.has('row') && this.row !== undefined && previousRow?.id !== this.row.id;
    // preventScroll: the popup is placed in view already; focusing must not scroll the Gantt under it.
    if (opened) this.dialogElement?.focus({ preventScroll: true });
  }

  protected override render(): unknown {
    const row = this.row;
    if (!row) return nothing;
    return html`<div
      class="dialog"
      part="dialog"
      role="dialog"
      aria-labelledby="title"
      tabindex="-1"
      @keydown=${this.onDialogKeydown}
    >
      <header>
        <div class="heading">
          <h2 id="title" part="title">${row.title}</h2>
          <div class="muted">${this.datesText(row)}</div>
          ${this.renderBadges(row)}
        </div>
        <button class="icon" type="button" aria-label=${this.t('gantt.popup.close')} title=${this.t('gantt.popup.close')} @click=${this.onCloseClick}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      ${this.renderFields(row)} ${this.renderProblems(row)}
      ${this.renderLinks('predecessors', this.t('gantt.popup.predecessors'), this.predecessors)}
      ${this.renderLinks('successors', this.t('gantt.popup.successors'), this.successors)}
      ${this.canEditLinks ? this.renderAddForm() : html`<p class="muted">${this.canEditLinksReason ?? this.t('gantt.popup.cannot-edit')}</p>`}
      <footer>
        <button type="button" @click=${this.onOpenTask}>${this.t('gantt.open-task')}</button>
      </footer>
    </div>`;
  }

  private renderBadges(row: GanttRow): TemplateResult | typeof nothing {
    const kind = row.kind === 'task' ? undefined : this.t(`gantt.kind.${row.kind}` as const);
    const critical = this.slack?.critical === true;
    if (kind === undefined && !critical) return nothing;
    return html`<div class="badges">
      ${kind === undefined ? nothing : html`<span class="badge">${kind}</span>`}
      ${critical ? html`<span class="badge critical">${this.t('gantt.popup.critical')}</span>` : nothing}
    </div>`;
  }

  private renderFields(row: GanttRow): TemplateResult {
    const status = this.statusName ?? row.task?.status;
    const slack = this.slack;
    return html`<dl>
      ${row.start !== undefined && row.due !== undefined && row.kind !== 'milestone'
        ? this.field(this.t('gantt.popup.duration'), this.t('gantt.popup.duration-days', { count: daysBetween(row.start, row.due) + 1 }))
        : nothing}
      ${this.field(this.t('gantt.popup.progress'), formatNumber(this.language(), row.progress / 100, { style: 'percent', maximumFractionDigits: 0 }))}
      ${this.field(this.t('gantt.popup.assignees'), this.assigneesText(row.assigneeIds))}
      ${status === undefined || status === '' ? nothing : this.field(this.t('gantt.popup.status'), status)}
      ${slack === undefined ? nothing : this.field(this.t('gantt.popup.slack'), this.t('gantt.popup.slack-days', { total: slack.total, free: slack.free }))}
    </dl>`;
  }

  private field(label: string, value: string): TemplateResult {
    return html`<dt>${label}</dt>
      <dd>${value}</dd>`;
  }

  private renderProblems(row: GanttRow): TemplateResult | typeof nothing {
    if (row.problems.length === 0) return nothing;
    return html`<h3 id="problems-heading">${this.t('gantt.popup.problems')}</h3>
      <ul class="problems" aria-labelledby="problems-heading">
        ${row.problems.map((problem) => html`<li>${this.t(`gantt.problem.${problem.code}` as const)}</li>`)}
      </ul>`;
  }

  private renderLinks(which: 'predecessors' | 'successors', heading: string, links: readonly PopupLink[]): TemplateResult {
    const headingId = `${which}-heading`;
    return html`<h3 id=${headingId}>${heading}</h3>
      ${links.length === 0
        ? html`<p class="muted">${this.t('gantt.popup.no-links')}</p>`
        : html`<ul class="links" aria-labelledby=${headingId}>
            ${links.map(
              (link) => html`<li>
                <span class="link-title">${link.title}</span>
                <span class="link-meta">${this.t(`gantt.dependency-type.${link.type}` as const)}, ${this.t('gantt.dependency.lag', { count: link.lag })}</span>
                ${this.canEditLinks
                  ? html`<button
                      class="icon"
                      type="button"
                      aria-label=${this.t('gantt.popup.delete-link', { name: link.title })}
                      title=${this.t('gantt.delete-dependency')}
                      @click=${() => this.removeLink(which, link)}
                    >
                      <span aria-hidden="true">×</span>
                    </button>`
                  : nothing}
              </li>`,
            )}
          </ul>`}`;
  }

  private renderAddForm(): TemplateResult {
    const open = this.listOpen && this.shown.length > 0;
    const active = open && this.activeIndex >= 0 ? `candidate-${this.activeIndex}` : undefined;
    const noMatch = this.listOpen && this.searchText.trim() !== '' && this.shown.length === 0;
    const message = this.localError === undefined ? (this.refusal ?? '') : this.t(`gantt.popup.${this.localError}` as const);
    return html`<h3 id="add-heading">${this.t('gantt.add-dependency')}</h3>
      <form novalidate aria-labelledby="add-heading" @submit=${this.onSubmit}>
        <div class="combobox">
          <label for="search">${this.t('gantt.popup.find-task')}</label>
          <input
            id="search"
            type="text"
            role="combobox"
            autocomplete="off"
            aria-autocomplete="list"
            aria-controls="candidates"
            aria-expanded=${open ? 'true' : 'false'}
            aria-activedescendant=${active ?? nothing}
            aria-invalid=${this.localError === 'pick-task' ? 'true' : 'false'}
            aria-describedby=${this.localError === 'pick-task' ? 'form-alert' : nothing}
            .value=${live(this.searchText)}
            @input=${this.onSearchInput}
            @keydown=${this.onSearchKeydown}
            @focusout=${this.onSearchFocusOut}
          />
          <ul id="candidates" role="listbox" aria-label=${this.t('gantt.popup.candidates')} ?hidden=${!open}>
            ${open
              ? listboxOptions({
                  options: this.shown,
                  idPrefix: 'candidate',
                  activeIndex: this.activeIndex,
                  label: (candidate) => candidate.title,
                  onPick: (candidate) => this.pick(candidate),
                })
              : nothing}
          </ul>
          <div class="muted" role="status">${noMatch ? this.t('gantt.popup.no-candidates') : ''}</div>
        </div>
        <label class="check">
          <input type="checkbox" .checked=${live(this.asPredecessor)} @change=${this.onDirectionChange} />
          ${this.t('gantt.popup.as-predecessor')}
        </label>
        <div class="row">
          <label>
            ${this.t('gantt.popup.type')}
            <select @change=${this.onTypeChange}>
              ${DEPENDENCY_TYPES.map(
                (type) => html`<option value=${type} ?selected=${type === this.linkType}>${this.t(`gantt.dependency-type.${type}` as const)}</option>`,
              )}
            </select>
          </label>
          <label>
            ${this.t('gantt.lag-days')}
            <input
              id="lag"
              type="text"
              inputmode="numeric"
              autocomplete="off"
              aria-invalid=${this.localError === 'bad-lag' ? 'true' : 'false'}
              aria-describedby=${this.localError === 'bad-lag' ? 'form-alert' : nothing}
              .value=${live(this.lagText)}
              @input=${this.onLagInput}
            />
          </label>
        </div>
        <div class="alert" id="form-alert" role="alert">${message}</div>
        <div><button class="primary" type="submit">${this.t('gantt.add-dependency')}</button></div>
      </form>`;
  }

  // --- events ---------------------------------------------------------------------------------

  private onDialogKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.close('escape');
  }

  private readonly onCloseClick = (): void => this.close('button');

  private close(via: 'escape' | 'button'): void {
    dispatchCwmEvent(this, 'cwm-gantt-popup-close', { via });
  }

  private readonly onOpenTask = (): void => {
    if (this.row) dispatchCwmEvent(this, 'cwm-gantt-popup-open-task', { taskId: this.row.id });
  };

  private removeLink(which: 'predecessors' | 'successors', link: PopupLink): void {
    const row = this.row;
    if (!row || !this.canEditLinks) return;
    const detail =
      which === 'predecessors' ? { successorId: row.id, predecessorId: link.id } : { successorId: link.id, predecessorId: row.id };
    dispatchCwmEvent(this, 'cwm-gantt-popup-remove-dependency', detail);
  }

  private onSearchInput(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.searchText = text;
    // Typing after a pick means another task is wanted, unless the text is still the picked title.
    if (this.chosen !== undefined && this.chosen.title !== text) this.chosen = undefined;
    this.listOpen = true;
    this.activeIndex = -1;
    if (this.localError === 'pick-task') this.localError = undefined;
  }

  /** The combobox keys of the ARIA pattern: arrows move through the list, Enter picks, Escape closes it. */
  private onSearchKeydown(event: KeyboardEvent): void {
    if (!this.listOpen && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) this.shown = this.matchingCandidates();
    const count = this.shown.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (count === 0) return;
        if (!this.listOpen) {
          this.listOpen = true;
          this.activeIndex = event.altKey ? -1 : 0;
        } else if (!event.altKey) {
          this.activeIndex = (this.activeIndex + 1) % count;
        }
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count === 0) return;
        if (!this.listOpen) this.listOpen = true;
        this.activeIndex = this.activeIndex <= 0 ? count - 1 : this.activeIndex - 1;
        break;
      case 'Enter': {
        const candidate = this.listOpen ? this.shown[this.activeIndex] : undefined;
        // With the list closed, Enter submits the form as usual.
        if (candidate === undefined) {
          if (this.listOpen) this.listOpen = false;
          return;
        }
        event.preventDefault();
        this.pick(candidate);
        break;
      }
      case 'Escape':
        if (!this.listOpen || count === 0) return;
        // Closing the list is all Escape does here; the popup stays open.
        event.preventDefault();
        event.stopPropagation();
        this.listOpen = false;
        this.activeIndex = -1;
        break;
    }
  }

  private onSearchFocusOut(): void {
    this.listOpen = false;
    this.activeIndex = -1;
  }

  private pick(candidate: PopupCandidate): void {
    this.chosen = candidate;
    this.searchText = candidate.title;
    this.listOpen = false;
    this.activeIndex = -1;
    if (this.localError === 'pick-task') this.localError = undefined;
    this.searchInput?.focus();
  }

  private onDirectionChange(event: Event): void {
    this.asPredecessor = (event.target as HTMLInputElement).checked;
  }

  private onTypeChange(event: Event): void {
    this.linkType = (event.target as HTMLSelectElement).value as DependencyType;
  }

  private onLagInput(event: Event): void {
    this.lagText = (event.target as HTMLInputElement).value;
    if (this.localError === 'bad-lag') this.localError = undefined;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const row = this.row;
    if (!row || !this.canEditLinks) return;
    const other = this.chosen ?? this.exactMatch();
    if (other === undefined) {
      this.localError = 'pick-task';
      this.searchInput?.focus();
      return;
    }
    const lag = parseLag(this.lagText);
    if (lag === undefined) {
      this.localError = 'bad-lag';
      this.lagInput?.focus();
      return;
    }
    this.localError = undefined;
    const detail: GanttPopupAddDependencyDetail = this.asPredecessor
      ? { successorId: other.id, predecessorId: row.id, type: this.linkType, lag }
      : { successorId: row.id, predecessorId: other.id, type: this.linkType, lag };
    this.pendingAdd = detail;
    dispatchCwmEvent(this, 'cwm-gantt-popup-add-dependency', detail);
  }

  // --- helpers --------------------------------------------------------------------------------

  /** A typed title that is exactly one candidate's (ignoring case) counts as picking it. */
  private exactMatch(): PopupCandidate | undefined {
    const text = this.searchText.trim().toLocaleLowerCase();
    if (text === '') return undefined;
    // Every match, not only the shown ones: the exact title may be beyond the list's limit.
    const matches = this.matchingCandidates(Number.POSITIVE_INFINITY).filter((candidate) => candidate.title.trim().toLocaleLowerCase() === text);
    return matches.length === 1 ? matches[0] : undefined;
  }

  /** The candidates matching the search text, in the order the list shows them. */
  private matchingCandidates(limit: number = MAX_SHOWN_CANDIDATES): PopupCandidate[] {
    return filterCandidates(this.candidates, this.searchText, this.excludedIds(), limit);
  }

  /** The task itself, and the tasks already linked in the direction being added. */
  private excludedIds(): Set<Id> {
    const linked = this.asPredecessor ? this.successors : this.predecessors;
    const ids = new Set<Id>(linked.map((link) => link.id));
    if (this.row) ids.add(this.row.id);
    return ids;
  }

  private resetForm(): void {
    this.searchText = '';
    this.listOpen = false;
    this.activeIndex = -1;
    this.chosen = undefined;
    this.linkType = 'FS';
    this.lagText = '0';
    this.asPredecessor = false;
    this.localError = undefined;
    this.pendingAdd = undefined;
  }

  private resetFormWhenAdded(): void {
    const pending = this.pendingAdd;
    const row = this.row;
    if (pending === undefined || row === undefined) return;
    const added =
      pending.successorId === row.id
        ? this.predecessors.some((link) => link.id === pending.predecessorId)
        : this.successors.some((link) => link.id === pending.successorId);
    if (added) this.resetForm();
  }

  private readonly place = (): void => {
    if (!this.row) return;
    // Measured at its natural height: a limit set by the last placement would hide how tall it now is.
    this.style.maxBlockSize = '';
    const box = this.getBoundingClientRect();
    const viewport = { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight };
    const { left, top, maxHeight } = placePopup(this.anchor, { width: box.width, height: box.height }, viewport);
    this.style.left = `${left}px`;
    this.style.top = `${top}px`;
    if (maxHeight !== undefined) this.style.maxBlockSize = `${maxHeight}px`;
    this.setAttribute('placed', '');
  };

  private language(): string {
    return this.lang || nearestLang(this);
  }

  private t(key: MessageKey, params?: MessageParams): string {
    return formatMessage(this.language(), key, params);
  }

  private datesText(row: GanttRow): string {
    if (row.start === undefined || row.due === undefined) return this.t('gantt.popup.no-dates');
    const start = this.formatDay(row.start);
    if (row.kind === 'milestone' || row.start === row.due) return start;
    return this.t('gantt.popup.dates', { start, due: this.formatDay(row.due) });
  }

  private formatDay(date: string): string {
    // Noon, so no time zone moves the day.
    return formatDate(this.language(), `${date}T12:00:00`, { dateStyle: 'medium' });
  }

  private assigneesText(ids: readonly Id[]): string {
    if (ids.length === 0) return this.t('gantt.unassigned');
    // An id nobody knows is still shown: hiding it would hide that the task is assigned.
    return formatList(this.language(), ids.map((id) => this.people.get(id)?.name ?? id));
  }
}
