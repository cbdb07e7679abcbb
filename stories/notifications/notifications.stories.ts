import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { todayIso, type CwmStore, type Id } from '@cwm/core';
import type { WorkspaceTheme } from '@cwm/ui';
import { personStore } from '../support/shared-backend.js';
import { ANA, BEN, EVA, LOGIN_TASK, RATE_TASK } from '../chat/chat-data.js';
import { inboxWorkspace, manyWorkspace } from './notifications-data.js';

interface NotificationsArgs {
  today: string;
  limit: number;
  open: boolean;
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
  // Storybook fills these from the manifest's events (the Actions panel logs them).
  onCwmNotificationOpen?: (event: Event) => void;
  onCwmTaskOpen?: (event: Event) => void;
}

/** What every story can try; repeated in each description that invites it. */
const TRY_IT =
  'Click the bell (or Tab to it and press Enter): the inbox opens under it. Filter All / Unread / Mentions, open an item (it turns read and the Actions panel logs `cwm-notification-open` then `cwm-task-open`), or "Mark all read". Escape or a click outside closes it and gives focus back to the bell.';

/** The bell inside a workspace on `store`, at the top end of a bar like a host app's header. */
function renderInbox(store: CwmStore, args: NotificationsArgs): TemplateResult {
  const dark = args.theme === 'dark';
  const bar = styleMap({
    display: 'flex',
    justifyContent: 'flex-end',
    alignItems: 'flex-start',
    gap: '1rem',
    padding: '0.5rem 1rem',
    // Room under the bell for the panel, so the canvas shows it whole.
    minHeight: '36rem',
    background: dark ? '#0b0d0f' : 'transparent',
    borderRadius: '0.75rem',
  });
  return html`<div style=${bar}>
    <cwm-workspace .store=${store} theme=${args.theme} lang=${args.lang}>
      <cwm-notifications
        today=${args.today}
        limit=${args.limit}
        ?open=${args.open}
        @cwm-notification-open=${(event: Event) => args.onCwmNotificationOpen?.(event)}
        @cwm-task-open=${(event: Event) => args.onCwmTaskOpen?.(event)}
      ></cwm-notifications>
    </cwm-workspace>
  </div>`;
}

/** Ana's inbox (mentions, an assignment, a status change, a comment, reminders), kept across stories. */
function inboxStore(userId: Id = ANA): CwmStore {
  return personStore('inbox', inboxWorkspace, userId);
}

const meta: Meta<NotificationsArgs> = {
  title: 'Widgets/Notifications',
  component: 'cwm-notifications',
  tags: ['autodocs'],
  argTypes: {
    today: { control: 'text', description: 'Today (`YYYY-MM-DD`) for reminders and grouping; empty is the real today.' },
    limit: { control: { type: 'number', min: 1, max: 100 } },
    open: { control: 'boolean' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], description: 'The workspace theme (story only).' },
    lang: { control: 'inline-radio', options: ['en', 'de'], description: 'The workspace language (story only).' },
  },
  args: { today: todayIso(), limit: 50, open: false, theme: 'light', lang: 'en' },
  parameters: {
    docs: {
      description: {
        component:
          "The bell and inbox of the acting person (Ana, who manages the customer-portal project), on the memory adapter. Mentions, assignments and status changes are written by the backend when someone else acts; due-soon and overdue reminders are worked out from Ana's tasks and `today`.",
      },
    },
  },
};
export default meta;

type Story = StoryObj<NotificationsArgs>;

/** Every attribute as a control; move `today` to see reminders appear, turn overdue and regroup. */
export const Playground: Story = {
  parameters: {
    docs: {
      description: {
        story: `Set \`today\` a week ahead: the release notes come due, more tasks turn overdue, and items move from Today to Earlier. Reminders you marked read come back when their task turns overdue. ${TRY_IT}`,
      },
    },
  },
  render: (args) => renderInbox(inboxStore(), args),
};

/** The inbox open: a mention with its preview, a status change, assignments, a comment, due and overdue reminders. */
export const Everything: Story = {
  name: 'Mentions, assignments, status changes, due reminders',
  args: { open: true },
  parameters: { docs: { description: { story: `One item of each kind, today's first; one assignment is already read. ${TRY_IT}` } } },
  render: (args) => renderInbox(inboxStore(), args),
};

/** Eva (a viewer) has nothing assigned and nobody has mentioned her: no badge, an empty inbox that says so. */
export const Empty: Story = {
  args: { open: true },
  parameters: { docs: { description: { story: 'No badge on the bell; the open panel says there is nothing to read and the filters still work.' } } },
  render: (args) => renderInbox(inboxStore(EVA), args),
};

/** Fourteen unread notifications: the badge shows "9+", the bell's accessible name the exact count. */
export const Many: Story = {
  name: 'Many (9+)',
  parameters: {
    docs: { description: { story: `The badge caps at "9+"; a screen reader hears "14 unread". Lower \`limit\` to cut the list. ${TRY_IT}` } },
  },
  render: (args) => renderInbox(personStore('inbox-many', manyWorkspace, ANA), args),
};

/** `theme="dark"` on the workspace, the inbox open. */
export const Dark: Story = {
  args: { theme: 'dark', open: true },
  parameters: { docs: { description: { story: `Unread backgrounds, the badge and focus rings on the dark theme. ${TRY_IT}` } } },
  render: (args) => renderInbox(inboxStore(), args),
};

/** `lang="de"` on the workspace, the inbox open: sentences, groups, filters and times in German. */
export const German: Story = {
  args: { lang: 'de', open: true },
  parameters: { docs: { description: { story: '"Heute" / "Früher", "Alle als gelesen markieren", and every item sentence in German.' } } },
  render: (args) => renderInbox(inboxStore(), args),
};

/** Phrases Ben cycles through, so each mention reads differently. */
const MENTIONS = [
  'can you look at the **burst limit** before the demo?',
  'the partner asked about `Retry-After`; do we send it?',
  'staging is green again, thanks!',
];

/** What the story's buttons did, shown under them (and announced politely). */
function report(event: Event, text: string): void {
  const output = (event.currentTarget as HTMLElement).closest('.live')?.querySelector('output');
  if (output) output.textContent = text;
}

/** Ben, on his own store over the same backend, mentions Ana in the rate-limit chat. */
async function benMentionsAna(event: Event, count: { value: number }): Promise<void> {
  const ben = personStore('inbox-live', inboxWorkspace, BEN);
  await ben.connect();
  const phrase = MENTIONS[count.value++ % MENTIONS.length]!;
  const result = ben.postMessage({ taskId: RATE_TASK, body: `@Ana Ruiz ${phrase}`, mentions: [ANA] });
  report(event, result.ok ? `Ben posted: "@Ana Ruiz ${phrase}"` : `Refused: ${result.reason}`);
}

/** Chloé moves the login task (Ana follows it and is assigned): a status-change notification for Ana. */
async function chloeMovesLogin(event: Event): Promise<void> {
  const chloe = personStore('inbox-live', inboxWorkspace, 'u-chloe');
  await chloe.connect();
  const current = chloe.state.tasks.get(LOGIN_TASK)?.status;
  const next = current === 'review' ? 'in-progress' : 'review';
  const result = chloe.moveTask(LOGIN_TASK, { status: next });
  report(event, result.ok ? `Chloé moved "Wire the login form" to ${next}.` : `Refused: ${result.reason}`);
}

/** Mentions and status changes made by other people on other stores, arriving live at Ana's bell. */
export const Live: Story = {
  tags: ['!autodocs'],
  parameters: {
    docs: {
      description: {
        story:
          'The buttons act as Ben and Chloé, each on their own store over the same backend as Ana\'s (like another user in another tab). Each click writes through the adapter; the backend creates Ana\'s notification and her bell counts up at once, announcing "New mention from Ben Okafor" to screen readers. Open the panel and keep clicking: new items appear at the top.',
      },
    },
  },
  render: (args) => {
    const count = { value: 0 };
    const button = 'font: 500 0.9rem system-ui; padding: 0.4rem 0.8rem; border-radius: 0.4rem; border: 1px solid #8a8f98; background: #fff; cursor: pointer';
    return html`<div class="live">
      <p style="display: flex; gap: 0.75rem; flex-wrap: wrap; align-items: center; margin: 0 0 0.5rem">
        <button style=${button} @click=${(event: Event) => void benMentionsAna(event, count)}>Ben mentions Ana</button>
        <button style=${button} @click=${(event: Event) => void chloeMovesLogin(event)}>Chloé moves "Wire the login form"</button>
        <output aria-live="polite" style="font: 0.85rem system-ui; color: #555"></output>
      </p>
      ${renderInbox(personStore('inbox-live', inboxWorkspace, ANA), args)}
    </div>`;
  },
};
