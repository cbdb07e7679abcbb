import { expect } from '@open-wc/testing';
import { ROW_HEIGHT } from '@cwm/gantt';
import {
  buildGanttRows,
  keyboardReschedule,
  needsNewWindow,
  stepDays,
  visibleWindow,
  windowStep,
  type GanttRow,
} from '@cwm/gantt';
import { makeTask } from '../fixtures/entities.js';

function rowOf(overrides: Parameters<typeof makeTask>[1]): GanttRow {
  return buildGanttRows({ tasks: [makeTask('t', overrides)], collapsed: new Set() }).rows[0]!;
}

describe('keyboardReschedule', () => {
  const task = rowOf({ start: '2026-03-02', due: '2026-03-04' });

  it('moves both dates for earlier/later, keeping the duration', () => {
    expect(keyboardReschedule(task, 'earlier', 1)).to.deep.equal({ start: '2026-03-01', due: '2026-03-03' });
    expect(keyboardReschedule(task, 'later', 7)).to.deep.equal({ start: '2026-03-09', due: '2026-03-11' });
  });

  it('changes only the due date for shorter/longer, never before the start', () => {
    expect(keyboardReschedule(task, 'longer', 1)).to.deep.equal({ start: '2026-03-02', due: '2026-03-05' });
    expect(keyboardReschedule(task, 'shorter', 1)).to.deep.equal({ start: '2026-03-02', due: '2026-03-03' });
    expect(keyboardReschedule(task, 'shorter', 30)).to.deep.equal({ start: '2026-03-02', due: '2026-03-02' });
  });

  it('only moves milestones', () => {
    const milestone = rowOf({ milestone: true, due: '2026-03-06' });
    expect(keyboardReschedule(milestone, 'later', 7)).to.deep.equal({ start: '2026-03-13', due: '2026-03-13' });
    expect(keyboardReschedule(milestone, 'longer', 7)).to.deep.equal({ start: '2026-03-06', due: '2026-03-06' });
    expect(keyboardReschedule(milestone, 'shorter', 7)).to.deep.equal({ start: '2026-03-06', due: '2026-03-06' });
  });

  it('throws for rows without dates', () => {
    expect(() => keyboardReschedule(rowOf({ start: '2026-03-02' }), 'later', 1)).to.throw(RangeError);
  });

  it('steps one day, or one zoom unit with big', () => {
    expect(stepDays('month', false)).to.equal(1);
    expect((['day', 'week', 'month', 'quarter', 'year'] as const).map((zoom) => stepDays(zoom, true))).to.deep.equal([7, 7, 30, 91, 365]);
  });
});

describe('visibleWindow', () => {
  it('uses an even step of at least 2', () => {
    expect([0, 1, 2, 3, 4, 12].map(windowStep)).to.deep.equal([2, 2, 2, 4, 4, 12]);
  });

  it('covers the rows in view plus overscan, from a step-aligned first row', () => {
    // 360 px = 10 rows; + 1 cut row; + 2 * 4 overscan; + step 4 = 23.
    expect(visibleWindow(0, 360, 1000, 4)).to.deep.equal({ first: 0, count: 23, rowCount: 1000 });
    expect(visibleWindow(10 * ROW_HEIGHT, 360, 1000, 4)).to.deep.equal({ first: 4, count: 23, rowCount: 1000 });
    expect(visibleWindow(0, 360, 5, 4)).to.deep.equal({ first: 0, count: 5, rowCount: 5 });
    expect(visibleWindow(0, 360, 0, 4)).to.deep.equal({ first: 0, count: 0, rowCount: 0 });
    expect(visibleWindow(-50, 360, 1000, 4).first).to.equal(0);
  });

  it('keeps its count, covers the view and keeps parity at every scroll position', () => {
    const rowCount = 1003;
    const viewport = 500;
    const overscan = 5;
    const step = windowStep(overscan);
    const full = Math.ceil(viewport / ROW_HEIGHT) + 1 + 2 * overscan + step;
    const maxScroll = rowCount * ROW_HEIGHT - viewport;
    const counts = new Set<number>();
    for (let top = 0; top <= maxScroll; top += 7) {
      const { first, count } = visibleWindow(top, viewport, rowCount, overscan);
      const topRow = Math.floor(top / ROW_HEIGHT);
      const bottomRow = Math.min(rowCount - 1, Math.floor((top + viewport - 1) / ROW_HEIGHT));
      expect(first % step, `parity at ${top}`).to.equal(0);
      expect(first, `top at ${top}`).to.be.at.most(Math.max(0, topRow - overscan));
      expect(first + count - 1, `bottom at ${top}`).to.be.at.least(Math.min(rowCount - 1, bottomRow + overscan));
      expect(first + count).to.be.at.most(rowCount);
      if (first + full <= rowCount) counts.add(count);
      else expect(count).to.be.above(full - step);
    }
    expect([...counts]).to.deep.equal([full]);
  });

  it('holds still while scrolling within one step', () => {
    const at = (rows: number) => visibleWindow(rows * ROW_HEIGHT, 360, 1000, 4).first;
    expect([at(20), at(20.5), at(21), at(23.9)]).to.deep.equal([16, 16, 16, 16]);
    expect(at(24)).to.equal(20);
  });
});

describe('needsNewWindow', () => {
  it('is false right after computing the window, true near or past its edges', () => {
    const window = visibleWindow(100 * ROW_HEIGHT, 360, 1000, 4);
    expect(needsNewWindow(window, 100 * ROW_HEIGHT, 360)).to.equal(false);
    expect(needsNewWindow(window, (window.first + 3) * ROW_HEIGHT, 360)).to.equal(false);
    expect(needsNewWindow(window, window.first * ROW_HEIGHT, 360)).to.equal(true);
    const bottomEdge = window.first + window.count;
    expect(needsNewWindow(window, (bottomEdge - 10) * ROW_HEIGHT, 360)).to.equal(true);
    expect(needsNewWindow(window, 500 * ROW_HEIGHT, 360)).to.equal(true);
  });

  it('ignores the ends of the rows themselves', () => {
    const top = visibleWindow(0, 360, 1000, 4);
    expect(needsNewWindow(top, 0, 360)).to.equal(false);
    const end = visibleWindow(990 * ROW_HEIGHT, 360, 1000, 4);
    expect(end.first + end.count).to.equal(1000);
    expect(needsNewWindow(end, 990 * ROW_HEIGHT, 360)).to.equal(false);
    // Without a known row count the bottom edge always counts.
    expect(needsNewWindow({ first: end.first, count: end.count }, 990 * ROW_HEIGHT, 360)).to.equal(true);
  });
});
