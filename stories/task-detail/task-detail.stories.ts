import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { CwmStore, Id } from '@cwm/core';
import type { WorkspaceTheme } from '@cwm/ui';
import '@cwm/task-detail/define';
import { personStore } from '../support/shared-backend.js';
import { ANA, BEN, detailWorkspace, HOSTILE_TASK, LAUNCH_TASK } from './task-detail-data.js';

interface DetailArgs {
  task: string;
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
  width: number;
  onCwmTaskOpen?: (event: Event) => void;
  onCwmTaskDetailClose?: (event: Event) => void;
}

const TRY_IT =
  'Edit the title in place (Enter saves, Escape cancels), the description (markdown with a preview), status (only the moves the workflow allows), dates, estimate and progress: invalid values are refused beside the field and what you typed stays. "Undo" follows every edit. Reorder subtasks and checklist items with Alt+Arrow keys.';

/** The editor inside a workspace on `store`, as a side panel of `args.width` pixels. */
function renderDetail(store: CwmStore, args: DetailArgs): TemplateResult {
  const dark = args.theme === 'dark';
  const frame = styleMap({ background: dark ? '#0b0d0f' : 'transparent', padding: dark ? '1rem' : '0', borderRadius: '0.75rem', maxWidth: `${args.width + 32}px` });
  return html`<div style=${frame}>
    <cwm-workspace .store=${store} theme=${args.theme} lang=${args.lang}>
      <cwm-task-detail
        task=${args.task}
        style=${styleMap({ width: `${args.width}px` })}
        @cwm-task-open=${(event: Event) => args.onCwmTaskOpen?.(event)}
        @cwm-task-detail-close=${(event: Event) => args.onCwmTaskDetailClose?.(event)}
      ></cwm-task-detail>
    </cwm-workspace>
  </div>`;
}

function store(userId: Id, key = 'task-detail'): CwmStore {
  return personStore(key, detailWorkspace, userId);
}

const meta: Meta<DetailArgs> = {
  title: 'Widgets/Task detail',
  component: 'cwm-task-detail',
  tags: ['autodocs'],
  argTypes: {
    task: { control: 'text' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], description: 'The workspace theme (story only).' },
    lang: { control: 'inline-radio', options: ['en', 'de'], description: 'The workspace language (story only).' },
    width: { control: { type: 'range', min: 320, max: 900, step: 10 }, description: 'Width of the panel (story only).' },
  },
  args: { task: LAUNCH_TASK, theme: 'light', lang: 'en', width: 480 },
  parameters: {
    docs: {
      description: {
        component:
          'The editor every widget opens for one task, on the shared store (memory adapter here). Every edit is optimistic and undoable; a change by someone else to the field you are editing is shown with "Use theirs" / "Keep mine". The Actions panel logs `cwm-task-open` (a subtask or parent was chosen: a host shows that task) and `cwm-task-detail-close`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<DetailArgs>;

/** You are Ana (manager) on the launch task: subtasks, checklist, a dependency, a document. */
export const Playground: Story = {
  parameters: { docs: { description: { story: TRY_IT } } },
  render: (args) => renderDetail(store(ANA), args),
};

/** The narrowest side panel the editor supports. */
export const Narrow: Story = {
  name: '320 px side panel',
  args: { width: 320 },
  render: (args) => renderDetail(store(ANA, 'task-detail-narrow'), args),
};

/** Ana and Ben edit the same task on two stores over one backend. */
export const TwoPeople: Story = {
  name: 'Two people, one task',
  tags: ['!autodocs'],
  parameters: {
    docs: {
      description: {
        story:
          'Start editing the title (or the estimate) on Ana\'s side without saving, then change the same field on Ben\'s side and save: Ana sees "Changed by Ben Okafor to … while you were editing" with "Use theirs" / "Keep mine". Changes to other fields simply appear.',
      },
    },
  },
  render: (args) => html`<div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1.5rem">
    <section><h3 style="font:600 0.9rem system-ui;margin:0 0 .5rem">Ana Ruiz</h3>${renderDetail(store(ANA, 'task-detail-duo'), args)}</section>
    <section><h3 style="font:600 0.9rem system-ui;margin:0 0 .5rem">Ben Okafor</h3>${renderDetail(store(BEN, 'task-detail-duo'), args)}</section>
  </div>`,
};

/** A viewer sees everything and can change nothing, with the reason. */
export const ReadOnly: Story = {
  name: 'Read only (viewer)',
  render: (args) => renderDetail(store('td-vera', 'task-detail-viewer'), args),
};

/** Title, description, checklist and subtasks full of script payloads: all shown as text. */
export const Hostile: Story = {
  name: 'Hostile text',
  args: { task: HOSTILE_TASK },
  render: (args) => renderDetail(store(ANA, 'task-detail-hostile'), args),
};

/** German wording, dark theme. */
export const GermanDark: Story = {
  name: 'Deutsch, dunkel',
  args: { lang: 'de', theme: 'dark' },
  render: (args) => renderDetail(store(ANA, 'task-detail-de'), args),
};
