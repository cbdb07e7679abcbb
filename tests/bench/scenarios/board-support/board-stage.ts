/**
 * Mounting `<cwm-board>` for a benchmark: a `<cwm-workspace>` around an already connected store, in a
 * fixed 1600 x 900 px box at the page's top left (the size the targets assume), and a fresh
 * board appended to it per run.
 */
import { CwmBoard } from '@cwm/board';
import { CwmStore, type Id } from '@cwm/core';
import type { GeneratedWorkspace } from '@cwm/core/testing';
import { MemoryAdapter } from '@cwm/adapters';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { nextMacrotask } from '../../harness/next-macrotask.js';
import type { BoardData } from './board-data.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-board', CwmBoard);

/** Size of the box a board (or the plain-DOM floor) is shown in. */
export const STAGE = { width: 1600, height: 900 } as const;

/** A fixed box at the top left of the page, above everything else in it. */
export function createStageBox(): HTMLDivElement {
  document.body.style.margin = '0';
  const box = document.createElement('div');
  Object.assign(box.style, {
    position: 'absolute',
    insetBlockStart: '0',
    insetInlineStart: '0',
    inlineSize: `${STAGE.width}px`,
    blockSize: `${STAGE.height}px`,
    background: 'white',
    zIndex: '1',
  });
  document.body.append(box);
  return box;
}

/** Resolves after the next frame has been rendered: a rAF, then a task queued from it (runs after that frame's paint). */
export async function nextPaint(): Promise<void> {
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  await nextMacrotask();
}

/**
 * Runs `work` at the very start of a frame (in a rAF callback) and resolves with the milliseconds until
 * that frame has been rendered. Starting at the frame's start keeps the wait for the next vsync
 * (0 to 16.7 ms, nothing the board does) out of the number: what remains is the work itself, its
 * microtasks (lit updates), style, layout and paint.
 */
export function timeToPaint(work: () => void): Promise<number> {
  return new Promise((resolve, reject) => {
    requestAnimationFrame(() => {
      const start = performance.now();
      try {
        work();
      } catch (error) {
        reject(error);
        return;
      }
      // Queued during the frame's rendering task, so it runs once style, layout and paint are done.
      nextMacrotask().then(() => resolve(performance.now() - start), reject);
    });
  });
}

/** Every element in a shadow tree, counting the elements of nested shadow roots too. */
export function countElements(root: ParentNode): number {
  let count = 0;
  for (const element of root.querySelectorAll('*')) {
    count++;
    if (element.shadowRoot) count += countElements(element.shadowRoot);
  }
  return count;
}

/** The stage box measured goes on top of the other stage boxes, so it is what is painted. */
export function bringToFront(box: HTMLElement): void {
  for (const other of document.body.children) if (other instanceof HTMLElement && other !== box) other.style.zIndex = '1';
  box.style.zIndex = '2';
}

/** Resolves once a lit element has no update pending (widgets re-render once their data arrives). */
export async function elementSettled(element: { readonly updateComplete: Promise<boolean> }): Promise<void> {
  for (let round = 0; round < 10; round++) if (await element.updateComplete) return;
  throw new Error('the element kept scheduling updates');
}

/** A connected store on a memory backend, provided by a `<cwm-workspace>` in a stage box. */
export interface WorkspaceStageParts {
  readonly adapter: MemoryAdapter;
  readonly store: CwmStore;
  readonly box: HTMLDivElement;
  readonly workspace: CwmWorkspace;
}

/**
 * Seeds a memory backend with `data`, connects a store acting as `userId`, checks it loaded every task,
 * and provides it through a workspace in a new stage box: what every widget stage starts from.
 */
export async function openWorkspaceStage(data: GeneratedWorkspace, userId: Id): Promise<WorkspaceStageParts> {
  const adapter = new MemoryAdapter({ seed: data });
  const store = new CwmStore({ adapter, workspaceId: data.workspace.id, userId });
  await store.connect();
  if (store.state.sync.phase !== 'ready') throw new Error(`the store did not connect (phase ${store.state.sync.phase})`);
  if (store.state.tasks.size !== data.tasks.length) throw new Error(`the store loaded ${store.state.tasks.size} of ${data.tasks.length} tasks`);
  const box = createStageBox();
  const workspace = document.createElement('cwm-workspace') as CwmWorkspace;
  workspace.store = store;
  box.append(workspace);
  await workspace.updateComplete;
  if (workspace.activeStore !== store) throw new Error('the workspace does not provide the store');
  return { adapter, store, box, workspace };
}

/** A connected store on a memory adapter, inside a workspace, in a stage box: boards come and go. */
export class BoardStage {
  private constructor(
    readonly board: BoardData,
    readonly adapter: MemoryAdapter,
    readonly store: CwmStore,
    readonly box: HTMLDivElement,
    readonly workspace: CwmWorkspace,
  ) {}

  /** Seeds a memory backend with `board.data`, connects a store as `board.me` and provides it through a workspace. */
  static async open(board: BoardData): Promise<BoardStage> {
    const { adapter, store, box, workspace } = await openWorkspaceStage(board.data, board.me.id);
    return new BoardStage(board, adapter, store, box, workspace);
  }

  /** A new `<cwm-board>` of the project, not yet attached (appending it is what the render scenario times). */
  createBoard(): CwmBoard {
    const element = document.createElement('cwm-board') as CwmBoard;
    element.setAttribute('project', this.board.project.id);
    element.style.setProperty('--cwm-board-height', `${STAGE.height}px`);
    return element;
  }

  /** Appends a board, waits until it and its visible cards have rendered and painted, and checks it shows every card. */
  async mount(): Promise<CwmBoard> {
    const element = this.createBoard();
    this.workspace.append(element);
    await element.renderComplete;
    await nextPaint();
    await element.renderComplete;
    this.check(element);
    return element;
  }

  /** Throws unless the board shows 8 columns with every task of the project and has cards in view. */
  check(element: CwmBoard): void {
    const root = element.shadowRoot;
    const cells = [...(root?.querySelectorAll<HTMLElement & { ids: readonly string[] }>('[data-cell]') ?? [])];
    const shown = cells.reduce((sum, cell) => sum + cell.ids.length, 0);
    if (cells.length !== 8 || shown !== this.board.data.tasks.length) {
      throw new Error(`the board shows ${cells.length} cells with ${shown} cards, want 8 cells with ${this.board.data.tasks.length}`);
    }
    const cards = cells.reduce((sum, cell) => sum + (cell.shadowRoot?.querySelectorAll('[data-task-id]').length ?? 0), 0);
    if (cards === 0) throw new Error('the board rendered no card');
  }

  /** The rendered card element of a task (inside its cell's shadow root), if it is in view. */
  cardElement(element: CwmBoard, taskId: string): HTMLElement | undefined {
    for (const cell of element.shadowRoot?.querySelectorAll('[data-cell]') ?? []) {
      const card = cell.shadowRoot?.querySelector<HTMLElement>(`[data-task-id="${CSS.escape(taskId)}"]`);
      if (card) return card;
    }
    return undefined;
  }

  /** The cell element of a column. */
  cellElement(element: CwmBoard, columnKey: string): (HTMLElement & { ids: readonly string[] }) | undefined {
    return element.shadowRoot?.querySelector<HTMLElement & { ids: readonly string[] }>(`[data-cell][data-column="${CSS.escape(columnKey)}"]`) ?? undefined;
  }

  /** Removes the board and everything this stage made. */
  close(): void {
    this.box.remove();
    this.store.dispose();
    this.adapter.close();
  }
}

/** Dispatches a keydown as a keyboard would on a focused card (it crosses the shadow roots up to the board). Returns whether the board handled it. */
export function pressKey(target: EventTarget, key: string): boolean {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Waits (outside any timed part) until the store has no write waiting for the backend's answer. */
export async function settled(store: CwmStore, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (store.state.pendingIds.size > 0) {
    if (performance.now() > deadline) throw new Error(`the store still waits for ${store.state.pendingIds.size} write(s) after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** One frame of a driven animation: when it began (the rAF timestamp) and how long until it was painted. */
export interface DrivenFrame {
  readonly begin: number;
  readonly work: number;
}

/**
 * Calls `step(frame)` in `count` consecutive animation frames, as pointer input arrives once per
 * frame, and reports each frame's begin time and the time from its begin until it was painted (a task
 * queued from the frame runs once its style, layout and paint are done).
 */
export function driveFrames(count: number, step: (frame: number) => void): Promise<DrivenFrame[]> {
  return new Promise((resolve, reject) => {
    const frames: DrivenFrame[] = [];
    let next = 0;
    const tick = (begin: number): void => {
      const frame = next++;
      try {
        step(frame);
      } catch (error) {
        reject(error);
        return;
      }
      nextMacrotask().then(() => {
        frames[frame] = { begin, work: performance.now() - begin };
        if (frame === count - 1) resolve(frames);
      }, reject);
      if (frame + 1 < count) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Lets `frames` frames go by: after a forced GC, V8's sweeper threads stay busy for a while on the two cores. */
export async function idleFrames(frames: number): Promise<void> {
  for (let frame = 0; frame < frames; frame++) await nextPaint();
}
