// Dragging bars with the real mouse reschedules through the store: the cancelable event before, the
// event after with `confirmed`, the scheduling rules (refuse, shift, push successors), backend and policy
// refusals that roll back and put the bar back, and the progress handle.
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { WriteOutcome } from '@cwm/core';
import type { TaskScheduleDetail, TaskScheduledDetail } from '@cwm/gantt';
import {
  after,
  barBox,
  barGroup,
  dragBar,
  hitAt,
  mountGantt,
  noticeText,
  pixelsPerDay,
  record,
  settle,
  stored,
  task,
  waitFor,
  type MountedGantt,
  CHAIN,
} from './gantt-fixtures.js';


describe('<cwm-gantt> scheduling', () => {
  let mounted: MountedGantt;

  afterEach(async () => {
    await resetMouse();
    mounted?.store.dispose();
  });

  it('drags a bar two days later: the store has the new dates, events before and after', async () => {
    mounted = await mountGantt({ tasks: [task('x', 'Solo', '2026-03-02', '2026-03-04')] });
    const { gantt, store } = mounted;
    const day = pixelsPerDay(gantt, 'x', 3);
    const before = record<TaskScheduleDetail>(gantt, 'cwm-task-schedule');
    const afterwards = record<TaskScheduledDetail>(gantt, 'cwm-task-scheduled');
    const x = barBox(gantt, 'x').x;
    await dragBar(gantt, 'x', 2 * day);
    expect(stored(store, 'x')).to.deep.include({ start: '2026-03-04', due: '2026-03-06' });
    expect(before).to.have.length(1);
    expect(before[0]!.cancelable).to.equal(true);
    expect(before[0]!.detail).to.deep.include({ taskId: 'x', via: 'pointer', shifted: false });
    expect(before[0]!.detail.changes).to.deep.equal([
      { taskId: 'x', start: '2026-03-04', due: '2026-03-06', previous: { start: '2026-03-02', due: '2026-03-04' } },
    ]);
    expect(afterwards).to.have.length(1);
    const outcome: WriteOutcome = await afterwards[0]!.detail.confirmed;
    expect(outcome.status).to.equal('applied');
    expect(barBox(gantt, 'x').x).to.be.closeTo(x + 2 * day, 0.5);
  });

  it('resizes a bar from its end: only the due date changes', async () => {
    mounted = await mountGantt({ tasks: [task('x', 'Solo', '2026-03-02', '2026-03-04')] });
    const { gantt, store } = mounted;
    const day = pixelsPerDay(gantt, 'x', 3);
    // x is the active row, so its link handles are shown: they must not cover frappe's resize handle.
    const handle = barGroup(gantt, 'x')!.querySelector('.handle.right')!;
    expect(hitAt(gantt, handle)).to.equal('rect.handle.right');
    await dragBar(gantt, 'x', 2 * day, 'right');
    expect(stored(store, 'x')).to.deep.include({ start: '2026-03-02', due: '2026-03-06' });
  });

  it('cancelling cwm-task-schedule puts the bar back and leaves the store alone', async () => {
    mounted = await mountGantt({ tasks: [task('x', 'Solo', '2026-03-02', '2026-03-04')] });
    const { gantt, store } = mounted;
    gantt.addEventListener('cwm-task-schedule', (event) => event.preventDefault());
    const afterwards = record(gantt, 'cwm-task-scheduled');
    const box = barBox(gantt, 'x');
    await dragBar(gantt, 'x', 2 * pixelsPerDay(gantt, 'x', 3));
    expect(stored(store, 'x')).to.deep.include({ start: '2026-03-02', due: '2026-03-04', version: 1 });
    expect(afterwards).to.have.length(0);
    expect(barBox(gantt, 'x')).to.deep.equal(box);
  });

  it('violation="refuse": a move breaking the FS predecessor reverts and says why', async () => {
    mounted = await mountGantt({ tasks: CHAIN });
    const { gantt, store } = mounted;
    const box = barBox(gantt, 'b');
    const before = record(gantt, 'cwm-task-schedule');
    await dragBar(gantt, 'b', -2 * pixelsPerDay(gantt, 'b', 2));
    expect(stored(store, 'b')).to.deep.include({ start: '2026-03-05', due: '2026-03-06' });
    expect(barBox(gantt, 'b')).to.deep.equal(box);
    expect(before, 'a refused move asks nobody').to.have.length(0);
    expect(noticeText(gantt)).to.equal('Beta cannot move there: it would break its dependency on Alpha.');
  });

  it('violation="shift": the task lands on the first day its predecessor allows', async () => {
    mounted = await mountGantt({
      tasks: [task('a', 'Alpha', '2026-03-02', '2026-03-04'), task('b', 'Beta', '2026-03-09', '2026-03-10', { dependencies: [after('a')] })],
      violation: 'shift',
    });
    const { gantt, store } = mounted;
    const before = record<TaskScheduleDetail>(gantt, 'cwm-task-schedule');
    // Five days earlier would be Mar 4, inside Alpha: shifted to Mar 5, the day after Alpha ends.
    await dragBar(gantt, 'b', -5 * pixelsPerDay(gantt, 'b', 2));
    expect(stored(store, 'b')).to.deep.include({ start: '2026-03-05', due: '2026-03-06' });
    expect(before[0]!.detail.shifted).to.equal(true);
    expect(barBox(gantt, 'b').x).to.be.closeTo(barBox(gantt, 'a').x + 3 * pixelsPerDay(gantt, 'a', 3), 0.5);
  });

  it('push-successors: moving the first task of a chain pushes the rest, keeping durations', async () => {
    mounted = await mountGantt({ tasks: CHAIN });
    const { gantt, store } = mounted;
    const before = record<TaskScheduleDetail>(gantt, 'cwm-task-schedule');
    await dragBar(gantt, 'a', 3 * pixelsPerDay(gantt, 'a', 3));
    expect(stored(store, 'a')).to.deep.include({ start: '2026-03-05', due: '2026-03-07' });
    // Beta may start the day after Alpha ends; Gamma the day after Beta ends.
    expect(stored(store, 'b')).to.deep.include({ start: '2026-03-08', due: '2026-03-09' });
    expect(stored(store, 'c')).to.deep.include({ start: '2026-03-10', due: '2026-03-11' });
    expect(before[0]!.detail.changes.map((change) => change.taskId)).to.deep.equal(['a', 'b', 'c']);
  });

  it('without push-successors a move that breaks a successor leaves the successor where it is', async () => {
    mounted = await mountGantt({ tasks: CHAIN, pushSuccessors: false });
    const { gantt, store } = mounted;
    await dragBar(gantt, 'a', 3 * pixelsPerDay(gantt, 'a', 3));
    expect(stored(store, 'a')).to.deep.include({ start: '2026-03-05', due: '2026-03-07' });
    expect(stored(store, 'b')).to.deep.include({ start: '2026-03-05', due: '2026-03-06' });
  });

  it('a backend rejection rolls the store back and the bar returns to its old place', async () => {
    mounted = await mountGantt({ tasks: [task('x', 'Solo', '2026-03-02', '2026-03-04')] });
    const { gantt, store, adapter } = mounted;
    const box = barBox(gantt, 'x');
    adapter.failNext('forbidden');
    const afterwards = record<TaskScheduledDetail>(gantt, 'cwm-task-scheduled');
    await dragBar(gantt, 'x', 2 * pixelsPerDay(gantt, 'x', 3));
    expect(afterwards).to.have.length(1);
    const outcome = await afterwards[0]!.detail.confirmed;
    expect(outcome.status).to.equal('rejected');
    await waitFor(() => stored(store, 'x').start === '2026-03-02', 2000, 'the rollback');
    await settle(gantt);
    expect(stored(store, 'x')).to.deep.include({ start: '2026-03-02', due: '2026-03-04' });
    expect(barBox(gantt, 'x')).to.deep.equal(box);
  });

  it('a policy refusal (a viewer) is shown and the bar returns; the store is unchanged', async () => {
    mounted = await mountGantt({ tasks: [task('x', 'Solo', '2026-03-02', '2026-03-04')], userId: 'u-4' });
    const { gantt, store } = mounted;
    const box = barBox(gantt, 'x');
    await dragBar(gantt, 'x', 2 * pixelsPerDay(gantt, 'x', 3));
    expect(stored(store, 'x')).to.deep.include({ start: '2026-03-02', due: '2026-03-04', version: 1 });
    expect(barBox(gantt, 'x')).to.deep.equal(box);
    expect(noticeText(gantt)).to.not.equal('');
  });

  it('dragging the progress handle sets progress in the store', async () => {
    mounted = await mountGantt({ tasks: [task('x', 'Solo', '2026-03-02', '2026-03-11', { progress: 0 })] });
    const { gantt, store } = mounted;
    const group = barGroup(gantt, 'x')!;
    const handle = group.querySelector('.handle.progress')!;
    expect(handle, 'a progress handle').to.not.equal(null);
    expect(hitAt(gantt, handle), 'nothing covers the progress handle').to.equal('circle.handle.progress');
    const bar = group.querySelector('.bar')!.getBoundingClientRect();
    const handleBox = handle.getBoundingClientRect();
    const from: [number, number] = [Math.round(handleBox.left + handleBox.width / 2), Math.round(handleBox.top + handleBox.height / 2)];
    const to = Math.round(bar.left + bar.width / 2);
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    for (let step = 1; step <= 4; step += 1) await sendMouse({ type: 'move', position: [from[0] + Math.round(((to - from[0]) * step) / 4), from[1]] });
    await sendMouse({ type: 'up' });
    await settle(gantt);
    expect(stored(store, 'x').progress).to.be.within(45, 55);
  });
});
