// A host-given scope (a dashboard drill-down) on <cwm-gantt>: the rows are exactly the tasks core's
// `matchesTaskFilter` selects plus their ancestors (marked as context), arrows only between rows shown,
// live changes move rows in and out, and the chip names the scope as text and clears it.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { matchesTaskFilter, statusCategories, type CwmStore, type Task, type TaskFilter } from '@cwm/core';
import type { CwmGantt } from '@cwm/gantt';
import { buildGanttRows, scopeGanttRows, updateGanttRows } from '../../packages/gantt/src/model/index.js';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.js';
import { after, barBox, barGroup, focusActiveRow, focusedRowId, gridIds, gridRow, mountGantt, record, settle, shadow, task, textOf, TODAY } from './gantt-fixtures.js';

// Today is 2026-03-02.
//   P  Phase (summary)
//     a  Design   Feb 16-20, todo: overdue
//     b  Build    Feb 23-Mar 6, doing, Grace, after a
//     c  Test     Mar 9-13, todo, after b
//   Q  Wrap-up (summary)
//     d  Docs     Feb 20-27, todo: overdue
//     e  Ship     Mar 13-16, done
//   f  Retro      Mar 20-20, todo, after d
function plan(): Task[] {
  return [
    task('P', 'Phase'),
    task('a', 'Design', '2026-02-16', '2026-02-20', { parentId: 'P' }),
    task('b', 'Build', '2026-02-23', '2026-03-06', { parentId: 'P', status: 'doing', assigneeIds: ['u-2'], dependencies: [after('a')] }),
    task('c', 'Test', '2026-03-09', '2026-03-13', { parentId: 'P', dependencies: [after('b')] }),
    task('Q', 'Wrap-up'),
    task('d', 'Docs', '2026-02-20', '2026-02-27', { parentId: 'Q' }),
    task('e', 'Ship', '2026-03-13', '2026-03-16', { parentId: 'Q', status: 'done' }),
    task('f', 'Retro', '2026-03-20', '2026-03-20', { dependencies: [after('d')] }),
  ];
}

const OVERDUE: TaskFilter = { projectIds: ['p-1'], overdue: true };

function links(gantt: CwmGantt): string[] {
  return [...shadow(gantt).querySelectorAll('svg.overlay g.link')].map((link) => `${link.getAttribute('data-from')}>${link.getAttribute('data-to')}`).sort();
}

/** The tasks core's predicate selects: the rows that must show as NOT context. */
function expected(store: CwmStore, scope: TaskFilter): string[] {
  const state = store.state;
  const context = { today: TODAY, categoryOf: statusCategories((id) => state.projects.get(id)?.workflow), taskById: (id: string) => state.tasks.get(id) };
  return state.tasks.values().filter((item) => matchesTaskFilter(item, scope, context)).map((item) => item.id).sort();
}

/** Rendered rows that are in scope (not marked as context), sorted. */
function inScopeIds(gantt: CwmGantt): string[] {
  return gridIds(gantt).filter((id) => !gridRow(gantt, id)!.classList.contains('context')).sort();
}

const chip = (gantt: CwmGantt) => shadow(gantt).querySelector<HTMLElement>('[part=scope]');

async function scoped(scope: TaskFilter, label = 'Overdue tasks (2)') {
  const mounted = await mountGantt({ tasks: plan() });
  mounted.gantt.scope = scope;
  mounted.gantt.scopeLabel = label;
  await settle(mounted.gantt);
  return mounted;
}

describe('<cwm-gantt> scope', () => {
  it('shows the tasks in scope plus their ancestors as context, exactly as matchesTaskFilter selects', async () => {
    const { gantt, store } = await mountGantt({ tasks: plan() });
    expect(gridIds(gantt)).to.deep.equal(['P', 'a', 'b', 'c', 'Q', 'd', 'e', 'f']);
    const cases: [TaskFilter, string[]][] = [
      [OVERDUE, ['P', 'a', 'Q', 'd']],
      [{ projectIds: ['p-1'], assigneeIds: ['u-2'] }, ['P', 'b']],
      [{ projectIds: ['p-1'], blocked: true }, ['P', 'b', 'c', 'f']],
      [{ projectIds: ['p-1'], statusCategories: ['done'] }, ['Q', 'e']],
      [{ projectIds: ['p-1'], taskIds: ['P', 'c'] }, ['P', 'c']],
    ];
    for (const [scope, rows] of cases) {
      gantt.scope = scope;
      await settle(gantt);
      expect(gridIds(gantt), JSON.stringify(scope)).to.deep.equal(rows);
      expect(inScopeIds(gantt), 'the same as core').to.deep.equal(expected(store, scope));
    }
  });

  it('marks context rows in the grid (in words too) and on the timeline, and keeps summaries whole', async () => {
    const { gantt } = await mountGantt({ tasks: plan() });
    const phaseBar = barBox(gantt, 'P');
    gantt.scope = OVERDUE;
    await settle(gantt);
    const phase = gridRow(gantt, 'P')!;
    expect(phase.classList.contains('context')).to.equal(true);
    expect(textOf(phase)).to.include('(shown for context, not in the filter)');
    expect(gridRow(gantt, 'a')!.classList.contains('context')).to.equal(false);
    expect(barGroup(gantt, 'P')!.classList.contains('cwm-context')).to.equal(true);
    expect(barGroup(gantt, 'a')!.classList.contains('cwm-context')).to.equal(false);
    // The summary still spans all its subtasks (a to c), not only the one in scope.
    expect(barBox(gantt, 'P')).to.deep.equal(phaseBar);
  });

  it('draws arrows only between rows shown', async () => {
    const { gantt } = await mountGantt({ tasks: plan() });
    expect(links(gantt)).to.deep.equal(['a>b', 'b>c', 'd>f']);
    gantt.scope = OVERDUE;
    await settle(gantt);
    expect(links(gantt), 'b and f are hidden').to.deep.equal([]);
    gantt.scope = { projectIds: ['p-1'], taskIds: ['a', 'b'] };
    await settle(gantt);
    expect(links(gantt)).to.deep.equal(['a>b']);
  });

  it('ignores the scope’s projects: the Gantt’s project decides', async () => {
    const { gantt } = await scoped({ ...OVERDUE, projectIds: ['p-9'] });
    expect(gridIds(gantt)).to.deep.equal(['P', 'a', 'Q', 'd']);
  });

  it('moves rows in and out on live changes from another user', async () => {
    const { gantt, adapter } = await scoped(OVERDUE);
    const sam = adapter.remote('u-2');
    sam.update('tasks', 'd', { status: 'done' });
    await waitUntil(() => !gridIds(gantt).includes('d'), 'd is done and leaves');
    await settle(gantt);
    expect(gridIds(gantt), 'its parent goes with it').to.deep.equal(['P', 'a']);
    sam.update('tasks', 'c', { start: '2026-02-23', due: '2026-02-25' });
    await waitUntil(() => gridIds(gantt).includes('c'), 'c became overdue');
    await settle(gantt);
    expect(gridIds(gantt)).to.deep.equal(['P', 'a', 'c']);
    sam.create('tasks', task('g', 'Late extra', '2026-02-01', '2026-02-02', { parentId: 'Q' }));
    await waitUntil(() => gridIds(gantt).includes('g'), 'a new overdue task shows with its parent');
    await settle(gantt);
    expect(gridIds(gantt)).to.deep.equal(['P', 'a', 'c', 'Q', 'g']);
  });

  it('re-tests a blocked task when only its predecessor changed', async () => {
    const { gantt, adapter } = await scoped({ projectIds: ['p-1'], blocked: true }, 'Blocked');
    expect(gridIds(gantt)).to.deep.equal(['P', 'b', 'c', 'f']);
    adapter.remote('u-2').update('tasks', 'd', { status: 'done' });
    await waitUntil(() => !gridIds(gantt).includes('f'), 'f is no longer blocked');
    expect(gridIds(gantt)).to.deep.equal(['P', 'b', 'c']);
  });

  it('names the scope in a chip; Clear emits cwm-scope-clear, shows the whole plan and keeps the focus', async () => {
    const { gantt } = await scoped(OVERDUE);
    expect(textOf(chip(gantt))).to.equal('Filtered: Overdue tasks (2) Clear filter');
    const cleared = record<{ scope: TaskFilter }>(gantt, 'cwm-scope-clear');
    chip(gantt)!.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(gantt);
    expect(cleared).to.have.length(1);
    expect(cleared[0]!.detail.scope).to.equal(OVERDUE);
    expect(gantt.scope).to.equal(undefined);
    expect(chip(gantt)).to.equal(null);
    expect(gridIds(gantt)).to.deep.equal(['P', 'a', 'b', 'c', 'Q', 'd', 'e', 'f']);
    expect(shadow(gantt).activeElement?.getAttribute('role'), 'focus on a grid row').to.equal('row');
  });

  it('keeps the scope when a listener cancels cwm-scope-clear', async () => {
    const { gantt } = await scoped(OVERDUE);
    gantt.addEventListener('cwm-scope-clear', (event) => event.preventDefault());
    chip(gantt)!.querySelector('button')!.click();
    await settle(gantt);
    expect(gantt.scope).to.equal(OVERDUE);
    expect(gridIds(gantt)).to.deep.equal(['P', 'a', 'Q', 'd']);
  });

  it('moves through the scoped rows by keyboard, and ArrowRight on a task with no subtask in scope stays put', async () => {
    const { gantt } = await scoped({ projectIds: ['p-1'], taskIds: ['P', 'd'] }, 'Two');
    expect(gridIds(gantt)).to.deep.equal(['P', 'Q', 'd']);
    const row = await focusActiveRow(gantt);
    expect(row.dataset['id']).to.equal('P');
    await sendKeys({ press: 'ArrowRight' });
    await settle(gantt);
    expect(focusedRowId(gantt)).to.equal('P');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(gantt);
    expect(focusedRowId(gantt)).to.equal('d');
    await sendKeys({ press: 'ArrowLeft' });
    await settle(gantt);
    expect(focusedRowId(gantt), 'to its context parent').to.equal('Q');
  });

  it('says so when nothing matches', async () => {
    const { gantt } = await scoped({ projectIds: ['p-1'], taskIds: [] }, 'Nothing');
    expect(gridIds(gantt)).to.deep.equal([]);
    expect(textOf(shadow(gantt).querySelector('.empty'))).to.equal('No task of this plan matches the filter.');
  });

  it('renders a hostile label as text, and speaks German', async () => {
    const { gantt } = await scoped(OVERDUE);
    for (const payload of XSS_PAYLOADS) {
      gantt.scopeLabel = payload.text;
      await gantt.updateComplete;
      const text = chip(gantt)!.querySelector('.scope-text')!;
      expect(text.textContent, payload.name).to.equal(`Filtered: ${payload.text}`);
      expect(text.children.length, payload.name).to.equal(0);
    }
    expect(window.__xss).to.equal(undefined);
    gantt.setAttribute('scope-label', '');
    gantt.lang = 'de';
    await settle(gantt);
    expect(textOf(chip(gantt))).to.equal('Gefilterte Ansicht Filter aufheben');
  });

  it('has no axe violations with a scope, light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { gantt } = await mountGantt({ tasks: plan(), theme });
      gantt.scope = OVERDUE;
      gantt.scopeLabel = 'Overdue tasks (2)';
      await settle(gantt);
      expect(chip(gantt), theme).to.not.equal(null);
      await expect(gantt).to.be.accessible();
    }
  });
});

describe('scopeGanttRows', () => {
  const inScope = (ids: string[]) => (item: Task) => ids.includes(item.id);

  it('keeps the full rows’ objects, and gives back the previous rows when nothing shown changed', () => {
    const tasks = plan();
    // One `collapsed` set throughout: a new one makes updateGanttRows rebuild every row.
    const collapsed = new Set<string>();
    const full = buildGanttRows({ tasks, collapsed });
    const first = scopeGanttRows(full, tasks, inScope(['a', 'd']));
    expect(first.rows.rows.map((row) => row.id)).to.deep.equal(['P', 'a', 'Q', 'd']);
    expect(first.rows.rows[1]).to.equal(full.rows[1]);
    expect([...first.contextIds].sort()).to.deep.equal(['P', 'Q']);
    expect(first.rows.range).to.deep.equal({ start: '2026-02-16', due: '2026-03-16' });
    expect(first.tasks.map((item) => item.id)).to.deep.equal(['P', 'a', 'Q', 'd']);

    // A change to a task outside the scope: the same rows object comes back.
    const next = tasks.map((item) => (item.id === 'f' ? { ...item, title: 'Retro!' } : item));
    const updated = updateGanttRows(full, { tasks: next, collapsed }).rows;
    expect(scopeGanttRows(updated, next, inScope(['a', 'd']), first).rows).to.equal(first.rows);
    // A change to a task shown: new rows.
    const renamed = tasks.map((item) => (item.id === 'a' ? { ...item, title: 'Design!' } : item));
    const again = scopeGanttRows(updateGanttRows(full, { tasks: renamed, collapsed }).rows, renamed, inScope(['a', 'd']), first);
    expect(again.rows).to.not.equal(first.rows);
    expect(again.rows.rows[1]!.title).to.equal('Design!');
  });

  it('marks no task as context when it is in scope itself, and survives a parent loop', () => {
    const tasks = plan();
    const full = buildGanttRows({ tasks, collapsed: new Set() });
    const scoped = scopeGanttRows(full, tasks, inScope(['a', 'P']));
    expect([...scoped.contextIds]).to.deep.equal([]);
    const looped = [task('x', 'X', undefined, undefined, { parentId: 'y' }), task('y', 'Y', undefined, undefined, { parentId: 'x' })];
    const loopRows = scopeGanttRows(buildGanttRows({ tasks: looped, collapsed: new Set() }), looped, inScope(['x']));
    expect(loopRows.rows.rows.map((row) => row.id).sort()).to.deep.equal(['x', 'y']);
  });

  it('leaves a task in scope under a collapsed ancestor inside it', () => {
    const tasks = plan();
    const full = buildGanttRows({ tasks, collapsed: new Set(['P']) });
    expect(scopeGanttRows(full, tasks, inScope(['a'])).rows.rows.map((row) => row.id)).to.deep.equal(['P']);
  });
});
