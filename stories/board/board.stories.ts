import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { CwmStore } from '@cwm/core';
import { withStatuses } from '@cwm/core/testing';
import { ALL_CARD_FIELDS, type CardField, type ColumnField, type LaneField } from '@cwm/board';
import type { WorkspaceTheme } from '@cwm/ui';
import { datedWorkspace, personWithRole, storyStore, withTightLimits } from './board-data.js';

interface BoardArgs {
  project: string;
  'columns-by': ColumnField;
  'lanes-by': LaneField;
  'card-fields': CardField[];
  level: 'all' | 'top' | 'leaves';
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
  dir: 'ltr' | 'rtl';
  /** Only the WIP limits story: what an exceeded limit does. */
  policy?: 'block' | 'warn';
  // Rows the manifest adds for the properties behind the attributes above; never set by a story.
  columnsBy?: never;
  lanesBy?: never;
  cardFields?: never;
  // Storybook fills these from the manifest's events (the Actions panel logs them).
  onCwmTaskMove?: (event: Event) => void;
  onCwmTaskMoved?: (event: Event) => void;
  onCwmTaskOpen?: (event: Event) => void;
  onCwmTaskCreate?: (event: Event) => void;
  onCwmTaskCreated?: (event: Event) => void;
}

/** A member of the team: may move, add and assign themselves, not assign others. */
const MEMBER = 'u-4';

/** The board inside a workspace on `store`, framed in the story's direction and colour scheme. */
function renderBoard(store: CwmStore, args: BoardArgs, height = '34rem'): TemplateResult {
  const dark = args.theme === 'dark';
  const frame = styleMap({
    '--cwm-board-height': height,
    // The canvas stays white; a dark board on it would not show how it looks on a dark page.
    background: dark ? '#0b0d0f' : 'transparent',
    padding: dark ? '1rem' : '0',
    borderRadius: '0.75rem',
  });
  return html`<div dir=${args.dir} style=${frame}>
    <cwm-workspace .store=${store} theme=${args.theme} lang=${args.lang}>
      <cwm-board
        project=${args.project}
        columns-by=${args['columns-by']}
        lanes-by=${args['lanes-by']}
        card-fields=${args['card-fields'].join(',')}
        level=${args.level}
        @cwm-task-move=${(event: Event) => args.onCwmTaskMove?.(event)}
        @cwm-task-moved=${(event: Event) => args.onCwmTaskMoved?.(event)}
        @cwm-task-open=${(event: Event) => args.onCwmTaskOpen?.(event)}
        @cwm-task-create=${(event: Event) => args.onCwmTaskCreate?.(event)}
        @cwm-task-created=${(event: Event) => args.onCwmTaskCreated?.(event)}
      ></cwm-board>
    </cwm-workspace>
  </div>`;
}

/** Three projects, twelve people, 300 tasks: the data of most stories. */
function teamStore(userId: (data: ReturnType<typeof datedWorkspace>) => string, key: string): CwmStore {
  return storyStore(key, () => datedWorkspace({ workspaceId: 'storybook-board', projects: 3, people: 12, tasks: 300 }), userId);
}

const meta: Meta<BoardArgs> = {
  title: 'Widgets/Board',
  component: 'cwm-board',
  tags: ['autodocs'],
  argTypes: {
    // Descriptions and types come from the JSDoc via custom-elements.json; here only the choices.
    project: { control: 'select', options: ['p-1', 'p-2', 'p-3', 'p-1,p-2,p-3'] },
    'columns-by': { control: 'inline-radio', options: ['status', 'assignee', 'priority', 'project'] },
    'lanes-by': { control: 'inline-radio', options: ['none', 'assignee', 'priority', 'parent', 'project'] },
    'card-fields': { control: 'inline-check', options: [...ALL_CARD_FIELDS] },
    level: { control: 'inline-radio', options: ['all', 'top', 'leaves'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], description: 'The workspace theme (story only).' },
    lang: { control: 'inline-radio', options: ['en', 'de'], description: 'The workspace language (story only).' },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'], description: 'Direction of the page around the board (story only).' },
    // The properties behind the attributes above: set through the attribute rows.
    columnsBy: { control: false },
    lanesBy: { control: false },
    cardFields: { control: false },
    policy: { table: { disable: true } },
  },
  args: {
    project: 'p-1',
    'columns-by': 'status',
    'lanes-by': 'none',
    'card-fields': [...ALL_CARD_FIELDS],
    level: 'all',
    theme: 'light',
    lang: 'en',
    dir: 'ltr',
  },
  parameters: {
    docs: {
      description: {
        component:
          'A Kanban board on the shared store, here on the memory adapter with generated data (dated around today). Drag cards with the mouse or keyboard (focus a card, Space, arrows, Space); every move goes through the store. The Actions panel logs the events.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<BoardArgs>;

/** Every attribute as a control, acting as a team member. */
export const Playground: Story = {
  render: (args) => renderBoard(teamStore(() => MEMBER, 'team'), args),
};

/** One lane per assignee (a card sits with its first assignee); dropping into another lane reassigns it. */
export const SwimlanesByAssignee: Story = {
  name: 'Swimlanes by assignee',
  args: { 'lanes-by': 'assignee' },
  render: (args) => renderBoard(teamStore(() => MEMBER, 'team'), args, '44rem'),
};

/** One lane per parent task, the work broken down under it; dropping into another lane re-parents the card. */
export const SwimlanesByParent: Story = {
  name: 'Swimlanes by parent',
  args: { 'lanes-by': 'parent', level: 'leaves' },
  render: (args) => renderBoard(teamStore(() => MEMBER, 'team'), args, '44rem'),
};

/**
 * Limits set tight on purpose: "In progress" is full and "To do" over its limit. With `block`, a drop into a
 * full column is refused while you drag (the drop line turns red) and again on drop, with the reason; with
 * `warn` the move goes through and the count turns amber. A move the workflow forbids (Backlog straight to
 * Review) is refused either way.
 */
export const WipLimits: Story = {
  name: 'WIP limits',
  args: { policy: 'block', 'card-fields': ['key', 'assignees', 'priority', 'due'] },
  argTypes: { policy: { control: 'inline-radio', options: ['block', 'warn'], table: { disable: false } } },
  render: (args) => {
    const policy = args.policy ?? 'block';
    const store = storyStore(
      `wip-${policy}`,
      () => withTightLimits(datedWorkspace({ workspaceId: 'storybook-wip', projects: 1, people: 6, tasks: 60 }), policy),
      () => MEMBER,
    );
    return renderBoard(store, args);
  },
};

/**
 * Acting as a viewer: cards cannot be dragged or lifted (trying says why), and the add buttons are disabled
 * with the policy's reason as their tooltip.
 */
export const ReadOnly: Story = {
  name: 'Read-only (viewer)',
  render: (args) => renderBoard(teamStore((data) => personWithRole(data, 'viewer'), 'team-viewer'), args),
};

/**
 * 10,000 cards over 8 statuses in one project. Each column renders only the cards in view, so this costs
 * what a small board costs. (Left out of the docs page, which renders every story at once.)
 */
export const TenThousandCards: Story = {
  name: '10,000 cards',
  tags: ['!autodocs'],
  args: { project: 'p-1' },
  render: (args) => {
    const store = storyStore(
      'ten-thousand',
      () => withStatuses(datedWorkspace({ workspaceId: 'storybook-10k', projects: 1, tasks: 10_000 })),
      () => MEMBER,
    );
    return renderBoard(store, args, '40rem');
  },
};

/** `theme="dark"` on the workspace and `dir="rtl"` on the page: the board mirrors, arrows follow the screen. */
export const DarkRtl: Story = {
  name: 'Dark + RTL',
  args: { theme: 'dark', dir: 'rtl' },
  render: (args) => renderBoard(teamStore(() => MEMBER, 'team'), args),
};

/** Three projects on one board: columns by project (or by status, merged over the workflows). */
export const Portfolio: Story = {
  args: { project: 'p-1,p-2,p-3', 'columns-by': 'project' },
  argTypes: { 'columns-by': { control: 'inline-radio', options: ['project', 'status'] } },
  render: (args) => renderBoard(teamStore(() => MEMBER, 'team'), args),
};
