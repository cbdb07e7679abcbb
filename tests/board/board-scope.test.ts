// A host-given scope (a dashboard drill-down) on <cwm-board>: the cards shown are exactly the tasks
// core's `matchesTaskFilter` selects (and the board's own filter, on top), live changes move cards in
// and out of it, and the chip names it as text and clears it.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { addDays, matchesTaskFilter, statusCategories, Table, todayIso, type CwmStore, type Dependency, type Task, type TaskFilter } from '@cwm/core';
import type { CwmBoard, CwmBoardCell } from '@cwm/board';
import { makeTask } from '../fixtures/entities.js';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.js';
import { computeLayout, sameLayoutConfig, updateLayout, type BoardConfig } from '../../packages/board/src/model/index.js';
import { mountBoard, openProject, PEOPLE, record, settle } from './board-fixtures.js';

// The board's "today" is the real one: dates are set relative to it.
const today = todayIso();
const late = addDays(today, -3);
const soon = addDays(today, 4);
const fs = (predecessorId: string): Dependency => ({ predecessorId, type: 'FS', lag: 0 });

/**
 * a: todo, late, Grace; b: doing, late, Ada; c: done, late (done is never overdue); d: todo, due soon,
 * Grace; e: review, no date, after a (blocked); f: todo, after c (done: not blocked); g: another project.
 */
function seedTasks(): Task[] {
  return [
    makeTask('a', { title: 'Alpha', status: 'todo', rank: 'a', due: late, assigneeIds: ['u-2'] }),
    makeTask('b', { title: 'Bravo', status: 'doing', rank: 'b', due: late, assigneeIds: ['u-1'] }),
    makeTask('c', { title: 'Charlie', status: 'done', rank: 'c', due: late }),
    makeTask('d', { title: 'Delta', status: 'todo', rank: 'd', due: soon, assigneeIds: ['u-2'] }),
    makeTask('e', { title: 'Echo', status: 'review', rank: 'e', dependencies: [fs('a')] }),
    makeTask('f', { title: 'Foxtrot', status: 'todo', rank: 'f', dependencies: [fs('c')] }),
    makeTask('g', { title: 'Golf', projectId: 'p-2', status: 'todo', rank: 'g', due: late }),
  ];
}

/** Every card the board renders, in every cell, sorted. */
function shownIds(board: CwmBoard): string[] {
  const ids: string[] = [];
  for (const cell of board.shadowRoot!.querySelectorAll<CwmBoardCell>('[data-cell]')) {
    for (const card of cell.shadowRoot!.querySelectorAll<HTMLElement>('[role=listitem][data-task-id]')) ids.push(card.dataset['taskId']!);
  }
  return ids.sort();
}

/** The ids core's predicate selects among the store's tasks of p-1: what the board must show. */
function expected(store: CwmStore, scope: TaskFilter): string[] {
  const state = store.state;
  const context = {
    today,
    categoryOf: statusCategories((id) => state.projects.get(id)?.workflow),
    taskById: (id: string) => state.tasks.get(id),
  };
  return state.tasks
    .values()
    .filter((task) => matchesTaskFilter(task, { ...scope, projectIds: ['p-1'] }, context))
    .map((task) => task.id)
    .sort();
}

async function scoped(scope: TaskFilter, label = 'Overdue tasks (2)') {
  const mounted = await mountBoard({ tasks: seedTasks(), projects: [openProject()] });
  mounted.board.scope = scope;
  mounted.board.scopeLabel = label;
  await settle(mounted.board);
  return mounted;
}

const chip = (board: CwmBoard) => board.shadowRoot!.querySelector<HTMLElement>('[part=scope]');

describe('<cwm-board> scope', () => {
  it('shows exactly the tasks matchesTaskFilter selects, for each kind of scope', async () => {
    const { board, store } = await mountBoard({ tasks: seedTasks(), projects: [openProject()] });
    expect(shownIds(board)).to.deep.equal(['a', 'b', 'c', 'd', 'e', 'f']);
    const scopes: TaskFilter[] = [
      { projectIds: ['p-1'], overdue: true },
      { projectIds: ['p-1'], blocked: true },
      { projectIds: ['p-1'], statusCategories: ['active'] },
      { projectIds: ['p-1'], assigneeIds: ['u-2'], dueWithin: { from: today, to: addDays(today, 7) } },
      { projectIds: ['p-1'], taskIds: ['f', 'c', 'g'] },
    ];
    const want = [['a', 'b'], ['e'], ['b', 'e'], ['d'], ['c', 'f']];
    for (const [index, scope] of scopes.entries()) {
      board.scope = scope;
      await settle(board);
      expect(shownIds(board), JSON.stringify(scope)).to.deep.equal(want[index]);
      expect(shownIds(board), 'the same as core').to.deep.equal(expected(store, scope));
    }
    board.scope = undefined;
    await settle(board);
    expect(shownIds(board)).to.deep.equal(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(chip(board), 'no chip without a scope').to.equal(null);
  });

  it('applies the scope in addition to the board’s own filter', async () => {
    const { board } = await scoped({ projectIds: ['p-1'], overdue: true });
    board.filter = { assigneeIds: ['u-1'] };
    await settle(board);
    expect(shownIds(board)).to.deep.equal(['b']);
  });

  it('ignores the scope’s projects: the board’s project decides', async () => {
    const { board } = await scoped({ projectIds: ['p-2'], overdue: true });
    expect(shownIds(board), 'p-1’s overdue tasks, not p-2’s').to.deep.equal(['a', 'b']);
  });

  it('moves a task in and out of the scope on live changes from another user', async () => {
    const { board, adapter } = await scoped({ projectIds: ['p-1'], overdue: true });
    const sam = adapter.remote('u-3');
    sam.update('tasks', 'd', { due: late });
    await waitUntil(() => shownIds(board).includes('d'), 'd became overdue and shows');
    sam.update('tasks', 'a', { status: 'done' });
    await waitUntil(() => !shownIds(board).includes('a'), 'a is done and leaves');
    await settle(board);
    expect(shownIds(board)).to.deep.equal(['b', 'd']);
    sam.create('tasks', makeTask('h', { title: 'Hotel', status: 'todo', rank: 'h', due: late }));
    await waitUntil(() => shownIds(board).includes('h'), 'a new overdue task shows');
    sam.delete('tasks', 'b');
    await waitUntil(() => !shownIds(board).includes('b'), 'a deleted task goes');
    expect(shownIds(board)).to.deep.equal(['d', 'h']);
  });

  it('re-tests a blocked task when only its predecessor changed', async () => {
    const { board, adapter } = await scoped({ projectIds: ['p-1'], blocked: true }, 'Blocked');
    expect(shownIds(board)).to.deep.equal(['e']);
    adapter.remote('u-3').update('tasks', 'a', { status: 'done' });
    await waitUntil(() => shownIds(board).length === 0, 'e is no longer blocked');
    adapter.remote('u-3').update('tasks', 'c', { status: 'review' });
    await waitUntil(() => shownIds(board).includes('f'), 'f is blocked by c again');
    expect(shownIds(board)).to.deep.equal(['f']);
  });

  it('names the scope in a chip, and Clear emits cwm-scope-clear and shows everything again', async () => {
    const scope: TaskFilter = { projectIds: ['p-1'], overdue: true };
    const { board } = await scoped(scope);
    expect(chip(board)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Filtered: Overdue tasks (2) Clear filter');
    const cleared = record<{ scope: TaskFilter }>(board, 'cwm-scope-clear');
    chip(board)!.querySelector('button')!.click();
    await settle(board);
    expect(cleared).to.have.length(1);
    expect(cleared[0]!.scope).to.equal(scope);
    expect(board.scope).to.equal(undefined);
    expect(chip(board)).to.equal(null);
    expect(shownIds(board)).to.have.length(6);
    expect(board.shadowRoot!.activeElement?.matches('input[type=search]'), 'focus goes to the search box').to.equal(true);
  });

  it('keeps the scope when a listener cancels cwm-scope-clear', async () => {
    const { board } = await scoped({ projectIds: ['p-1'], overdue: true });
    board.addEventListener('cwm-scope-clear', (event) => event.preventDefault());
    chip(board)!.querySelector('button')!.click();
    await settle(board);
    expect(board.scope).to.not.equal(undefined);
    expect(shownIds(board)).to.deep.equal(['a', 'b']);
  });

  it('clears from the keyboard', async () => {
    const { board } = await scoped({ projectIds: ['p-1'], overdue: true });
    chip(board)!.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(board);
    expect(board.scope).to.equal(undefined);
  });

  it('renders a hostile label as text', async () => {
    const { board } = await scoped({ projectIds: ['p-1'], overdue: true });
    for (const payload of XSS_PAYLOADS) {
      board.scopeLabel = payload.text;
      await board.updateComplete;
      const text = chip(board)!.querySelector('.scope-text')!;
      expect(text.textContent, payload.name).to.equal(`Filtered: ${payload.text}`);
      expect(text.children.length, payload.name).to.equal(0);
    }
    expect(window.__xss).to.equal(undefined);
  });

  it('takes its label from the scope-label attribute and says "Filtered view" without one, in German too', async () => {
    const { board } = await scoped({ projectIds: ['p-1'], overdue: true }, '');
    expect(chip(board)!.querySelector('.scope-text')!.textContent).to.equal('Filtered view');
    board.setAttribute('scope-label', 'Überfällig (2)');
    board.lang = 'de';
    await settle(board);
    expect(chip(board)!.querySelector('.scope-text')!.textContent).to.equal('Gefiltert: Überfällig (2)');
    expect(chip(board)!.querySelector('button')!.textContent).to.equal('Filter aufheben');
  });

  it('has no axe violations with a scope, light and dark', async () => {
    // Nobody assigned: the card avatar's colour for some people fails contrast on its own (a card
    // matter, reported to the lead), which is not what this test is about.
    const unassigned = seedTasks().map((task) => ({ ...task, assigneeIds: [] }));
    for (const theme of ['light', 'dark'] as const) {
      const { board } = await mountBoard({ tasks: unassigned, projects: [openProject()], theme });
      board.scope = { projectIds: ['p-1'], overdue: true };
      board.scopeLabel = 'Overdue tasks (2)';
      await settle(board);
      expect(chip(board), theme).to.not.equal(null);
      await expect(board).to.be.accessible();
    }
  });
});

describe('board layout with a scope', () => {
  const projects = Table.from([openProject()]);
  const people = Table.from(PEOPLE);
  const base: BoardConfig = { projectIds: ['p-1'], columnsBy: 'status', lanesBy: 'none', filter: {}, today };
  const shown = (tasks: Table<Task>, config: BoardConfig) => [...computeLayout({ tasks, projects, people, config }).positions.keys()].sort();

  it('updates incrementally to exactly the full layout as tasks enter and leave the scope', () => {
    const config: BoardConfig = { ...base, scope: { projectIds: ['p-1'], overdue: true } };
    let tasks = Table.from(seedTasks());
    let layout = computeLayout({ tasks, projects, people, config });
    const edits: Task[][] = [
      [{ ...tasks.get('d')!, due: late }],
      [{ ...tasks.get('a')!, status: 'done' }],
      [makeTask('h', { status: 'review', rank: 'h', due: late }), { ...tasks.get('b')!, due: soon }],
    ];
    for (const [step, edit] of edits.entries()) {
      const next = tasks.batch(edit);
      const updated = updateLayout(layout, { tasks: next, previousTasks: tasks, projects, people, config });
      expect(updated, `step ${step} is incremental`).to.not.equal(undefined);
      const full = computeLayout({ tasks: next, projects, people, config });
      expect([...updated!.cells], `step ${step}`).to.deep.equal([...full.cells]);
      expect(updated!.shown).to.equal(full.shown);
      tasks = next;
      layout = updated!;
    }
    expect([...layout.positions.keys()].sort()).to.deep.equal(['d', 'h']);
  });

  it('declines the incremental path for a blocked scope, and compares scopes by identity', () => {
    const config: BoardConfig = { ...base, scope: { projectIds: ['p-1'], blocked: true } };
    const tasks = Table.from(seedTasks());
    const layout = computeLayout({ tasks, projects, people, config });
    const next = tasks.set({ ...tasks.get('a')!, status: 'done' });
    expect(updateLayout(layout, { tasks: next, previousTasks: tasks, projects, people, config })).to.equal(undefined);
    expect(shown(next, config)).to.deep.equal([]);
    expect(sameLayoutConfig(config, { ...config })).to.equal(true);
    expect(sameLayoutConfig(config, { ...config, scope: { ...config.scope! } })).to.equal(false);
    expect(sameLayoutConfig(base, config)).to.equal(false);
  });
});
