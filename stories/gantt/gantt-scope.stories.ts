// <cwm-gantt> opened from a dashboard tile: the host passes the tile's drill-down filter as `scope`
// and a label; the Gantt shows those tasks with their phases as muted context rows, under a chip whose
// "Clear filter" lifts it.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { MemoryAdapter } from '@cwm/adapters';
import { createTaskFilterContext, CwmStore, matchesTaskFilter, type TaskFilter } from '@cwm/core';
import type { WorkspaceTheme } from '@cwm/ui';
import { LAUNCH_MANAGER, LAUNCH_PROJECT, LAUNCH_TODAY, launchWorkspace } from './gantt-data.js';

interface ScopeArgs {
  tile: 'in-progress' | 'ben' | 'blocked';
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
  onCwmScopeClear?: (event: Event) => void;
}

const seed = launchWorkspace();
let store: CwmStore | undefined;

/** One store for every story of this file, so a story switch keeps the data. */
function scopeStore(): CwmStore {
  store ??= new CwmStore({ adapter: new MemoryAdapter({ seed }), workspaceId: seed.workspace.id, userId: LAUNCH_MANAGER });
  return store;
}

/** The filters dashboard tiles would hand out, with their names. */
const TILES: Record<ScopeArgs['tile'], { readonly name: string; readonly filter: TaskFilter }> = {
  'in-progress': { name: 'In progress', filter: { projectIds: [LAUNCH_PROJECT], statusCategories: ['active'] } },
  ben: { name: 'Ben Okafor’s open tasks', filter: { projectIds: [LAUNCH_PROJECT], assigneeIds: ['u-ben'], statusCategories: ['todo', 'active'] } },
  blocked: { name: 'Blocked tasks', filter: { projectIds: [LAUNCH_PROJECT], blocked: true } },
};

/** The tile's label with its count, worked out with the very predicate the Gantt applies. */
function tileLabel(tile: ScopeArgs['tile']): string {
  const { name, filter } = TILES[tile];
  const workflows = new Map(seed.projects.map((project) => [project.id, project.workflow]));
  const context = createTaskFilterContext(seed.tasks, (id) => workflows.get(id), LAUNCH_TODAY);
  return `${name} (${seed.tasks.filter((task) => matchesTaskFilter(task, filter, context)).length})`;
}

function render(args: ScopeArgs): TemplateResult {
  const dark = args.theme === 'dark';
  return html`<div style=${`background:${dark ? '#0b0d0f' : 'transparent'};padding:${dark ? '1rem' : '0'};border-radius:0.75rem`}>
    <cwm-workspace .store=${scopeStore()} theme=${args.theme} lang=${args.lang}>
      <cwm-gantt
        project=${LAUNCH_PROJECT}
        today=${LAUNCH_TODAY}
        zoom="week"
        .scope=${TILES[args.tile].filter}
        .scopeLabel=${tileLabel(args.tile)}
        @cwm-scope-clear=${(event: Event) => args.onCwmScopeClear?.(event)}
      ></cwm-gantt>
    </cwm-workspace>
  </div>`;
}

const meta: Meta<ScopeArgs> = {
  title: 'Widgets/Gantt scope',
  component: 'cwm-gantt',
  argTypes: {
    tile: { control: 'inline-radio', options: ['in-progress', 'ben', 'blocked'], description: 'The dashboard tile that was clicked (story only).' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], description: 'The workspace theme (story only).' },
    lang: { control: 'inline-radio', options: ['en', 'de'], description: 'The workspace language (story only).' },
  },
  args: { tile: 'ben', theme: 'light', lang: 'en' },
};
export default meta;

type Story = StoryObj<ScopeArgs>;

/**
 * What the demo does when a KPI tile of `<cwm-dashboard>` is clicked: `gantt.scope = event.detail.filter`
 * and `gantt.scopeLabel = '…'`. The rows are the tasks behind the number; their phases stay as muted
 * context rows (their bars still span the whole phase), and arrows are drawn only between rows shown.
 * "Clear filter" fires `cwm-scope-clear` (cancelable) and shows the whole plan again.
 */
export const ScopedFromADashboard: Story = {
  name: 'Scoped from a dashboard',
  render,
};

/** In-progress work, in German on a dark page. */
export const ScopedDarkGerman: Story = {
  name: 'Scoped from a dashboard (dark, German)',
  args: { tile: 'in-progress', theme: 'dark', lang: 'de' },
  render,
};
