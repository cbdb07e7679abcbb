/**
 * Issue target: a keyboard move to paint <= 16 ms at 10,000 cards. A card is focused and lifted
 * with Space; one ArrowRight (a keydown dispatched on the focused card, as the keyboard would) moves
 * the drop line into the next column, timed from the key press at the start of a frame until that
 * frame is painted. Space then drops it (the store write, the card moving columns, focus following
 * it), timed the same way. Floor in the same run: the same steps on a plain-DOM board of the same
 * 10,000 cards (a placeholder element moved into the next column; then the card element itself).
 */
import { buildPlainBoard, movePlainCard } from '../baselines/plain-dom-board.js';
import type { BenchContext } from '../harness/types.js';
import { BOARD_STATUSES, boardData } from './board-support/board-data.js';
import { BoardStage, createStageBox, nextPaint, pressKey, settled, timeToPaint } from './board-support/board-stage.js';
import { plainColumns } from './board-support/plain-columns.js';

export const description =
  'keyboard move of a lifted card on a 10,000-card <cwm-board>: ArrowRight (drop line into the next column) and Space (drop) to paint; floor: the same on a plain-DOM board';

const RUNS = { runs: 30, warmup: 5 } as const;
const FLOOR_RUNS = { runs: 12, warmup: 2 } as const;
const BACKEND_LATENCY_MS = 30;
/** Cards go from column `run mod 7` to the next one, so every run has a column to its right. */
const SOURCE_COLUMNS = BOARD_STATUSES.length - 1;

export async function run(context: BenchContext): Promise<void> {
  const board = boardData(10_000);
  const stage = await BoardStage.open(board);
  // A backend that answers after a network's delay, as a real one does: the drop's frame shows the
  // optimistic move; the confirmation arrives in a later frame (a remote change's cost, measured in
  // board-remote-change). With no latency at all the memory adapter would answer within the same frame.
  stage.adapter.latencyMs = BACKEND_LATENCY_MS;
  const lifts: number[] = [];
  const arrows: number[] = [];
  const drops: number[] = [];
  try {
    const element = await stage.mount();
    // One collection before, none between runs (see board-remote-change).
    context.collectGarbage();
    await context.sample(RUNS, async (run) => {
      const from = BOARD_STATUSES[run % SOURCE_COLUMNS]!.id;
      const to = BOARD_STATUSES[(run % SOURCE_COLUMNS) + 1]!.id;
      const id = stage.cellElement(element, from)?.ids[0];
      if (id === undefined) throw new Error(`run ${run}: column ${from} is empty`);
      await element.focusTask(id);
      const card = stage.cardElement(element, id);
      const root = card?.getRootNode();
      if (!card || !(root instanceof ShadowRoot) || root.activeElement !== card) {
        throw new Error(`run ${run}: the card of ${id} did not get focus`);
      }
      await nextPaint();

      const lift = await timeToPaint(() => {
        if (!pressKey(card, ' ')) throw new Error(`run ${run}: Space did not lift the card`);
      });
      if (!card.hasAttribute('lifted')) throw new Error(`run ${run}: the painted card is not marked lifted`);

      const arrow = await timeToPaint(() => {
        if (!pressKey(card, 'ArrowRight')) throw new Error(`run ${run}: ArrowRight was not handled`);
      });
      const target = stage.cellElement(element, to);
      if (target?.getAttribute('drop-index') !== '0') throw new Error(`run ${run}: no drop line at the top of ${to} (drop-index ${target?.getAttribute('drop-index')})`);

      const drop = await timeToPaint(() => {
        if (!pressKey(card, ' ')) throw new Error(`run ${run}: Space did not drop the card`);
      });
      const moved = stage.cardElement(element, id);
      if (stage.store.state.tasks.get(id)?.status !== to || target.ids[0] !== id || !moved || !target.shadowRoot?.contains(moved)) {
        throw new Error(`run ${run}: the painted frame does not show ${id} at the top of ${to}`);
      }
      await settled(stage.store);
      if (stage.store.state.tasks.get(id)?.status !== to) throw new Error(`run ${run}: the backend did not keep the move`);
      lifts.push(lift);
      arrows.push(arrow);
      drops.push(drop);
      return arrow;
    });
    element.remove();
  } finally {
    stage.close();
  }
  const measured = (values: number[]): number[] => values.slice(RUNS.warmup);

  // The floor: a placeholder element moved to the top of the next column, then the card itself.
  const box = createStageBox();
  const plain = buildPlainBoard(plainColumns(board));
  box.append(plain.root);
  const placeholder = document.createElement('div');
  placeholder.className = 'pd-card';
  placeholder.style.borderStyle = 'dashed';
  await nextPaint();
  const floorArrows: number[] = [];
  const floorDrops: number[] = [];
  try {
    context.collectGarbage();
    await context.sample(FLOOR_RUNS, async (run) => {
      const column = (run % SOURCE_COLUMNS) + 1;
      const id = plain.lists[column - 1]?.firstElementChild?.getAttribute('data-id');
      if (!id) throw new Error(`run ${run}: empty plain column`);
      await nextPaint();
      const arrow = await timeToPaint(() => plain.lists[column]!.prepend(placeholder));
      const drop = await timeToPaint(() => {
        placeholder.remove();
        movePlainCard(plain, id, column, 0);
      });
      if (plain.lists[column]!.firstElementChild !== plain.cards.get(id)) throw new Error(`run ${run}: the plain card did not move`);
      floorArrows.push(arrow);
      floorDrops.push(drop);
      return arrow;
    });
  } finally {
    box.remove();
  }
  const floor = (values: number[]): number[] => values.slice(FLOOR_RUNS.warmup);

  context.record({
    name: 'ArrowRight (lifted) -> painted',
    unit: 'ms',
    samples: measured(arrows),
    target: { stat: 'p95', max: 16 },
    baseline: 'plain DOM: placeholder to next column',
    note: 'keydown dispatched on the focused card at the start of a frame; the target cell shows the drop line in the painted frame',
  });
  context.record({
    name: 'Space drop -> painted',
    unit: 'ms',
    samples: measured(drops),
    target: { stat: 'p95', max: 16 },
    baseline: 'plain DOM: card to next column',
    note: `the store write (optimistic), the card in its new column and focus following it, in the painted frame; the backend answers ${BACKEND_LATENCY_MS} ms later, outside the frame`,
  });
  context.record({ name: 'Space lift -> painted', unit: 'ms', samples: measured(lifts) });
  context.record({ name: 'plain DOM: placeholder to next column', unit: 'ms', samples: floor(floorArrows), isBaseline: true });
  context.record({ name: 'plain DOM: card to next column', unit: 'ms', samples: floor(floorDrops), isBaseline: true });
}
