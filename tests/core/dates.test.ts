import { expect } from '@open-wc/testing';
import {
  addDays,
  addWorkingDays,
  calendarIndex,
  daysBetween,
  DEFAULT_CALENDAR,
  formatIsoDate,
  isoWeekKey,
  isWorkingDay,
  parseIsoDate,
  parseIsoDateTime,
  todayIso,
  weekStart,
  type WorkCalendar,
  workingDaysBetween,
} from '@cwm/core';

const MS_PER_DAY = 86_400_000;

const CHRISTMAS: WorkCalendar = {
  workingDays: [1, 2, 3, 4, 5],
  hoursPerDay: 8,
  // Thursday, Friday, and a Saturday that changes nothing.
  holidays: ['2026-12-24', '2026-12-25', '2026-12-26'],
};

describe('dates: parsing and formatting', () => {
  it('agrees with Date.UTC on every day from 1899 to 2101', () => {
    const first = Date.UTC(1899, 0, 1) / MS_PER_DAY;
    const last = Date.UTC(2101, 11, 31) / MS_PER_DAY;
    for (let day = first; day <= last; day++) {
      const iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
      if (parseIsoDate(iso) !== day || formatIsoDate(day) !== iso) {
        expect.fail(`day ${day}: parse(${iso}) = ${parseIsoDate(iso)}, format = ${formatIsoDate(day)}`);
      }
    }
    expect(parseIsoDate('1970-01-01')).to.equal(0);
  });

  it('rejects anything that is not a real YYYY-MM-DD day', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2023-02-29', '1900-02-29', 'tomorrow',
      '2026-2-03', '2026-02-03T00:00:00Z', ' 2026-02-03', '', 20260203, null, undefined]) {
      expect(parseIsoDate(bad), String(bad)).to.equal(undefined);
    }
    expect(parseIsoDate('2024-02-29')).to.be.a('number');
    expect(parseIsoDate('2000-02-29')).to.be.a('number');
  });

  it('adds and subtracts days across month, leap day and year ends', () => {
    expect(addDays('2026-02-28', 1)).to.equal('2026-03-01');
    expect(addDays('2024-02-28', 1)).to.equal('2024-02-29');
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    expect(addDays('2026-03-29', 0)).to.equal('2026-03-29');
  });

  it('counts days between dates, negative backwards, unaffected by daylight saving', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).to.equal(364);
    expect(daysBetween('2026-03-10', '2026-03-01')).to.equal(-9);
    expect(daysBetween('2026-03-28', '2026-03-30')).to.equal(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).to.equal(2);
  });

  it('throws a RangeError naming a bad date in arithmetic helpers', () => {
    expect(() => addDays('2026-02-30', 1)).to.throw(RangeError, '2026-02-30');
  });

  it("gives today's date on the user's wall calendar", () => {
    expect(todayIso(new Date(2026, 10, 25, 23, 59))).to.equal('2026-11-25');
    expect(todayIso(new Date(2026, 0, 1, 0, 0))).to.equal('2026-01-01');
  });
});

describe('dates: ISO weeks', () => {
  it('starts weeks on Monday', () => {
    expect(weekStart('2026-11-25')).to.equal('2026-11-23');
    expect(weekStart('2026-11-23')).to.equal('2026-11-23');
    expect(weekStart('2026-11-29')).to.equal('2026-11-23');
    expect(weekStart('2027-01-01')).to.equal('2026-12-28');
  });

  it('names weeks by ISO week-year', () => {
    expect(isoWeekKey('2026-11-25')).to.equal('2026-W48');
    expect(isoWeekKey('2026-01-01')).to.equal('2026-W01');
    expect(isoWeekKey('2025-12-29')).to.equal('2026-W01');
    expect(isoWeekKey('2027-01-01')).to.equal('2026-W53');
    expect(isoWeekKey('2024-12-30')).to.equal('2025-W01');
    expect(isoWeekKey('2021-01-03')).to.equal('2020-W53');
    expect(isoWeekKey('2026-03-02')).to.equal('2026-W10');
  });
});

describe('dates: timestamps', () => {
  it('parses ISO 8601 timestamps with a zone', () => {
    const expected = Date.UTC(2026, 10, 25, 9, 30);
    expect(parseIsoDateTime('2026-11-25T09:30:00.000Z')).to.equal(expected);
    expect(parseIsoDateTime('2026-11-25T09:30Z')).to.equal(expected);
    expect(parseIsoDateTime('2026-11-25T10:30:00+01:00')).to.equal(expected);
    expect(parseIsoDateTime('2026-11-25T04:00:00.000-05:30')).to.equal(expected);
  });

  it('refuses timestamps without a zone or with impossible parts', () => {
    for (const bad of ['2026-11-25T09:30:00', '2026-11-25', '2026-11-25T24:00Z', '2026-02-30T10:00Z', '2026-11-25T09:60Z',
      'yesterday', 1_700_000_000_000]) {
      expect(parseIsoDateTime(bad), String(bad)).to.equal(undefined);
    }
  });
});

describe('dates: work calendars', () => {
  it('knows weekends and holidays', () => {
    expect(isWorkingDay('2026-11-27', DEFAULT_CALENDAR)).to.equal(true);
    expect(isWorkingDay('2026-11-28', DEFAULT_CALENDAR)).to.equal(false);
    expect(isWorkingDay('2026-11-29', DEFAULT_CALENDAR)).to.equal(false);
    expect(isWorkingDay('2026-12-25', CHRISTMAS)).to.equal(false);
    expect(isWorkingDay('2026-12-23', CHRISTMAS)).to.equal(true);
  });

  it('counts working days inclusively', () => {
    expect(workingDaysBetween('2026-11-23', '2026-11-29', DEFAULT_CALENDAR)).to.equal(5);
    expect(workingDaysBetween('2026-11-27', '2026-11-30', DEFAULT_CALENDAR)).to.equal(2);
    expect(workingDaysBetween('2026-11-28', '2026-11-28', DEFAULT_CALENDAR)).to.equal(0);
    expect(workingDaysBetween('2026-11-27', '2026-11-27', DEFAULT_CALENDAR)).to.equal(1);
    expect(workingDaysBetween('2026-11-30', '2026-11-27', DEFAULT_CALENDAR)).to.equal(0);
    expect(workingDaysBetween('2026-12-21', '2026-12-31', CHRISTMAS)).to.equal(7);
    expect(workingDaysBetween('2026-01-01', '2026-12-31', DEFAULT_CALENDAR)).to.equal(261);
  });

  it('adds working days, skipping weekends and holidays', () => {
    expect(addWorkingDays('2026-11-27', 1, DEFAULT_CALENDAR)).to.equal('2026-11-30');
    expect(addWorkingDays('2026-11-28', 1, DEFAULT_CALENDAR)).to.equal('2026-11-30');
    expect(addWorkingDays('2026-11-23', 5, DEFAULT_CALENDAR)).to.equal('2026-11-30');
    expect(addWorkingDays('2026-12-23', 1, CHRISTMAS)).to.equal('2026-12-28');
    expect(addWorkingDays('2026-11-30', -1, DEFAULT_CALENDAR)).to.equal('2026-11-27');
    expect(addWorkingDays('2026-11-29', -1, DEFAULT_CALENDAR)).to.equal('2026-11-27');
    expect(addWorkingDays('2026-12-28', -2, CHRISTMAS)).to.equal('2026-12-22');
    expect(addWorkingDays('2026-11-29', 0, DEFAULT_CALENDAR)).to.equal('2026-11-29');
  });

  it('matches a day-by-day count on an unusual calendar', () => {
    const odd: WorkCalendar = {
      workingDays: [1, 2, 3, 4, 6, 6, 9],
      hoursPerDay: 6,
      holidays: ['2026-01-01', '2026-01-03', '2026-01-04', '2026-02-14', '2026-05-01', 'not a date'],
    };
    const working = (day: number): boolean => {
      const date = new Date(day * MS_PER_DAY);
      return [1, 2, 3, 4, 6].includes(date.getUTCDay()) && !odd.holidays.includes(date.toISOString().slice(0, 10));
    };
    const index = calendarIndex(odd);
    const base = parseIsoDate('2025-12-20')!;
    for (let from = base; from < base + 60; from += 3) {
      let count = 0;
      for (let to = from; to < from + 150; to++) {
        if (working(to)) count++;
        if (index.countBetween(from, to) !== count) expect.fail(`count ${formatIsoDate(from)}..${formatIsoDate(to)}`);
      }
      // The n-th working day after `from`, found by walking.
      let day = from;
      for (let n = 1; n <= 40; n++) {
        do day++;
        while (!working(day));
        expect(addWorkingDays(formatIsoDate(from), n, odd)).to.equal(formatIsoDate(day));
      }
      day = from;
      for (let n = 1; n <= 40; n++) {
        do day--;
        while (!working(day));
        expect(addWorkingDays(formatIsoDate(from), -n, odd)).to.equal(formatIsoDate(day));
      }
    }
  });

  it('refuses to add working days on a calendar without any', () => {
    const never: WorkCalendar = { workingDays: [], hoursPerDay: 8, holidays: [] };
    expect(workingDaysBetween('2026-01-01', '2026-12-31', never)).to.equal(0);
    expect(() => addWorkingDays('2026-01-01', 1, never)).to.throw(RangeError);
  });
});
