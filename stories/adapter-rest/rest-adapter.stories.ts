import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { CwmStore, Id } from '@cwm/core';
import type { WorkspaceTheme } from '@cwm/ui';
import '@cwm/task-detail/define';
import type { BackendAction } from './story-backend-controls.js';
import './story-backend-controls.js';
import './story-sync-panel.js';
import { OTHER, YOU, firstCard, storyBackend, storyLink, storyStore } from './rest-story-setup.js';

interface RestArgs {
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
}

const meta: Meta<RestArgs> = {
  title: 'Adapters/REST adapter',
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark'], description: 'The workspace theme.' },
    lang: { control: 'inline-radio', options: ['en', 'de'], description: 'The workspace language.' },
  },
  args: { theme: 'light', lang: 'en' },
  parameters: {
    docs: {
      description: {
        component:
          'The widgets on `@cwm/adapter-rest`: `new RestAdapter(cwmServerOptions({ baseUrl, workspaceId, auth, fetch, tenant }))` with its offline outbox in IndexedDB and live changes over Server-Sent Events. Storybook cannot start the reference server, so each story runs an in-page stand-in for it (`stories/adapter-rest/in-page-backend.ts`, a `fetch` answering the same routes from a `MemoryBackend`, with ETags, Idempotency-Key replay, 409 with the current entity and an event stream). The buttons cut the network, make the server fail, or play the other person.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<RestArgs>;

/** The story's colour scheme around `content` (the canvas stays white; a dark widget needs a dark page). */
function framed(args: RestArgs, content: TemplateResult, extra: Record<string, string> = {}): TemplateResult {
  const dark = args.theme === 'dark';
  const frame = styleMap({
    background: dark ? '#0b0d0f' : 'transparent',
    color: dark ? '#e6e8eb' : 'inherit',
    padding: dark ? '1rem' : '0',
    borderRadius: '0.75rem',
    fontFamily: 'system-ui, sans-serif',
    ...extra,
  });
  return html`<div style=${frame}>${content}</div>`;
}

/** The bar over a widget: the story's buttons and the store's own account of syncing, side by side. */
function toolbar(controls: TemplateResult): TemplateResult {
  return html`<div style="display: flex; flex-wrap: wrap; gap: 0.75rem 2rem; align-items: start; margin-block-end: 1rem">
    <div style="flex: 1 1 22rem">${controls}</div>
    <story-sync-panel style="flex: 0 1 20rem"></story-sync-panel>
  </div>`;
}

function board(height: string, cardFields = 'assignees,due,priority'): TemplateResult {
  return html`<cwm-board project="p-1" card-fields=${cardFields} style=${styleMap({ '--cwm-board-height': height })}></cwm-board>`;
}

/**
 * The board, with you (an admin) signed in to the in-page server. Go offline and move or edit cards:
 * they stay on the board, the status line counts the changes waiting, and "Back online" sends them in
 * order, exactly once. "Someone else renames the first card" arrives over the live stream. "Flaky
 * server" answers 30% of requests 503: writes are retried with backoff (the server figures show
 * resends answered from the stored reply, never applied twice).
 */
export const BoardOnRestBackend: Story = {
  name: 'Board on a REST backend',
  render: (args) => {
    const key = 'board';
    const store = storyStore(key, YOU);
    return framed(
      args,
      html`<cwm-workspace .store=${store} theme=${args.theme} lang=${args.lang}>
        ${toolbar(html`<story-backend-controls
          .backend=${storyBackend(key)}
          .link=${storyLink(key, YOU)}
          .other=${OTHER}
          .actions=${['network', 'rename-first', 'flaky'] satisfies BackendAction[]}
        ></story-backend-controls>`)}
        ${board('30rem')}
      </cwm-workspace>`,
    );
  },
};

/**
 * You edit a task's title while someone else renames it. Live updates are slowed down (10 s), so their
 * change is on the server before your screen hears of it: your save carries the old version, the
 * server answers 409 with the current task, and the adapter merges field by field. The title is the
 * field they changed, so their value is kept and you are told ("What happened to your changes").
 */
export const ConflictSameField: Story = {
  name: 'Conflict: same field',
  render: (args) => {
    const key = 'conflict';
    const backend = storyBackend(key, { streamDelayMs: 10_000 });
    const taskId: Id | undefined = firstCard(backend, 'p-1')?.id;
    const store = storyStore(key, YOU);
    return framed(
      args,
      html`<cwm-workspace .store=${store} theme=${args.theme} lang=${args.lang}>
        <ol style="margin: 0 0 1rem; padding-inline-start: 1.25rem; max-inline-size: 48rem; line-height: 1.5">
          <li>In the panel, choose “Edit the title” (the pencil beside it) and type a new title. Do not save yet.</li>
          <li>Choose the button below: the other person renames the same task on the server.</li>
          <li>Save your title within 10 seconds. The server refuses the stale write (409); the adapter keeps their title and tells you.</li>
        </ol>
        ${toolbar(html`<story-backend-controls
          .backend=${backend}
          .link=${storyLink(key, YOU)}
          .other=${OTHER}
          .taskId=${taskId}
          .actions=${['rename-task', 'slow-stream', 'network'] satisfies BackendAction[]}
        ></story-backend-controls>`)}
        <p style="margin: 0 0 1rem; max-inline-size: 48rem">
          With “Slow live updates” off, their change reaches you while you type instead, and the editor itself asks: use theirs or keep
          yours.
        </p>
        ${taskId === undefined
          ? html`<p>The generated project has no task.</p>`
          : html`<cwm-task-detail task=${taskId} no-close style="display: block; max-inline-size: 34rem"></cwm-task-detail>`}
      </cwm-workspace>`,
    );
  },
};

/** One person's half of the side-by-side story: their own workspace, store, adapter and network. */
function personColumn(key: string, personId: Id, store: CwmStore, heading: string, args: RestArgs): TemplateResult {
  // `contain: layout` makes the column the box the workspace's fixed status line sits in, so each
  // person's line shows under their own board instead of both in the same viewport corner.
  return html`<section style="contain: layout; min-inline-size: 0; padding-block-end: 4rem" aria-label=${heading}>
    <h2 style="margin: 0 0 0.5rem; font-size: 1.1rem">${heading}</h2>
    <cwm-workspace .store=${store} theme=${args.theme} lang=${args.lang}>
      ${toolbar(html`<story-backend-controls
        .backend=${storyBackend(key)}
        .link=${storyLink(key, personId)}
        .actions=${['network'] satisfies BackendAction[]}
        label=${`${heading}: network`}
        no-stats
      ></story-backend-controls>`)}
      ${board('26rem', 'assignees')}
    </cwm-workspace>
  </section>`;
}

/**
 * Two people on one server, each in their own workspace with their own REST adapter (two browsers,
 * in effect): a move on one board appears on the other over the live stream. Put one person offline,
 * change things on both sides, and bring them back: the waiting changes go out, both boards converge.
 */
export const TwoPeopleSideBySide: Story = {
  name: 'Two people side by side',
  parameters: { layout: 'fullscreen' },
  render: (args) => {
    const key = 'two-people';
    const backend = storyBackend(key);
    const you = storyStore(key, YOU);
    const other = storyStore(key, OTHER);
    const nameOf = (personId: Id): string => (backend.memory.get('people', personId) as { name?: string } | undefined)?.name ?? personId;
    return framed(
      args,
      html`<story-backend-controls .backend=${backend} .actions=${['flaky'] satisfies BackendAction[]} label="Server"></story-backend-controls>
        <div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1.5rem; margin-block-start: 1rem">
          ${personColumn(key, YOU, you, `${nameOf(YOU)} (admin)`, args)} ${personColumn(key, OTHER, other, `${nameOf(OTHER)} (manager)`, args)}
        </div>`,
      { padding: '1rem' },
    );
  },
};
