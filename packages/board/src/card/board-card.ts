import { consume } from '@lit/context';
import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { boardPartsContext, type BoardPartsHost, type CardState } from '../board-context.js';
import type { CardView, PersonChip } from '../model/card-view.js';
import { cardStyles } from './board-card.styles.js';

const ICONS = {
  calendar: svg`<path d="M4 6h16v14H4zM4 10h16M8 3v4M16 3v4"/>`,
  check: svg`<path d="M4 12l5 5L20 6"/>`,
  subtasks: svg`<path d="M5 4v12h6M11 10h8M11 16h8M5 10h6"/>`,
  message: svg`<path d="M4 5h16v11H9l-5 4z"/>`,
  blocked: svg`<circle cx="12" cy="12" r="8"/><path d="M6.5 6.5l11 11"/>`,
  clock: svg`<circle cx="12" cy="12" r="8"/><path d="M12 8v4l3 2"/>`,
};

function icon(name: keyof typeof ICONS): TemplateResult {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true">${ICONS[name]}</svg>`;
}

const PRIORITY_MARK: Record<string, string> = { urgent: '!!!', high: '!!', medium: '!', low: '·', none: '' };

/**
 * One card of a board: a task's title and the fields the board is configured to show. Rendered by a
 * board cell; it never talks to the store itself, so one changed task re-renders exactly one card.
 *
 * @summary A task card on `<cwm-board>`.
 * @tagname cwm-board-card
 *
 * @csspart card - The card's box.
 * @csspart title - The task title: a button that opens the task (`cwm-task-open`) on click.
 * @csspart meta - The rows of details above and below the title.
 * @csspart avatar - One assignee's avatar.
 * @csspart tag - One tag.
 *
 * @cssproperty --cwm-board-card-background - Card background (falls back to `--cwm-color-surface`).
 * @cssproperty --cwm-board-card-radius - Card corner radius.
 * @cssproperty --cwm-board-card-meta-size - Font size of the detail rows.
 */
export class CwmBoardCard extends LitElement {
  static override styles = cardStyles;

  /** What the card shows. */
  @property({ attribute: false }) view: CardView | undefined;

  /** How the card is being interacted with. */
  @property({ attribute: false }) state: CardState | undefined;

  @consume({ context: boardPartsContext, subscribe: true })
  private parts: BoardPartsHost | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'listitem');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('state') || changed.has('view')) {
      const state = this.state;
      this.toggleAttribute('selected', state?.selected ?? false);
      this.toggleAttribute('lifted', state?.lifted ?? false);
      this.toggleAttribute('pending', state?.pending ?? false);
      this.toggleAttribute('immovable', state !== undefined && !state.movable.allowed);
      if (state?.selected) this.setAttribute('aria-selected', 'true');
      else this.removeAttribute('aria-selected');
      this.setAttribute('aria-label', this.summary());
      if (this.view) this.dataset['taskId'] = this.view.id;
    }
  }

  protected override render(): unknown {
    const view = this.view;
    const parts = this.parts;
    if (!view || !parts) return nothing;
    const fields = parts.fields;
    return html`<div class="card" part="card">
      <div class="top" part="meta" aria-hidden="true">
        ${fields.has('key') ? html`<span class="key">${view.key}</span>` : nothing}
        ${fields.has('tags') && view.tags.length > 0
          ? html`<span class="tags">${view.tags.map((tag) => html`<span class="tag" part="tag">${tag}</span>`)}</span>`
          : html`<span class="spacer"></span>`}
        ${fields.has('blocked') && view.blockedBy.length > 0 ? html`<span class="badge blocked">${icon('blocked')}</span>` : nothing}
        ${fields.has('priority') && view.priority !== 'none'
          ? html`<span class="priority ${view.priority}" title=${parts.localization.t(`board.priority.${view.priority}`)}>${PRIORITY_MARK[view.priority]}</span>`
          : nothing}
      </div>
      <button
        type="button"
        class="title"
        part="title"
        tabindex="-1"
        data-open
        aria-label=${parts.localization.t('board.card.open', { title: view.title })}
        @mousedown=${this.keepFocusOnCard}
      >${view.title}</button>
      <div class="bottom" part="meta" aria-hidden="true">${this.renderDetails(view, parts)}</div>
    </div>`;
  }

  private renderDetails(view: CardView, parts: BoardPartsHost): unknown[] {
    const fields = parts.fields;
    const localize = parts.localization;
    const details: unknown[] = [];
    if (fields.has('due') && view.due) {
      const date = localize.formatDate(`${view.due.date}T12:00:00`, { month: 'short', day: 'numeric' });
      details.push(html`<span class="badge due ${view.due.state}">${icon('calendar')}${date}</span>`);
    }
    if (fields.has('progress') && view.subtasks) {
      details.push(html`<span class="badge">${icon('subtasks')}${view.subtasks.done}/${view.subtasks.total}</span>`);
    }
    if (fields.has('progress') && view.checklist) {
      details.push(html`<span class="badge">${icon('check')}${view.checklist.done}/${view.checklist.total}</span>`);
    }
    if (fields.has('messages') && view.messages > 0) {
      details.push(html`<span class="badge">${icon('message')}${localize.formatNumber(view.messages)}</span>`);
    }
    if (fields.has('messages') && view.unread > 0) {
      // Unread can exceed what is loaded (the backend counts every message), so it has its own badge.
      const label = localize.t('board.card.unread', { count: view.unread });
      details.push(html`<span class="badge unread" part="unread" role="img" aria-label=${label} title=${label}>${localize.formatNumber(view.unread)}</span>`);
    }
    if (fields.has('aging') && view.agingDays !== undefined && view.agingDays > 0) {
      details.push(html`<span class="badge">${icon('clock')}${localize.formatNumber(view.agingDays)}d</span>`);
    }
    if (fields.has('assignees') && view.assignees.length > 0) {
      details.push(html`<span class="avatars">${view.assignees.slice(0, 3).map((person) => this.renderAvatar(person))}</span>`);
    }
    return details;
  }

  private renderAvatar(person: PersonChip): TemplateResult {
    if (person.avatarUrl && /^https?:\/\//i.test(person.avatarUrl)) {
      return html`<img class="avatar" part="avatar" src=${person.avatarUrl} alt="" loading="lazy" />`;
    }
    // 30 % lightness keeps white initials at 4.5:1 or more on every hue (yellow, the lightest, gives
    // 4.7:1); at 42 % greens and yellows fell under 3:1.
    const colour = styleMap({ background: `hsl(${person.hue} 55% 30%)` });
    return html`<span class="avatar" part="avatar" style=${colour}>${person.initials}</span>`;
  }

  /**
   * The title is a pointer shortcut for opening the task; the keyboard opens it with Enter on the card.
   * So a press on it focuses the card, as a press anywhere else on the card does, never the button: a
   * focused button would also turn Enter into a second, native click.
   */
  private readonly keepFocusOnCard = (event: MouseEvent): void => {
    event.preventDefault();
    this.focus({ preventScroll: true });
  };

  /** What a screen reader hears when the card gets focus: the visible details in words. */
  private summary(): string {
    const view = this.view;
    const parts = this.parts;
    if (!view || !parts) return '';
    const { localization: localize, fields } = parts;
    const pieces: string[] = [fields.has('key') ? `${view.key} ${view.title}` : view.title];
    if (this.state?.selected) pieces.push(localize.t('board.card.selected'));
    if (fields.has('priority') && view.priority !== 'none') pieces.push(localize.t(`board.priority.${view.priority}`));
    if (fields.has('due') && view.due) {
      const date = localize.formatDate(`${view.due.date}T12:00:00`, { dateStyle: 'medium' });
      const key = view.due.state === 'overdue' ? 'board.card.overdue' : view.due.state === 'soon' ? 'board.card.due-soon' : 'board.card.due';
      pieces.push(localize.t(key, { date }));
    }
    if (fields.has('assignees') && view.assignees.length > 0) {
      pieces.push(localize.t('board.card.assignees', { names: localize.formatList(view.assignees.map((person) => person.name)) }));
    }
    if (fields.has('blocked') && view.blockedBy.length > 0) {
      pieces.push(localize.t('board.card.blocked', { names: localize.formatList(view.blockedBy.map((task) => task.title)) }));
    }
    if (fields.has('progress') && view.subtasks) pieces.push(localize.t('board.card.subtasks', { done: view.subtasks.done, total: view.subtasks.total }));
    if (fields.has('progress') && view.checklist) pieces.push(localize.t('board.card.checklist', { done: view.checklist.done, total: view.checklist.total }));
    if (fields.has('messages') && view.messages > 0) pieces.push(localize.t('board.card.messages', { count: view.messages }));
    if (fields.has('messages') && view.unread > 0) pieces.push(localize.t('board.card.unread', { count: view.unread }));
    if (fields.has('aging') && view.agingDays !== undefined) pieces.push(localize.t('board.card.aging', { count: view.agingDays }));
    if (fields.has('tags') && view.tags.length > 0) pieces.push(view.tags.join(', '));
    if (this.state?.pending) pieces.push(localize.t('board.card.saving'));
    if (this.state && !this.state.movable.allowed) pieces.push(this.state.movable.reason);
    return pieces.join('. ');
  }
}
