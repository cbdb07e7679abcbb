import { expect } from '@open-wc/testing';
import { parseIsoDate, formatIsoDate } from '@cwm/core';
import {
  addTag,
  chipKeyAction,
  datePattern,
  dayKind,
  filterPeople,
  firstDayOfWeek,
  formatDateText,
  leavesInputForChips,
  matchingSuggestions,
  monthWeeks,
  moveActiveOption,
  moveFocusedDay,
  parseDateText,
  parseIds,
  parseTags,
} from '@cwm/ui';

const day = (iso: string) => parseIsoDate(iso)!;
const iso = formatIsoDate;

describe('form control models', () => {
  describe('date text', () => {
    it('knows the order of the short date per language', () => {
      expect(datePattern('en-US')).to.deep.equal({ order: ['month', 'day', 'year'], separator: '/' });
      expect(datePattern('de')).to.deep.equal({ order: ['day', 'month', 'year'], separator: '.' });
      expect(datePattern('en-GB').order).to.deep.equal(['day', 'month', 'year']);
      expect(datePattern('not a language!').order).to.deep.equal(['month', 'day', 'year']);
    });

    it('formats and parses both ways', () => {
      expect(formatDateText('2026-03-07', 'de')).to.equal('07.03.2026');
      expect(formatDateText('2026-03-07', 'en')).to.equal('03/07/2026');
      expect(formatDateText('', 'en')).to.equal('');
      expect(parseDateText('07.03.2026', 'de')).to.deep.include({ kind: 'date', value: '2026-03-07' });
      expect(parseDateText('7.3.26', 'de')).to.deep.include({ kind: 'date', value: '2026-03-07' });
      expect(parseDateText('3/7/2026', 'en')).to.deep.include({ kind: 'date', value: '2026-03-07' });
      expect(parseDateText(' 2026-03-07 ', 'de')).to.deep.include({ kind: 'date', value: '2026-03-07' });
      expect(parseDateText('2024-02-29', 'de')).to.deep.include({ kind: 'date', value: '2024-02-29' });
    });

    it('never guesses at text that is not a real day', () => {
      for (const text of ['31.02.2026', '29.02.2025', '1.13.2026', 'tomorrow', '12.2026', '1.2.3.4', '1.2.202', '2026-02-30', '12 Nov 2026', '001.02.2026']) {
        expect(parseDateText(text, 'de').kind, text).to.equal('invalid');
      }
      expect(parseDateText('   ', 'de').kind).to.equal('empty');
    });
  });

  describe('month grid', () => {
    it('lays out whole weeks from the locale first weekday', () => {
      const monday = monthWeeks({ year: 2026, month: 2 }, 1);
      expect(monday.length).to.equal(5);
      expect(iso(monday[0]![0]!)).to.equal('2026-01-26');
      expect(iso(monday.at(-1)!.at(-1)!)).to.equal('2026-03-01');
      const sunday = monthWeeks({ year: 2026, month: 2 }, 0);
      expect(sunday.length).to.equal(4, 'Feb 2026 starts on a Sunday');
      expect(iso(sunday[0]![0]!)).to.equal('2026-02-01');
      expect(firstDayOfWeek('de')).to.equal(1);
      expect(firstDayOfWeek('en-US')).to.equal(0);
    });

    it('moves the focused day by key, clamping months and mirroring for right-to-left', () => {
      const from = day('2026-01-31');
      const move = (key: Parameters<typeof moveFocusedDay>[1], options = {}) => iso(moveFocusedDay(from, key, { firstDayOfWeek: 1, ...options }));
      expect(move('PageDown')).to.equal('2026-02-28');
      expect(move('PageUp')).to.equal('2025-12-31');
      expect(move('PageDown', { shift: true })).to.equal('2027-01-31');
      expect(move('Home')).to.equal('2026-01-26');
      expect(move('End')).to.equal('2026-02-01');
      expect(move('ArrowRight', { rtl: true })).to.equal('2026-01-30');
      expect(move('ArrowDown')).to.equal('2026-02-07');
      expect(iso(moveFocusedDay(day('2024-02-29'), 'PageDown', { firstDayOfWeek: 1, shift: true }))).to.equal('2025-02-28');
    });

    it('tells working days, weekends and holidays apart', () => {
      const calendar = { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: ['2026-12-25', '2026-12-26'] };
      expect(dayKind(day('2026-12-24'), calendar)).to.equal('working');
      expect(dayKind(day('2026-12-25'), calendar)).to.equal('holiday');
      expect(dayKind(day('2026-12-26'), calendar), 'a holiday on a Saturday is the weekend').to.equal('non-working');
      expect(dayKind(day('2026-12-26'), undefined)).to.equal('working');
    });
  });

  describe('tags', () => {
    it('normalizes, splits and refuses duplicates in any case', () => {
      expect(parseTags(' ux ,, API,ux ,  big   data ')).to.deep.equal(['ux', 'API', 'big data']);
      expect(addTag(['UX'], ' ux ')).to.deep.equal({ kind: 'duplicate', tag: 'UX' });
      expect(addTag(['UX'], '  ')).to.deep.equal({ kind: 'empty' });
      expect(addTag(['UX'], 'api')).to.deep.equal({ kind: 'added', tag: 'api', tags: ['UX', 'api'] });
    });

    it('suggests starts before contains, without taken tags or repeats', () => {
      expect(matchingSuggestions(['backend', 'Design', 'redesign', 'design', 'devops'], ['devops'], 'des')).to.deep.equal(['Design', 'redesign']);
    });
  });

  describe('people', () => {
    const people = [
      { id: 'a', name: 'Ana Ruiz' },
      { id: 'b', name: 'Bruno Anders' },
      { id: 'c', name: 'Chloé Dana', disabledReason: 'away' },
      { id: 'd', name: 'Dan' },
    ];

    it('filters by word start before contains, ignoring case and accents, keeping disabled people', () => {
      expect(filterPeople([{ id: 'x', name: 'Juan' }, ...people], 'an').map((person) => person.id)).to.deep.equal(['a', 'b', 'x', 'c', 'd']);
      expect(filterPeople(people, 'CHLOE').map((person) => person.id)).to.deep.equal(['c']);
      expect(filterPeople(people, 'da', ['d']).map((person) => person.id)).to.deep.equal(['c']);
      expect(filterPeople(people, '').length).to.equal(4);
    });

    it('reads ids and moves the active option with wrap-around', () => {
      expect(parseIds(' a,b,,a , c')).to.deep.equal(['a', 'b', 'c']);
      expect(moveActiveOption(-1, 1, 3)).to.equal(0);
      expect(moveActiveOption(-1, -1, 3)).to.equal(2);
      expect(moveActiveOption(2, 1, 3)).to.equal(0);
      expect(moveActiveOption(0, -1, 3)).to.equal(2);
      expect(moveActiveOption(0, 1, 0)).to.equal(-1);
    });
  });
  describe('chip keys', () => {
    it('moves between chips and back to the input, stopping at the first chip', () => {
      expect(chipKeyAction('ArrowLeft', 2, 3)).to.deep.equal({ kind: 'focus', target: 1 });
      expect(chipKeyAction('ArrowLeft', 0, 3)).to.deep.equal({ kind: 'focus', target: 0 });
      expect(chipKeyAction('ArrowRight', 1, 3)).to.deep.equal({ kind: 'focus', target: 2 });
      expect(chipKeyAction('ArrowRight', 2, 3)).to.deep.equal({ kind: 'focus', target: 'input' });
      expect(chipKeyAction('Escape', 0, 3)).to.deep.equal({ kind: 'focus', target: 'input' });
      expect(chipKeyAction('End', 0, 3)).to.deep.equal({ kind: 'focus', target: 'input' });
      expect(chipKeyAction('Home', 2, 3)).to.deep.equal({ kind: 'focus', target: 0 });
      expect(chipKeyAction('a', 1, 3)).to.deep.equal({ kind: 'none' });
      expect(chipKeyAction('Enter', 1, 3), 'Enter is the button click').to.deep.equal({ kind: 'none' });
    });

    it('mirrors the arrows when right-to-left', () => {
      expect(chipKeyAction('ArrowRight', 2, 3, true)).to.deep.equal({ kind: 'focus', target: 1 });
      expect(chipKeyAction('ArrowLeft', 2, 3, true)).to.deep.equal({ kind: 'focus', target: 'input' });
    });

    it('removes with Backspace (focus before, or after for the first) and Delete (focus after, or the input)', () => {
      expect(chipKeyAction('Backspace', 2, 3)).to.deep.equal({ kind: 'remove', index: 2, then: 1 });
      expect(chipKeyAction('Backspace', 0, 3)).to.deep.equal({ kind: 'remove', index: 0, then: 0 });
      expect(chipKeyAction('Backspace', 0, 1)).to.deep.equal({ kind: 'remove', index: 0, then: 'input' });
      expect(chipKeyAction('Delete', 1, 3)).to.deep.equal({ kind: 'remove', index: 1, then: 1 });
      expect(chipKeyAction('Delete', 2, 3)).to.deep.equal({ kind: 'remove', index: 2, then: 'input' });
      expect(chipKeyAction('Delete', 0, 1)).to.deep.equal({ kind: 'remove', index: 0, then: 'input' });
    });

    it('leaves the input for the chips only with the backward arrow, the caret at the start and chips to go to', () => {
      const caret = (start: number, end = start) => ({ selectionStart: start, selectionEnd: end });
      expect(leavesInputForChips('ArrowLeft', caret(0), 2)).to.equal(true);
      expect(leavesInputForChips('ArrowLeft', caret(1), 2), 'caret inside the text').to.equal(false);
      expect(leavesInputForChips('ArrowLeft', caret(0, 3), 2), 'text selected').to.equal(false);
      expect(leavesInputForChips('ArrowLeft', caret(0), 0), 'no chips').to.equal(false);
      expect(leavesInputForChips('ArrowRight', caret(0), 2)).to.equal(false);
      expect(leavesInputForChips('ArrowRight', caret(0), 2, true), 'right-to-left').to.equal(true);
      expect(leavesInputForChips('ArrowLeft', caret(0), 2, true)).to.equal(false);
    });
  });
});
