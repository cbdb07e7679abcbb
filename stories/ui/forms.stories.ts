import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { WorkCalendar } from '@cwm/core';
import type { PersonOption } from '@cwm/ui';
// The form controls are registered by @cwm/ui's own define until @cwm/elements lists them too.
import '@cwm/ui/define';

interface FormArgs {
  theme: 'light' | 'dark';
  lang: 'en' | 'de';
  disabled: boolean;
}

const CALENDAR: WorkCalendar = { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: ['2026-12-24', '2026-12-25', '2026-12-31'] };

const PEOPLE: PersonOption[] = [
  { id: 'u-1', name: 'Ada Lovelace' },
  { id: 'u-2', name: 'Grace Hopper' },
  { id: 'u-3', name: 'Alan Turing', disabledReason: 'Only managers can assign other people.' },
  { id: 'u-4', name: 'Zoë Müller' },
  { id: 'r-1', name: 'Room Orion', disabledReason: 'Booked all week.' },
];

const SUGGESTIONS = ['backend', 'frontend', 'design', 'devops', 'research', 'customer', 'q4'];

const meta: Meta<FormArgs> = {
  title: 'Foundation/Form controls',
  tags: ['autodocs'],
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    lang: { control: 'inline-radio', options: ['en', 'de'] },
  },
  args: { theme: 'light', lang: 'en', disabled: false },
  parameters: {
    docs: {
      description: {
        component:
          'Form-associated custom elements: `<cwm-date-field>`, `<cwm-tags-field>` and `<cwm-people-field>` take part in a plain `<form>` like native inputs (FormData, reset, required, `<label for>`, fieldset disabled).',
      },
    },
  },
};
export default meta;

type Story = StoryObj<FormArgs>;

function showSubmitted(event: SubmitEvent): void {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const entries = [...new FormData(form).entries()].map(([key, value]) => `${key} = ${String(value)}`);
  form.querySelector('output')!.value = entries.join('\n');
}

/** All three controls in a host's own form: submit shows the FormData, reset restores the defaults. */
export const InAHostForm: Story = {
  render: ({ theme, lang, disabled }) => html`
    <form
      lang=${lang}
      style="color-scheme: ${theme}; background: Canvas; color: CanvasText; padding: 1rem; display: grid; gap: 0.75rem; max-inline-size: 32rem; font-family: system-ui"
      @submit=${showSubmitted}
    >
      <fieldset ?disabled=${disabled} style="display: grid; gap: 0.75rem; border: 0; padding: 0">
        <label for="due">Due date</label>
        <cwm-date-field id="due" name="due" value="2026-12-22" min="2026-11-01" working-days-only required .calendar=${CALENDAR}></cwm-date-field>
        <label for="tags">Tags</label>
        <cwm-tags-field id="tags" name="tags" value="design, q4" .suggestions=${SUGGESTIONS}></cwm-tags-field>
        <label for="assignee">Assignee</label>
        <cwm-people-field id="assignee" name="assignee" required .people=${PEOPLE}></cwm-people-field>
        <label for="followers">Followers</label>
        <cwm-people-field id="followers" name="followers" multiple value="u-1,u-4" .people=${PEOPLE}></cwm-people-field>
      </fieldset>
      <div style="display: flex; gap: 0.5rem">
        <button>Submit</button>
        <button type="reset">Reset</button>
      </div>
      <output style="white-space: pre; font-family: monospace"></output>
    </form>
  `,
};

/** The date field alone, in a narrow column, with the month grid's calendar marks. */
export const DateFieldNarrow: Story = {
  render: ({ theme, lang, disabled }) => html`
    <div lang=${lang} style="color-scheme: ${theme}; background: Canvas; padding: 1rem; inline-size: 16rem; block-size: 24rem">
      <cwm-date-field label="Start" value="2026-12-23" ?disabled=${disabled} .calendar=${CALENDAR}></cwm-date-field>
    </div>
  `,
};
