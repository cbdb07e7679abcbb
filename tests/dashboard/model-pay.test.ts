// Pay from work done on a hand-computed data set (amounts in cents), the CSV writer against RFC 4180
// and spreadsheet formula injection, the pay CSV, and the drill-down behind a workload cell.
import { expect } from '@open-wc/testing';
import { computeWorkload, type ActivityEntry, type Task, type WorkloadOptions } from '@cwm/core';
import { payReport, roundMinor, type PayReport, type PayReportInput } from '../../packages/dashboard/src/model/pay-report.js';
import { payReportCsv, toCsv, type PayCsvLabels } from '../../packages/dashboard/src/model/csv.js';
import { workloadCellBreakdown, workloadCellTasks } from '../../packages/dashboard/src/model/workload-cells.js';
import { AT, makePerson, makeProject, makeTask, sameWorkflow } from '../fixtures/entities.js';

let activityCount = 0;
/** A status change logged for `taskId` at `at`; `from: null` logs a creation. */
function status(taskId: string, at: string, from: string | null, to: string): ActivityEntry {
  const id = `a-${++activityCount}`;
  return {
    id,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    taskId,
    projectId: 'p-1',
    actorId: 'u-1',
    at,
    action: from === null ? 'created' : 'updated',
    changes: [{ field: 'status', from, to }],
  };
}

/** Logs `todo -> done` at `at`. */
const done = (taskId: string, at: string): ActivityEntry => status(taskId, at, 'todo', 'done');

const people = [
  makePerson('u-1', { name: 'Ann' }),
  makePerson('u-2', { name: 'Bob' }),
  makePerson('r-1', { name: 'Beamer', kind: 'resource' }),
];
const projects = [makeProject('p-1', { name: 'Website' })];
// 50.00 an hour by default, Bob 72.50.
const rates = { default: 5000, byPerson: { 'u-2': 7250 }, currency: 'EUR' };

const tasks: Task[] = [
  makeTask('t-1', { status: 'done', estimate: 8, assigneeIds: ['u-1'] }),
  makeTask('t-2', { status: 'done', estimate: 10, assigneeIds: ['u-1', 'u-2'] }),
  // Three people, one of them unknown to `people`: a third of an hour each.
  makeTask('t-3', { status: 'done', estimate: 1, assigneeIds: ['u-1', 'u-2', 'u-3'] }),
  makeTask('t-4', { status: 'done', estimate: 7, assigneeIds: ['u-1'] }),
  makeTask('t-5', { status: 'done', estimate: 7, assigneeIds: ['u-1'] }),
  makeTask('t-6', { status: 'done', estimate: 4, assigneeIds: ['u-2'] }),
  makeTask('t-7', { status: 'done', estimate: 2, assigneeIds: ['u-1'] }),
  makeTask('t-8', { status: 'todo', estimate: 3, assigneeIds: ['u-2'] }),
  makeTask('t-9', { status: 'done', assigneeIds: ['u-1'] }),
  makeTask('t-10', { status: 'done', estimate: 5, assigneeIds: ['r-1'] }),
  makeTask('t-11', { status: 'done', estimate: 6, assigneeIds: ['u-1', 'r-1', 'u-1'] }),
  makeTask('t-12', { status: 'done', estimate: 100, assigneeIds: ['u-1'] }),
  makeTask('t-13', { status: 'done', estimate: 2, assigneeIds: ['u-1'], parentId: 't-12' }),
  makeTask('t-14', { status: 'done', estimate: 1.5, assigneeIds: ['u-2'] }),
  makeTask('t-15', { status: 'doing', estimate: 9, assigneeIds: ['u-1'] }),
];

const activity: ActivityEntry[] = [
  // Deliberately out of time order: the report sorts by `at`.
  done('t-2', '2026-11-06T10:00:00.000Z'),
  done('t-1', '2026-11-05T10:00:00.000Z'),
  done('t-3', '2026-11-08T10:00:00.000Z'),
  // One minute before the period, and exactly one day after its last day: both outside.
  done('t-4', '2026-10-31T23:59:00.000Z'),
  done('t-5', '2026-12-01T00:00:00.000Z'),
  // Completed, reopened, completed again inside the period: paid once, at its first completion.
  done('t-6', '2026-11-10T10:00:00.000Z'),
  status('t-6', '2026-11-11T10:00:00.000Z', 'done', 'doing'),
  status('t-6', '2026-11-12T10:00:00.000Z', 'doing', 'done'),
  // Completed in October, reopened and completed again in November: paid in October, not again.
  done('t-7', '2026-10-20T10:00:00.000Z'),
  status('t-7', '2026-11-03T10:00:00.000Z', 'done', 'doing'),
  status('t-7', '2026-11-20T10:00:00.000Z', 'doing', 'done'),
  // Completed, then reopened and still open at the end: paid, flagged.
  done('t-8', '2026-11-25T10:00:00.000Z'),
  status('t-8', '2026-11-26T10:00:00.000Z', 'done', 'todo'),
  done('t-9', '2026-11-07T10:00:00.000Z'),
  done('t-10', '2026-11-07T11:00:00.000Z'),
  done('t-11', '2026-11-09T10:00:00.000Z'),
  done('t-12', '2026-11-12T11:00:00.000Z'),
  done('t-13', '2026-11-12T10:00:00.000Z'),
  // Created straight into done.
  status('t-14', '2026-11-15T10:00:00.000Z', null, 'done'),
  // Only moved between open statuses.
  status('t-15', '2026-11-16T10:00:00.000Z', 'todo', 'doing'),
  // A task deleted since: nothing to pay it from.
  done('t-99', '2026-11-16T10:00:00.000Z'),
  // A title edit on a done task is no completion.
  { ...done('t-1', '2026-11-17T10:00:00.000Z'), changes: [{ field: 'title', from: 'a', to: 'b' }] },
];

const november: PayReportInput = { tasks, activity, people, projects, from: '2026-11-01', to: '2026-11-30', rates };

describe('payReport', () => {
  const report = payReport(november);
  const person = (id: string) => report.people.find((p) => p.personId === id)!;

  it('lists known people in input order, then unknown assignees, with hand-computed totals in cents', () => {
    expect(report.people.map((p) => [p.personId, p.name])).to.deep.equal([
      ['u-1', 'Ann'],
      ['u-2', 'Bob'],
      ['u-3', 'u-3'],
    ]);
    // Ann: t-1 8h*5000 = 40000, t-2 5h = 25000, t-9 0, t-3 5000/3 = 1666.67 -> 1667, t-11 6h = 30000, t-13 2h = 10000.
    expect(person('u-1').lines.map((l) => [l.taskId, l.amount])).to.deep.equal([
      ['t-1', 40000],
      ['t-2', 25000],
      ['t-9', 0],
      ['t-3', 1667],
      ['t-11', 30000],
      ['t-13', 10000],
    ]);
    expect(person('u-1').amount).to.equal(106667);
    expect(person('u-1').hours).to.be.closeTo(21 + 1 / 3, 1e-9);
    expect(person('u-1').tasks).to.equal(6);
    // Bob at 7250: t-2 5h = 36250, t-3 7250/3 = 2416.67 -> 2417, t-6 4h = 29000, t-14 1.5h = 10875, t-8 3h = 21750.
    expect(person('u-2').lines.map((l) => [l.taskId, l.amount])).to.deep.equal([
      ['t-2', 36250],
      ['t-3', 2417],
      ['t-6', 29000],
      ['t-14', 10875],
      ['t-8', 21750],
    ]);
    expect(person('u-2').amount).to.equal(100292);
    expect(person('u-3').lines.map((l) => [l.taskId, l.rate, l.amount])).to.deep.equal([['t-3', 5000, 1667]]);
    expect(report.totals).to.deep.include({ tasks: 9, amount: 106667 + 100292 + 1667 });
    expect(report.totals.hours).to.be.closeTo(21 + 1 / 3 + 13 + 5 / 6 + 1 / 3, 1e-9);
    expect(report.currency).to.equal('EUR');
  });

  it('splits a shared task evenly and applies each person their own rate', () => {
    const shared = report.people.flatMap((p) => p.lines).filter((l) => l.taskId === 't-2');
    expect(shared.map((l) => [l.personId, l.sharedBy, l.hours, l.rate, l.amount, l.estimate])).to.deep.equal([
      ['u-1', 2, 5, 5000, 25000, 10],
      ['u-2', 2, 5, 7250, 36250, 10],
    ]);
  });

  it('pays a reopened and completed again task once, at its first completion', () => {
    const lines = person('u-2').lines.filter((l) => l.taskId === 't-6');
    expect(lines).to.have.length(1);
    expect(lines[0]!.completedAt).to.equal('2026-11-10T10:00:00.000Z');
    expect(lines[0]!.reopened).to.equal(false);
  });

  it('leaves out tasks completed outside the period, or first completed before it', () => {
    const paid = new Set(report.people.flatMap((p) => p.lines.map((l) => l.taskId)));
    for (const id of ['t-4', 't-5', 't-7', 't-15', 't-99', 't-12']) expect(paid.has(id), id).to.equal(false);
    // The task completed in October is paid in October's report.
    const october = payReport({ ...november, from: '2026-10-01', to: '2026-10-31' });
    expect(october.people.flatMap((p) => p.lines.map((l) => [l.taskId, l.amount]))).to.deep.equal([
      ['t-7', 10000],
      ['t-4', 35000],
    ]);
  });

  it('flags a task reopened after its completion and still open at the end of the period', () => {
    const line = person('u-2').lines.find((l) => l.taskId === 't-8')!;
    expect(line.reopened).to.equal(true);
    expect(line.amount).to.equal(21750);
  });

  it('lists unestimated and unassigned completions, and does not pay resources', () => {
    expect(report.unestimated).to.deep.equal(['t-9']);
    expect(report.unassigned).to.deep.equal(['t-10']);
    expect(report.people.some((p) => p.personId === 'r-1')).to.equal(false);
    const t11 = person('u-1').lines.find((l) => l.taskId === 't-11')!;
    expect([t11.sharedBy, t11.hours]).to.deep.equal([1, 6]);
  });

  it('takes instants with a zone as period bounds (a period in local time)', () => {
    // Midnight in Berlin (+01:00) is 23:00 UTC the day before: t-4 (23:59 UTC on 31 October) is inside.
    const local = payReport({ ...november, from: '2026-11-01T00:00+01:00', to: '2026-11-30T23:59:59.999+01:00' });
    expect(local.people[0]!.lines.map((l) => l.taskId)).to.include('t-4');
    expect(() => payReport({ ...november, from: '1 November' })).to.throw(RangeError);
    expect(() => payReport({ ...november, to: '2026-11-31' })).to.throw(RangeError);
  });

  it('uses the workflow of the task project to know which statuses are done', () => {
    const review = makeProject('p-2', {
      workflow: {
        statuses: [
          { id: 'open', name: 'Open', category: 'todo' },
          { id: 'accepted', name: 'Accepted', category: 'done' },
          { id: 'archived', name: 'Archived', category: 'done' },
        ],
        wipPolicy: 'warn',
      },
    });
    const task = makeTask('x-1', { projectId: 'p-2', status: 'archived', estimate: 2, assigneeIds: ['u-1'] });
    const log = [
      { ...status('x-1', '2026-11-02T10:00:00.000Z', 'open', 'accepted'), projectId: 'p-2' },
      // A move between two done statuses is not a second completion.
      { ...status('x-1', '2026-11-03T10:00:00.000Z', 'accepted', 'archived'), projectId: 'p-2' },
      // `done` is not a status of p-2: no completion.
      { ...status('x-2', '2026-11-03T10:00:00.000Z', 'open', 'done'), projectId: 'p-2' },
    ];
    const x2 = makeTask('x-2', { projectId: 'p-2', status: 'done', estimate: 2, assigneeIds: ['u-1'] });
    const result = payReport({ ...november, tasks: [task, x2], activity: log, projects: [review] });
    expect(result.people.flatMap((p) => p.lines.map((l) => [l.taskId, l.completedAt, l.amount, l.projectName]))).to.deep.equal([
      ['x-1', '2026-11-02T10:00:00.000Z', 10000, 'Project p-2'],
    ]);
  });

  it('rounds amounts half up without binary drift, and gives an empty report for an empty period', () => {
    // 1.005 h * 100 = 100.49999999999999 in binary; it is 100.5 in decimal and rounds to 101.
    const odd = payReport({
      ...november,
      tasks: [makeTask('y-1', { status: 'done', estimate: 1.005, assigneeIds: ['u-1'] })],
      activity: [done('y-1', '2026-11-02T10:00:00.000Z')],
      rates: { default: 100, currency: 'EUR' },
    });
    expect(odd.totals.amount).to.equal(101);
    expect(roundMinor(2.5)).to.equal(3);
    expect(roundMinor(2.4999)).to.equal(2);
    const empty = payReport({ ...november, activity: [] });
    expect(empty.people).to.deep.equal([]);
    expect(empty.totals).to.deep.equal({ tasks: 0, hours: 0, amount: 0 });
  });
});

/** A small RFC 4180 reader, to check that what toCsv writes reads back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && char === '"') {
      quoted = false;
    } else if (quoted) {
      field += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  return rows;
}

describe('toCsv', () => {
  it('writes RFC 4180: commas, CRLF after every row, quotes doubled, quoted line breaks', () => {
    expect(toCsv([['a', 'b'], [1, 2.5]])).to.equal('a,b\r\n1,2.5\r\n');
    expect(toCsv([['say "hi"', 'a,b', 'one\ntwo', 'x\r\ny', '']])).to.equal('"say ""hi""","a,b","one\ntwo","x\r\ny",\r\n');
    expect(toCsv([])).to.equal('');
    expect(toCsv([[-1, Number.NaN, Number.POSITIVE_INFINITY, 0]])).to.equal('-1,,,0\r\n');
  });

  it('prefixes text that a spreadsheet would run as a formula', () => {
    const battery: [string, string][] = [
      ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
      ['+1', "'+1"],
      ['-1', "'-1"],
      ['@SUM(1)', "'@SUM(1)"],
      ['\t=1', "'\t=1"],
      ['\r=1', "'\r=1"],
      ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
      ['=1+2,3', "'=1+2,3"],
      // Only the first character matters: these are plain text.
      ['a=1', 'a=1'],
      [' =1', ' =1'],
      ['1-2', '1-2'],
    ];
    const written = toCsv([battery.map(([input]) => input)]);
    expect(parseCsv(written)).to.deep.equal([battery.map(([, safe]) => safe)]);
    // Exact text of the ones that also need quotes.
    expect(toCsv([['=HYPERLINK("http://x","y")']])).to.equal(`"'=HYPERLINK(""http://x"",""y"")"\r\n`);
    expect(toCsv([['\r=1']])).to.equal(`"'\r=1"\r\n`);
  });

  it('keeps unicode and reads back every tricky cell unchanged', () => {
    const cells = ['Müller', 'Zoë 日本 🚀', 'ß, "quoted"', 'multi\nline', 'tab\tinside', "it's"];
    expect(parseCsv(toCsv([cells, cells]))).to.deep.equal([cells, cells]);
  });
});

const EN: PayCsvLabels = {
  personId: 'Person ID',
  person: 'Person',
  taskId: 'Task ID',
  task: 'Task',
  project: 'Project',
  completedAt: 'Completed',
  estimate: 'Estimate (h)',
  sharedBy: 'Shared by',
  hours: 'Hours',
  rate: 'Rate',
  amount: 'Amount',
  currency: 'Currency',
  reopened: 'Reopened',
  total: 'Total',
  yes: 'yes',
};
const DE: PayCsvLabels = {
  ...EN,
  personId: 'Personen-ID',
  task: 'Aufgabe',
  amount: 'Betrag',
  total: 'Summe',
  yes: 'ja',
};

describe('payReportCsv', () => {
  const small: PayReport = payReport({
    ...november,
    tasks: [
      makeTask('t-2', { title: '=2+5, "deploy"', status: 'done', estimate: 10, assigneeIds: ['u-1', 'u-2'] }),
      makeTask('t-8', { title: 'Fix', status: 'todo', estimate: 3, assigneeIds: ['u-2'] }),
    ],
  });

  it('writes a header, one row per line, totals per person and overall, money in major units', () => {
    expect(payReportCsv(small, { labels: EN })).to.equal(
      [
        'Person ID,Person,Task ID,Task,Project,Completed,Estimate (h),Shared by,Hours,Rate,Amount,Currency,Reopened',
        `u-1,Ann,t-2,"'=2+5, ""deploy""",Website,2026-11-06T10:00:00.000Z,10,2,5,50.00,250.00,EUR,`,
        'u-1,Ann,,Total,,,,,5,,250.00,EUR,',
        `u-2,Bob,t-2,"'=2+5, ""deploy""",Website,2026-11-06T10:00:00.000Z,10,2,5,72.50,362.50,EUR,`,
        'u-2,Bob,t-8,Fix,Website,2026-11-25T10:00:00.000Z,3,1,3,72.50,217.50,EUR,yes',
        'u-2,Bob,,Total,,,,,8,,580.00,EUR,',
        ',,,Total,,,,,13,,830.00,EUR,',
        '',
      ].join('\r\n'),
    );
  });

  it('takes the column names from the caller, and can leave totals out', () => {
    const csv = payReportCsv(small, { labels: DE, totals: false });
    const rows = parseCsv(csv);
    expect(rows[0]!.slice(0, 4)).to.deep.equal(['Personen-ID', 'Person', 'Task ID', 'Aufgabe']);
    expect(rows).to.have.length(4);
    expect(rows[3]![12]).to.equal('ja');
    expect(csv).not.to.contain('Summe');
  });

  it('follows the currency minor unit: none for JPY, or as told', () => {
    const yen = payReport({ ...november, tasks: [makeTask('t-1', { status: 'done', estimate: 2, assigneeIds: ['u-1'] })], rates: { default: 1500, currency: 'JPY' } });
    const rows = parseCsv(payReportCsv(yen, { labels: EN, totals: false }));
    expect([rows[1]![9], rows[1]![10]]).to.deep.equal(['1500', '3000']);
    const three = parseCsv(payReportCsv(yen, { labels: EN, totals: false, fractionDigits: 3 }));
    expect(three[1]![10]).to.equal('3.000');
  });
});

describe('workloadCellTasks', () => {
  // 2026-11-02 is a Monday: week 1 is 2026-W45, week 2 is 2026-W46.
  const options: WorkloadOptions = { from: '2026-11-02', weeks: 2, workflowOf: sameWorkflow };
  const workPeople = [makePerson('u-1'), makePerson('u-2')];
  const workTasks = [
    // 20 h over the 10 working days of both weeks: 10 h a week.
    makeTask('w-1', { start: '2026-11-02', due: '2026-11-13', estimate: 20, assigneeIds: ['u-1'] }),
    // 6 h over Thursday and Friday of week 1, shared by two: 3 h each.
    makeTask('w-2', { start: '2026-11-05', due: '2026-11-06', estimate: 6, assigneeIds: ['u-1', 'u-2'] }),
    // Done work is left out.
    makeTask('w-3', { status: 'done', start: '2026-11-02', due: '2026-11-03', estimate: 8, assigneeIds: ['u-1'] }),
    // A parent counts through its subtask only: 4 h in week 2.
    makeTask('w-4', { start: '2026-11-09', due: '2026-11-13', estimate: 50, assigneeIds: ['u-1'] }),
    makeTask('w-5', { parentId: 'w-4', start: '2026-11-09', due: '2026-11-10', estimate: 4, assigneeIds: ['u-1'] }),
  ];
  const report = computeWorkload(workTasks, workPeople, options);

  it('answers the tasks computeWorkload put into the cell', () => {
    expect(report.weeks.map((w) => w.key)).to.deep.equal(['2026-W45', '2026-W46']);
    expect(workloadCellTasks(report, 'u-1', '2026-W45', workTasks).map((t) => t.id)).to.deep.equal(['w-1', 'w-2']);
    expect(workloadCellTasks(report, 'u-1', '2026-W46', workTasks).map((t) => t.id)).to.deep.equal(['w-1', 'w-5']);
    expect(workloadCellTasks(report, 'u-2', '2026-W45', new Map(workTasks.map((t) => [t.id, t]))).map((t) => t.id)).to.deep.equal(['w-2']);
    expect(workloadCellTasks(report, 'u-2', '2026-W46', workTasks)).to.deep.equal([]);
  });

  it('answers nothing for an unknown person or week, and skips tasks deleted since', () => {
    expect(workloadCellTasks(report, 'u-9', '2026-W45', workTasks)).to.deep.equal([]);
    expect(workloadCellTasks(report, 'u-1', '2026-W50', workTasks)).to.deep.equal([]);
    const withoutW1 = workTasks.filter((t) => t.id !== 'w-1');
    expect(workloadCellTasks(report, 'u-1', '2026-W45', withoutW1).map((t) => t.id)).to.deep.equal(['w-2']);
  });

  it('breaks a cell down into hours per task that add up to the cell', () => {
    const week1 = workloadCellBreakdown(report, 'u-1', '2026-W45', workTasks, workPeople, options);
    expect(week1.map((s) => [s.task.id, s.hours])).to.deep.equal([
      ['w-1', 10],
      ['w-2', 3],
    ]);
    const week2 = workloadCellBreakdown(report, 'u-1', '2026-W46', workTasks, workPeople, options);
    expect(week2.map((s) => [s.task.id, s.hours])).to.deep.equal([
      ['w-1', 10],
      ['w-5', 4],
    ]);
    for (const [index, shares] of [week1, week2].entries()) {
      const total = shares.reduce((sum, s) => sum + s.hours, 0);
      expect(total).to.be.closeTo(report.byPerson.get('u-1')!.cells[index]!.allocated, 1e-9);
    }
    expect(workloadCellBreakdown(report, 'u-1', '2026-W01', workTasks, workPeople, options)).to.deep.equal([]);
  });
});
