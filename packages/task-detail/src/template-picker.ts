import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { isIsoDate, type Id, type IsoDate, type Person, type Project, type TaskTemplate } from '@cwm/core';
import { CwmDateField, CwmElement, tagOf } from '@cwm/ui';
import { registerTemplatesMessages } from './i18n/templates-messages.js';
import { templateRows, type TemplateRow } from './model/template-rows.js';
import './template-picker-events.js';
import { templatePickerStyles } from './template-picker.styles.js';

/** The line under the controls: a refusal (an alert) or what was just created (a status). */
interface PickerMessage {
  readonly kind: 'error' | 'done';
  readonly text: string;
  /** The control the error is about, for `aria-describedby`. */
  readonly field?: 'template' | 'start';
}

/**
 * "New task from a template" for a host's toolbar, next to its own "New task" button: a select of the
 * templates offered in `project` (with how many tasks each creates), a start day and "Create". The
 * template's task tree (subtasks and unticked checklists) is created through the store as one
 * undoable step, its plan laid out from the start day (no day: the tasks get no dates). A refusal
 * (policy, workflow, WIP limit) is shown beside the button with the reason.
 *
 * @summary Create a task tree from a template.
 * @tagname cwm-template-picker
 *
 * @event cwm-template-create - "Create" was pressed. `detail`: `{ templateId, projectId, start }`. Cancelable: `preventDefault()` creates nothing.
 * @event cwm-task-open - The tasks were created. `detail.taskId` is the new root task, for the host to open it.
 *
 * @csspart form - The row of controls.
 * @csspart message - The refusal or confirmation line.
 */
export class CwmTemplatePicker extends CwmElement {
  static override styles = [...CwmElement.styles, templatePickerStyles];

  /** The @cwm/ui form control it renders, registered with it under the same prefix. */
  static elements = { 'cwm-date-field': CwmDateField };

  /** The project the tasks are created in (its templates and the unscoped ones are offered). */
  @property() project = '';

  @state() private templates: readonly TaskTemplate[] = [];
  @state() private projectEntity: Project | undefined;
  @state() private me: Person | undefined;
  @state() private selected: Id = '';
  @state() private message: PickerMessage | undefined;

  @query('[data-start]') private startField!: CwmDateField | null;

  private rowsCache: { templates: readonly TaskTemplate[]; rows: TemplateRow[] } | undefined;

  constructor() {
    super();
    registerTemplatesMessages();
    this.observe(
      (store) => store.templates$(this.project),
      (templates) => (this.templates = templates),
      () => [this.project],
    );
    this.observe(
      (store) => store.project$(this.project),
      (project) => (this.projectEntity = project),
      () => [this.project],
    );
    // The role decides whether tasks may be created: follow a change of user or role.
    this.observe(
      (store) => store.me$(),
      (me) => (this.me = me),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('project') && changed.get('project') !== undefined) {
      this.selected = '';
      this.message = undefined;
    }
    // A template deleted meanwhile cannot stay chosen.
    if (this.selected !== '' && !this.templates.some((template) => template.id === this.selected)) this.selected = '';
  }

  protected override updated(): void {
    // The options are rendered after the select's own bindings, so its value is set once they exist;
    // this also resets it after a creation (a choice made by the user outweighs the `selected` attribute).
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#template');
    if (select && select.value !== this.selected) select.value = this.selected;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    const store = this.store;
    const project = this.projectEntity;
    if (!store || !project) return html``;
    // `me` is only a re-render trigger: the store answers for whoever is signed in now.
    void this.me;
    const permission = store.can('task.create', { project });
    if (!permission.allowed) {
      return html`<p class="note" part="message">${t('template-picker.denied', { reason: this.localize.denial(permission) })}</p>`;
    }
    const rows = this.rows();
    if (rows.length === 0) return html`<p class="note" part="message">${t('template-picker.none')}</p>`;
    const message = this.message;
    const dateTag = unsafeStatic(tagOf(this, CwmDateField));
    const startLabel = t('template-picker.start');
    return html`<form class="picker" part="form" novalidate aria-label=${t('template-picker.label')} @submit=${this.submit}>
        <label class="field">
          <span>${t('template-picker.template')}</span>
          <select
            id="template"
            aria-invalid=${message?.field === 'template' ? 'true' : 'false'}
            aria-describedby=${message?.field === 'template' ? 'message' : nothing}
            @change=${this.choose}
          >
            <option value="" ?selected=${this.selected === ''}>${t('template-picker.choose')}</option>
            ${rows.map(
              ({ template, taskCount }) =>
                html`<option value=${template.id} ?selected=${template.id === this.selected}>${t('template-picker.option', { name: template.name, count: taskCount })}</option>`,
            )}
          </select>
        </label>
        <div class="field">
          <span id="start-label">${startLabel}</span>
          ${staticHtml`<${dateTag}
            id="start"
            data-start
            label=${startLabel}
            aria-labelledby="start-label"
            .calendar=${store.state.workspace?.calendar}
            aria-invalid=${message?.field === 'start' ? 'true' : 'false'}
            aria-describedby=${message?.field === 'start' ? 'message' : nothing}
            @input=${this.clearStartError}
          ></${dateTag}>`}
        </div>
        <button class="primary" type="submit">${t('template-picker.create')}</button>
      </form>
      ${message
        ? html`<p id="message" class=${message.kind} part="message" role=${message.kind === 'error' ? 'alert' : 'status'}>${message.text}</p>`
        : nothing}`;
  }

  private rows(): TemplateRow[] {
    const cache = this.rowsCache;
    if (cache && cache.templates === this.templates) return cache.rows;
    // templates$ already holds this project's offer, sorted by name: only the counts are added here.
    const rows = templateRows(this.templates, this.project);
    this.rowsCache = { templates: this.templates, rows };
    return rows;
  }

  private readonly choose = (event: Event): void => {
    this.selected = (event.target as HTMLSelectElement).value;
    if (this.message?.field === 'template') this.message = undefined;
  };

  private readonly clearStartError = (): void => {
    if (this.message?.field === 'start') this.message = undefined;
  };

  private readonly submit = (event: Event): void => {
    event.preventDefault();
    const store = this.store;
    const t = this.localize.t.bind(this.localize);
    if (!store) return;
    const row = this.rows().find(({ template }) => template.id === this.selected);
    if (!row) {
      this.fail({ kind: 'error', text: t('template-picker.pick-template'), field: 'template' }, 'select');
      return;
    }
    const field = this.startField;
    // Text that is not a date stays in the field (badInput): refuse it rather than create undated tasks.
    if (field && (field.validity.badInput || !field.validity.valid)) {
      this.fail({ kind: 'error', text: t('template-picker.bad-start'), field: 'start' }, '[data-start]');
      return;
    }
    const value = field?.value ?? '';
    const start: IsoDate | undefined = isIsoDate(value) ? value : undefined;
    const projectId = this.project;
    if (!this.dispatch('cwm-template-create', { templateId: row.template.id, projectId, start }, { cancelable: true })) return;
    const result = store.createFromTemplate(row.template.id, { projectId, ...(start === undefined ? {} : { start }) });
    if (!result.ok) {
      this.message = { kind: 'error', text: t('template-picker.refused', { reason: this.localize.reason(result.code, result.reason) }) };
      return;
    }
    this.message = { kind: 'done', text: t('template-picker.created', { title: row.template.title, count: row.taskCount }) };
    this.selected = '';
    void result.confirmed.then((outcome) => {
      if (outcome.status === 'rejected') {
        this.message = { kind: 'error', text: t('template-picker.rolled-back', { reason: this.localize.reason(outcome.code, outcome.reason) }) };
      }
    });
    this.dispatch('cwm-task-open', { taskId: result.id });
  };

  /** Shows an error about one control and puts focus on it, so the keyboard user lands where to fix it. */
  private fail(message: PickerMessage, selector: string): void {
    this.message = message;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }
}
