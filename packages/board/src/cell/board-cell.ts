import { consume } from '@lit/context';
import { LitElement, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { Id } from '@cwm/core';
import { tagOf, token } from '@cwm/ui';
import { boardPartsContext, type BoardPartsHost } from '../board-context.js';
import { CwmBoardCard } from '../card/board-card.js';

/** Cards rendered beyond the visible ones, above and below, so fast scrolling shows no gaps. */
const OVERSCAN = 4;

/**
 * One cell of a board (a column, or a column within a swimlane): a scrollable list of cards that
 * renders only the cards in view. Every card slot has the same height, so positions, the drop index
 * under the pointer and the scroll anchor are arithmetic, never a DOM measurement per card.
 *
 * @summary A virtualized list of cards inside `<cwm-board>`.
 * @tagname cwm-board-cell
 *
 * @csspart cell - The scrolling list.
 * @csspart drop-indicator - The line where dropped cards will land.
 */
export class CwmBoardCell extends LitElement {
  static elements = { 'cwm-board-card': CwmBoardCard };

  static override styles = css`
    :host {
      /* A formatting context of its own, so the list's negative top margin (below) does not move the cell. */
      display: flow-root;
      min-block-size: 0;
      position: relative;
    }

    .scroller {
      box-sizing: border-box;
      block-size: 100%;
      overflow-y: auto;
      overflow-x: hidden;
      overscroll-behavior: contain;
      padding-inline: 0.25rem;
      /*
       * The top card's focus ring needs room inside the scroll area, which clips everything outside it. The
       * list reaches that far above the cell (into its box's padding), so the cards stay where they were.
       */
      padding-block-start: 0.25rem;
      margin-block-start: -0.25rem;
      scrollbar-width: thin;
    }

    /* Fill the cell's box: without a definite height the list grows with its cards and renders all of them. */
    :host([fit='fill']) {
      block-size: 100%;
    }

    :host([fit='fill']) .scroller {
      block-size: calc(100% + 0.25rem);
    }

    :host([fit='content']) .scroller {
      block-size: auto;
      /* Its height is set to whole card rows: the padding must come on top, or the last row would scroll. */
      box-sizing: content-box;
    }

    .canvas {
      position: relative;
    }

    .slot {
      position: absolute;
      inset-inline: 0;
      inset-block-start: 0;
      will-change: transform;
    }

    .indicator {
      position: absolute;
      inset-inline: 0.25rem;
      inset-block-start: 0;
      block-size: 0.1875rem;
      border-radius: 999px;
      background: ${token('color-accent')};
      pointer-events: none;
    }

    .indicator.refused {
      background: ${token('color-danger')};
    }
  `;

  /** The tasks of this cell, in order. */
  @property({ attribute: false }) ids: readonly Id[] = [];

  /** Bumped by the board whenever card views or states may have changed. */
  @property({ type: Number }) revision = 0;

  /** Where a drop would land (a slot boundary, 0..ids.length), or -1. */
  @property({ type: Number, attribute: 'drop-index' }) dropIndex = -1;

  /** Whether the drop shown would be refused (the indicator turns red). */
  @property({ type: Boolean, attribute: 'drop-refused' }) dropRefused = false;

  /** The card that takes part in the page's tab order for this cell. */
  @property({ attribute: false }) activeId: Id | undefined;

  /** Accessible name of the list ("To do, 12 tasks"). */
  @property() label = '';

  /** `fill`: as tall as the cell's box (a board without lanes); `content`: as tall as its cards, up to `maxRows`. */
  @property({ reflect: true }) fit: 'fill' | 'content' = 'fill';

  /** With `fit="content"`: the most card rows shown before the cell scrolls. */
  @property({ type: Number, attribute: 'max-rows' }) maxRows = 6;

  @consume({ context: boardPartsContext, subscribe: true })
  private parts: BoardPartsHost | undefined;

  @state() private first = 0;
  @state() private last = -1;

  private viewportHeight = 0;
  /**
   * The list's scroll offset, kept from scroll events and our own scrolling. Reading `scrollTop` while
   * the board updates would force a style and layout pass per cell in the middle of a frame.
   */
  private top = 0;
  private scroller: HTMLElement | null = null;
  private restoreScrollTop: number | undefined;
  private readonly resizeObserver = new ResizeObserver((entries) => {
    const height = entries[entries.length - 1]?.contentRect.height ?? 0;
    if (height !== this.viewportHeight) {
      this.viewportHeight = height;
      this.updateWindow();
    }
  });

  get rowHeight(): number {
    return this.parts?.rowHeight ?? 92;
  }

  /** The list's scroll offset (the board's drag auto-scroll and tests read it). */
  get scrollOffset(): number {
    return this.top;
  }

  set scrollOffset(value: number) {
    if (this.scroller) {
      this.scroller.scrollTop = value;
      this.top = this.scroller.scrollTop;
    }
    this.updateWindow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
  }

  protected override firstUpdated(): void {
    this.scroller = this.renderRoot.querySelector('.scroller');
    if (this.scroller) this.resizeObserver.observe(this.scroller);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.scroller) this.resizeObserver.observe(this.scroller);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ids')) {
      const previous = changed.get('ids');
      if (previous && this.top > 0) this.keepAnchor(previous);
      this.computeWindow(this.restoreScrollTop ?? this.top);
    }
  }

  protected override updated(): void {
    if (this.restoreScrollTop !== undefined && this.scroller) {
      this.scroller.scrollTop = this.restoreScrollTop;
      // Not read back (that would force layout); if the browser clamps it, a scroll event corrects it.
      this.top = this.restoreScrollTop;
      this.restoreScrollTop = undefined;
    }
  }

  /**
   * Keeps the first visible card where it was when cards above it come or go (someone else moved a
   * card): the user's reading position never jumps.
   */
  private keepAnchor(previous: readonly Id[]): void {
    const top = this.top;
    const anchorIndex = Math.floor(top / this.rowHeight);
    const anchorId = previous[anchorIndex];
    if (anchorId === undefined) return;
    const index = this.ids.indexOf(anchorId);
    if (index >= 0 && index !== anchorIndex) this.restoreScrollTop = top + (index - anchorIndex) * this.rowHeight;
  }

  private computeWindow(scrollTop: number): void {
    const row = this.rowHeight;
    const height = this.viewportHeight || row * this.maxRows;
    this.first = Math.max(0, Math.floor(scrollTop / row) - OVERSCAN);
    this.last = Math.min(this.ids.length - 1, Math.ceil((scrollTop + height) / row) + OVERSCAN);
  }

  private updateWindow(): void {
    const before = [this.first, this.last];
    this.computeWindow(this.top);
    if (before[0] !== this.first || before[1] !== this.last) this.requestUpdate();
  }

  /** The slot boundary nearest to a point of the viewport (for dropping), 0..ids.length. */
  indexAt(clientY: number): number {
    const box = (this.scroller ?? this).getBoundingClientRect();
    const y = clientY - box.top + this.scrollOffset;
    return Math.max(0, Math.min(this.ids.length, Math.round(y / this.rowHeight)));
  }

  /** Scrolls the least needed to show the card at `index`, and waits for it to render. */
  async reveal(index: number): Promise<void> {
    if (!this.scroller) await this.updateComplete;
    const scroller = this.scroller;
    if (!scroller) return;
    const row = this.rowHeight;
    const top = index * row;
    const height = scroller.clientHeight || row;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + row > scroller.scrollTop + height) scroller.scrollTop = top + row - height;
    this.top = scroller.scrollTop;
    this.updateWindow();
    await this.updateComplete;
  }

  /** The rendered card element of a task, if it is in view. */
  cardOf(id: Id): HTMLElement | undefined {
    return (this.renderRoot.querySelector(`[data-task-id="${CSS.escape(id)}"]`) as HTMLElement | null) ?? undefined;
  }

  /** Scrolls by `delta` pixels (drag auto-scroll). Returns whether it moved. */
  scrollByPixels(delta: number): boolean {
    const scroller = this.scroller;
    if (!scroller) return false;
    const before = scroller.scrollTop;
    scroller.scrollTop = before + delta;
    this.top = scroller.scrollTop;
    this.updateWindow();
    return scroller.scrollTop !== before;
  }

  protected override render(): unknown {
    const parts = this.parts;
    if (!parts) return nothing;
    const row = this.rowHeight;
    const count = this.ids.length;
    const gap = this.dropIndex >= 0 ? row : 0;
    const contentHeight = count * row + gap;
    const canvasHeight = this.fit === 'content' ? Math.max(row, contentHeight) : contentHeight;
    const scrollerStyle =
      this.fit === 'content' ? styleMap({ blockSize: `${Math.min(Math.max(count, 1), this.maxRows) * row + (gap ? row / 2 : 0)}px` }) : nothing;
    const visible = this.ids.slice(this.first, this.last + 1);
    const card = unsafeStatic(tagOf(this, CwmBoardCard));
    const cardHeight = `${row - 8}px`;
    return html`<div class="scroller" part="cell" role="list" aria-label=${this.label} style=${scrollerStyle} @scroll=${this.onScroll}>
      <div class="canvas" style=${styleMap({ blockSize: `${canvasHeight}px` })}>
        ${repeat(
          visible,
          (id) => id,
          (id, offset) => {
            const index = this.first + offset;
            const y = index * row + (this.dropIndex >= 0 && index >= this.dropIndex ? row : 0);
            return html`<${card}
              class="slot"
              data-index=${index}
              tabindex=${id === this.activeId ? 0 : -1}
              style=${styleMap({ transform: `translateY(${y}px)`, '--_card-height': cardHeight })}
              .view=${parts.view(id)}
              .state=${parts.cardState(id)}
            ></${card}>`;
          },
        )}
        ${this.dropIndex >= 0
          ? html`<div
              class="indicator ${this.dropRefused ? 'refused' : ''}"
              part="drop-indicator"
              aria-hidden="true"
              style=${styleMap({ transform: `translateY(${this.dropIndex * row + row / 2 - 2}px)` })}
            ></div>`
          : nothing}
      </div>
    </div>`;
  }

  private readonly onScroll = (): void => {
    this.top = this.scroller?.scrollTop ?? 0;
    this.updateWindow();
  };
}
