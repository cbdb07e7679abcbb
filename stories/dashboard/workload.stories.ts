import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { CwmStore } from '@cwm/core';
import { CwmWorkload } from '@cwm/dashboard';
import { defineElement, type WorkspaceTheme } from '@cwm/ui';
import { personStore } from '../support/shared-backend.js';
import { LARGE_TODAY, MOBILE_PROJECT, TEAM_LEAD, TEAM_PROJECT, TEAM_TODAY, TEAM_VIEWER, teamWorkspace, twoHundredPeople } from './workload-data.js';

// Issue 6 is in progress: `defineAll` does not register the workload grid yet, so the stories do.
defineElement('cwm-workload', CwmWorkload);

interface WorkloadArgs {
  projects: string;
  group: string;
  unit: 'week' | 'day';
  weeks: number;
  days: number;
  today: string;
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
  // Rows the manifest may add for the element's internals; never set by a story.
  report?: never;
  view?: never;
  // Storybook fills these from the manifest's events (the Actions panel logs them).
  onCwmWorkloadDrillDown?: (event: Event) => void;
  onCwmTaskOpen?: (event: Event) => void;
}

/** What every story can try; repeated in each description that invites it. */
const TRY_IT =
  'Tab into the grid: one cell takes focus; the arrow keys move between cells, Home / End go to the first / last column, Ctrl+Home / Ctrl+End to the top-left / bottom-right cell, Page Up / Down by a screenful; scroll the focused row away and back, focus stays. Click a cell or press Enter: the Actions panel logs `cwm-workload-drill-down` and a panel lists the tasks behind the hours, each with Open (`cwm-task-open`) and Reassign to… (through the store: the grid changes at once). Escape closes the panel and puts focus back on the cell.';

/** The grid inside a workspace on `store`, on a page background that follows the theme. */
function renderWorkload(store: CwmStore, args: WorkloadArgs): TemplateResult {
  const page = styleMap({ padding: '1rem', background: args.theme === 'dark' ? '#0b0d0f' : 'transparent', borderRadius: '0.75rem' });
  return html`<div style=${page}>
    <cwm-workspace .store=${store} theme=${args.theme} lang=${args.lang}>
      <cwm-workload
        projects=${args.projects}
        group=${args.group}
        unit=${args.unit}
        weeks=${args.weeks}
        days=${args.days}
        today=${args.today}
        @cwm-workload-drill-down=${(event: Event) => args.onCwmWorkloadDrillDown?.(event)}
        @cwm-task-open=${(event: Event) => args.onCwmTaskOpen?.(event)}
      ></cwm-workload>
    </cwm-workspace>
  </div>`;
}

/** The team of twelve as its lead (a manager), one store kept across stories and controls. */
function teamStore(): CwmStore {
  return personStore('workload-team', teamWorkspace, TEAM_LEAD);
}

/** The same team's data through the eyes of a viewer. */
function viewerStore(): CwmStore {
  return personStore('workload-team', teamWorkspace, TEAM_VIEWER);
}

/** Opens the drill-down panel of one cell once the story has rendered (the way a click would). */
async function openCell(canvas: HTMLElement, personId: string, col: number): Promise<void> {
  const element = canvas.querySelector('cwm-workload') as CwmWorkload | null;
  for (let attempt = 0; attempt < 50 && element; attempt++) {
    await element.updateComplete;
    const cell = element.shadowRoot?.querySelector<HTMLButtonElement>(`[data-person-id="${personId}"] button.cell[data-col="${col}"]`);
    if (cell) {
      cell.click();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const meta: Meta<WorkloadArgs> = {
  title: 'Widgets/Workload',
  component: 'cwm-workload',
  tags: ['autodocs'],
  argTypes: {
    projects: { control: 'text', description: 'Comma-separated project ids; empty shows every project and every person. With several, the toolbar offers each.' },
    group: { control: 'text', description: 'Only people of this group (`Person.group`); the toolbar lists the groups present.' },
    unit: { control: 'inline-radio', options: ['week', 'day'], description: 'Columns: ISO weeks or days.' },
    weeks: { control: { type: 'number', min: 1, max: 53 } },
    days: { control: { type: 'number', min: 1, max: 98 }, description: 'Days shown with `unit="day"`, from the Monday of the week of `today`.' },
    today: { control: 'text', description: 'Any day of the first week shown (`YYYY-MM-DD`); empty is the real today.' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], description: 'The workspace theme (story only).' },
    lang: { control: 'inline-radio', options: ['en', 'de'], description: 'The workspace language (story only).' },
  },
  args: { projects: `${TEAM_PROJECT},${MOBILE_PROJECT}`, group: '', unit: 'week', weeks: 12, days: 14, today: TEAM_TODAY, theme: 'light', lang: 'en' },
  parameters: {
    docs: {
      description: {
        component:
          'People against ISO weeks or days: the open hours planned for each person against their capacity, live from the shared store (memory adapter). Over-allocated cells are marked by colour, a warning icon and text; the last row totals the team; tasks without dates or an estimate are counted as unplanned above the grid. The toolbar filters by project and group and switches weeks / days; a cell opens a panel with the tasks behind it, where a manager reassigns work through the store and its policy.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<WorkloadArgs>;

/** Twelve people over twelve weeks, three of them over capacity in some weeks. */
export const Team: Story = {
  name: 'Team of 12',
  parameters: {
    docs: {
      description: {
        story: `Ben is double-booked in the first two weeks (44 h and 50 h of 40), Chloé works 20 hours a week and gets a 40-hour task in week 3, Gita takes an on-call week on top of her project in week 5 (70 h of 40); the team row counts the people over capacity each week. "2 unplanned": one task has no dates, one no estimate. Pick "Mobile app" or the group "Design" in the toolbar, set \`weeks\` to 4 or 26, or move \`today\`. ${TRY_IT}`,
      },
    },
  },
  render: (args) => renderWorkload(teamStore(), args),
};

/** 200 people over a year: only the rows in view are in the DOM. */
export const TwoHundredPeople: Story = {
  name: '200 people x 52 weeks',
  args: { projects: '', weeks: 52, today: LARGE_TODAY },
  parameters: {
    docs: {
      description: {
        story: `A generated workspace of 200 people on 8,000 tasks, 52 weeks from ${LARGE_TODAY}. Scroll the grid both ways: the header and people column stay put, and fewer than 60 rows exist in the DOM at any time (inspect it). Press Ctrl+End to jump to the last person and back with Ctrl+Home. ${TRY_IT}`,
      },
    },
  },
  render: (args) => renderWorkload(personStore('workload-200', twoHundredPeople, 'u-1'), args),
};

/** `theme="dark"` on the workspace. */
export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: {
    docs: { description: { story: `Cell borders, the over-allocation colour and icon, the sticky header and the focus ring on the dark theme. ${TRY_IT}` } },
  },
  render: (args) => renderWorkload(teamStore(), args),
};

/** The toolbar's filters set from the start: the Mobile group only. */
export const Filtered: Story = {
  name: 'Filtered by group',
  args: { group: 'Mobile' },
  parameters: {
    docs: {
      description: {
        story: `\`group="Mobile"\`: four people, and the team row totals only them. The toolbar shows the chosen group; pick another, or "All groups" and then the project "Mobile app" (its members: the Mobile group and Ana, the lead of both projects). ${TRY_IT}`,
      },
    },
  },
  render: (args) => renderWorkload(teamStore(), args),
};

/** People x days. */
export const Days: Story = {
  name: 'Day view',
  args: { unit: 'day', days: 14 },
  parameters: {
    docs: {
      description: {
        story: `\`unit="day"\`: two weeks of days from the Monday of \`today\`. A task's hours are spread over its working days exactly as in the week view, so a week's days add up to the week; weekends are days off (no capacity, a dash). Ben is over on four days out of the first two weeks. ${TRY_IT}`,
      },
    },
  },
  render: (args) => renderWorkload(teamStore(), args),
};

/** The panel of Ben's second week, open: two tasks, each with Open and Reassign to…. */
export const DrillDownOpen: Story = {
  name: 'Drill-down open',
  parameters: {
    docs: {
      description: {
        story: `Ben's week 2 (50 h of 40) is open: Payments API v2 (32 h) and the Fraud rules hotfix (18 h). Reassign the hotfix to Eva: Ben's cell drops to 32 h, Eva's rises, and the panel says so; other stories on the same data follow. ${TRY_IT}`,
      },
    },
  },
  render: (args) => renderWorkload(teamStore(), args),
  play: async ({ canvasElement }) => openCell(canvasElement, 'u-2', 1),
};

/** A viewer: the same panel, with the policy's reason instead of a reassign control. */
export const Viewer: Story = {
  name: 'Viewer (read-only)',
  parameters: {
    docs: {
      description: {
        story: `The workspace as Vera, a viewer. The grid is the same; in the panel each task says "You have read-only access." where a manager has "Reassign to…", and Open still works. A member would read "Only managers can assign other people." ${TRY_IT}`,
      },
    },
  },
  render: (args) => renderWorkload(viewerStore(), args),
  play: async ({ canvasElement }) => openCell(canvasElement, 'u-2', 1),
};

/** German, day view, dark. */
export const GermanDark: Story = {
  name: 'German, dark',
  args: { lang: 'de', theme: 'dark' },
  parameters: {
    docs: { description: { story: `Wording, dates and numbers in German ("KW 12", "16. März"), on the dark theme. ${TRY_IT}` } },
  },
  render: (args) => renderWorkload(teamStore(), args),
};
