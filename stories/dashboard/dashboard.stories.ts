import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { CwmStore } from '@cwm/core';
import { CwmDashboard } from '@cwm/dashboard';
import { defineElement, type WorkspaceTheme } from '@cwm/ui';
import { personStore } from '../support/shared-backend.js';
import { EMPTY_PROJECT, GENERATED_TODAY, PORTFOLIO_PROJECTS, PORTFOLIO_TODAY, PORTFOLIO_VIEWER, TEN_THOUSAND_PROJECTS, portfolioWorkspace, tenThousandTasks } from './dashboard-data.js';

// Issue 6 is in progress: `defineAll` does not register the dashboard yet, so the stories do.
defineElement('cwm-dashboard', CwmDashboard);

interface DashboardArgs {
  projects: string;
  today: string;
  tiles: string;
  panels: string;
  'range-days': number;
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
  /** Width of the column the dashboard sits in (story only), e.g. `320px`; empty is the full canvas. */
  width: string;
  // Rows the manifest may add for the element's internals; never set by a story.
  projectIds?: never;
  visibleTiles?: never;
  visiblePanels?: never;
  layout?: never;
  rangeDays?: never;
  // Storybook fills these from the manifest's events (the Actions panel logs them).
  onCwmDashboardDrillDown?: (event: Event) => void;
  onCwmTaskOpen?: (event: Event) => void;
  onCwmDashboardConfigWarning?: (event: Event) => void;
}

/** What every story can try; repeated in each description that invites it. */
const TRY_IT =
  'Click a KPI tile, a project name, a status in the status mix, a person or a "Show all" button (or Tab to it and press Enter): the Actions panel logs `cwm-dashboard-drill-down` with its `source`, a `label` like "Overdue tasks (5)" and the filter a host would pass to a board or Gantt. A task title logs `cwm-task-open`. Under each chart, "Show data" opens the numbers behind it as a table.';

/** The dashboard inside a workspace on `store`, on a page background that follows the theme. */
function renderDashboard(store: CwmStore, args: DashboardArgs): TemplateResult {
  const page = styleMap({
    padding: '1rem',
    background: args.theme === 'dark' ? '#0b0d0f' : 'transparent',
    borderRadius: '0.75rem',
    inlineSize: args.width === '' ? 'auto' : args.width,
    boxSizing: 'content-box',
  });
  return html`<div style=${page}>
    <cwm-workspace .store=${store} theme=${args.theme} lang=${args.lang}>
      <cwm-dashboard
        projects=${args.projects}
        today=${args.today}
        tiles=${args.tiles}
        panels=${args.panels}
        range-days=${args['range-days']}
        @cwm-dashboard-drill-down=${(event: Event) => args.onCwmDashboardDrillDown?.(event)}
        @cwm-task-open=${(event: Event) => args.onCwmTaskOpen?.(event)}
        @cwm-dashboard-config-warning=${(event: Event) => args.onCwmDashboardConfigWarning?.(event)}
      ></cwm-dashboard>
    </cwm-workspace>
  </div>`;
}

/** The hand-made portfolio, one store kept across stories and controls. */
function portfolioStore(): CwmStore {
  return personStore('dashboard-portfolio', portfolioWorkspace, PORTFOLIO_VIEWER);
}

const meta: Meta<DashboardArgs> = {
  title: 'Widgets/Dashboard',
  component: 'cwm-dashboard',
  tags: ['autodocs'],
  argTypes: {
    projects: { control: 'text', description: 'Comma-separated project ids (`p-web`, `p-app`, `p-dc`, `p-office`).' },
    today: { control: 'text', description: 'Today (`YYYY-MM-DD`) for overdue, this week and the charts; empty is the real today.' },
    tiles: { control: 'text', description: 'Tiles in order: `percent-complete,done,open,overdue,blocked,due-this-week,checklist,people`; empty shows all.' },
    panels: {
      control: 'text',
      description: 'Panels in order: `portfolio,status-mix,overdue,who-is-on-what,unplanned,burndown,burnup,cumulative-flow`; empty is the default for one project or a portfolio. An unknown name is skipped with a warning.',
    },
    'range-days': { control: { type: 'number', min: 1, max: 366 }, description: 'Days the burndown, burnup and cumulative flow cover (default 30).' },
    width: { control: 'text', description: 'Width of the column around the dashboard (story only), e.g. `320px`; empty fills the canvas.' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], description: 'The workspace theme (story only).' },
    lang: { control: 'inline-radio', options: ['en', 'de'], description: 'The workspace language (story only).' },
  },
  args: { projects: PORTFOLIO_PROJECTS.join(','), today: PORTFOLIO_TODAY, tiles: '', panels: '', 'range-days': 30, theme: 'light', lang: 'en', width: '' },
  parameters: {
    docs: {
      description: {
        component:
          'KPI tiles, a portfolio table, the status mix, the overdue list with owners, who is on what, unplanned work, and burndown, burnup and cumulative flow charts, live from the shared store (memory adapter). Which tiles and panels show, and in what order, comes from `tiles` / `panels` (or the `layout` property). The layout follows the width of the dashboard itself (container queries): try the Narrow column story. The data is pinned to Monday 16 March 2026, so every number can be checked against `stories/dashboard/dashboard-data.ts`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<DashboardArgs>;

/** Three projects at once: on track, behind, nearly done. */
export const Portfolio: Story = {
  parameters: {
    docs: {
      description: {
        story: `Website relaunch, Mobile app 2.0 and Data centre move: 24 tasks, 5 overdue (one of them unassigned), 3 blocked by an open predecessor, one without dates and one without an estimate. Remove a project id from \`projects\` and watch every number follow; move \`today\` a week ahead and more tasks turn overdue. ${TRY_IT}`,
      },
    },
  },
  render: (args) => renderDashboard(portfolioStore(), args),
};

/** A project with no tasks: zeros, never NaN, and a sentence that says why. */
export const EmptyProject: Story = {
  name: 'Empty project',
  args: { projects: EMPTY_PROJECT },
  parameters: {
    docs: {
      description: {
        story: 'The "Office move" project has no tasks yet: every tile shows 0 (and 0 %), the portfolio row says it is empty, the overdue list says there is nothing late and the burndown stays flat. Clear `projects` entirely for the "no project selected" state.',
      },
    },
  },
  render: (args) => renderDashboard(portfolioStore(), args),
};

/** `theme="dark"` on the workspace. */
export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { docs: { description: { story: `Tiles, progress bars, the chart line and focus rings on the dark theme: Tab through the tiles to check the focus ring contrast. ${TRY_IT}` } } },
  render: (args) => renderDashboard(portfolioStore(), args),
};

/** `lang="de"` on the workspace: labels, numbers, percentages, dates and lists in German. */
export const German: Story = {
  args: { lang: 'de' },
  parameters: {
    docs: {
      description: {
        story: 'Every label in German, dates as "16.03.2026"-style medium dates, percentages as "48 %" and owner lists joined with "und". Open "Daten anzeigen" under the burndown for the table headers.',
      },
    },
  },
  render: (args) => renderDashboard(portfolioStore(), args),
};

/** One project: no portfolio table; the default panels of a project view. */
export const SingleProject: Story = {
  name: 'Single project',
  args: { projects: 'p-app' },
  parameters: {
    docs: {
      description: {
        story: `Mobile app 2.0 alone: with one project the default panels leave out the portfolio (it would be a single row) and start with the status mix and the overdue list. ${TRY_IT}`,
      },
    },
  },
  render: (args) => renderDashboard(portfolioStore(), args),
};

/** `tiles` and `panels` pick and order what shows; an unknown name is skipped with a warning. */
export const CustomLayout: Story = {
  name: 'Custom layout',
  args: { tiles: 'overdue,blocked,due-this-week,percent-complete', panels: 'overdue,burnup,portfolio,velocity' },
  parameters: {
    docs: {
      description: {
        story:
          'Four tiles and three panels in the order the attributes name them. `velocity` is not a panel: it is skipped, the console says so once and the Actions panel logs `cwm-dashboard-config-warning`. Hosts that build the layout in code set `dashboard.layout = { tiles: [...], panels: [...] }` instead.',
      },
    },
  },
  render: (args) => renderDashboard(portfolioStore(), args),
};

/** A 320 px portal column: one column of panels, two tiles per row, charts full width. */
export const NarrowColumn: Story = {
  name: 'Narrow column (320 px)',
  args: { width: '320px' },
  parameters: {
    docs: {
      description: {
        story:
          'The dashboard in a 320 px column, as in a portal sidebar. Nothing scrolls sideways: tiles go two per row, panels stack, chart axes keep three short dates. Switch `lang` to `de` to check that long German labels wrap instead of being clipped.',
      },
    },
  },
  render: (args) => renderDashboard(portfolioStore(), args),
};

/** The status mix alone: a bar split by status, its legend of drill-down buttons and its data table. */
export const StatusMixChart: Story = {
  name: 'Chart: status mix',
  args: { tiles: 'open', panels: 'status-mix' },
  parameters: { docs: { description: { story: `Segments and legend entries drill down to a status's tasks. ${TRY_IT}` } } },
  render: (args) => renderDashboard(portfolioStore(), args),
};

/** The burndown alone. */
export const BurndownChart: Story = {
  name: 'Chart: burndown',
  args: { tiles: 'open', panels: 'burndown' },
  parameters: { docs: { description: { story: 'Open tasks at the end of each day, replayed from the activity log. Change `range-days` to 7 or 90. "Show data" adds remaining hours per day.' } } },
  render: (args) => renderDashboard(portfolioStore(), args),
};

/** The burnup alone. */
export const BurnupChart: Story = {
  name: 'Chart: burnup',
  args: { tiles: 'done', panels: 'burnup' },
  parameters: { docs: { description: { story: 'Done against scope: two lines and a legend, so tasks added during the period (scope creep) show apart from progress.' } } },
  render: (args) => renderDashboard(portfolioStore(), args),
};

/** The cumulative flow alone. */
export const CumulativeFlowChart: Story = {
  name: 'Chart: cumulative flow',
  args: { tiles: 'open', panels: 'cumulative-flow' },
  parameters: { docs: { description: { story: 'Tasks per status per day, stacked with done at the bottom; statuses of one category get shades of its colour. Try it on the dark theme.' } } },
  render: (args) => renderDashboard(portfolioStore(), args),
};

/** 10,000 tasks over three projects with their activity log. */
export const TenThousandTasks: Story = {
  name: '10,000 tasks',
  args: { projects: TEN_THOUSAND_PROJECTS.join(','), today: GENERATED_TODAY },
  parameters: {
    docs: {
      description: {
        story: `A generated workspace of 10,000 tasks in three projects and some 20,000 log entries, as of ${GENERATED_TODAY}. The numbers are computed once per change of the data, not per render: switch the theme or language and the tiles update at once; drop a project id and the KPIs and burndown are recomputed for the other two. ${TRY_IT}`,
      },
    },
  },
  render: (args) => {
    const data = tenThousandTasks();
    return renderDashboard(personStore('dashboard-10k', () => data, data.people[0]!.id), args);
  },
};
