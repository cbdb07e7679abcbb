import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MemoryAdapter } from '@cwm/adapters';
import { CwmStore } from '@cwm/core';
import { generateWorkspace } from '@cwm/core/testing';
import type { WorkspaceTheme } from '@cwm/ui';
import './workspace-state.js';

interface WorkspaceArgs {
  user: string;
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
}

const PEOPLE = Array.from({ length: 12 }, (_, index) => `u-${index + 1}`);

const meta: Meta<WorkspaceArgs> = {
  title: 'Foundation/Workspace',
  component: 'cwm-workspace',
  // The docs page: its args table (attributes, properties, events, slot, part) comes from custom-elements.json.
  tags: ['autodocs'],
  argTypes: {
    // Descriptions and types come from the JSDoc via custom-elements.json; here only the choices.
    user: { control: 'select', options: PEOPLE },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    lang: { control: 'inline-radio', options: ['en', 'de'] },
  },
  args: { user: 'u-2', theme: 'light', lang: 'en' },
  parameters: {
    docs: {
      description: {
        component:
          'The provider every widget lives in. Here on the memory adapter with generated data; the panel inside is a small widget that reads the provided store through context.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<WorkspaceArgs>;

/** Attributes only: the workspace makes a memory adapter, seeds it and provides the store. */
export const MemoryAdapterWithGeneratedData: Story = {
  render: ({ user, theme, lang }) => html`
    <cwm-workspace adapter="memory" tenant="storybook" user=${ifDefined(user)} theme=${theme} lang=${lang}>
      <story-workspace-state></story-workspace-state>
    </cwm-workspace>
  `,
};

/** A store made by the host application and handed over with `.store`: attributes are ignored. */
export const StoreFromJavaScript: Story = {
  render: ({ theme, lang }) => {
    const adapter = new MemoryAdapter({ seed: generateWorkspace({ workspaceId: 'host-app', projects: 2, people: 6, tasks: 40 }) });
    const store = new CwmStore({ adapter, workspaceId: 'host-app', userId: 'u-1' });
    return html`
      <cwm-workspace .store=${store} theme=${theme} lang=${lang}>
        <story-workspace-state></story-workspace-state>
      </cwm-workspace>
    `;
  },
};

/** The backend cannot be reached: the workspace emits `cwm-workspace-error` and announces it to screen readers. */
export const LoadFailure: Story = {
  render: ({ theme, lang }) => {
    const adapter = new MemoryAdapter({ seed: generateWorkspace({ workspaceId: 'offline', projects: 1, people: 3, tasks: 5 }) });
    adapter.setOnline(false);
    const store = new CwmStore({ adapter, workspaceId: 'offline', userId: 'u-1' });
    return html`
      <cwm-workspace .store=${store} theme=${theme} lang=${lang}>
        <story-workspace-state></story-workspace-state>
      </cwm-workspace>
    `;
  },
};
