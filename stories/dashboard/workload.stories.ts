import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { CwmStore } from '@cwm/core';
import { CwmWorkload } from '@cwm/dashboard';
import { defineElement, type WorkspaceTheme } from '@cwm/ui';
import { personStore } from '../support/shared-backend.js';
import { LARGE_TODAY, TEAM_LEAD, TEAM_TODAY, teamWorkspace, twoHundredPeople } from './workload-data.js';

// Issue 6 is in progress: `defineAll` does not register the workload grid yet, so the stories do.
defineElement('cwm-workload', CwmWorkload);

interface WorkloadArgs {
  projects: string;
  weeks: number;
  today: string;
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
  // Rows the manifest may add for the element's internals; never set by a story.
  report?: never;
  // Storybook fills this from the manifest's events (the Actions panel logs it).
  onCwmWorkloadDrillDown?: (event: Event) => void;
}

/** What every story can try; repeated in each description that invites it. */
const TRY_IT =
  'Tab into the grid: one cell takes focus; the arrow keys move between cells, Home / End go to the first / last week, Ctrl+Home / Ctrl+End to the top-left / bottom-right cell, Page Up / Down by a screenful. Click a cell or press Enter: the Actions panel logs `cwm-workload-drill-down` with the person, the week and the tasks behind the hours.';

/** The grid inside a workspace on `store`, on a page background that follows the theme. */
function renderWorkload(store: CwmStore, args: WorkloadArgs): TemplateResult {
  const page = styleMap({ padding: '1rem', background: args.theme === 'dark' ? '#0b0d0f' : 'transparent', borderRadius: '0.75rem' });
  return html`<div style=${page}>
    <cwm-workspace .store=${store} theme=${args.theme} lang=${args.lang}>
      <cwm-workload
        projects=${args.projects}
        weeks=${args.weeks}
        today=${args.today}
        @cwm-workload-drill-down=${(event: Event) => args.onCwmWorkloadDrillDown?.(event)}
      ></cwm-workload>
    </cwm-workspace>
  </div>`;
}

/** The team of twelve, one store kept across stories and controls. */
function teamStore(): CwmStore {
  return personStore('workload-team', teamWorkspace, TEAM_LEAD);
}

const meta: Meta<WorkloadArgs> = {
  title: 'Widgets/Workload',
  component: 'cwm-workload',
  tags: ['autodocs'],
  argTypes: {
    projects: { control: 'text', description: 'Comma-separated project ids; empty shows every project and every person.' },
    weeks: { control: { type: 'number', min: 1, max: 53 } },
    today: { control: 'text', description: 'Any day of the first week shown (`YYYY-MM-DD`); empty is the real today.' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], description: 'The workspace theme (story only).' },
    lang: { control: 'inline-radio', options: ['en', 'de'], description: 'The workspace language (story only).' },
  },
  args: { projects: '', weeks: 12, today: TEAM_TODAY, theme: 'light', lang: 'en' },
  parameters: {
    docs: {
      description: {
        component:
          'People against ISO weeks: the open hours planned for each person each week against their capacity, live from the shared store (memory adapter). Over-allocated cells are marked by colour, a warning icon and text; the last row totals the team; tasks without dates or an estimate are counted as unplanned above the grid.',
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
        story: `Ben is double-booked in the first two weeks (44 h and 50 h of 40), Chloé works 20 hours a week and gets a 40-hour task in week 3, Gita takes an on-call week on top of her project in week 5 (70 h of 40); the team row counts the people over capacity each week. "2 unplanned": one task has no dates, one no estimate. Set \`weeks\` to 4 or 26, or move \`today\`. ${TRY_IT}`,
      },
    },
  },
  render: (args) => renderWorkload(teamStore(), args),
};

/** 200 people over a year: only the rows in view are in the DOM. */
export const TwoHundredPeople: Story = {
  name: '200 people x 52 weeks',
  args: { weeks: 52, today: LARGE_TODAY },
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
