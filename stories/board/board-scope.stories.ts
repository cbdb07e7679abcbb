// <cwm-board> opened from a dashboard tile: the host passes the tile's drill-down filter as `scope`
// and a label; the board shows exactly those tasks under a chip whose "Clear filter" lifts it.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { MemoryAdapter } from '@cwm/adapters';
import {
  addDays,
  createTaskFilterContext,
  CwmStore,
  matchesTaskFilter,
  todayIso,
  weekStart,
  type TaskFilter,
} from '@cwm/core';
import type { WorkspaceTheme } from '@cwm/ui';
import { datedWorkspace } from './board-data.js';

interface ScopeArgs {
  tile: 'overdue' | 'blocked' | 'due-this-week';
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
  onCwmScopeClear?: (event: Event) => void;
}

const PROJECT = 'p-1';
const seed = datedWorkspace({ workspaceId: 'storybook-board-scope', projects: 3, people: 12, tasks: 300 });
let store: CwmStore | undefined;

/** One store for every story of this file, so a story switch keeps the data. */
function scopeStore(): CwmStore {
  const manager = seed.people.find((person) => person.role === 'manager') ?? seed.people[0]!;
  store ??= new CwmStore({ adapter: new MemoryAdapter({ seed }), workspaceId: seed.workspace.id, userId: manager.id });
  return store;
}

/** The filters three dashboard tiles would hand out, as `<cwm-dashboard>`'s drill-down events carry them. */
function tileFilter(tile: ScopeArgs['tile']): TaskFilter {
  const today = todayIso();
  switch (tile) {
    case 'overdue':
      return { projectIds: [PROJECT], overdue: true };
    case 'blocked':
      return { projectIds: [PROJECT], blocked: true, statusCategories: ['todo', 'active'] };
    case 'due-this-week': {
      const monday = weekStart(today);
      return { projectIds: [PROJECT], dueWithin: { from: monday, to: addDays(monday, 6) } };
    }
  }
}

/** The tile's label with its count, worked out with the very predicate the board applies. */
function tileLabel(tile: ScopeArgs['tile'], filter: TaskFilter): string {
  const workflows = new Map(seed.projects.map((project) => [project.id, project.workflow]));
  const context = createTaskFilterContext(seed.tasks, (id) => workflows.get(id), todayIso());
  const count = seed.tasks.filter((task) => matchesTaskFilter(task, filter, context)).length;
  const names = { overdue: 'Overdue tasks', blocked: 'Blocked tasks', 'due-this-week': 'Due this week' };
  return `${names[tile]} (${count})`;
}

function render(args: ScopeArgs): TemplateResult {
  const scope = tileFilter(args.tile);
  const dark = args.theme === 'dark';
  return html`<div style=${`background:${dark ? '#0b0d0f' : 'transparent'};padding:${dark ? '1rem' : '0'};border-radius:0.75rem`}>
    <cwm-workspace .store=${scopeStore()} theme=${args.theme} lang=${args.lang}>
      <cwm-board
        project=${PROJECT}
        style="--cwm-board-height: 32rem"
        .scope=${scope}
        .scopeLabel=${tileLabel(args.tile, scope)}
        @cwm-scope-clear=${(event: Event) => args.onCwmScopeClear?.(event)}
      ></cwm-board>
    </cwm-workspace>
  </div>`;
}

const meta: Meta<ScopeArgs> = {
  title: 'Widgets/Board scope',
  component: 'cwm-board',
  argTypes: {
    tile: { control: 'inline-radio', options: ['overdue', 'blocked', 'due-this-week'], description: 'The dashboard tile that was clicked (story only).' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], description: 'The workspace theme (story only).' },
    lang: { control: 'inline-radio', options: ['en', 'de'], description: 'The workspace language (story only).' },
  },
  args: { tile: 'overdue', theme: 'light', lang: 'en' },
};
export default meta;

type Story = StoryObj<ScopeArgs>;

/**
 * What the demo does when a KPI tile of `<cwm-dashboard>` is clicked: `board.scope = event.detail.filter`
 * and `board.scopeLabel = 'Overdue tasks (12)'`. The board shows exactly the tasks behind the number,
 * on top of its own filter bar; moving a card out of the scope (an overdue card to Done) makes it leave.
 * "Clear filter" fires `cwm-scope-clear` (cancelable) and shows the whole board again.
 */
export const ScopedFromADashboard: Story = {
  name: 'Scoped from a dashboard',
  render,
};

/** The same, blocked tasks, in German on a dark page. */
export const ScopedDarkGerman: Story = {
  name: 'Scoped from a dashboard (dark, German)',
  args: { tile: 'blocked', theme: 'dark', lang: 'de' },
  render,
};
