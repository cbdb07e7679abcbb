import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { WorkspaceData } from '@cwm/adapters';
import type { CwmStore, Id, TaskTemplate, TemplateTask } from '@cwm/core';
import type { WorkspaceTheme } from '@cwm/ui';
import '@cwm/task-detail/define';
import '@cwm/task-detail/define-template-picker';
import { XSS_PAYLOADS } from '../../tests/fixtures/xss-payloads.js';
import { personStore } from '../support/shared-backend.js';
import { ANA, BEN, LAUNCH_TASK, detailWorkspace } from './task-detail-data.js';

interface TemplatesArgs {
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
  width: number;
  onCwmTemplateCreate?: (event: Event) => void;
  onCwmTaskOpen?: (event: Event) => void;
}

const AT = '2026-11-02T08:00:00.000Z';

function step(title: string, extra: Partial<TemplateTask> = {}): TemplateTask {
  return { title, priority: 'none', tags: [], checklist: [], subtasks: [], ...extra };
}

function template(id: string, name: string, createdBy: Id, extra: Partial<TaskTemplate> = {}): TaskTemplate {
  return { id, version: 1, createdAt: AT, updatedAt: AT, name, createdBy, ...step(name), ...extra };
}

/** Three templates: a release plan for the website project, an onboarding for every project, and Ben's. */
function storyTemplates(): TaskTemplate[] {
  return [
    template('tpl-release', 'Release checklist', ANA, {
      projectId: 'td-web',
      title: 'Release the site',
      checklist: ['Freeze content', 'Tag the build'],
      startOffsetDays: 0,
      durationDays: 5,
      subtasks: [
        step('Staging review', { startOffsetDays: 0, durationDays: 2, checklist: ['Links', 'Forms', 'Analytics'] }),
        step('Go live', { startOffsetDays: 3, durationDays: 1, subtasks: [step('Announce', { startOffsetDays: 4, durationDays: 1 })] }),
      ],
    }),
    template('tpl-onboarding', 'Onboarding', BEN, {
      title: 'Onboard a new colleague',
      checklist: ['Laptop ordered', 'Badge requested'],
      subtasks: [step('Accounts', { checklist: ['Mail', 'Chat'] }), step('First week')],
    }),
    template('tpl-retro', 'Retrospective', BEN, { title: 'Run the retrospective', checklist: ['Book a room', 'Collect notes'] }),
  ];
}

function seed(): WorkspaceData {
  return { ...detailWorkspace(), templates: storyTemplates() };
}

function hostileSeed(): WorkspaceData {
  return { ...detailWorkspace(), templates: XSS_PAYLOADS.slice(0, 12).map((payload, index) => template(`tpl-x${index}`, payload.text, BEN, { title: payload.text })) };
}

/**
 * The picker above the task detail, as a host's toolbar would place it next to "New task": the new
 * task tree opens in the panel (the story listens to `cwm-task-open`, as the demo does).
 */
function renderTemplates(store: CwmStore, args: TemplatesArgs): TemplateResult {
  const dark = args.theme === 'dark';
  const frame = styleMap({ background: dark ? '#0b0d0f' : 'transparent', padding: dark ? '1rem' : '0', borderRadius: '0.75rem', maxWidth: `${args.width + 32}px` });
  const open = (event: Event): void => {
    args.onCwmTaskOpen?.(event);
    const detail = (event.currentTarget as HTMLElement).querySelector('cwm-task-detail');
    detail?.setAttribute('task', (event as CustomEvent<{ taskId: Id }>).detail.taskId);
  };
  return html`<div style=${frame}>
    <cwm-workspace .store=${store} theme=${args.theme} lang=${args.lang} @cwm-task-open=${open}>
      <div style="display:flex;flex-direction:column;gap:0.75rem;width:${args.width}px">
        <cwm-template-picker project="td-web" @cwm-template-create=${(event: Event) => args.onCwmTemplateCreate?.(event)}></cwm-template-picker>
        <cwm-task-detail task=${LAUNCH_TASK}></cwm-task-detail>
      </div>
    </cwm-workspace>
  </div>`;
}

const meta: Meta<TemplatesArgs> = {
  title: 'Widgets/Task detail/Templates',
  component: 'cwm-template-picker',
  tags: ['autodocs'],
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], description: 'The workspace theme (story only).' },
    lang: { control: 'inline-radio', options: ['en', 'de'], description: 'The workspace language (story only).' },
    width: { control: { type: 'range', min: 320, max: 900, step: 10 }, description: 'Width of the column (story only).' },
  },
  args: { theme: 'light', lang: 'en', width: 520 },
  parameters: {
    docs: {
      description: {
        component:
          '`<cwm-template-picker project="…">` creates a task with its subtasks and checklists from a template, in one undoable step, its plan starting on the day chosen. In the task detail, the Templates section saves the task (with its whole subtask tree) as a template and adds a template as a subtask. The Actions panel logs `cwm-template-create` (cancelable) and `cwm-task-open` (the new root task).',
      },
    },
  },
};
export default meta;

type Story = StoryObj<TemplatesArgs>;

/** You are Ana (manager): pick "Release checklist", a start day, and Create; the new task opens below. */
export const Playground: Story = {
  render: (args) => renderTemplates(personStore('templates', seed, ANA), args),
};

/** Ben (member) may delete only his own templates; the others say why. */
export const Member: Story = {
  render: (args) => renderTemplates(personStore('templates-member', seed, BEN), args),
};

/** Vera (viewer) is told why she cannot create tasks or save templates. */
export const Viewer: Story = {
  render: (args) => renderTemplates(personStore('templates-viewer', seed, 'td-vera'), args),
};

/** Dark, German, 320 px wide. */
export const NarrowDarkGerman: Story = {
  name: 'Narrow, dark, German',
  args: { theme: 'dark', lang: 'de', width: 320 },
  render: (args) => renderTemplates(personStore('templates-narrow', seed, ANA), args),
};

/** Template names that are XSS payloads: shown as text, never run. */
export const HostileNames: Story = {
  render: (args) => renderTemplates(personStore('templates-hostile', hostileSeed, ANA), args),
};
