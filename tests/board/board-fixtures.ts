// Mounts a real <cwm-board> on a real store (MemoryAdapter) for the board's browser tests, with
// readable hand-built data and helpers that look inside the board's and its cells' shadow roots.
import { fixture, nextFrame } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import { html, unsafeStatic } from 'lit/static-html.js';
import { MemoryAdapter } from '@cwm/adapters';
import { CwmStore, spreadRanks, type Person, type Project, type StoreError, type Task, type Workspace } from '@cwm/core';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { CwmBoard, SINGLE_LANE, type CwmBoardCell } from '@cwm/board';
import { makePerson, makeTask } from '../fixtures/entities.js';
import { project } from './model-fixtures.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-board', CwmBoard);

/** Height of one card slot with the default card height (84 px card + 8 px gap). */
export const ROW = 92;

const WORKSPACE: Workspace = {
  id: 't-board',
  name: 'Board tests',
  calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] },
};

/** Ada manages (she may assign anyone), Grace and Alan are members, Vera only reads. */
export const PEOPLE: readonly Person[] = [
  makePerson('u-1', { name: 'Ada Lovelace', role: 'manager' }),
  makePerson('u-2', { name: 'Grace Hopper' }),
  makePerson('u-3', { name: 'Alan Turing' }),
  makePerson('u-4', { name: 'Vera Viewer', role: 'viewer' }),
];

/**
 * The board's project: To do -> Doing (limit 2, blocking) -> Review -> Done, where To do may only go
 * to Doing. Everyone is a member.
 */
export function boardProject(extra: Partial<Project> = {}): Project {
  return project('p-1', { memberIds: PEOPLE.map((item) => item.id), ...extra });
}

/** A project with the same statuses but no transition rules and no WIP limits. */
export function openProject(): Project {
  const base = boardProject();
  return boardProject({
    workflow: { statuses: base.workflow.statuses.map(({ wipLimit: _limit, ...status }) => status), wipPolicy: 'warn' },
  });
}

/** `count` tasks in one status, ids `${prefix}-1`..., in that order (ranks spread evenly). */
export function column(status: string, count: number, prefix = status, extra: Partial<Task> = {}): Task[] {
  const ranks = spreadRanks(count);
  return ranks.map((rank, index) => makeTask(`${prefix}-${index + 1}`, { status, rank, title: `${prefix} ${index + 1}`, ...extra }));
}

export interface BoardSetup {
  readonly tasks: readonly Task[];
  /** Raw entities for the backend that the store should refuse (malformed data). */
  readonly rawTasks?: readonly unknown[];
  readonly projects?: readonly Project[];
  readonly people?: readonly Person[];
  /** The acting person (default Ada, a manager). */
  readonly userId?: string;
  readonly lanesBy?: 'none' | 'assignee' | 'priority' | 'parent' | 'project';
  readonly theme?: 'light' | 'dark';
  /** The board's tag (a vendor prefix registers `acme-board`). */
  readonly tag?: string;
}

/** A mounted board with everything a test needs to drive it and look at it. */
export interface MountedBoard {
  readonly workspace: CwmWorkspace;
  readonly board: CwmBoard;
  readonly store: CwmStore;
  readonly adapter: MemoryAdapter;
  /** Every `cwm-error` the workspace dispatched. */
  readonly errors: StoreError[];
}

/**
 * Mounts `<cwm-workspace .store><cwm-board project="p-1"></cwm-board></cwm-workspace>` on a fresh
 * MemoryAdapter seeded with `setup`, and waits until the board shows its cards.
 */
export async function mountBoard(setup: BoardSetup): Promise<MountedBoard> {
  // Wide enough for four columns side by side, so every column is on screen for the mouse.
  await setViewport({ width: 1400, height: 900 });
  const adapter = new MemoryAdapter({
    seed: {
      workspace: WORKSPACE,
      people: setup.people ?? PEOPLE,
      projects: setup.projects ?? [boardProject()],
      tasks: [...setup.tasks, ...((setup.rawTasks ?? []) as Task[])],
    },
  });
  const store = new CwmStore({ adapter, workspaceId: WORKSPACE.id, userId: setup.userId ?? 'u-1' });
  const errors: StoreError[] = [];
  const tag = unsafeStatic(setup.tag ?? 'cwm-board');
  // The workspace connects the store itself, after the cwm-error listener is in place.
  const workspace = await fixture<CwmWorkspace>(html`
    <cwm-workspace .store=${store} theme=${setup.theme ?? 'light'} @cwm-error=${(event: CustomEvent<StoreError>) => errors.push(event.detail)}>
      <${tag} project="p-1" lanes-by=${setup.lanesBy ?? 'none'}></${tag}>
    </cwm-workspace>
  `);
  await store.connect();
  const board = workspace.firstElementChild as CwmBoard;
  await settle(board);
  return { workspace, board, store, adapter, errors };
}

/** Waits for the board, its cells (their size is measured by a ResizeObserver) and cards to render. */
export async function settle(board: CwmBoard): Promise<void> {
  await board.renderComplete;
  await nextFrame();
  await nextFrame();
  await board.renderComplete;
}

/** The cell of a column (and lane) inside the board's shadow root. */
export function cellOf(board: CwmBoard, columnKey: string, laneKey: string = SINGLE_LANE): CwmBoardCell {
  const cell = [...board.shadowRoot!.querySelectorAll<CwmBoardCell>('[data-cell]')].find(
    (item) => item.dataset['column'] === columnKey && item.dataset['lane'] === laneKey,
  );
  if (!cell) throw new Error(`No cell for column "${columnKey}" and lane "${laneKey}"`);
  return cell;
}

/** The rendered card elements of a cell, top to bottom. */
export function cardsIn(board: CwmBoard, columnKey: string, laneKey: string = SINGLE_LANE): HTMLElement[] {
  const cell = cellOf(board, columnKey, laneKey);
  return [...cell.shadowRoot!.querySelectorAll<HTMLElement>('[role=listitem][data-task-id]')].sort(
    (a, b) => Number(a.dataset['index']) - Number(b.dataset['index']),
  );
}

/** The task ids a cell renders, top to bottom. */
export function idsIn(board: CwmBoard, columnKey: string, laneKey: string = SINGLE_LANE): string[] {
  return cardsIn(board, columnKey, laneKey).map((card) => card.dataset['taskId']!);
}

/** A rendered card anywhere on the board. */
export function cardOf(board: CwmBoard, id: string): HTMLElement {
  for (const cell of board.shadowRoot!.querySelectorAll<CwmBoardCell>('[data-cell]')) {
    const card = cell.cardOf(id);
    if (card) return card;
  }
  throw new Error(`Card ${id} is not rendered`);
}

/** The task ids of a status in the store, in rank order (what the backend will keep). */
export function storeOrder(store: CwmStore, status: string, projectId = 'p-1'): string[] {
  return store.state.tasks
    .values()
    .filter((item) => item.projectId === projectId && item.status === status)
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1))
    .map((item) => item.id);
}

/** Text of the board's visible notice (role=alert), or '' when there is none. */
export function noticeText(board: CwmBoard): string {
  return board.shadowRoot!.querySelector('[role=alert]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Text of the board's live region (role=status). */
export function liveText(board: CwmBoard): string {
  return board.shadowRoot!.querySelector('[role=status]')?.textContent?.trim() ?? '';
}

/** The centre of an element in viewport coordinates, rounded for the mouse. */
export function centreOf(element: Element): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
}

/** A header's text for a column (name and count), whitespace collapsed. */
export function headerText(board: CwmBoard, columnKey: string): string {
  const header = board.shadowRoot!.querySelector(`[part=header][data-column="${CSS.escape(columnKey)}"]`);
  return header?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** A point inside a cell where a drop lands at slot `index` (0 = above the first card). */
export function slotPoint(board: CwmBoard, columnKey: string, index: number, laneKey: string = SINGLE_LANE): [number, number] {
  const cell = cellOf(board, columnKey, laneKey);
  const box = cell.getBoundingClientRect();
  // Slot boundaries are `index * ROW` below the top of the list (scrolled by scrollOffset).
  return [Math.round(box.left + box.width / 2), Math.round(box.top + index * ROW - cell.scrollOffset + 10)];
}

/**
 * Drags `card` with the real mouse: press at its centre, move in steps (a drag starts after a few
 * pixels and tracks the pointer once per frame), then `finish` (release by default) at `to`.
 */
export async function dragCard(card: Element, to: [number, number], finish: 'up' | 'hold' = 'up', steps = 6): Promise<void> {
  const [x, y] = centreOf(card);
  await sendMouse({ type: 'move', position: [x, y] });
  await sendMouse({ type: 'down' });
  for (let step = 1; step <= steps; step++) {
    const position: [number, number] = [Math.round(x + ((to[0] - x) * step) / steps), Math.round(y + ((to[1] - y) * step) / steps)];
    await sendMouse({ type: 'move', position });
  }
  await nextFrame();
  await nextFrame();
  if (finish === 'up') await sendMouse({ type: 'up' });
}

/** Collects the `detail` of every `type` event dispatched by `target`. */
export function record<T>(target: EventTarget, type: string): T[] {
  const details: T[] = [];
  target.addEventListener(type, (event) => details.push((event as CustomEvent<T>).detail));
  return details;
}

/** The task id of the card that has focus (inside a cell inside the board), if any. */
export function focusedTaskId(board: CwmBoard): string | undefined {
  const cell = board.shadowRoot!.activeElement as CwmBoardCell | null;
  const card = cell?.shadowRoot?.activeElement as HTMLElement | null | undefined;
  return card?.dataset['taskId'];
}

/** What the live region says once the board's announcement (set on the next frame) has rendered. */
export async function announced(board: CwmBoard): Promise<string> {
  await nextFrame();
  await board.updateComplete;
  return liveText(board);
}
