/**
 * Issue target: `<cwm-board>` with 10,000 cards over 8 columns renders to paint in <= 150 ms, and its
 * DOM stays the same size whatever the card count (1,000 vs 10,000). Floor in the same run: a plain-DOM
 * board of the same 10,000 cards (createElement + textContent, appended at once).
 */
import type { CwmBoard } from '@cwm/board';
import { buildPlainBoard } from '../baselines/plain-dom-board.js';
import type { BenchContext } from '../harness/types.js';
import { boardData } from './board-support/board-data.js';
import { bringToFront, BoardStage, countElements, createStageBox, idleFrames, nextPaint } from './board-support/board-stage.js';
import { plainColumns } from './board-support/plain-columns.js';

export const description =
  '<cwm-board> on a connected store, from appending it to the first paint after renderComplete, at 10,000 and 1,000 cards over 8 columns; floor: a plain-DOM board of the same 10,000 cards';

const RUNS = { runs: 12, warmup: 2 } as const;
/** The floor takes over a second a run: fewer runs keep the scenario to seconds. */
const FLOOR_RUNS = { runs: 3, warmup: 1 } as const;


export async function run(context: BenchContext): Promise<void> {
  const large = await context.time(() => boardData(10_000));
  const small = boardData(1_000);
  context.record({ name: 'generate 10k workspace', unit: 'ms', samples: [large.ms], note: 'generateWorkspace({ tasks: 10000, projects: 1, people: 50 }), 8 statuses, 1,250 tasks each' });
  const stages = { large: await BoardStage.open(large.value), small: await BoardStage.open(small) };
  const plainBox = createStageBox();
  const columns = plainColumns(large.value);
  const nodes = { large: new Set<number>(), small: new Set<number>(), plain: new Set<number>() };

  try {
    const renderBoard = async (stage: BoardStage, counts: Set<number>): Promise<number> => {
      bringToFront(stage.box);
      context.collectGarbage();
      await idleFrames(4);
      const element: CwmBoard = stage.createBoard();
      const start = performance.now();
      stage.workspace.append(element);
      await element.renderComplete;
      await nextPaint();
      const ms = performance.now() - start;
      stage.check(element);
      counts.add(countElements(element.shadowRoot!));
      element.remove();
      return ms;
    };
    const renderPlain = async (): Promise<number> => {
      bringToFront(plainBox);
      context.collectGarbage();
      await idleFrames(4);
      const start = performance.now();
      const plain = buildPlainBoard(columns);
      plainBox.append(plain.root);
      await nextPaint();
      const ms = performance.now() - start;
      if (plain.cards.size !== 10_000) throw new Error(`the plain board has ${plain.cards.size} cards`);
      nodes.plain.add(countElements(plain.root));
      plain.root.remove();
      return ms;
    };
    const samples = await context.sampleEach(RUNS, {
      board10k: () => renderBoard(stages.large, nodes.large),
      board1k: () => renderBoard(stages.small, nodes.small),
    });
    const floor = await context.sample(FLOOR_RUNS, renderPlain);

    const list = (counts: Set<number>): string => [...counts].join('/');
    context.record({
      name: 'render 10,000 cards to paint',
      unit: 'ms',
      samples: samples.board10k,
      target: { stat: 'median', max: 150 },
      baseline: 'plain DOM, 10,000 cards',
      note: `${list(nodes.large)} elements in the board's shadow tree (nested shadow roots included) at 10,000 cards`,
    });
    context.record({
      name: 'render 1,000 cards to paint',
      unit: 'ms',
      samples: samples.board1k,
      note: `${list(nodes.small)} elements at 1,000 cards: the DOM does not grow with the card count`,
    });
    context.record({
      name: 'plain DOM, 10,000 cards',
      unit: 'ms',
      samples: floor,
      isBaseline: true,
      note: `${list(nodes.plain)} elements: every card in the DOM`,
    });
  } finally {
    stages.large.close();
    stages.small.close();
    plainBox.remove();
  }
}
