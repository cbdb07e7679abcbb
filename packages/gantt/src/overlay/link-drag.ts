// Drawing a new dependency by dragging from a link handle. Owns only the gesture: the element renders
// the draft it reports and decides what to do with the request (cycle check, store write, events).
import type { DependencyType, Id } from '@cwm/core';
import { linkTargetAt, type BarLayout, type LinkSide, type LinkTarget } from './row-bars.js';

/** A dependency the user drew; the element validates it and writes it, never the overlay. */
export interface LinkRequest {
  readonly predecessorId: Id;
  readonly successorId: Id;
  readonly type: DependencyType;
}

/** The link being drawn: from which bar side, where the pointer is (overlay coordinates), what it is over. */
export interface LinkDraft {
  readonly fromId: Id;
  readonly fromSide: LinkSide;
  readonly x: number;
  readonly y: number;
  /** The bar and type a release here would request; absent over empty space. */
  readonly target?: LinkTarget | undefined;
}

/** How a `LinkDrag` reads the chart and reports back. */
export interface LinkDragOptions {
  /**
   * The current rows, scale, live drag box and window; read at every pointer move, so it is never stale.
   * Undefined (no chart yet) means no bar is a target.
   */
  layout(): BarLayout | undefined;
  /** The draft changed (undefined: the gesture ended); the element re-renders the overlay with it. */
  onDraftChange(draft: LinkDraft | undefined): void;
  /** Released over another bar. */
  onLinkRequest(request: LinkRequest): void;
}

/**
 * The pointer gesture that creates a dependency: pointer down on a handle (`begin`), a dashed draft line
 * follows the pointer, release over a bar requests a link whose type depends on the handle and the half
 * of the bar (see `linkTypeFor`), release elsewhere or Escape requests nothing.
 *
 * Listeners live on the window and document only while a gesture runs, so nothing stays behind after
 * it ends or after `dispose()`.
 */
export class LinkDrag {
  readonly #options: LinkDragOptions;
  #draft: LinkDraft | undefined;
  #pointerId = -1;
  #overlay: Element | undefined;
  #captured: Element | undefined;
  #window: Window | undefined;

  constructor(options: LinkDragOptions) {
    this.#options = options;
  }

  /** The link being drawn, if any. */
  get draft(): LinkDraft | undefined {
    return this.#draft;
  }

  /** Whether a gesture is running. */
  get active(): boolean {
    return this.#overlay !== undefined;
  }

  /**
   * Starts a gesture from a handle's `pointerdown`. Bound, so it can be handed to the overlay as is:
   * `onHandlePointerDown: linkDrag.begin`.
   */
  readonly begin = (event: PointerEvent, fromId: Id, fromSide: LinkSide): void => {
    if (event.button !== 0) return;
    const handle = event.currentTarget instanceof Element ? event.currentTarget : undefined;
    const overlay = handle?.closest('svg') ?? undefined;
    if (handle === undefined || overlay === undefined) return;
    this.cancel();
    // No text selection, no native drag, no focus change: the gesture is ours.
    event.preventDefault();
    this.#overlay = overlay;
    this.#pointerId = event.pointerId;
    this.#window = overlay.ownerDocument.defaultView ?? undefined;
    // Capture keeps frappe's bars from reacting while the pointer crosses them. Listening on the window
    // (not the handle) still works if a re-render replaces the handle and the capture goes with it.
    try {
      handle.setPointerCapture(event.pointerId);
      this.#captured = handle;
    } catch {
      // Synthetic events have no active pointer to capture; the window listeners suffice.
    }
    this.#window?.addEventListener('pointermove', this.#onMove);
    this.#window?.addEventListener('pointerup', this.#onUp);
    this.#window?.addEventListener('pointercancel', this.#onCancel);
    overlay.ownerDocument.addEventListener('keydown', this.#onKeyDown, true);
    this.#update({ fromId, fromSide, ...this.#local(event) });
  };

  /** Ends a running gesture without requesting anything. */
  cancel(): void {
    if (!this.active) return;
    this.#end();
  }

  /** Ends any gesture and its listeners; call from the element's `disconnectedCallback`. */
  dispose(): void {
    this.cancel();
  }

  #local(event: PointerEvent): { x: number; y: number } {
    const box = this.#overlay!.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  #targetAt(point: { x: number; y: number }, from: Pick<LinkDraft, 'fromId' | 'fromSide'>): LinkTarget | undefined {
    const layout = this.#options.layout();
    return layout === undefined ? undefined : linkTargetAt(point, from.fromId, from.fromSide, layout);
  }

  #update(next: Omit<LinkDraft, 'target'>): void {
    this.#draft = { ...next, target: this.#targetAt(next, next) };
    this.#options.onDraftChange(this.#draft);
  }

  readonly #onMove = (event: PointerEvent): void => {
    const draft = this.#draft;
    if (event.pointerId !== this.#pointerId || draft === undefined) return;
    this.#update({ fromId: draft.fromId, fromSide: draft.fromSide, ...this.#local(event) });
  };

  readonly #onUp = (event: PointerEvent): void => {
    const draft = this.#draft;
    if (event.pointerId !== this.#pointerId || draft === undefined) return;
    const target = this.#targetAt(this.#local(event), draft);
    this.#end();
    if (target !== undefined) {
      this.#options.onLinkRequest({ predecessorId: draft.fromId, successorId: target.id, type: target.type });
    }
  };

  readonly #onCancel = (event: PointerEvent): void => {
    if (event.pointerId === this.#pointerId) this.#end();
  };

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    // While a link is drawn, Escape belongs to the draft: the chart must not also clear its selection.
    event.preventDefault();
    event.stopPropagation();
    this.#end();
  };

  #end(): void {
    this.#window?.removeEventListener('pointermove', this.#onMove);
    this.#window?.removeEventListener('pointerup', this.#onUp);
    this.#window?.removeEventListener('pointercancel', this.#onCancel);
    this.#overlay?.ownerDocument.removeEventListener('keydown', this.#onKeyDown, true);
    if (this.#captured?.hasPointerCapture(this.#pointerId)) this.#captured.releasePointerCapture(this.#pointerId);
    this.#overlay = undefined;
    this.#captured = undefined;
    this.#window = undefined;
    this.#pointerId = -1;
    this.#draft = undefined;
    this.#options.onDraftChange(undefined);
  }
}
