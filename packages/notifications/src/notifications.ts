import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { isIsoDate, todayIso, type CwmStore, type Id, type IsoDate, type Notification, type StoreState } from '@cwm/core';
import { CwmElement } from '@cwm/ui';
import { registerNotificationsMessages } from './i18n/register.js';
import {
  ArrivalTracker,
  INBOX_FILTERS,
  ReminderReads,
  badgeText,
  buildInbox,
  describeItem,
  filterInbox,
  groupByDay,
  isReminder,
  previewText,
  reminderEntry,
  reminderReadsKey,
  unreadCount,
  type DescribeContext,
  type InboxFilter,
  type InboxItem,
} from './model/index.js';
import { notificationsStyles } from './notifications.styles.js';
import './events.js';

/** Items shown when `limit` is not set: enough for a day's work, few enough to stay quick. */
const DEFAULT_LIMIT = 50;
/** Gap between the bell and the panel, and the least distance of the panel from the viewport edge. */
const GAP = 6;
const EDGE = 8;

/** What the inbox was last built from, so it is rebuilt only when one of these changes. */
interface InboxBasis {
  readonly notifications: StoreState['notifications'];
  readonly tasks: StoreState['tasks'];
  readonly projects: StoreState['projects'];
  readonly today: IsoDate;
  readonly readsRevision: number;
  readonly items: readonly InboxItem[];
}

/**
 * The bell and inbox of the current person: mentions, assignments, status changes and due-date
 * reminders, live from the shared store. The bell shows how many are unread; it opens a panel
 * grouped Today / Earlier with filters, where opening an item marks it read and asks the host to open
 * its task.
 *
 * Due-soon and overdue reminders are computed from the person's assigned tasks, never stored, so the
 * backend cannot record that they were read: their read marks are kept in localStorage under
 * `cwm.notifications.reminders-read.v1:<workspace>:<user>`, one entry per task, due date and kind.
 *
 * @summary Notification bell with an inbox panel on the shared cwm store.
 * @tagname cwm-notifications
 *
 * @event cwm-notification-open - An item was opened. `detail`: `{ notificationId?, kind, taskId, messageId? }`.
 * @event cwm-task-open - Follows `cwm-notification-open`: open the task. `detail.taskId`.
 *
 * @csspart base - The wrapper of the bell and the panel.
 * @csspart bell - The bell button.
 * @csspart badge - The unread count on the bell.
 * @csspart panel - The inbox panel.
 * @csspart header - The panel's title row.
 * @csspart item - One notification.
 *
 * @cssproperty --cwm-notifications-panel-width - Width of the panel (default 24rem).
 * @cssproperty --cwm-notifications-panel-height - Most height of the panel (default 32rem).
 * @cssproperty --cwm-notifications-badge-background - Badge colour.
 * @cssproperty --cwm-notifications-unread-background - Background of unread items.
 */
export class CwmNotifications extends CwmElement {
  static override styles = [...CwmElement.styles, notificationsStyles];

  /** Today's date (`YYYY-MM-DD`) for due reminders and grouping; empty means the real today. */
  @property() today = '';

  /** Most items the panel lists. */
  @property({ type: Number }) limit = DEFAULT_LIMIT;

  /** Whether the panel is open. Reflects the panel state; set it to open or close from the host. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private data: StoreState | undefined;
  @state() private filter: InboxFilter = 'all';
  @state() private focusKey: string | undefined;
  @state() private announcement = '';
  /** Bumped when a reminder is marked read (localStorage is not reactive). */
  @state() private readsRevision = 0;

  @query('.bell') private bell!: HTMLButtonElement;
  @query('.panel') private panel!: HTMLElement;

  private readonly arrivals = new ArrivalTracker();
  private trackedStore: CwmStore | undefined;
  private reads: ReminderReads | undefined;
  private readsKey = '';
  /** Tasks whose messages were asked for, so mention previews can show (once per store). */
  private readonly previewsRequested = new Set<Id>();
  private basis: InboxBasis | undefined;
  /** Set when the user opened the panel with the bell: focus then moves into it. */
  private focusOnOpen = false;

  constructor() {
    super();
    registerNotificationsMessages();
    this.observe(
      (store) => store.state$,
      (value) => this.receive(value),
    );
  }

  // ------------------------------------------------------------------ data

  private receive(state: StoreState): void {
    const store = this.store;
    if (store !== this.trackedStore) {
      this.trackedStore = store;
      this.arrivals.reset();
      this.previewsRequested.clear();
      this.basis = undefined;
    }
    this.data = state;
    if (!store) return;
    const mine = this.myNotifications(state, store.userId);
    const arrived = this.arrivals.next(mine, state.sync.phase === 'ready');
    const latest = arrived[arrived.length - 1];
    if (latest) this.announce(latest);
  }

  private myNotifications(state: StoreState, userId: Id): Notification[] {
    return state.notifications.filter((item) => item.personId === userId);
  }

  private announce(notification: Notification): void {
    const actor = notification.actorId === undefined ? undefined : this.data?.people.get(notification.actorId)?.name;
    if (notification.kind === 'mention') {
      this.announcement = this.localize.t('notifications.announce.mention', { actor: actor ?? this.localize.t('notifications.someone') });
      return;
    }
    const item = this.inbox().find((candidate) => candidate.notificationId === notification.id);
    if (item) this.announcement = this.localize.t('notifications.announce.other', { text: describeItem(item, this.describeContext()) });
  }

  /** The effective today: the `today` attribute when it is a valid date, else the user's real today. */
  private currentDay(): IsoDate {
    return isIsoDate(this.today) ? this.today : todayIso();
  }

  private readState(store: CwmStore): ReminderReads {
    const key = reminderReadsKey(store.workspaceId, store.userId);
    if (!this.reads || this.readsKey !== key) {
      this.reads = new ReminderReads(key);
      this.readsKey = key;
    }
    return this.reads;
  }

  /** Every item, in display order; rebuilt only when its inputs changed. */
  private inbox(): readonly InboxItem[] {
    const state = this.data;
    const store = this.store;
    if (!state || !store) return [];
    const today = this.currentDay();
    const basis = this.basis;
    if (
      basis &&
      basis.notifications === state.notifications &&
      basis.tasks === state.tasks &&
      basis.projects === state.projects &&
      basis.today === today &&
      basis.readsRevision === this.readsRevision
    ) {
      return basis.items;
    }
    const items = buildInbox({
      notifications: this.myNotifications(state, store.userId),
      tasks: state.tasks,
      projects: state.projects,
      userId: store.userId,
      today,
      reminderReads: this.readState(store),
    });
    this.basis = { notifications: state.notifications, tasks: state.tasks, projects: state.projects, today, readsRevision: this.readsRevision, items };
    return items;
  }

  private describeContext(): DescribeContext {
    const state = this.data;
    return {
      t: (key, params) => this.localize.t(key, params),
      // A due date is a calendar day, not an instant: format it in UTC so no time zone shifts it.
      formatDay: (date) => this.localize.formatDate(`${date}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
      personName: (id) => state?.people.get(id)?.name,
      taskTitle: (id) => state?.tasks.get(id)?.title,
      statusName: (taskId, statusId) => {
        const task = state?.tasks.get(taskId);
        if (!task) return statusId;
        const wanted = statusId ?? task.status;
        const status = state?.projects.get(task.projectId)?.workflow.statuses.find((candidate) => candidate.id === wanted);
        return status?.name ?? wanted;
      },
      today: this.currentDay(),
    };
  }

  private preview(item: InboxItem): string {
    if (item.kind !== 'mention' || item.messageId === undefined) return '';
    const message = this.data?.messages.get(item.messageId);
    if (!message || message.deleted) return '';
    return previewText(message.body);
  }

  /** Asks the store for the conversations of shown mentions whose message it has not loaded. */
  private requestPreviews(items: readonly InboxItem[]): void {
    const store = this.store;
    if (!store || !this.data) return;
    for (const item of items) {
      if (item.kind !== 'mention' || item.messageId === undefined || item.taskId === undefined) continue;
      if (this.data.messages.has(item.messageId) || this.previewsRequested.has(item.taskId)) continue;
      this.previewsRequested.add(item.taskId);
      // Subscribing starts the load; the loaded messages reach us through state$.
      store.messages$(item.taskId).subscribe().unsubscribe();
    }
  }

  // ------------------------------------------------------------------ actions

  /** Opens the panel and moves focus into it. */
  show(): void {
    this.focusOnOpen = true;
    this.open = true;
  }

  /** Closes the panel; `returnFocus` puts focus back on the bell. */
  hide(returnFocus = true): void {
    if (!this.open) return;
    this.open = false;
    if (returnFocus) this.bell?.focus();
  }

  /** Marks every item read: stored notifications through the store, reminders in localStorage. */
  markAllRead(): void {
    const store = this.store;
    if (!store) return;
    const items = this.inbox();
    if (items.some((item) => !item.read && !isReminder(item))) store.markNotificationsRead();
    this.markRemindersRead(items.filter((item) => !item.read && isReminder(item)));
  }

  private markRead(item: InboxItem): void {
    if (item.read) return;
    if (item.notificationId !== undefined) this.store?.markNotificationsRead([item.notificationId]);
    else this.markRemindersRead([item]);
  }

  private markRemindersRead(items: readonly InboxItem[]): void {
    const store = this.store;
    if (!store || items.length === 0) return;
    const entries = items.flatMap((item) =>
      item.taskId !== undefined && item.due !== undefined && (item.kind === 'due-soon' || item.kind === 'overdue')
        ? [reminderEntry(item.taskId, item.due, item.kind)]
        : [],
    );
    if (this.readState(store).add(entries)) this.readsRevision++;
  }

  private openItem(item: InboxItem): void {
    this.markRead(item);
    // Close first: a host that moves focus to the task it opens must not have it taken back.
    this.hide(true);
    if (item.taskId === undefined) return;
    this.dispatch('cwm-notification-open', {
      kind: item.kind,
      taskId: item.taskId,
      ...(item.notificationId === undefined ? {} : { notificationId: item.notificationId }),
      ...(item.messageId === undefined ? {} : { messageId: item.messageId }),
    });
    this.dispatch('cwm-task-open', { taskId: item.taskId });
  }

  private onBellClick(): void {
    if (this.open) this.hide(true);
    else this.show();
  }

  private setFilter(filter: InboxFilter): void {
    this.filter = filter;
  }

  private onMarkAll(): void {
    this.markAllRead();
    // The button disables itself once nothing is unread; keep focus in the panel.
    void this.updateComplete.then(() => this.focusFirst());
  }

  // ------------------------------------------------------------------ keyboard and dismissal

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.hide(true);
    }
  };

  private onItemKeydown(event: KeyboardEvent): void {
    const buttons = this.itemButtons();
    const index = buttons.indexOf(event.currentTarget as HTMLButtonElement);
    if (index < 0) return;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(index + 1, buttons.length - 1);
        break;
      case 'ArrowUp':
        next = Math.max(index - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = buttons.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.focusItem(buttons[next]);
  }

  private itemButtons(): HTMLButtonElement[] {
    return [...(this.renderRoot.querySelectorAll<HTMLButtonElement>('button.item') ?? [])];
  }

  private focusItem(button: HTMLButtonElement | undefined): void {
    if (!button) return;
    this.focusKey = button.dataset['key'];
    button.focus();
  }

  private focusFirst(): void {
    const first = this.itemButtons()[0];
    if (first) this.focusItem(first);
    else this.renderRoot.querySelector<HTMLButtonElement>('.filters button')?.focus();
  }

  private readonly onDocumentPointerDown = (event: PointerEvent): void => {
    if (event.composedPath().includes(this)) return;
    // Focus goes back to the bell only if it was with us; a click on a field outside then takes it.
    // (activeElement, not :focus-within: the latter is false while the page itself lacks focus.)
    this.hide(this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement !== null);
  };

  private readonly onViewportChange = (): void => {
    this.place();
  };

  /** Anchors the panel below the bell, right-aligned with it, inside the viewport. */
  private place(): void {
    if (!this.open || !this.bell || !this.panel) return;
    const anchor = this.bell.getBoundingClientRect();
    const width = this.panel.offsetWidth;
    const viewport = document.documentElement.clientWidth;
    const left = Math.max(EDGE, Math.min(anchor.right - width, viewport - width - EDGE));
    this.panel.style.left = `${Math.round(left)}px`;
    this.panel.style.top = `${Math.round(anchor.bottom + GAP)}px`;
  }

  private listen(on: boolean): void {
    if (on) {
      document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
      window.addEventListener('resize', this.onViewportChange);
      window.addEventListener('scroll', this.onViewportChange, true);
    } else {
      document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
      window.removeEventListener('resize', this.onViewportChange);
      window.removeEventListener('scroll', this.onViewportChange, true);
    }
  }

  // ------------------------------------------------------------------ lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeydown);
    if (this.open) this.listen(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeydown);
    this.listen(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.open && (changed.has('open') || changed.has('data' as keyof CwmNotifications))) {
      this.requestPreviews(this.inbox().slice(0, this.limit));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const panel = this.panel;
    const popover = typeof panel.showPopover === 'function';
    if (this.open) {
      // The top layer keeps the panel above, and unclipped by, whatever the host put around the bell.
      if (popover && !panel.matches(':popover-open')) panel.showPopover();
      this.place();
      this.listen(true);
      if (this.focusOnOpen) this.focusFirst();
    } else {
      if (popover && panel.matches(':popover-open')) panel.hidePopover();
      this.listen(false);
    }
    this.focusOnOpen = false;
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const items = this.inbox();
    const unread = unreadCount(items);
    return html`
      <div class="base" part="base">
        <button
          class="bell"
          part="bell"
          type="button"
          aria-label=${this.localize.t('notifications.bell', { count: unread })}
          aria-haspopup="dialog"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="panel"
          @click=${this.onBellClick}
        >
          ${bellIcon}
          ${unread > 0
            ? html`<span class="badge" part="badge" aria-hidden="true">${badgeText(unread, (value) => this.localize.formatNumber(value))}</span>`
            : nothing}
        </button>
        <div id="panel" class="panel" part="panel" popover="manual" role="dialog" aria-labelledby="title" ?hidden=${!this.open}>
          ${this.open ? this.renderPanel(items, unread) : nothing}
        </div>
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  private renderPanel(items: readonly InboxItem[], unread: number): TemplateResult {
    const t = (key: Parameters<typeof this.localize.t>[0], params?: Parameters<typeof this.localize.t>[1]) => this.localize.t(key, params);
    const filtered = filterInbox(items, this.filter);
    const shown = filtered.slice(0, Math.max(0, this.limit));
    const groups = groupByDay(shown, this.currentDay());
    if (!shown.some((item) => item.key === this.focusKey)) this.focusKey = shown[0]?.key;
    const context = this.describeContext();
    const now = new Date();
    return html`
      <div class="header" part="header">
        <h2 id="title">${t('notifications.title')}</h2>
        <button class="mark-all" type="button" ?disabled=${unread === 0} @click=${this.onMarkAll}>${t('notifications.mark-all')}</button>
      </div>
      <div class="filters" role="group" aria-label=${t('notifications.filters')}>
        ${INBOX_FILTERS.map(
          (filter) => html`
            <button type="button" data-filter=${filter} aria-pressed=${filter === this.filter ? 'true' : 'false'} @click=${() => this.setFilter(filter)}>
              ${t(`notifications.filter.${filter}`)}
            </button>
          `,
        )}
      </div>
      <div class="list">
        ${this.renderGroup('today', t('notifications.group.today'), groups.today, context, now)}
        ${this.renderGroup('earlier', t('notifications.group.earlier'), groups.earlier, context, now)}
        ${shown.length === 0 ? html`<p class="empty">${t(`notifications.empty.${this.filter}`)}</p>` : nothing}
        ${filtered.length > shown.length ? html`<p class="more">${t('notifications.more', { count: filtered.length - shown.length })}</p>` : nothing}
      </div>
    `;
  }

  private renderGroup(id: string, label: string, items: readonly InboxItem[], context: DescribeContext, now: Date): TemplateResult | typeof nothing {
    if (items.length === 0) return nothing;
    return html`
      <section class="group" aria-labelledby=${`group-${id}`}>
        <h3 id=${`group-${id}`}>${label}</h3>
        <ul role="list">
          ${repeat(
            items,
            (item) => item.key,
            (item) => html`<li>${this.renderItem(item, context, now)}</li>`,
          )}
        </ul>
      </section>
    `;
  }

  private renderItem(item: InboxItem, context: DescribeContext, now: Date): TemplateResult {
    const preview = this.preview(item);
    return html`
      <button
        class="item"
        part="item"
        type="button"
        data-key=${item.key}
        data-kind=${item.kind}
        data-task-id=${item.taskId ?? ''}
        ?data-unread=${!item.read}
        tabindex=${item.key === this.focusKey ? 0 : -1}
        @click=${() => this.openItem(item)}
        @keydown=${this.onItemKeydown}
        @focus=${() => (this.focusKey = item.key)}
      >
        <span class="dot" aria-hidden="true"></span>
        <span class="content">
          ${item.read ? nothing : html`<span class="visually-hidden">${this.localize.t('notifications.unread')} </span>`}
          <span class="text">${describeItem(item, context)}</span>
          ${preview === '' ? nothing : html`<span class="preview">${preview}</span>`}
          ${item.at === undefined ? nothing : html`<time class="time" datetime=${item.at}>${this.localize.formatRelativeTime(item.at, now)}</time>`}
        </span>
      </button>
    `;
  }
}

// A plain bell outline; decorative (the button is named by its aria-label).
const bellIcon = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16h15.4L18 12.6V9a6 6 0 0 0-6-6Z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><path d="M9.8 19a2.3 2.3 0 0 0 4.4 0" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg>`;
