import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { DocumentLink, Id } from '@cwm/core';
import {
  DOCUMENT_KINDS,
  checkDocumentDraft,
  documentKind,
  emptyDocumentDraft,
  openableUrl,
  type DocumentDraft,
  type DocumentKind,
} from '../model/document-draft.js';
import { focusAfterUpdate } from './focus-after-update.js';
import { token } from '@cwm/ui';
import type { SectionContext } from './section-context.js';

/** Field keys: the list's refusals, and the add form's name and URL. */
export const DOCUMENTS_FIELD = 'documents';
export const DOCUMENT_NAME_FIELD = 'document-name';
export const DOCUMENT_URL_FIELD = 'document-url';

/**
 * The documents section of `<cwm-task-detail>`: the task's linked documents (a real link that opens
 * in a new tab without access to this page; a stored address that is not http, https or mailto is
 * shown as text, never as a link), a form to link one (name, address, type) and remove buttons. A
 * refused address keeps what was typed, with the reason beside the field.
 */
export class DocumentsSection {
  private draft: DocumentDraft = emptyDocumentDraft();
  private draftFor: Id | undefined;
  private context!: SectionContext;

  /** `newId` makes document ids; the default is a random UUID. */
  constructor(private readonly newId: () => Id = () => `doc-${crypto.randomUUID()}`) {}

  /** Renders the section for `context.task`. */
  render(context: SectionContext): TemplateResult {
    this.context = context;
    const { t, task } = context;
    if (this.draftFor !== task.id) {
      this.draftFor = task.id;
      this.draft = emptyDocumentDraft();
    }
    const permission = context.can('task.edit');
    return html`<section class="docs" aria-labelledby="docs-heading">
      <h3 id="docs-heading">${t('task-detail.docs.heading')}</h3>
      ${task.documents.length === 0
        ? html`<p class="muted">${t('task-detail.docs.none')}</p>`
        : html`<ul class="links" aria-labelledby="docs-heading">
            ${task.documents.map((document) => this.renderDocument(document, permission.allowed))}
          </ul>`}
      ${context.fieldError(DOCUMENTS_FIELD)}
      ${permission.allowed ? this.renderAddForm() : html`<p class="note">${context.denial(permission)}</p>`}
    </section>`;
  }

  private renderDocument(document: DocumentLink, editable: boolean): TemplateResult {
    const { t } = this.context;
    const url = openableUrl(document);
    const kind = t(`task-detail.docs.kind.${documentKind(document.type)}`);
    return html`<li data-document-id=${document.id}>
      ${url === undefined
        ? html`<span class="blocked">${t('task-detail.docs.blocked', { name: document.name })}</span>`
        : html`<a href=${url} target="_blank" rel="noopener noreferrer" title=${t('task-detail.docs.open', { name: document.name })}>${document.name}</a>`}
      <span class="meta">${kind}</span>
      ${editable
        ? html`<button type="button" class="icon icon-button" aria-label=${t('task-detail.docs.remove', { name: document.name })} @click=${(event: Event) => this.remove(document.id, event)}>
            <span aria-hidden="true">×</span>
          </button>`
        : nothing}
    </li>`;
  }

  private renderAddForm(): TemplateResult {
    const context = this.context;
    const { t } = context;
    const nameError = context.fieldErrorText(DOCUMENT_NAME_FIELD) !== undefined;
    const urlError = context.fieldErrorText(DOCUMENT_URL_FIELD) !== undefined;
    return html`<form class="add" novalidate aria-labelledby="docs-add-heading" @submit=${this.submit}>
      <h4 id="docs-add-heading">${t('task-detail.docs.add-heading')}</h4>
      <div class="row">
        <label>
          ${t('task-detail.docs.name')}
          <input
            id="docs-name"
            type="text"
            autocomplete="off"
            aria-invalid=${nameError ? 'true' : 'false'}
            aria-describedby=${nameError ? context.fieldErrorId(DOCUMENT_NAME_FIELD) : nothing}
            .value=${live(this.draft.name)}
            @input=${(event: Event) => this.edit({ name: (event.target as HTMLInputElement).value }, DOCUMENT_NAME_FIELD)}
          />
        </label>
        ${context.fieldError(DOCUMENT_NAME_FIELD)}
        <label>
          ${t('task-detail.docs.url')}
          <input
            id="docs-url"
            type="text"
            autocomplete="off"
            inputmode="url"
            aria-invalid=${urlError ? 'true' : 'false'}
            aria-describedby=${urlError ? context.fieldErrorId(DOCUMENT_URL_FIELD) : nothing}
            .value=${live(this.draft.url)}
            @input=${(event: Event) => this.edit({ url: (event.target as HTMLInputElement).value }, DOCUMENT_URL_FIELD)}
          />
        </label>
        ${context.fieldError(DOCUMENT_URL_FIELD)}
        <label>
          ${t('task-detail.docs.kind')}
          <select id="docs-kind" @change=${(event: Event) => this.edit({ kind: (event.target as HTMLSelectElement).value as DocumentKind })}>
            ${DOCUMENT_KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === this.draft.kind}>${t(`task-detail.docs.kind.${kind}`)}</option>`)}
          </select>
        </label>
      </div>
      <div><button class="primary" type="submit">${t('task-detail.docs.add')}</button></div>
    </form>`;
  }

  /** Keeps what is typed; typing in a field with a message clears that message (it may be fixed now). */
  private edit(change: Partial<DocumentDraft>, field?: string): void {
    this.draft = { ...this.draft, ...change };
    if (field !== undefined && this.context.fieldErrorText(field) !== undefined) {
      this.context.setFieldError(field, undefined);
      this.context.requestUpdate();
    }
  }

  private readonly submit = (event: Event): void => {
    event.preventDefault();
    const context = this.context;
    const { t } = context;
    const checked = checkDocumentDraft(this.draft, this.newId);
    if (!checked.ok) {
      const { name, url } = checked.errors;
      context.setFieldError(DOCUMENT_NAME_FIELD, name === undefined ? undefined : t(name === 'empty' ? 'task-detail.docs.name-empty' : 'task-detail.docs.name-too-long'));
      context.setFieldError(DOCUMENT_URL_FIELD, url === undefined ? undefined : t(url === 'empty' ? 'task-detail.docs.url-empty' : 'task-detail.docs.url-unsafe'));
      focusAfterUpdate(event.currentTarget as HTMLElement, name !== undefined ? '#docs-name' : '#docs-url');
      return;
    }
    context.setFieldError(DOCUMENT_NAME_FIELD, undefined);
    context.setFieldError(DOCUMENT_URL_FIELD, undefined);
    const result = context.store.updateTask(context.task.id, { documents: [...context.task.documents, checked.link] }, 'task.edit');
    if (!context.write(result, DOCUMENTS_FIELD)) return;
    context.announce(t('task-detail.docs.added'));
    this.draft = emptyDocumentDraft();
    context.requestUpdate();
    focusAfterUpdate(event.currentTarget as HTMLElement, '#docs-name');
  };

  private remove(documentId: Id, event: Event): void {
    const context = this.context;
    const result = context.store.updateTask(context.task.id, { documents: context.task.documents.filter((document) => document.id !== documentId) }, 'task.edit');
    if (!context.write(result, DOCUMENTS_FIELD)) return;
    context.announce(context.t('task-detail.docs.removed'));
    focusAfterUpdate(event.currentTarget as HTMLElement, '#docs-name', '#docs-heading');
  }
}

/** Styles of the documents section. */
export const documentsStyles = css`
  .docs a {
    color: ${token('color-accent')};
    overflow-wrap: anywhere;
  }
  .docs .blocked {
    color: ${token('color-text-muted')};
    font-style: italic;
  }
  .docs .add input,
  .docs .add select {
    max-width: 100%;
    box-sizing: border-box;
  }
`;
