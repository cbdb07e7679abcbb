import type { Id } from '@cwm/core';
import type { CellTarget } from '../model/index.js';

/** What the pointer drag needs from the board. */
export interface DragHost {
  /** Lifts the card (or the selection it belongs to); returns the moving ids, or undefined if it may not move. */
  beginDrag(id: Id, via: 'pointer'): readonly Id[] | undefined;
  /** The drop target under a point of the viewport, or undefined outside every cell. */
  targetAt(x: number, y: number): CellTarget | undefined;
  setDropTarget(target: CellTarget | undefined): void;
  /** Moves the drag ghost (a transform; no re-render). */
  moveGhost(x: number, y: number): void;
  /** Scrolls the board or the cell under the point when it is near an edge; true when anything moved. */
  autoScroll(x: number, y: number): boolean;
  /** Drops at the current target (`drop`) or puts everything back. */
  endDrag(drop: boolean): void;
}

/** Pixels a mouse must travel before a press becomes a drag (so clicks stay clicks). */
const MOUSE_THRESHOLD = 5;
/** A finger must rest this long before a card lifts; moving earlier scrolls the board instead. */
const TOUCH_DELAY_MS = 250;
const TOUCH_TOLERANCE = 8;

/**
 * Drag and drop by mouse, pen and touch, on pointer events (HTML drag and drop has no touch support and
 * no control over the drop indicator). A mouse drag starts after a few pixels; a touch drag after a
 * short press, so a swipe still scrolls. While dragging, the target is worked out once per frame, and
 * the board or the cell scrolls by itself when the pointer nears an edge.
 */
export class PointerDrag {
  private pending: { id: Id; pointerId: number; x: number; y: number; touch: boolean; timer?: ReturnType<typeof setTimeout> } | undefined;
  private dragging = false;
  private x = 0;
  private y = 0;
  private frame = 0;

  constructor(private readonly host: DragHost) {}

  get active(): boolean {
    return this.dragging;
  }

  /** Call from the card's `pointerdown`. */
  press(event: PointerEvent, id: Id): void {
    if (this.pending || this.dragging) return;
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    const touch = event.pointerType === 'touch';
    this.pending = { id, pointerId: event.pointerId, x: event.clientX, y: event.clientY, touch };
    this.x = event.clientX;
    this.y = event.clientY;
    if (touch) this.pending.timer = setTimeout(() => this.start(), TOUCH_DELAY_MS);
    window.addEventListener('pointermove', this.onMove, true);
    window.addEventListener('pointerup', this.onUp, true);
    window.addEventListener('pointercancel', this.onCancel, true);
    window.addEventListener('keydown', this.onKey, true);
    // Touch scrolling starts before pointer events can stop it; only a non-passive touchmove can.
    window.addEventListener('touchmove', this.onTouchMove, { passive: false, capture: true });
  }

  /** Ends any drag without dropping (the element was removed, the data went away). */
  cancel(): void {
    if (this.dragging) this.host.endDrag(false);
    this.reset();
  }

  private start(): void {
    const pending = this.pending;
    if (!pending) return;
    const ids = this.host.beginDrag(pending.id, 'pointer');
    if (!ids) {
      this.reset();
      return;
    }
    this.dragging = true;
    this.host.moveGhost(this.x, this.y);
    this.schedule();
  }

  private readonly onMove = (event: PointerEvent): void => {
    const pending = this.pending;
    if (!pending || event.pointerId !== pending.pointerId) return;
    this.x = event.clientX;
    this.y = event.clientY;
    if (!this.dragging) {
      const distance = Math.hypot(event.clientX - pending.x, event.clientY - pending.y);
      if (pending.touch) {
        // Moving before the press timer fires is a scroll, not a drag.
        if (distance > TOUCH_TOLERANCE) this.reset();
        return;
      }
      if (distance < MOUSE_THRESHOLD) return;
      this.start();
      if (!this.dragging) return;
    }
    event.preventDefault();
    this.host.moveGhost(this.x, this.y);
    this.schedule();
  };

  private readonly onUp = (event: PointerEvent): void => {
    if (!this.pending || event.pointerId !== this.pending.pointerId) return;
    if (this.dragging) {
      event.preventDefault();
      // The click that follows a drag would open the card: swallow it once.
      window.addEventListener('click', swallowClick, { capture: true, once: true });
      setTimeout(() => window.removeEventListener('click', swallowClick, true), 0);
      this.host.setDropTarget(this.host.targetAt(this.x, this.y));
      this.host.endDrag(true);
    }
    this.reset();
  };

  private readonly onCancel = (event: PointerEvent): void => {
    if (!this.pending || event.pointerId !== this.pending.pointerId) return;
    this.cancel();
  };

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.dragging) {
      event.preventDefault();
      event.stopPropagation();
      this.cancel();
    }
  };

  private readonly onTouchMove = (event: TouchEvent): void => {
    if (this.dragging) event.preventDefault();
  };

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.dragging) return;
      const scrolled = this.host.autoScroll(this.x, this.y);
      this.host.setDropTarget(this.host.targetAt(this.x, this.y));
      // Keep scrolling while the pointer rests near an edge.
      if (scrolled) this.schedule();
    });
  }

  private reset(): void {
    if (this.pending?.timer) clearTimeout(this.pending.timer);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = undefined;
    this.dragging = false;
    window.removeEventListener('pointermove', this.onMove, true);
    window.removeEventListener('pointerup', this.onUp, true);
    window.removeEventListener('pointercancel', this.onCancel, true);
    window.removeEventListener('keydown', this.onKey, true);
    window.removeEventListener('touchmove', this.onTouchMove, true);
  }
}

function swallowClick(event: Event): void {
  event.preventDefault();
  event.stopPropagation();
}
