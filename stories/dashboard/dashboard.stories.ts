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
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
  // Rows the manifest may add for the element's internals; never set by a story.
  projectIds?: never;
  // Storybook fills this from the manifest's events (the Actions panel logs it).
  onCwmDashboardDrillDown?: (event: Event) => void;
}

/** What every story can try; repeated in each description that invites it. */
const TRY_IT =
  'Click a KPI tile (or Tab to it and press Enter): the Actions panel logs `cwm-dashboard-drill-down` with the filter a host would pass to a board or Gantt. Under the burndown, "Show data" opens the numbers behind the line as a table.';

/** The dashboard inside a workspace on `store`, on a page background that follows the theme. */
function renderDashboard(store: CwmStore, args: DashboardArgs): TemplateResult {
  const page = styleMap({ padding: '1rem', background: args.theme === 'dark' ? '#0b0d0f' : 'transparent', borderRadius: '0.75rem' });
  return html`<div style=${page}>
    <cwm-workspace .store=${store} theme=${args.theme} lang=${args.lang}>
      <cwm-dashboard
        projects=${args.projects}
        today=${args.today}
        @cwm-dashboard-drill-down=${(event: Event) => args.onCwmDashboardDrillDown?.(event)}
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
    today: { control: 'text', description: 'Today (`YYYY-MM-DD`) for overdue, this week and the burndown; empty is the real today.' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], description: 'The workspace theme (story only).' },
    lang: { control: 'inline-radio', options: ['en', 'de'], description: 'The workspace language (story only).' },
  },
  args: { projects: PORTFOLIO_PROJECTS.join(','), today: PORTFOLIO_TODAY, theme: 'light', lang: 'en' },
  parameters: {
    docs: {
      description: {
        component:
          'KPI tiles, a portfolio table, the overdue list with owners and a 30-day burndown, live from the shared store (memory adapter). The data is pinned to Monday 16 March 2026, so every number can be checked against `stories/dashboard/dashboard-data.ts`.',
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
