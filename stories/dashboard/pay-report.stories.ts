import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { CwmPayReport } from '@cwm/dashboard';
import { defineElement, type WorkspaceTheme } from '@cwm/ui';
import { personStore } from '../support/shared-backend.js';
import { PAY_FROM, PAY_PROJECTS, PAY_RATE, PAY_RATES, PAY_TO, PAY_VIEWER, payWorkspace } from './pay-report-data.js';

// Issue 6 is in progress: `defineAll` does not register the pay report yet, so the stories do.
defineElement('cwm-pay-report', CwmPayReport);

interface PayReportArgs {
  projects: string;
  from: string;
  to: string;
  rate: number;
  currency: string;
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
  /** Story only: apply the per-person rates of the data set (Jörg 82.00, Léa 48.00). */
  personRates: boolean;
  /** Story only: cancel the export event, as a host sending the report to payroll would. */
  sendToPayroll: boolean;
  /** Story only: width of the column the report sits in. */
  width: string;
  // Rows the manifest may add for the element's internals; never set by a story.
  report?: never;
  rates?: never;
  today?: never;
  // Storybook fills this from the manifest's events (the Actions panel logs it).
  onCwmPayReportExport?: (event: Event) => void;
}

/** What every story can try; repeated in each description that invites it. */
const TRY_IT =
  'Tab to a name and press Enter or Space to list the tasks behind the amount. Change the period in the toolbar. "Download CSV" logs `cwm-pay-report-export` in the Actions panel (the report, its total in cents and the CSV) and saves `pay-report-<from>-<to>.csv`; with `sendToPayroll` on, the story cancels the event and nothing is saved, as a host posting the report to its payroll system would.';

function renderPayReport(args: PayReportArgs): TemplateResult {
  const page = styleMap({ padding: '1rem', background: args.theme === 'dark' ? '#0b0d0f' : 'transparent', borderRadius: '0.75rem', maxWidth: args.width });
  const onExport = (event: Event): void => {
    args.onCwmPayReportExport?.(event);
    if (args.sendToPayroll) event.preventDefault();
  };
  return html`<div style=${page}>
    <cwm-workspace .store=${personStore('pay-report', payWorkspace, PAY_VIEWER)} theme=${args.theme} lang=${args.lang}>
      <cwm-pay-report
        projects=${args.projects}
        from=${args.from}
        to=${args.to}
        rate=${args.rate}
        currency=${args.currency}
        .rates=${args.personRates ? PAY_RATES : {}}
        @cwm-pay-report-export=${onExport}
      ></cwm-pay-report>
    </cwm-workspace>
  </div>`;
}

const meta: Meta<PayReportArgs> = {
  title: 'Widgets/Pay report',
  component: 'cwm-pay-report',
  tags: ['autodocs'],
  argTypes: {
    projects: { control: 'text', description: 'Comma-separated project ids.' },
    from: { control: 'text', description: 'First day of the period (`YYYY-MM-DD`); empty is the first day of the current month.' },
    to: { control: 'text', description: 'Last day of the period, inclusive; empty is the last day of the current month.' },
    rate: { control: 'number', description: 'Hourly rate in minor units (6500 = 65.00 EUR).' },
    currency: { control: 'text', description: 'ISO 4217 code.' },
    personRates: { control: 'boolean', description: 'Story only: the `rates` property with per-person rates (Jörg 82.00, Léa 48.00).' },
    sendToPayroll: { control: 'boolean', description: 'Story only: cancel `cwm-pay-report-export` so nothing is downloaded.' },
    width: { control: 'text', description: 'Story only: width of the column (try 320px).' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], description: 'The workspace theme (story only).' },
    lang: { control: 'inline-radio', options: ['en', 'de'], description: 'The workspace language (story only).' },
  },
  args: {
    projects: PAY_PROJECTS.join(','),
    from: PAY_FROM,
    to: PAY_TO,
    rate: PAY_RATE,
    currency: 'EUR',
    personRates: true,
    sendToPayroll: false,
    width: '60rem',
    theme: 'light',
    lang: 'en',
  },
  parameters: {
    docs: {
      description: {
        component:
          'Pay from work done: per person, the tasks completed in the period, their estimate hours, the hourly rate and the amount, with a total row, live from the shared store (memory adapter) and its activity log. Each name expands to the tasks behind it. "Download CSV" fires a cancelable `cwm-pay-report-export`, then saves a UTF-8 CSV (with a byte-order mark for Excel).',
      },
    },
  },
};
export default meta;

type Story = StoryObj<PayReportArgs>;

/** November for a studio of four, with per-person rates. */
export const Default: Story = {
  parameters: {
    docs: {
      description: {
        story: `November 2026 at 65.00 an hour, Jörg at 82.00 and Léa at 48.00: Jana 650.00 (half of a 20 h task, reopened since: still paid, flagged), Jörg 1,640.00, Léa 672.00 (her retouch has no estimate and is paid nothing, noted under the table; the plotter on the poster run is a resource and is not paid), Omar 845.00; total 3,807.00 for 6 tasks and 57 hours. The newsletter was completed in October: set \`from\` to 2026-10-01 to see it. ${TRY_IT}`,
      },
    },
  },
  render: renderPayReport,
};

/** `lang="de"` on the workspace: German wording, German number and money formats, German CSV header. */
export const German: Story = {
  args: { lang: 'de' },
  parameters: { docs: { description: { story: `Amounts as \`1.640,00 €\`, dates as \`01.11.2026\`; the CSV header is German but its numbers stay machine-readable (\`1640.00\`). ${TRY_IT}` } } },
  render: renderPayReport,
};

/** `theme="dark"` on the workspace. */
export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { docs: { description: { story: `Table, toolbar, the accent button and the focus ring on the dark theme. ${TRY_IT}` } } },
  render: renderPayReport,
};

/** A period in which nothing was completed. */
export const EmptyPeriod: Story = {
  name: 'Empty period',
  args: { from: '2025-01-01', to: '2025-01-31' },
  parameters: { docs: { description: { story: 'January 2025: the table says no task was completed, the total is 0.00, never NaN.' } } },
  render: renderPayReport,
};

/** Settings that cannot be priced, explained in words. */
export const BadConfig: Story = {
  name: 'Bad configuration',
  args: { from: '2026-11-30', to: '2026-11-01', rate: -500, currency: 'EURO' },
  parameters: {
    docs: {
      description: {
        story: 'The period ends before it starts, the rate is negative and the currency is not an ISO code: each problem is listed (announced as an alert), no table is drawn and "Download CSV" is disabled until they are fixed from the controls or the toolbar.',
      },
    },
  },
  render: renderPayReport,
};

/** 320 px: the table scrolls sideways inside its own box. */
export const Narrow: Story = {
  name: 'Narrow column (320 px)',
  args: { width: '320px' },
  parameters: { docs: { description: { story: `The toolbar wraps and the table scrolls horizontally inside its bordered box; the page does not. ${TRY_IT}` } } },
  render: renderPayReport,
};
