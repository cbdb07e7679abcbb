import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { EMPTY, type Observable } from 'rxjs';
import type { ActivityEntry, CwmStore, Id, Message, PermissionResult, Person, PresenceState, ReadMarker, Task, WriteOutcome } from '@cwm/core';
import { CwmElement } from '@cwm/ui';
import { chatStyles } from './chat.styles.js';
import type { MessageSendDetail } from './events.js';
import { registerChatMessages } from './i18n/register.js';
import { activityLines } from './model/activity-text.js';
import { HeightIndex } from './model/height-index.js';
import { bodyStyles } from './model/markdown.js';
import { mentionCandidates, mentionedIn, type MentionCandidate } from './model/mentions.js';
import { Outbox, type OutboxEntry } from './model/outbox.js';
import { buildTimeline, localDay, type ChatRow } from './model/timeline.js';
import { documentsStripStyles, renderDocumentsStrip } from './view/documents-strip.js';
import { ComposerController, type ComposerHost, type Draft } from './view/composer.js';
import { renderRow, type RowHost } from './view/rows.js';
import './events.js';

/** Pixels rendered beyond each edge of the viewport, so a short scroll needs no render. */
const OVERSCAN = 600;
/** The window is re-rendered when fewer than this many rendered pixels remain past an edge of the view. */
const MARGIN = 200;
/** Older messages are loaded when the view comes this close to the top. */
const LOAD_OLDER_AT = 400;
/** Distance from the bottom (px) that still counts as "at the bottom". */
const BOTTOM_SLACK = 4;
/** How long after the newest message came into view the read marker is written. */
const MARK_READ_DELAY_MS = 150;
/** A typing signal is repeated at most this often while the user keeps typing. */
const TYPING_EVERY_MS = 3000;

let chatCount = 0;

/** Estimated heights of messages never rendered, per message version (they are immutable). */
const estimates = new WeakMap<Message, number>();

/** A position in the list that must stay where it is on screen: a row and its distance from the view's top. */
interface Anchor {
  readonly key: string;
  readonly offset: number;
}

/**
 * The live conversation of one task: messages from the shared store with day separators, task events
 * from the activity log, replies, reactions, link attachments, edits and deletions; a composer with
 * @mentions; read markers, typing indicators and an outbox that keeps unsent messages (IndexedDB)
 * until the backend confirms them, across reloads.
 *
 * The list is virtualized with variable heights: rows are measured where rendered (ResizeObserver)
 * and estimated elsewhere, so 10,000 messages cost what the visible ones cost. Loading older pages
 * keeps the first visible message where it was; new messages stick to the bottom only when the
 * reader is there.
 *
 * @summary Live task conversation on the shared cwm store.
 * @tagname cwm-task-chat
 *
 * @event cwm-message-send - Before a message is posted. Cancelable. `detail`: `MessageSendDetail`.
 * @event cwm-message-sent - After a message was posted. `detail.confirmed` settles when the backend answered.
 * @event cwm-mention - A message the user sent mentions people. `detail.personIds`.
 *
 * @csspart base - The chat's frame.
 * @csspart list - The scrolling message list.
 * @csspart composer - The message composer.
 * @csspart notice - The line for refused actions.
 *
 * @cssproperty --cwm-chat-height - Height of the chat (default 32rem).
 * @cssproperty --cwm-chat-own-background - Background of the user's own messages.
 */
export class CwmTaskChat extends CwmElement implements RowHost, ComposerHost {
  static override styles = [...CwmElement.styles, bodyStyles, chatStyles, documentsStripStyles];

  /** The task whose conversation this is. */
  @property() task = '';

  @state() private messages: readonly Message[] = [];
  @state() private activity: readonly ActivityEntry[] = [];
  @state() private history: { readonly loading: boolean; readonly hasMore: boolean } = { loading: false, hasMore: false };
  @state() private marker: ReadMarker | undefined;
  @state() private presence: readonly PresenceState[] = [];
  @state() private pendingIds: ReadonlySet<Id> = new Set();
  @state() private people: ReadonlyMap<Id, Person> = new Map();
  @state() private taskEntity: Task | undefined;
  @state() private ready = false;
  @state() private outboxEntries: readonly OutboxEntry[] = [];
  @state() private newCount = 0;
  @state() private notice = '';
  @state() editingId: Id | undefined;
  @state() confirmingDeleteId: Id | undefined;
  @state() reactingId: Id | undefined;
  /** The window of rows rendered: [first, last] indexes. */
  @state() private window = { first: 0, last: -1 };

  readonly idPrefix = `cwm-chat-${++chatCount}`;
  private readonly composer = new ComposerController(this);
  private rows: ChatRow[] = [];
  /** The outbox entries drawn as "not sent" rows. */
  private shownOutbox: readonly OutboxEntry[] = [];
  private rowByKey = new Map<string, ChatRow>();
  private messageById = new Map<Id, Message>();
  private readonly heights = new HeightIndex((key) => this.estimate(key));
  private outbox: Outbox | undefined;
  private outboxUnsubscribe: (() => void) | undefined;
  /** Until the reader scrolls, the view keeps itself at the unread divider or the bottom. */
  private opening = true;
  /** Whether the view is at the bottom (new messages then scroll into view). */
  private stuck = true;
  private anchor: Anchor | undefined;
  /** The scroll position this element set last; a scroll event elsewhere is the reader's. */
  private expectedTop = -1;
  /** The scroll position the next render lays its window out for, when the element will scroll there. */
  private plannedTop: number | undefined;
  private unreadFrozen: string | undefined;
  /** The newest message of the last render: what came after it is new. */
  private knownLast: Id | undefined;
  private lastMarked: Id | undefined;
  private lastTypingAt = 0;
  private typingSent = false;
  private presenceTask: Id | undefined;
  private viewportHeight = 400;
  private windowFrame = 0;
  private markTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly observed = new Map<Element, string>();
  private readonly resizes = new ResizeObserver((entries) => this.onResize(entries));

  constructor() {
    super();
    registerChatMessages();
    const byTask = <T>(make: (store: CwmStore, taskId: Id) => Observable<T>) => (store: CwmStore) => (this.task ? make(store, this.task) : EMPTY);
    const deps = () => [this.task];
    this.observe(byTask((store, id) => store.messages$(id)), (messages) => (this.messages = messages), deps);
    this.observe(byTask((store, id) => store.activity$({ taskId: id })), (activity) => (this.activity = activity), deps);
    this.observe(byTask((store, id) => store.messageHistory$(id)), (history) => (this.history = history), deps);
    this.observe(byTask((store, id) => store.readMarker$(id)), (marker) => (this.marker = marker), deps);
    this.observe(byTask((store, id) => store.presence$(id)), (others) => (this.presence = others), deps);
    this.observe(byTask((store, id) => store.task$(id)), (task) => (this.taskEntity = task), deps);
    this.observe(
      (store) => store.select((value) => value.pendingIds),
      (ids) => (this.pendingIds = ids),
    );
    this.observe(
      (store) => store.select((value) => value.people),
      (people) => (this.people = new Map(people.values().map((person) => [person.id, person] as const))),
    );
    this.observe(
      (store) => store.select((value) => value.sync.phase === 'ready'),
      (ready) => (this.ready = ready),
    );
  }

  // ------------------------------------------------------------------ lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.markTimer);
    cancelAnimationFrame(this.windowFrame);
    this.windowFrame = 0;
    this.leaveRoom();
    this.resizes.disconnect();
    this.observed.clear();
    this.outboxUnsubscribe?.();
    this.outboxUnsubscribe = undefined;
    this.outbox = undefined;
  }

  private readonly onVisibility = (): void => this.maybeMarkRead();

  /** Resolves when the chat has rendered and its visible rows have been measured and placed. */
  get renderComplete(): Promise<boolean> {
    return this.updateComplete.then(
      (done) =>
        new Promise<boolean>((resolve) => {
          // Rows are measured by a ResizeObserver, which reports before the next paint.
          requestAnimationFrame(() => resolve(this.updateComplete.then(() => done)));
        }),
    );
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('task')) this.resetThread();
    if (changed.has('store') || changed.has('task')) this.bindStoreExtras();
    const previousLast = this.knownLast;
    const structural =
      changed.has('activity') || changed.has('history') || (changed.has('marker') && this.unreadFrozen === undefined) || changed.has('outboxEntries') || changed.has('ready') || changed.has('task');
    if (structural || changed.has('messages') || changed.has('pendingIds')) {
      // The common live cases (a message appended, one confirmed or edited, a pending id settled)
      // patch the rows at the cost of the change; anything else rebuilds them.
      const outbox = this.outboxRows();
      const outboxSame = outbox.length === this.shownOutbox.length && outbox.every((entry, index) => entry === this.shownOutbox[index]);
      const patched =
        !structural && outboxSame && (!changed.has('messages') || this.patchRows((changed.get('messages') as readonly Message[] | undefined) ?? []));
      if (!patched) this.rebuildRows(outbox);
      this.noteArrivals(previousLast);
      this.knownLast = this.lastMessageId();
    }
    this.planWindow();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.observeRows();
    this.placeView();
    this.maybeMarkRead();
    // A short page that does not fill the view gives no scroll to load more with: load it now.
    if (this.rows.length > 0 && this.heights.total < this.viewportHeight + LOAD_OLDER_AT) this.loadOlder();
  }

  // ------------------------------------------------------------------ data

  private resetThread(): void {
    this.leaveRoom();
    this.opening = true;
    this.stuck = true;
    this.anchor = undefined;
    this.unreadFrozen = undefined;
    this.knownLast = undefined;
    this.lastMarked = undefined;
    this.newCount = 0;
    this.editingId = undefined;
    this.confirmingDeleteId = undefined;
    this.reactingId = undefined;
  }

  /** Outbox and presence follow the store (its workspace and person). */
  private bindStoreExtras(): void {
    const store = this.store;
    if (!store) return;
    const outbox = Outbox.for(store.workspaceId, store.userId);
    if (outbox !== this.outbox) {
      this.outboxUnsubscribe?.();
      this.outbox = outbox;
      const subscription = outbox.entries$.subscribe((entries) => (this.outboxEntries = entries));
      this.outboxUnsubscribe = () => subscription.unsubscribe();
    }
    if (this.task && this.presenceTask !== this.task && this.isConnected) {
      this.leaveRoom();
      this.presenceTask = this.task;
      store.setPresence(this.task, { typing: false });
    }
  }

  private leaveRoom(): void {
    if (this.presenceTask && this.store) this.store.setPresence(this.presenceTask, null);
    this.presenceTask = undefined;
    this.typingSent = false;
  }

  /** When the reader stopped reading: frozen once the view leaves its opening position or marks read. */
  private unreadAfter(): string | undefined {
    if (this.unreadFrozen !== undefined) return this.unreadFrozen === '' ? undefined : this.unreadFrozen;
    const marker = this.marker;
    if (!marker) return undefined;
    return this.messageById.get(marker.lastReadMessageId)?.createdAt ?? marker.lastReadAt;
  }

  private freezeUnread(): void {
    if (this.unreadFrozen === undefined) this.unreadFrozen = this.unreadAfter() ?? '';
  }

  /** Unconfirmed outbox entries of this task that the store does not show (rolled back or from an earlier session). */
  private outboxRows(): OutboxEntry[] {
    // Entries the store still shows (pending or confirmed) are not drawn twice; unconfirmed ones
    // appear only once the thread is loaded, so a message confirmed in an earlier session is not
    // shown as "not sent" while its thread loads.
    if (!this.ready) return [];
    const mine = this.outboxEntries.filter((entry) => entry.taskId === this.task && !this.pendingIds.has(entry.id));
    if (mine.length === 0) return mine;
    const shown = new Set(this.messages.map((message) => message.id));
    return mine.filter((entry) => !shown.has(entry.id));
  }

  private rebuildRows(outbox: readonly OutboxEntry[]): void {
    this.messageById = new Map(this.messages.map((message) => [message.id, message] as const));
    const shown = new Set(this.messageById.keys());
    this.shownOutbox = outbox.filter((entry) => !shown.has(entry.id));
    this.rows = this.task
      ? buildTimeline({
          messages: this.messages,
          activity: this.activity,
          narrates: (entry) => activityLines(entry).length > 0,
          hasMore: this.history.hasMore,
          unreadAfter: this.unreadAfter(),
          userId: this.store?.userId ?? '',
          outbox: this.shownOutbox,
        })
      : [];
    this.rowByKey = new Map(this.rows.map((row) => [row.key, row] as const));
    this.heights.reset(this.rows.map((row) => row.key));
    this.forgetConfirmed(shown);
  }

  /**
   * Applies a change of `messages` alone to the rows in place: messages replaced by a newer version
   * (confirmed, edited, reacted) and messages appended at the end. False when the change is anything
   * else (prepended pages, deletions from the list, an unread divider still to place, unsent rows
   * at the end), which then takes a full rebuild.
   */
  private patchRows(previous: readonly Message[]): boolean {
    const next = this.messages;
    if (previous.length === 0 || next.length < previous.length || this.rows.length === 0) return false;
    if (this.rows[this.rows.length - 1]!.kind === 'outbox') return false;
    if (this.unreadAfter() !== undefined && !this.rowByKey.has('unread')) return false;
    for (let index = 0; index < previous.length; index++) if (previous[index]!.id !== next[index]!.id) return false;
    const lastRow = this.rows[this.rows.length - 1]!;
    const appended = next.slice(previous.length);
    if (appended.length > 0 && lastRow.kind === 'activity' && lastRow.entry.at > appended[0]!.createdAt) return false;
    for (let index = 0; index < previous.length; index++) {
      const message = next[index]!;
      if (message === previous[index]) continue;
      const key = `m:${message.id}`;
      const at = this.heights.indexOf(key);
      if (at < 0) return false;
      const row: ChatRow = { kind: 'message', key, message };
      this.rows[at] = row;
      this.rowByKey.set(key, row);
      this.messageById.set(message.id, message);
    }
    if (appended.length === 0) {
      this.rows = [...this.rows];
      this.forgetConfirmed(() => new Set(next.map((message) => message.id)));
      return true;
    }
    const added: ChatRow[] = [];
    let day = localDay(lastRow.kind === 'message' ? lastRow.message.createdAt : lastRow.kind === 'activity' ? lastRow.entry.at : lastRow.kind === 'day' ? lastRow.at : appended[0]!.createdAt);
    for (const message of appended) {
      const messageDay = localDay(message.createdAt);
      if (messageDay !== day) {
        day = messageDay;
        added.push({ kind: 'day', key: `day:${day}`, at: message.createdAt });
      }
      added.push({ kind: 'message', key: `m:${message.id}`, message });
      this.messageById.set(message.id, message);
    }
    for (const row of added) this.rowByKey.set(row.key, row);
    this.rows = [...this.rows, ...added];
    this.heights.append(added.map((row) => row.key));
    this.forgetConfirmed(() => new Set(next.map((message) => message.id)));
    return true;
  }

  /** Confirmed messages leave the outbox (also those confirmed in a session that closed too early). */
  private forgetConfirmed(shown: ReadonlySet<Id> | (() => ReadonlySet<Id>)): void {
    if (!this.outbox || !this.outboxEntries.some((entry) => entry.taskId === this.task)) return;
    if (typeof shown === 'function') shown = shown();
    const confirmed = this.outboxEntries.filter((entry) => entry.taskId === this.task && shown.has(entry.id) && !this.pendingIds.has(entry.id));
    if (confirmed.length > 0) void this.outbox.remove(confirmed.map((entry) => entry.id));
  }

  private lastMessageId(): Id | undefined {
    return this.messages[this.messages.length - 1]?.id;
  }

  /** Counts messages by others that arrived below a reader who is not at the bottom. */
  private noteArrivals(previousLast: Id | undefined): void {
    if (previousLast === undefined || this.stuck || this.opening) return;
    const from = this.messages.findIndex((message) => message.id === previousLast);
    if (from < 0) return;
    const fresh = this.messages.slice(from + 1).filter((message) => message.authorId !== this.store?.userId);
    this.newCount += fresh.length;
  }

  private estimate(key: string): number {
    const row = this.rowByKey.get(key);
    if (!row) return 60;
    switch (row.kind) {
      case 'day':
      case 'unread':
        return 36;
      case 'activity':
        return 30;
      case 'outbox':
        return 110;
      case 'message': {
        const message = row.message;
        const cached = estimates.get(message);
        if (cached !== undefined) return cached;
        const lines = message.body.split('\n').reduce((sum, line) => sum + 1 + Math.floor(line.length / 70), 0);
        const estimate = 52 + lines * 20 + message.attachments.length * 22 + (message.replyToId ? 34 : 0) + (Object.keys(message.reactions).length > 0 ? 32 : 0);
        estimates.set(message, estimate);
        return estimate;
      }
    }
  }

  // ------------------------------------------------------------------ virtual window

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  /** Where the view will be after this render: chosen before rendering so the right rows are there. */
  private targetTop(): number | undefined {
    const total = this.heights.total;
    const bottom = Math.max(0, total - this.viewportHeight);
    if (this.opening) {
      const divider = this.heights.indexOf('unread');
      return divider >= 0 ? Math.min(bottom, Math.max(0, this.heights.offsetOf(divider) - 48)) : bottom;
    }
    if (this.stuck) return bottom;
    if (this.anchor) {
      const index = this.heights.indexOf(this.anchor.key);
      if (index >= 0) return Math.max(0, this.heights.offsetOf(index) - this.anchor.offset);
    }
    return undefined;
  }

  private planWindow(): void {
    const size = this.heights.size;
    if (size === 0) {
      this.plannedTop = undefined;
      if (this.window.last !== -1) this.window = { first: 0, last: -1 };
      return;
    }
    this.plannedTop = this.targetTop();
    const top = this.plannedTop ?? this.scroller?.scrollTop ?? 0;
    this.setWindow(top);
  }

  private setWindow(top: number): void {
    const first = this.heights.indexAt(top - OVERSCAN);
    const last = Math.min(this.heights.size - 1, this.heights.indexAt(top + this.viewportHeight + OVERSCAN));
    if (first !== this.window.first || last !== this.window.last) this.window = { first, last };
  }

  /** Whether the rendered rows still cover the view with some margin. */
  private covers(top: number): boolean {
    if (this.heights.size === 0) return true;
    const { first, last } = this.window;
    const renderedTop = this.heights.offsetOf(first);
    const renderedBottom = this.heights.offsetOf(last + 1);
    const needTop = first === 0 ? 0 : renderedTop + MARGIN;
    const needBottom = last === this.heights.size - 1 ? Infinity : renderedBottom - MARGIN;
    return top >= needTop && top + this.viewportHeight <= needBottom;
  }

  private scrollViewTo(top: number): void {
    const scroller = this.scroller;
    if (!scroller) return;
    scroller.scrollTop = top;
    this.expectedTop = scroller.scrollTop;
  }

  /** After a render or a measurement: puts the view where it belongs (bottom, divider or anchor). */
  private placeView(): void {
    const scroller = this.scroller;
    if (!scroller || this.rows.length === 0) return;
    // The reader may have scrolled since the last scroll event (it fires a frame later): take
    // that into account first, or the view would be put back where the reader left.
    if (Math.abs(scroller.scrollTop - this.expectedTop) > 1) this.onScroll();
    if (this.opening) {
      const divider = this.rowElement('unread');
      if (divider) this.scrollViewTo(this.contentTop(divider) - 48);
      else if (this.heights.indexOf('unread') < 0) this.scrollViewTo(scroller.scrollHeight);
      else if (this.plannedTop !== undefined) this.scrollViewTo(this.plannedTop);
    } else if (this.stuck) {
      this.scrollViewTo(scroller.scrollHeight);
    } else if (this.anchor) {
      const element = this.rowElement(this.anchor.key);
      if (element) this.scrollViewTo(this.contentTop(element) - this.anchor.offset);
      else if (this.plannedTop !== undefined) this.scrollViewTo(this.plannedTop);
    }
    this.plannedTop = undefined;
    this.captureAnchor();
  }

  /** Where an element starts in the list's content, to the sub-pixel (`offsetTop` rounds, and errors add up). */
  private contentTop(element: HTMLElement): number {
    const scroller = this.scroller!;
    return element.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
  }

  private rowElement(key: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  }

  /** Notes the first row visible at the top of the view and how far below the top edge it starts. */
  private captureAnchor(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const view = scroller.getBoundingClientRect().top;
    for (const element of this.renderRoot.querySelectorAll<HTMLElement>('[data-key]')) {
      const box = element.getBoundingClientRect();
      if (box.bottom > view) {
        this.anchor = { key: element.dataset['key']!, offset: box.top - view };
        return;
      }
    }
  }

  private observeRows(): void {
    const current = new Set<Element>();
    for (const element of this.renderRoot.querySelectorAll<HTMLElement>('[data-key]')) {
      current.add(element);
      if (!this.observed.has(element)) {
        this.observed.set(element, element.dataset['key']!);
        this.resizes.observe(element);
      }
    }
    for (const element of [...this.observed.keys()]) {
      if (!current.has(element)) {
        this.resizes.unobserve(element);
        this.observed.delete(element);
      }
    }
    const scroller = this.scroller;
    if (scroller && !this.observed.has(scroller)) {
      this.observed.set(scroller, '');
      this.resizes.observe(scroller);
    }
  }

  private onResize(entries: readonly ResizeObserverEntry[]): void {
    let changed = false;
    for (const entry of entries) {
      const key = this.observed.get(entry.target);
      if (key === undefined) continue;
      const height = entry.borderBoxSize[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
      if (key === '') {
        if (height > 0 && Math.abs(height - this.viewportHeight) > 0.5) {
          this.viewportHeight = (entry.target as HTMLElement).clientHeight;
          changed = true;
        }
        continue;
      }
      if (this.heights.measure(key, height)) changed = true;
    }
    if (!changed) return;
    // Measured rows in the window sit in normal flow, so only the view needs putting back; the
    // spacers change when the window moves next.
    this.placeView();
    // A new window is rendered next frame: rendering it inside this callback would resize observed
    // rows again before the observer is done ("ResizeObserver loop" errors).
    if (this.windowFrame === 0) {
      this.windowFrame = requestAnimationFrame(() => {
        this.windowFrame = 0;
        const scroller = this.scroller;
        if (scroller && !this.covers(scroller.scrollTop)) this.setWindow(scroller.scrollTop);
      });
    }
  }

  private onScroll(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const top = scroller.scrollTop;
    if (Math.abs(top - this.expectedTop) > 1) {
      // The reader moved the view.
      if (this.opening) this.freezeUnread();
      this.opening = false;
    }
    this.expectedTop = top;
    this.stuck = scroller.scrollHeight - top - scroller.clientHeight <= BOTTOM_SLACK;
    if (this.stuck && this.newCount > 0) this.newCount = 0;
    this.captureAnchor();
    if (!this.covers(top)) this.setWindow(top);
    if (top < LOAD_OLDER_AT && !this.opening) this.loadOlder();
    this.maybeMarkRead();
  }

  private loadOlder(): void {
    const store = this.store;
    if (!store || !this.task || !this.history.hasMore || this.history.loading) return;
    void store.loadOlderMessages(this.task);
  }

  /** Moves the read marker to the newest confirmed message once it is on screen in a visible page. */
  private maybeMarkRead(): void {
    const store = this.store;
    const scroller = this.scroller;
    // Not before the store has loaded: the reader's marker must be known before it is moved.
    if (!store || !scroller || !this.task || !this.ready || document.visibilityState !== 'visible') return;
    const newest = [...this.messages].reverse().find((message) => !this.pendingIds.has(message.id));
    if (!newest || newest.id === this.lastMarked || newest.id === this.marker?.lastReadMessageId) return;
    const element = this.rowElement(`m:${newest.id}`);
    if (!element) return;
    // Seen once its first lines are on screen.
    const box = element.getBoundingClientRect();
    if (box.top + Math.min(box.height, 24) > scroller.getBoundingClientRect().bottom + 1) return;
    this.freezeUnread();
    this.lastMarked = newest.id;
    // Written a moment later, outside the frame that shows the message: a burst of messages makes
    // one write, and the store's answer does not delay the paint.
    clearTimeout(this.markTimer);
    const taskId = this.task;
    this.markTimer = setTimeout(() => {
      if (this.store === store && this.task === taskId && this.isConnected) store.markRead(taskId, newest.id);
    }, MARK_READ_DELAY_MS);
  }

  /** Scrolls to the newest message (the "new messages" button). */
  scrollToBottom(): void {
    this.opening = false;
    this.stuck = true;
    this.newCount = 0;
    this.planWindow();
    this.requestUpdate();
  }

  // ------------------------------------------------------------------ RowHost

  /** The chat's localization, for its rows and composer. */
  get localization() {
    return this.localize;
  }

  get userId(): Id | undefined {
    return this.store?.userId;
  }

  personName(id: Id): string {
    return this.people.get(id)?.name ?? this.localize.t('chat.unknown-person');
  }

  statusName(id: string): string {
    const projectId = this.taskEntity?.projectId;
    const project = projectId ? this.store?.state.projects.get(projectId) : undefined;
    return project?.workflow.statuses.find((status) => status.id === id)?.name ?? id;
  }

  message(id: Id): Message | undefined {
    return this.messageById.get(id);
  }

  isPending(id: Id): boolean {
    return this.pendingIds.has(id);
  }

  private may(action: 'message.post' | 'message.react', message?: Message): PermissionResult {
    const store = this.store;
    if (!store || !this.taskEntity) return { allowed: false, code: 'no-user', reason: '' };
    return store.can(action, message ? { task: this.taskEntity, message } : { task: this.taskEntity });
  }

  mayReact(message: Message): boolean {
    return this.may('message.react', message).allowed;
  }

  mayReply(): boolean {
    return this.may('message.post').allowed;
  }

  startReply(message: Message): void {
    this.composer.reply(message, this.renderRoot.querySelector<HTMLTextAreaElement>('.composer textarea'));
  }

  startEdit(message: Message): void {
    this.editingId = message.id;
    this.confirmingDeleteId = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('.edit textarea')?.focus());
  }

  saveEdit(message: Message, body: string): void {
    if (body === message.body) {
      this.cancelEdit();
      return;
    }
    if (this.refusal(this.store?.editMessage(message.id, body))) return;
    this.cancelEdit();
  }

  cancelEdit(): void {
    const id = this.editingId;
    this.editingId = undefined;
    if (id) this.focusAction(id, 'edit');
  }

  askDelete(message: Message): void {
    this.confirmingDeleteId = message.id;
    this.focusAction(message.id, 'cancel-delete');
  }

  confirmDelete(message: Message): void {
    this.confirmingDeleteId = undefined;
    this.refusal(this.store?.deleteMessage(message.id));
  }

  cancelDelete(): void {
    const id = this.confirmingDeleteId;
    this.confirmingDeleteId = undefined;
    if (id) this.focusAction(id, 'delete');
  }

  toggleReactMenu(message: Message): void {
    this.reactingId = this.reactingId === message.id ? undefined : message.id;
  }

  react(message: Message, emoji: string): void {
    this.reactingId = undefined;
    this.refusal(this.store?.toggleReaction(message.id, emoji));
  }

  retry(entry: OutboxEntry): void {
    const store = this.store;
    const outbox = this.outbox;
    if (!store || !outbox) return;
    const result = store.postMessage({
      taskId: entry.taskId,
      body: entry.body,
      mentions: entry.mentions,
      attachments: entry.attachments,
      ...(entry.replyToId ? { replyToId: entry.replyToId } : {}),
    });
    if (!result.ok) {
      void outbox.fail(entry.id, this.localize.reason(result.code, result.reason));
      return;
    }
    const next: OutboxEntry = { ...entry, id: result.id };
    delete (next as { failure?: string }).failure;
    void outbox.replace(entry.id, next);
    this.follow(result.id, result.confirmed);
  }

  discard(entry: OutboxEntry): void {
    void this.outbox?.remove([entry.id]);
  }

  private focusAction(messageId: Id, action: string): void {
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(messageId)}"] [data-action="${action}"]`)?.focus(),
    );
  }

  /** Shows why a write was refused; true when it was. */
  private refusal(result: ReturnType<CwmStore['postMessage']> | undefined): boolean {
    if (!result || result.ok) return false;
    this.notice = this.localize.t('chat.refused', { reason: this.localize.reason(result.code, result.reason) });
    return true;
  }

  // ------------------------------------------------------------------ ComposerHost

  candidates(query: string): MentionCandidate[] {
    const store = this.store;
    const task = this.taskEntity;
    if (!store || !task) return [];
    return mentionCandidates(this.people.values(), query, store.userId, (person) => store.can('message.mention', { task, person }));
  }

  send(draft: Draft): string | undefined {
    const store = this.store;
    const task = this.taskEntity;
    if (!store || !task) return this.localize.t('chat.loading');
    const addressable = [...this.people.values()].filter(
      (person) => person.id !== store.userId && store.can('message.mention', { task, person }).allowed,
    );
    const detail: MessageSendDetail = {
      taskId: task.id,
      body: draft.body,
      mentions: mentionedIn(draft.body, addressable),
      attachments: draft.attachments,
      ...(draft.replyTo ? { replyToId: draft.replyTo.id } : {}),
    };
    if (!this.dispatch('cwm-message-send', detail, { cancelable: true })) return '';
    const result = store.postMessage(detail);
    if (!result.ok) return this.localize.t('chat.refused', { reason: this.localize.reason(result.code, result.reason) });
    this.typing(false);
    void this.outbox?.put({
      id: result.id,
      taskId: task.id,
      body: detail.body,
      mentions: detail.mentions,
      attachments: detail.attachments,
      ...(detail.replyToId ? { replyToId: detail.replyToId } : {}),
      createdAt: new Date().toISOString(),
    });
    // The user's own message always comes into view.
    this.opening = false;
    this.stuck = true;
    this.newCount = 0;
    this.follow(result.id, result.confirmed);
    this.dispatch('cwm-message-sent', { ...detail, messageId: result.id, confirmed: result.confirmed });
    if (detail.mentions.length > 0) this.dispatch('cwm-mention', { taskId: task.id, messageId: result.id, personIds: detail.mentions });
    return undefined;
  }

  /** Keeps an outbox entry until the backend confirms it, or marks it "not sent" with the reason. */
  private follow(id: Id, confirmed: Promise<WriteOutcome>): void {
    const outbox = this.outbox;
    void confirmed.then((outcome) => {
      if (!outbox) return;
      if (outcome.status === 'applied') void outbox.remove([id]);
      else void outbox.fail(id, this.localize.reason(outcome.code, outcome.reason));
    });
  }

  typing(active: boolean): void {
    const store = this.store;
    if (!store || !this.task) return;
    const now = Date.now();
    if (active) {
      if (this.typingSent && now - this.lastTypingAt < TYPING_EVERY_MS) return;
      this.lastTypingAt = now;
      this.typingSent = true;
      store.setPresence(this.task, { typing: true });
    } else if (this.typingSent) {
      this.typingSent = false;
      store.setPresence(this.task, { typing: false });
    }
  }

  // ------------------------------------------------------------------ rendering

  protected override render(): unknown {
    const t = this.localize.t.bind(this.localize);
    if (!this.task) return html`<div class="chat" part="base"><p class="empty">${t('chat.no-task')}</p></div>`;
    const loading = !this.ready || !this.store;
    const title = this.taskEntity?.title ?? this.task;
    const write = this.may('message.post');
    return html`<section class="chat" part="base" aria-label=${t('chat.label', { task: title })}>
      ${renderDocumentsStrip(this.localize, this.taskEntity?.documents)}
      <div class="frame">
        ${loading
          ? html`<p class="empty" role="status">${t('chat.loading')}</p>`
          : this.rows.length === 0
            ? html`<p class="empty">${t('chat.empty')}</p>`
            : nothing}
        <div class="scroller" part="list" tabindex="0" role="region" aria-label=${t('chat.list-label')} @scroll=${() => this.onScroll()}>
          ${this.renderList()}
        </div>
        ${this.history.loading ? html`<p class="history" role="status">${t('chat.history-loading')}</p>` : nothing}
        ${this.newCount > 0
          ? html`<button type="button" class="new-messages" data-action="new-messages" @click=${() => this.scrollToBottom()}>
              ${t('chat.new-messages', { count: this.newCount })}
            </button>`
          : nothing}
      </div>
      <p class="typing" role="status">${this.typingText()}</p>
      ${this.notice
        ? html`<div class="notice" part="notice" role="alert">
            <span>${this.notice}</span>
            <button type="button" @click=${() => (this.notice = '')}>${t('chat.dismiss')}</button>
          </div>`
        : nothing}
      ${loading ? nothing : write.allowed ? this.composer.render() : html`<p class="read-only">${t('chat.read-only', { reason: this.localize.denial(write) })}</p>`}
    </section>`;
  }

  private renderList(): TemplateResult {
    const { first, last } = this.window;
    const visible = last < first ? [] : this.rows.slice(first, last + 1);
    const top = last < first ? 0 : this.heights.offsetOf(first);
    const bottom = last < first ? 0 : this.heights.total - this.heights.offsetOf(last + 1);
    const size = this.rows.length;
    return html`<div class="rows" role="list" style="padding-top:${top}px;padding-bottom:${bottom}px">
      ${repeat(
        visible,
        (row) => row.key,
        (row, index) => html`<div class="row ${row.kind}" role="listitem" data-key=${row.key} aria-setsize=${size} aria-posinset=${first + index + 1}>
          ${renderRow(this, row)}
        </div>`,
      )}
    </div>`;
  }

  private typingText(): string {
    const names = this.presence.filter((other) => other.typing && other.personId !== this.store?.userId).map((other) => this.personName(other.personId));
    return names.length === 0 ? '' : this.localize.t('chat.typing', { names: this.localize.formatList(names), count: names.length });
  }
}
