// TimeScale: the axis every part of <cwm-gantt> lays out with. Pure checks of its arithmetic, then the
// one that matters most: it agrees with the bars frappe-gantt itself drew, at every zoom level.
import { expect } from '@open-wc/testing';
import { adoptStyles } from 'lit';
import { FrappeChart, TimeScale, ZOOM_AXES, frappeStyles, type ChartBar } from '@cwm/gantt';
import type { Zoom } from '@cwm/gantt';
import { addDays } from '@cwm/core';

const ZOOMS: readonly Zoom[] = ['day', 'week', 'month', 'quarter', 'year'];

describe('TimeScale', () => {
  it('aligns the axis to whole columns around the range, with padding', () => {
    const range = { start: '2026-03-18', due: '2026-08-04' };
    const day = TimeScale.forRange('day', range);
    expect(day.start).to.equal('2026-03-11');
    expect(day.lastColumnStart).to.equal('2026-08-11');
    expect(day.width).to.equal(day.columnCount * 45);

    const week = TimeScale.forRange('week', range);
    // Monday on or before 2026-03-11 (a Wednesday).
    expect(week.start).to.equal('2026-03-09');
    expect(new Date(`${week.lastColumnStart}T00:00:00Z`).getUTCDay()).to.equal(1);
    expect(week.lastColumnStart >= '2026-08-05').to.equal(true);

    const month = TimeScale.forRange('month', range);
    expect(month.start).to.equal('2026-02-01');
    expect(month.lastColumnStart).to.equal('2026-09-01');
    expect(month.columnCount).to.equal(8);

    const quarter = TimeScale.forRange('quarter', range);
    expect(quarter.start).to.equal('2025-10-01');
    expect(quarter.lastColumnStart).to.equal('2026-10-01');
    expect(quarter.columnCount).to.equal(5);

    const year = TimeScale.forRange('year', { start: '2026-01-01', due: '2026-12-31' });
    expect(year.start).to.equal('2025-01-01');
    expect(year.columnCount).to.equal(3);
    expect(year.columnStart(2)).to.equal('2027-01-01');
  });

  it('places days, bars (due inclusive) and the day under a pixel at day zoom', () => {
    const scale = new TimeScale('day', '2026-03-01', 60);
    expect(scale.xOf('2026-03-01')).to.equal(0);
    expect(scale.xOf('2026-03-11')).to.equal(450);
    expect(scale.xOf('2026-02-28')).to.equal(-45);
    expect(scale.barOf('2026-03-03', '2026-03-03')).to.deep.equal({ x: 90, width: 45 });
    expect(scale.barOf('2026-03-03', '2026-03-07')).to.deep.equal({ x: 90, width: 225 });
    // due before start still draws one day (the element reports the problem; the chart never breaks).
    expect(scale.barOf('2026-03-03', '2026-03-01').width).to.equal(45);
    expect(scale.dateAt(0)).to.equal('2026-03-01');
    expect(scale.dateAt(44.9)).to.equal('2026-03-01');
    expect(scale.dateAt(45)).to.equal('2026-03-02');
    expect(scale.dateAt(-1)).to.equal('2026-02-28');
    expect(scale.pixelsPerDay).to.equal(45);
  });

  it('follows frappe\'s calendar maths at month zoom (the 1st sits 1/31 into its column)', () => {
    const scale = new TimeScale('month', '2026-01-01', 12);
    expect(scale.xOf('2026-02-01')).to.be.closeTo(120 + 120 / 31, 0.6);
    expect(scale.xOf('2026-03-31')).to.equal(360);
    expect(scale.barOf('2026-03-01', '2026-03-30').width).to.equal(120);
  });

  it('dateAt inverts xOf at every zoom, across month and year boundaries and DST changes', () => {
    for (const zoom of ZOOMS) {
      const scale = TimeScale.forRange(zoom, { start: '2025-11-20', due: '2027-02-10' });
      for (let offset = 0; offset < 500; offset += 1) {
        const day = addDays('2025-12-01', offset);
        const x = scale.xOf(day);
        const found = scale.dateAt(x);
        // At year zoom frappe rounds to 1/100 year (1.2 px): several days share one x.
        if (zoom === 'year') expect(scale.xOf(found), `${zoom} ${day}`).to.equal(x);
        else expect(found, `${zoom} ${day}`).to.equal(day);
        expect(scale.dateAt(x + scale.pixelsPerDay / 3) >= day, `${zoom} ${day} later`).to.equal(true);
      }
    }
  });

  it('is monotonic: a later day is never left of an earlier one', () => {
    for (const zoom of ZOOMS) {
      const scale = TimeScale.forRange(zoom, { start: '2026-01-01', due: '2026-12-31' });
      let previous = -Infinity;
      for (let offset = -40; offset < 420; offset += 1) {
        const x = scale.xOf(addDays('2026-01-01', offset));
        expect(x >= previous, `${zoom} day ${offset}`).to.equal(true);
        previous = x;
      }
    }
  });

  it('declares the steps frappe is configured with', () => {
    expect(ZOOM_AXES.quarter).to.deep.include({ unit: 'month', step: 3, nominalDays: 90 });
    expect(TimeScale.forRange('week', { start: '2026-01-05', due: '2026-01-05' }).stepDays).to.equal(7);
  });
});

describe('TimeScale against the bars frappe drew', () => {
  const hosts: HTMLElement[] = [];
  afterEach(() => {
    for (const host of hosts.splice(0)) host.remove();
  });

  /** Starts and lengths that cross month, quarter and year ends, a DST change, leap day, one-day bars. */
  const BARS: ChartBar[] = [
    ['2026-01-01', '2026-01-01'],
    ['2026-01-31', '2026-02-02'],
    ['2026-02-27', '2026-03-02'],
    ['2026-03-28', '2026-04-03'],
    ['2026-06-15', '2026-07-20'],
    ['2026-09-30', '2026-10-01'],
    ['2026-10-24', '2026-11-08'],
    ['2026-12-20', '2027-01-12'],
    ['2027-02-28', '2027-03-01'],
    ['2028-02-28', '2028-03-01'],
  ].map(([start, due], index) => ({ id: `b-${index}`, name: `Bar ${index}`, start: start!, due: due!, progress: 30 }));
  const RANGE = { start: '2026-01-01', due: '2028-03-01' };

  for (const zoom of ZOOMS) {
    it(`agrees with frappe to within 1 px at ${zoom} zoom`, () => {
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'open' });
      adoptStyles(root, [frappeStyles]);
      const wrapper = document.createElement('div');
      root.append(wrapper);
      document.body.append(host);
      hosts.push(host);
      const chart = new FrappeChart(wrapper, { zoom, range: RANGE, callbacks: { onDateChange() {}, onProgressChange() {} } });
      chart.setRowCount(BARS.length);
      chart.setWindow(0, BARS);
      for (const bar of BARS) {
        const rect = chart.barElement(bar.id)!.querySelector('.bar')!;
        const box = chart.scale.barOf(bar.start, bar.due);
        expect(Number(rect.getAttribute('x')), `${zoom} ${bar.start} x`).to.be.closeTo(box.x, 1);
        expect(Number(rect.getAttribute('width')), `${zoom} ${bar.start} width`).to.be.closeTo(box.width, 1);
      }
      // The axis frappe drew is the scale's: same column count and width.
      expect(root.querySelectorAll('.lower-text').length).to.equal(chart.scale.columnCount);
      expect(chart.header!.style.width).to.equal(`${chart.scale.width}px`);
      chart.destroy();
    });
  }
});
