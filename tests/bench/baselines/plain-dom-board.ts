/**
 * The floor for the board scenarios: the same cards as a plain-DOM board, built the fastest
 * straightforward way (createElement + textContent, one append), with no framework, no virtualization
 * and no per-card logic. Every card is in the DOM, as in jKanban and most simple boards; the columns
 * scroll on their own.
 */

/** What a plain card shows, as ready-made strings (formatting is not what the floor measures). */
export interface PlainCard {
  readonly id: string;
  readonly key: string;
  readonly title: string;
  /** Initials of each assignee. */
  readonly initials: readonly string[];
  /** The due date as text, or '' without one. */
  readonly due: string;
}

export interface PlainColumn {
  readonly name: string;
  readonly cards: readonly PlainCard[];
}

/** A built board: its root (not yet attached), each card's element by task id, each column's card list. */
export interface PlainBoard {
  readonly root: HTMLElement;
  readonly cards: Map<string, HTMLElement>;
  readonly lists: HTMLElement[];
}

// Roughly the board's look (fixed-width columns side by side, cards with a border), so layout and
// paint do comparable work per visible card.
const CSS = `
.pd-board { display: flex; gap: 8px; block-size: 100%; overflow-x: auto; font: 14px system-ui, sans-serif; background: #f6f7f9; }
.pd-column { flex: 0 0 272px; display: flex; flex-direction: column; min-block-size: 0; }
.pd-header { padding: 8px; font-weight: 600; }
.pd-list { flex: 1; overflow-y: auto; padding: 4px; }
.pd-card { box-sizing: border-box; block-size: 84px; margin-block-end: 8px; padding: 8px; border: 1px solid #d0d4da; border-radius: 6px; background: white; overflow: hidden; }
.pd-key { font-size: 12px; color: #667; }
.pd-title { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.pd-meta { display: flex; gap: 4px; align-items: center; font-size: 12px; }
.pd-avatar { display: inline-grid; place-items: center; inline-size: 20px; block-size: 20px; border-radius: 50%; background: #468; color: white; font-size: 10px; }
`;

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function buildCard(card: PlainCard): HTMLElement {
  const root = element('div', 'pd-card');
  root.dataset['id'] = card.id;
  root.append(element('div', 'pd-key', card.key), element('div', 'pd-title', card.title));
  const meta = element('div', 'pd-meta');
  for (const initials of card.initials) meta.append(element('span', 'pd-avatar', initials));
  if (card.due) meta.append(element('span', 'pd-due', card.due));
  root.append(meta);
  return root;
}

/** Builds the whole board in a detached element: the caller appends `root` (that append is part of what is timed). */
export function buildPlainBoard(columns: readonly PlainColumn[]): PlainBoard {
  const root = element('div', 'pd-board');
  const style = document.createElement('style');
  style.textContent = CSS;
  root.append(style);
  const cards = new Map<string, HTMLElement>();
  const lists: HTMLElement[] = [];
  for (const column of columns) {
    const box = element('div', 'pd-column');
    const list = element('div', 'pd-list');
    for (const card of column.cards) {
      const node = buildCard(card);
      cards.set(card.id, node);
      list.append(node);
    }
    box.append(element('div', 'pd-header', `${column.name} (${column.cards.length})`), list);
    root.append(box);
    lists.push(list);
  }
  return { root, cards, lists };
}

/** Moves a card element to position `index` of column `column` (what a remote move does to a plain board). */
export function movePlainCard(board: PlainBoard, id: string, column: number, index: number): void {
  const card = board.cards.get(id);
  const list = board.lists[column];
  if (!card || !list) throw new Error(`no card ${id} or column ${column} on the plain board`);
  list.insertBefore(card, list.children[index] ?? null);
}

/** Height of a card slot on the plain board: the card and the margin below it. */
const PLAIN_SLOT = 92;

/**
 * The plain board's drag, as a simple board does it: a cloned ghost follows the pointer (a
 * transform), and once per frame a placeholder element is moved to the slot under the pointer.
 */
export class PlainDrag {
  private frame = 0;
  private x = 0;
  private y = 0;
  private readonly ghost: HTMLElement;
  private readonly placeholder: HTMLElement;

  constructor(
    private readonly board: PlainBoard,
    card: HTMLElement,
  ) {
    this.ghost = card.cloneNode(true) as HTMLElement;
    Object.assign(this.ghost.style, { position: 'fixed', insetBlockStart: '0', insetInlineStart: '0', inlineSize: '256px', pointerEvents: 'none', opacity: '0.9' });
    this.placeholder = element('div', 'pd-card');
    this.placeholder.style.borderStyle = 'dashed';
    board.root.append(this.ghost);
  }

  /** The list the placeholder is in, or undefined. */
  get over(): HTMLElement | undefined {
    return (this.placeholder.parentElement as HTMLElement | null) ?? undefined;
  }

  move(x: number, y: number): void {
    this.x = x;
    this.y = y;
    this.ghost.style.transform = `translate(${x + 12}px, ${y + 8}px)`;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
    });
  }

  private place(): void {
    for (const list of this.board.lists) {
      const box = list.getBoundingClientRect();
      if (this.x < box.left || this.x > box.right) continue;
      const index = Math.max(0, Math.round((this.y - box.top + list.scrollTop) / PLAIN_SLOT));
      const before = list.children[index] ?? null;
      if (before !== this.placeholder && this.placeholder.nextSibling !== before) list.insertBefore(this.placeholder, before);
      return;
    }
  }

  end(): void {
    cancelAnimationFrame(this.frame);
    this.ghost.remove();
    this.placeholder.remove();
  }
}
