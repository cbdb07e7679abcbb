import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { CwmStore, Id } from '@cwm/core';
import type { WorkspaceData } from '@cwm/adapters';
import type { WorkspaceTheme } from '@cwm/ui';
import { XSS_PAYLOADS } from '../../tests/fixtures/xss-payloads.js';
import { personStore } from '../support/shared-backend.js';
import {
  ANA,
  BEN,
  BUSY_COUNT,
  BUSY_UNREAD,
  EVA,
  GUS,
  HOSTILE_TASK,
  LOG_TASK,
  LOGIN_TASK,
  RATE_TASK,
  TEAM_TASKS,
  hostileWorkspace,
  teamWorkspace,
  tenThousandWorkspace,
} from './chat-data.js';

interface ChatArgs {
  task: string;
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
  // Storybook fills these from the manifest's events (the Actions panel logs them).
  onCwmMessageSend?: (event: Event) => void;
  onCwmMessageSent?: (event: Event) => void;
  onCwmMention?: (event: Event) => void;
}

/** What every editable story can try; repeated in each description that invites it. */
const TRY_IT =
  'Write with Enter to send and Shift+Enter for a new line; **bold**, _italic_, `code`, "- " lists and [links](https://example.com) render. Type @ for the people you may mention (arrows, Enter). Hover a message of your own to edit or delete it, any message to react or reply; the paper clip links a document.';

/** The chat inside a workspace on `store`, framed in the story's colour scheme. */
function renderChat(store: CwmStore, args: ChatArgs, height = '34rem'): TemplateResult {
  const dark = args.theme === 'dark';
  const frame = styleMap({
    // The canvas stays white; a dark chat on it would not show how it looks on a dark page.
    background: dark ? '#0b0d0f' : 'transparent',
    padding: dark ? '1rem' : '0',
    borderRadius: '0.75rem',
    maxWidth: '46rem',
  });
  return html`<div style=${frame}>
    <cwm-workspace .store=${store} theme=${args.theme} lang=${args.lang}>
      <cwm-task-chat
        task=${args.task}
        style=${styleMap({ '--cwm-chat-height': height })}
        @cwm-message-send=${(event: Event) => args.onCwmMessageSend?.(event)}
        @cwm-message-sent=${(event: Event) => args.onCwmMessageSent?.(event)}
        @cwm-mention=${(event: Event) => args.onCwmMention?.(event)}
      ></cwm-task-chat>
    </cwm-workspace>
  </div>`;
}

/** The team workspace as `userId`, on the backend of `key` (stories that share a key share the data). */
function teamStore(userId: Id, key = 'chat-team'): CwmStore {
  return personStore(key, teamWorkspace, userId);
}

const meta: Meta<ChatArgs> = {
  title: 'Widgets/Task chat',
  component: 'cwm-task-chat',
  tags: ['autodocs'],
  argTypes: {
    task: {
      control: { type: 'select', labels: Object.fromEntries(TEAM_TASKS.map((item) => [item.id, item.title])) },
      options: TEAM_TASKS.map((item) => item.id),
    },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], description: 'The workspace theme (story only).' },
    lang: { control: 'inline-radio', options: ['en', 'de'], description: 'The workspace language (story only).' },
  },
  args: { task: LOGIN_TASK, theme: 'light', lang: 'en' },
  parameters: {
    docs: {
      description: {
        component:
          'The live conversation of one task on the shared store, here on the memory adapter with a hand-written team conversation dated just before now. Messages show at once as "Sending…" and settle; task events from the activity log appear as system lines. The Actions panel logs `cwm-message-send`, `cwm-message-sent` and `cwm-mention`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<ChatArgs>;

/** Pick a task, a language and a theme; you are Ana, who manages the project. */
export const Playground: Story = {
  parameters: { docs: { description: { story: `Switch tasks with the control: each has its own thread (the release notes have none yet). ${TRY_IT}` } } },
  render: (args) => renderChat(teamStore(ANA), args),
};

/**
 * The login task's thread: a few hundred messages over five days with markdown, mentions, replies (quoted),
 * reactions, document links, an edit, deleted messages and task events, and an unread divider.
 */
export const BusyThread: Story = {
  name: 'A busy thread',
  args: { task: LOGIN_TASK },
  parameters: {
    docs: {
      description: {
        story: `${BUSY_COUNT} messages; Ana has not read the last ${BUSY_UNREAD}, so the chat opens at the "Unread" divider. Scroll up: older pages load without the view jumping. Scroll up a little and send from the Two people story's other side, or post here: a "new messages" button appears when you are not at the bottom. ${TRY_IT}`,
      },
    },
  },
  render: (args) => renderChat(teamStore(ANA, 'chat-busy'), args),
};

/** Ana's live chat, and Ben's on another store over the same backend: what two tabs or two users are. */
function twoPeople(args: ChatArgs): TemplateResult {
  const side = (userId: Id, label: string): TemplateResult => html`<section>
    <h3 style="font: 600 0.9rem system-ui; margin: 0 0 0.5rem">${label}</h3>
    ${renderChat(teamStore(userId, 'chat-duo'), args, '30rem')}
  </section>`;
  return html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1.5rem">
    ${side(ANA, 'Ana Ruiz (manager)')} ${side(BEN, 'Ben Okafor (back end)')}
  </div>`;
}

/** Two people, two stores, one backend: typing and messages go live between the two chats. */
export const TwoPeople: Story = {
  name: 'Two people side by side',
  tags: ['!autodocs'],
  args: { task: RATE_TASK },
  parameters: {
    docs: {
      description: {
        story:
          'Each side is its own `<cwm-workspace>` on its own store; both stores use one MemoryBackend, like two tabs. Type on one side: the other shows "Ana Ruiz is typing…". Send: the message appears on the other side at once, and its read marker moves when the other side sees it. Mention @Ben Okafor from Ana\'s side: Ben gets a notification (the Notifications Live story shows the bell). Reactions and edits travel too.',
      },
    },
  },
  render: (args) => twoPeople(args),
};

/** Acting as Eva, a viewer: she reads the thread but cannot write, react or edit. */
export const ReadOnly: Story = {
  name: 'Read-only viewer',
  parameters: {
    docs: {
      description: {
        story: 'The composer is replaced by a line that says why (viewers only read). Try a reaction chip: the refusal and its reason show in an alert you can dismiss.',
      },
    },
  },
  render: (args) => renderChat(teamStore(EVA), args),
};

/** Acting as Gus, the client's guest: he may take part in the conversation and nothing else. */
export const Guest: Story = {
  name: 'Guest (comment only)',
  parameters: {
    docs: {
      description: {
        story: `Gus may post, reply, react and edit his own messages. Type @: people across the communication boundaries of the policy are listed disabled with the reason. Elsewhere (the board) he could not change the task. ${TRY_IT}`,
      },
    },
  },
  render: (args) => renderChat(teamStore(GUS), args),
};

/** 10,000 messages, one every ten minutes: the list keeps only the rows around the view in the DOM. */
export const TenThousand: Story = {
  name: '10,000 messages',
  tags: ['!autodocs'],
  args: { task: LOG_TASK },
  argTypes: { task: { control: false } },
  parameters: {
    docs: {
      description: {
        story:
          'Opens at the bottom (everything read) in a few tens of milliseconds; only a window of about a hundred rows is rendered. Scroll up fast: older pages load as you near the top and the first visible message stays put. Open the element inspector: the DOM stays small.',
      },
    },
  },
  render: (args) => renderChat(personStore('chat-10k', tenThousandWorkspace, ANA), args),
};

/** `theme="dark"` on the workspace. */
export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { docs: { description: { story: `The same thread on the dark theme: own messages, mention chips, the unread divider and code keep their contrast. ${TRY_IT}` } } },
  render: (args) => renderChat(teamStore(ANA, 'chat-busy'), args),
};

/** `lang="de"` on the workspace: every label, system line, date and count in German. */
export const German: Story = {
  args: { lang: 'de' },
  parameters: {
    docs: { description: { story: 'Day separators, times, "bearbeitet", the system lines of task events and the composer are German; message bodies stay as written.' } },
  },
  render: (args) => renderChat(teamStore(ANA, 'chat-busy'), args),
};

const hostileSeed = (): WorkspaceData => hostileWorkspace(XSS_PAYLOADS);

/**
 * Keeps `output` telling whether any payload ran (it would set `window.__xss`) while it is on the page.
 * The ref fires before Storybook attaches the story, so it waits to be connected and stops once removed.
 */
function watchForScripts(output?: Element): void {
  if (!output) return;
  let attached = false;
  const check = (): void => {
    if (!output.isConnected && attached) return;
    attached ||= output.isConnected;
    const ran = (window as { __xss?: number }).__xss !== undefined;
    output.textContent = ran ? 'A payload RAN: window.__xss is set.' : 'No payload has run (window.__xss is not set).';
    output.setAttribute('style', `font: 600 0.9rem system-ui; color: ${ran ? '#b00020' : '#1b7f3b'}`);
    setTimeout(check, 500);
  };
  check();
}

/** The XSS battery of the tests as messages, author names, attachment names and types: all of it shows as text. */
export const Hostile: Story = {
  name: 'Hostile content',
  tags: ['!autodocs'],
  args: { task: HOSTILE_TASK },
  argTypes: { task: { control: false } },
  parameters: {
    docs: {
      description: {
        story:
          'Script tags, event-handler attributes, javascript: and data: URLs, SVG payloads, malformed markup, bidi overrides and one very long payload, typed by users whose names are payloads too; some attachments carry them in their name and type, some a javascript: URL (shown as text, not a link). Nothing runs: the line under the chat would turn red. Paste a payload into the composer and send it: same result.',
      },
    },
  },
  render: (args) => html`${renderChat(personStore('chat-hostile', hostileSeed, ANA), args)}
    <p ${ref(watchForScripts)}></p>`,
};
