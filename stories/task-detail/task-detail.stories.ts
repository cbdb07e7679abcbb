import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { WorkspaceData } from '@cwm/adapters';
import type { CwmStore, Id, TaskTemplate, TemplateTask } from '@cwm/core';
import type { WorkspaceTheme } from '@cwm/ui';
import '@cwm/task-detail/define';
import { personStore } from '../support/shared-backend.js';
import { ANA, BEN, detailWorkspace, HOSTILE_TASK, LAUNCH_TASK } from './task-detail-data.js';

interface DetailArgs {
  task: string;
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
  width: number;
  noClose: boolean;
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
        ?no-close=${args.noClose}
        style=${styleMap({ width: `${args.width}px` })}
        @cwm-task-open=${(event: Event) => args.onCwmTaskOpen?.(event)}
        @cwm-task-detail-close=${(event: Event) => args.onCwmTaskDetailClose?.(event)}
      ></cwm-task-detail>
    </cwm-workspace>
  </div>`;
}

function store(userId: Id, key = 'task-detail', seed: () => WorkspaceData = detailWorkspace): CwmStore {
  return personStore(key, seed, userId);
}

function templateStep(title: string, extra: Partial<TemplateTask> = {}): TemplateTask {
  return { title, priority: 'none', tags: [], checklist: [], subtasks: [], ...extra };
}

/** Two templates: Ana's release plan for the website project, and Ben's onboarding for every project. */
function withTemplates(): WorkspaceData {
  const at = '2026-11-02T08:00:00.000Z';
  const templates: TaskTemplate[] = [
    {
      id: 'tpl-release',
      version: 1,
      createdAt: at,
      updatedAt: at,
      name: 'Release checklist',
      createdBy: ANA,
      projectId: 'td-web',
      ...templateStep('Release the site', {
        checklist: ['Freeze content', 'Tag the build'],
        startOffsetDays: 0,
        durationDays: 5,
        subtasks: [templateStep('Staging review', { startOffsetDays: 0, durationDays: 2 }), templateStep('Go live', { startOffsetDays: 3, durationDays: 1 })],
      }),
    },
    {
      id: 'tpl-onboarding',
      version: 1,
      createdAt: at,
      updatedAt: at,
      name: 'Onboarding',
      createdBy: BEN,
      ...templateStep('Onboard a new colleague', { checklist: ['Laptop ordered', 'Badge requested'], subtasks: [templateStep('Accounts')] }),
    },
  ];
  return { ...detailWorkspace(), templates };
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
    noClose: { control: 'boolean', name: 'no-close', description: 'Hides the close button (the host frame has its own); Escape still emits `cwm-task-detail-close`.' },
  },
  args: { task: LAUNCH_TASK, theme: 'light', lang: 'en', width: 480, noClose: false },
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

/**
 * The Templates section (near the end of the panel) with two templates: "Add as subtask" creates a
 * template's tree under the launch task in one undoable step; "Save as template" keeps this task with its
 * subtasks. Ana may delete her own template and, as a manager, Ben's too.
 */
export const WithTemplates: Story = {
  name: 'Templates section',
  parameters: {
    docs: {
      description: {
        story:
          'Scroll to **Templates**: add "Release checklist" as a subtask (its plan starts on this task\'s start), then Undo; save this task as a template ("Only in this project" keeps it out of other projects).',
      },
    },
  },
  render: (args) => renderDetail(store(ANA, 'task-detail-templates', withTemplates), args),
};

/** Inside a host frame that has its own Close: `no-close` hides the element's button. */
export const NoClose: Story = {
  name: 'In a host frame (no-close)',
  args: { noClose: true },
  render: (args) => {
    // The host's own Close hides its frame's body; the element's Escape does the same through the event.
    const toggle = (event: Event): void => {
      const body = (event.currentTarget as HTMLElement).closest('.host-panel')?.querySelector<HTMLElement>('.host-body');
      body?.toggleAttribute('hidden');
    };
    return html`<div class="host-panel" style="display:flex;flex-direction:column;gap:0.5rem;max-width:${args.width}px" @cwm-task-detail-close=${toggle}>
      <div style="display:flex;justify-content:space-between;align-items:center;font:600 0.9rem system-ui">
        <span>Host side panel</span><button type="button" @click=${toggle}>Close / open</button>
      </div>
      <div class="host-body">${renderDetail(store(ANA, 'task-detail-no-close'), args)}</div>
    </div>`;
  },
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
