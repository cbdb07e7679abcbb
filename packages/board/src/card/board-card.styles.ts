import { css } from 'lit';
import { token } from '@cwm/ui';

export const cardStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    block-size: var(--_card-height, 5.25rem);
    border-radius: ${token('radius-m', '--cwm-board-card-radius')};
    outline: none;
    contain: layout style;
    touch-action: manipulation;
    user-select: none;
    -webkit-user-select: none;
    /* A card scrolled into view by the keyboard shows its focus ring too, not only its box. */
    scroll-margin: 0.5rem;
  }

  :host(:focus-visible) .card {
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: 1px;
  }

  .card {
    box-sizing: border-box;
    block-size: 100%;
    display: grid;
    grid-template-rows: auto 1fr auto;
    gap: 0.125rem;
    padding: 0.5rem 0.625rem;
    border-radius: inherit;
    border: 1px solid ${token('color-border')};
    background: ${token('color-surface', '--cwm-board-card-background')};
    color: ${token('color-text')};
    box-shadow: ${token('shadow-s')};
    cursor: grab;
    overflow: hidden;
    transition: box-shadow 120ms ease, opacity 120ms ease;
    /* The card's height is fixed (card-height), so how many title lines fit is a question of that height. */
    container: card / size;
  }

  :host([selected]) .card {
    border-color: ${token('color-accent')};
    box-shadow: 0 0 0 1px ${token('color-accent')} inset;
  }

  /* The card being moved keeps its place, marked by a dashed outline: fading it would leave its text unreadable (contrast). */
  :host([lifted]) .card {
    border-style: dashed;
    border-color: ${token('color-accent')};
    box-shadow: none;
  }

  :host([pending]) .card {
    background-image: linear-gradient(90deg, transparent, ${token('color-surface-sunken')}, transparent);
  }

  :host([immovable]) .card {
    cursor: default;
  }

  .top,
  .bottom {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    min-inline-size: 0;
    font-size: var(--cwm-board-card-meta-size, 0.75rem);
    color: ${token('color-text-muted')};
    white-space: nowrap;
  }

  .key {
    font-variant-numeric: tabular-nums;
    flex: none;
  }

  .tags {
    display: flex;
    gap: 0.25rem;
    min-inline-size: 0;
    overflow: hidden;
    flex: 1 1 auto;
  }

  .tag {
    padding: 0 0.375rem;
    border-radius: ${token('radius-pill')};
    background: ${token('color-surface-sunken')};
    color: ${token('color-text-muted')};
    overflow: hidden;
    text-overflow: ellipsis;
    max-inline-size: 8rem;
  }

  .spacer {
    flex: 1 1 auto;
  }

  .priority {
    flex: none;
    font-weight: ${token('font-weight-strong')};
  }

  .priority.urgent {
    color: ${token('color-danger')};
  }

  .priority.high {
    color: ${token('color-warning')};
  }

  /*
   * The title is a button (a click on it opens the task), as wide as its text so a click beside it still
   * selects the card. It looks like the title it is, underlined under the pointer.
   */
  .title {
    justify-self: start;
    align-self: start;
    max-inline-size: 100%;
    padding: 0;
    border: none;
    background: none;
    color: inherit;
    font-family: inherit;
    cursor: pointer;
    margin: 0;
    font-size: ${token('font-size-m')};
    font-weight: ${token('font-weight-strong')};
    line-height: 1.3;
    overflow: hidden;
    display: -webkit-box;
    /* One line at the default height: a second line would be cut in half by the details row, with no ellipsis. */
    -webkit-line-clamp: 1;
    -webkit-box-orient: vertical;
    overflow-wrap: anywhere;
    /*
     * A title is the user's text in any language: it takes its direction from its words (like dir="auto"),
     * so an English title in a right-to-left page is cut at its end, not its start. It stays aligned with
     * the card, though: plaintext would otherwise align each title by its own direction.
     */
    unicode-bidi: plaintext;
    text-align: left;
  }

  .title:hover {
    text-decoration: underline;
  }

  :host(:dir(rtl)) .title {
    text-align: right;
  }

  @container card (min-height: 6.25rem) {
    .title {
      -webkit-line-clamp: 2;
    }
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.1875rem;
    flex: none;
  }

  .unread {
    padding-inline: 0.375rem;
    border-radius: 999px;
    background: ${token('color-accent')};
    color: ${token('color-accent-text')};
    font-weight: ${token('font-weight-strong')};
  }

  .due.overdue {
    color: ${token('color-danger')};
    font-weight: ${token('font-weight-strong')};
  }

  .due.soon {
    color: ${token('color-warning')};
  }

  .blocked {
    color: ${token('color-danger')};
    font-weight: ${token('font-weight-strong')};
  }

  .avatars {
    display: flex;
    flex: none;
    margin-inline-start: auto;
  }

  .avatar {
    inline-size: 1.375rem;
    block-size: 1.375rem;
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-size: 0.625rem;
    font-weight: ${token('font-weight-strong')};
    color: #fff;
    border: 2px solid ${token('color-surface', '--cwm-board-card-background')};
    margin-inline-start: -0.375rem;
    overflow: hidden;
    object-fit: cover;
  }

  .avatar:first-child {
    margin-inline-start: 0;
  }

  svg {
    inline-size: 0.875rem;
    block-size: 0.875rem;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  @media (prefers-reduced-motion: reduce) {
    .card {
      transition: none;
    }
  }
`;
