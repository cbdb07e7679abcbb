// A small host that renders ONLY the templates section with a real SectionContext on a real store, the
// way <cwm-task-detail> builds it (refusals beside the field, "Undo" in a status line, a polite live
// region), so the section is tested on its own while the element's shell is composed elsewhere.
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { StoreState, Task, WriteResult } from '@cwm/core';
import { CwmElement } from '@cwm/ui';
import type { SectionContext } from '../../packages/task-detail/src/sections/section-context.js';
import { TemplatesSection, templatesStyles } from '../../packages/task-detail/src/sections/templates.js';
import { taskDetailStyles } from '../../packages/task-detail/src/task-detail.styles.js';

export class TemplatesHost extends CwmElement {
  static override styles = [...CwmElement.styles, taskDetailStyles, templatesStyles];

  @property() task = '';
  @state() private snapshot: StoreState | undefined;
  @state() private fieldErrors: ReadonlyMap<string, string> = new Map();
  @state() private statusLine: { text: string; undo: boolean } | undefined;
  @state() announcement = '';

  private readonly section = new TemplatesSection();
  private pendingFocus: string | undefined;

  constructor() {
    super();
    this.observe(
      (store) => store.state$,
      (snapshot) => (this.snapshot = snapshot),
    );
  }

  protected override updated(): void {
    const selector = this.pendingFocus;
    this.pendingFocus = undefined;
    if (selector !== undefined) this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  protected override render(): TemplateResult {
    const task = this.snapshot?.tasks.get(this.task);
    if (!this.snapshot || !this.store || !task) return html`<p>loading</p>`;
    return html`<article class="panel">
      <div class="status-line" role="status">
        ${this.statusLine ? html`<span>${this.statusLine.text}</span>${this.statusLine.undo ? html`<button type="button" class="undo" @click=${() => this.store?.undo()}>Undo</button>` : nothing}` : nothing}
      </div>
      ${this.section.render(this.context(this.snapshot, task))}
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    </article>`;
  }

  private setFieldError(field: string, message: string | undefined): void {
    const next = new Map(this.fieldErrors);
    if (message === undefined) next.delete(field);
    else next.set(field, message);
    this.fieldErrors = next;
  }

  private write(result: WriteResult, field?: string): boolean {
    if (!result.ok) {
      const text = `Not saved: ${this.localize.reason(result.code, result.reason)}`;
      if (field === undefined) this.statusLine = { text, undo: false };
      else this.setFieldError(field, text);
      return false;
    }
    if (field !== undefined) this.setFieldError(field, undefined);
    this.statusLine = { text: 'Saved.', undo: true };
    return true;
  }

  private context(snapshot: StoreState, task: Task): SectionContext {
    const store = this.store!;
    const localize = this.localize;
    const project = snapshot.projects.get(task.projectId);
    const errorId = (field: string): string => `error-${field}`;
    return {
      store,
      task,
      project,
      state: snapshot,
      localize,
      t: (key, params) => localize.t(key, params),
      person: (id) => snapshot.people.get(id),
      personName: (id) => snapshot.people.get(id)?.name ?? 'Someone',
      write: (result, field) => this.write(result, field),
      setFieldError: (field, message) => this.setFieldError(field, message),
      fieldErrorText: (field) => this.fieldErrors.get(field),
      fieldErrorId: errorId,
      fieldError: (field) => {
        const message = this.fieldErrors.get(field);
        return message === undefined ? nothing : html`<p class="field-error" id=${errorId(field)} role="alert">${message}</p>`;
      },
      can: (action, target = {}) => store.can(action, { task, ...(project ? { project } : {}), ...target }),
      denial: (result) => localize.denial(result),
      requestUpdate: () => this.requestUpdate(),
      openTask: (taskId) => {
        this.dispatch('cwm-task-open', { taskId });
      },
      focusAfterRender: (selector) => {
        this.pendingFocus = selector;
        this.requestUpdate();
      },
      announce: (message) => {
        this.announcement = message;
      },
    };
  }
}
