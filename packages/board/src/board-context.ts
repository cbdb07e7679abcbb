import { createContext } from '@lit/context';
import type { Id, PermissionResult } from '@cwm/core';
import type { LocalizeController } from '@cwm/ui';
import type { CardField } from './model/board-config.js';
import type { CardView } from './model/card-view.js';

/** How one card is being interacted with right now. */
export interface CardState {
  readonly selected: boolean;
  /** Lifted by the keyboard or dragged by a pointer: shown as a ghost in its old place. */
  readonly lifted: boolean;
  /** A write of this task is waiting for the backend. */
  readonly pending: boolean;
  /** Whether the acting person may move it, and why not. */
  readonly movable: PermissionResult;
}

/**
 * What the parts of a board (cells, cards) ask the board for. They find it through context, never
 * by tag name, so a vendor's re-prefixed board works the same.
 */
export interface BoardPartsHost {
  /** The card view of a task, computed when first asked for and cached until it changes. */
  view(id: Id): CardView | undefined;
  cardState(id: Id): CardState;
  /** The card fields to show. */
  readonly fields: ReadonlySet<CardField>;
  /** Height of one card slot (card + gap) in CSS pixels: virtualization and drop positions use it. */
  readonly rowHeight: number;
  /** Formats and translates for the board's language. */
  readonly localization: LocalizeController;
  /** Today's date, for due states. */
  readonly today: string;
}

export const boardPartsContext = createContext<BoardPartsHost | undefined>(Symbol('cwm-board-parts'));
