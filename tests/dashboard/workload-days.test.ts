// The day granularity of the workload (computeDailyWorkload): hand-computed hours per day, days off,
// holidays, tasks on days off only, progress, and the rule that a week's days add up to core's week.
import { expect } from '@open-wc/testing';
import { computeWorkload, type Person, type Task, type WorkCalendar, type WorkloadOptions } from '@cwm/core';
import { computeDailyWorkload, groupsOf, scopeOfGroup } from '@cwm/dashboard';
import { makePerson, makeTask, sameWorkflow } from '../fixtures/entities.js';

// 2026-11-23 is a Monday (2026-W48); Wednesday 2026-11-25 is a holiday; 2026-11-30 starts W49.
const CALENDAR: WorkCalendar = { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: ['2026-11-25'] };
const OPTIONS = { from: '2026-11-26', workflowOf: sameWorkflow, calendar: CALENDAR } as const;

const PEOPLE: readonly Person[] = [makePerson('u-1', { capacity: 40 }), makePerson('u-2', { capacity: 20 })];

const TASKS: readonly Task[] = [
  // 8 h over Mon..Fri of W48 minus the holiday: 4 working days, 2 h each, none on Wednesday.
  makeTask('a', { assigneeIds: ['u-1'], estimate: 8, start: '2026-11-23', due: '2026-11-27' }),
  // Only on the weekend: no working day in the span, so 3 h on each calendar day (capacity 0: over).
  makeTask('b', { assigneeIds: ['u-1'], estimate: 6, start: '2026-11-28', due: '2026-11-29' }),
  // 20 h half done, shared by two, Thu 26 .. Wed Dec 2 (Thu, Fri, Mon, Tue, Wed = 5 days): 1 h each a day.
  makeTask('c', { assigneeIds: ['u-1', 'u-2'], estimate: 20, progress: 50, start: '2026-11-26', due: '2026-12-02' }),
  // Done: nothing. A parent: only its subtask counts (4 h on Mon Nov 30 for u-2).
  makeTask('d', { assigneeIds: ['u-1'], estimate: 40, start: '2026-11-23', due: '2026-11-27', status: 'done' }),
  makeTask('e', { assigneeIds: ['u-2'], estimate: 99, start: '2026-11-23', due: '2026-12-04' }),
  makeTask('f', { parentId: 'e', assigneeIds: ['u-2'], estimate: 4, start: '2026-11-30', due: '2026-11-30' }),
  // No dates: unplanned, in no cell.
  makeTask('g', { assigneeIds: ['u-2'], estimate: 3 }),
];

describe('computeDailyWorkload', () => {
  const daily = computeDailyWorkload(TASKS, PEOPLE, { ...OPTIONS, days: 14 });
  const hoursOf = (personId: string): number[] => daily.byPerson.get(personId)!.cells.map((cell) => cell.allocated);

  it('starts on the Monday of the week of `from` and marks days off', () => {
    expect(daily.days.map((day) => day.key)).to.deep.equal([
      '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29',
      '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06',
    ]);
    expect(daily.days.map((day) => day.working)).to.deep.equal([true, true, false, true, true, false, false, true, true, true, true, true, false, false]);
    expect(daily.days[0]!.week).to.equal('2026-W48');
    expect(daily.days[7]!.week).to.equal('2026-W49');
  });

  it('spreads each task over its working days, split among its people (hand-computed)', () => {
    expect(hoursOf('u-1')).to.deep.equal([2, 2, 0, 2 + 1, 2 + 1, 3, 3, 1, 1, 1, 0, 0, 0, 0]);
    expect(hoursOf('u-2')).to.deep.equal([0, 0, 0, 1, 1, 0, 0, 1 + 4, 1, 1, 0, 0, 0, 0]);
    const thursday = daily.byPerson.get('u-1')!.cells[3]!;
    expect(thursday.taskIds).to.deep.equal(['a', 'c']);
    expect(thursday.taskHours).to.deep.equal([2, 1]);
    expect(daily.byPerson.get('u-2')!.cells[7]!.taskIds).to.deep.equal(['c', 'f']);
    expect(daily.unplanned.map((task) => task.taskId)).to.deep.equal(['g']);
  });

  it('gives a day the weekly capacity over the working weekdays, 0 on days off, and flags over-allocation', () => {
    const ada = daily.byPerson.get('u-1')!.cells;
    expect(ada.map((cell) => cell.capacity).slice(0, 7)).to.deep.equal([8, 8, 0, 8, 8, 0, 0]);
    expect(daily.byPerson.get('u-2')!.cells[0]!.capacity).to.equal(4);
    expect(ada.map((cell) => cell.overAllocated).slice(0, 7)).to.deep.equal([false, false, false, false, false, true, true]);
    expect(daily.byPerson.get('u-2')!.cells[7]!.overAllocated).to.equal(true);
    expect(daily.team[7]).to.deep.equal({ allocated: 6, capacity: 12, overAllocatedPeople: 1 });
    expect(daily.team[5]).to.deep.equal({ allocated: 3, capacity: 0, overAllocatedPeople: 1 });
  });

  it("adds up, day by day, to core's weekly figures", () => {
    const weekly = computeWorkload(TASKS, PEOPLE, { ...OPTIONS, weeks: 2 } satisfies WorkloadOptions);
    for (const person of PEOPLE) {
      const days = daily.byPerson.get(person.id)!.cells;
      weekly.byPerson.get(person.id)!.cells.forEach((week, index) => {
        const part = days.slice(index * 7, index * 7 + 7);
        expect(part.reduce((sum, day) => sum + day.allocated, 0), `${person.id} week ${index} hours`).to.be.closeTo(week.allocated, 1e-9);
        expect(part.reduce((sum, day) => sum + day.capacity, 0), `${person.id} week ${index} capacity`).to.be.closeTo(week.capacity, 1e-9);
        expect([...new Set(part.flatMap((day) => day.taskIds))].sort()).to.deep.equal([...week.taskIds].sort());
      });
    }
    weekly.team.forEach((week, index) => {
      const part = daily.team.slice(index * 7, index * 7 + 7);
      expect(part.reduce((sum, day) => sum + day.allocated, 0)).to.be.closeTo(week.allocated, 1e-9);
    });
  });

  it('cuts the last week at the day count, and answers nothing for no days', () => {
    const ten = computeDailyWorkload(TASKS, PEOPLE, { ...OPTIONS, days: 10 });
    expect(ten.days.length).to.equal(10);
    expect(ten.byPerson.get('u-1')!.cells.map((cell) => cell.allocated)).to.deep.equal(hoursOf('u-1').slice(0, 10));
    const none = computeDailyWorkload(TASKS, PEOPLE, { ...OPTIONS, days: 0 });
    expect(none.days).to.deep.equal([]);
    expect(none.rows.length).to.equal(2);
    expect(none.team).to.deep.equal([]);
  });
});

describe('workload groups', () => {
  const people = [makePerson('u-1', { group: 'Platform' }), makePerson('u-2', { group: 'Apps' }), makePerson('u-3'), makePerson('u-4', { group: 'Apps' })];

  it('lists the groups present once, sorted, and narrows the people to one', () => {
    expect(groupsOf(people)).to.deep.equal(['Apps', 'Platform']);
    const scope = { people, tasks: TASKS };
    expect(scopeOfGroup(scope, 'Apps').people.map((person) => person.id)).to.deep.equal(['u-2', 'u-4']);
    expect(scopeOfGroup(scope, 'Apps').tasks).to.equal(TASKS);
    expect(scopeOfGroup(scope, '')).to.equal(scope);
    expect(scopeOfGroup(scope, 'Nobody').people).to.deep.equal([]);
  });
});
