import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { MAX_MESSAGE_LENGTH, type DocumentLink, type Id, type Message } from '@cwm/core';
import type { LocalizeController } from '@cwm/ui';
import { checkUrl } from '../model/markdown.js';
import { mentionAt, type MentionCandidate, type MentionQuery } from '../model/mentions.js';

/** What the composer hands the chat when the user sends. */
export interface Draft {
  readonly body: string;
  readonly attachments: readonly DocumentLink[];
  readonly replyTo: Message | undefined;
}

/** What the composer needs from the chat. */
export interface ComposerHost extends ReactiveControllerHost {
  readonly localization: LocalizeController;
  /** Unique prefix for ids inside the shadow root (listbox options). */
  readonly idPrefix: string;
  candidates(query: string): MentionCandidate[];
  personName(id: Id): string;
  /** Sends; answers an error to show (the draft is kept), or `undefined` when it went out. */
  send(draft: Draft): string | undefined;
  typing(active: boolean): void;
}

let attachmentIds = 0;

/**
 * The message composer's state and template: the text, the @mention autocomplete (a listbox driven
 * from the textarea with aria-activedescendant, so focus never leaves the text), link attachments,
 * the message being answered, and the last refusal. Enter sends, Shift+Enter breaks the line.
 */
export class ComposerController implements ReactiveController {
  draft = '';
  attachments: DocumentLink[] = [];
  replyTo: Message | undefined;
  error = '';
  private query: MentionQuery | undefined;
  private options: MentionCandidate[] = [];
  private active = -1;
  private attaching = false;
  private attachError = '';

  constructor(private readonly host: ComposerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Sets the message being answered and puts the caret in the text. */
  reply(message: Message | undefined, field?: HTMLTextAreaElement | null): void {
    this.replyTo = message;
    this.host.requestUpdate();
    field?.focus();
  }

  private get open(): boolean {
    return this.query !== undefined;
  }

  private update(): void {
    this.host.requestUpdate();
  }

  private onInput(event: Event): void {
    const field = event.target as HTMLTextAreaElement;
    this.draft = field.value;
    if (this.error !== '' && this.draft.length <= MAX_MESSAGE_LENGTH) this.error = '';
    this.refreshQuery(field);
    this.host.typing(this.draft !== '');
    this.update();
  }

  private refreshQuery(field: HTMLTextAreaElement): void {
    this.query = mentionAt(field.value, field.selectionStart ?? field.value.length);
    this.options = this.query ? this.host.candidates(this.query.query) : [];
    this.active = this.options.findIndex((option) => option.allowed.allowed);
  }

  private move(step: 1 | -1): void {
    const allowed = this.options.map((option, index) => (option.allowed.allowed ? index : -1)).filter((index) => index >= 0);
    if (allowed.length === 0) return;
    const at = allowed.indexOf(this.active);
    const next = at < 0 ? (step === 1 ? 0 : allowed.length - 1) : (at + step + allowed.length) % allowed.length;
    this.active = allowed[next]!;
    this.update();
  }

  private choose(option: MentionCandidate, field: HTMLTextAreaElement): void {
    if (!option.allowed.allowed || !this.query) return;
    const caret = field.selectionStart ?? field.value.length;
    const insert = `@${option.person.name} `;
    this.draft = field.value.slice(0, this.query.start) + insert + field.value.slice(caret);
    field.value = this.draft;
    const position = this.query.start + insert.length;
    field.setSelectionRange(position, position);
    this.query = undefined;
    this.options = [];
    this.update();
  }

  private onKeydown(event: KeyboardEvent): void {
    const field = event.target as HTMLTextAreaElement;
    if (this.open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        this.move(event.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && this.options[this.active]) {
        event.preventDefault();
        this.choose(this.options[this.active]!, field);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        this.query = undefined;
        this.options = [];
        this.update();
        return;
      }
    }
    if (event.key === 'Escape' && this.replyTo) {
      event.preventDefault();
      this.reply(undefined);
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.submit(field);
    }
  }

  /** Sends the draft; on success clears it, on refusal keeps it and shows why. */
  submit(field?: HTMLTextAreaElement | null): void {
    const body = field?.value ?? this.draft;
    if (body.length > MAX_MESSAGE_LENGTH) {
      this.error = this.host.localization.t('chat.too-long', {
        length: this.host.localization.formatNumber(body.length),
        max: this.host.localization.formatNumber(MAX_MESSAGE_LENGTH),
      });
      this.update();
      return;
    }
    if (body.trim() === '' && this.attachments.length === 0) return;
    const error = this.host.send({ body, attachments: this.attachments, replyTo: this.replyTo });
    if (error !== undefined) {
      this.error = error;
      this.update();
      return;
    }
    this.draft = '';
    if (field) field.value = '';
    this.attachments = [];
    this.replyTo = undefined;
    this.error = '';
    this.query = undefined;
    this.options = [];
    this.update();
  }

  private addAttachment(event: Event): void {
    event.preventDefault();
    const form = (event.target as HTMLElement).closest('.attach-form')!;
    const value = (name: string): string => form.querySelector<HTMLInputElement>(`[name=${name}]`)?.value.trim() ?? '';
    const name = value('name');
    const url = checkUrl(value('url'));
    if (name === '') this.attachError = this.host.localization.t('chat.attach.no-name');
    else if (!url) this.attachError = this.host.localization.t('chat.attach.bad-url');
    else {
      this.attachError = '';
      this.attachments = [...this.attachments, { id: `att-${Date.now().toString(36)}-${++attachmentIds}`, name, url, type: value('type') || 'link' }];
      this.attaching = false;
    }
    this.update();
  }

  /** The composer, or nothing when the user may not write (the chat shows why instead). */
  render(): TemplateResult {
    const t = this.host.localization.t.bind(this.host.localization);
    const listId = `${this.host.idPrefix}-mentions`;
    const activeOption = this.open && this.options[this.active] ? `${listId}-${this.active}` : undefined;
    return html`<div class="composer" part="composer">
      ${this.replyTo
        ? html`<div class="replying">
            <span>${t('chat.replying-to', { name: this.host.personName(this.replyTo.authorId) })}</span>
            <button type="button" data-action="cancel-reply" @click=${() => this.reply(undefined)}>${t('chat.reply-cancel')}</button>
          </div>`
        : nothing}
      ${this.attachments.length > 0
        ? html`<ul class="draft-attachments">
            ${this.attachments.map(
              (link) => html`<li>
                <span>${t('chat.attachment', { name: link.name, type: link.type })}</span>
                <button
                  type="button"
                  aria-label=${t('chat.attach.remove', { name: link.name })}
                  @click=${() => {
                    this.attachments = this.attachments.filter((item) => item !== link);
                    this.update();
                  }}
                >×</button>
              </li>`,
            )}
          </ul>`
        : nothing}
      <div class="field">
        <textarea
          rows="2"
          aria-label=${t('chat.composer.label')}
          aria-describedby="${this.host.idPrefix}-hint ${this.host.idPrefix}-error"
          placeholder=${t('chat.composer.placeholder')}
          aria-autocomplete="list"
          aria-controls=${listId}
          aria-activedescendant=${activeOption ?? nothing}
          .value=${this.draft}
          @input=${(event: Event) => this.onInput(event)}
          @keydown=${(event: KeyboardEvent) => this.onKeydown(event)}
          @click=${(event: Event) => {
            this.refreshQuery(event.target as HTMLTextAreaElement);
            this.update();
          }}
          @blur=${() => this.host.typing(false)}
        ></textarea>
        <ul id=${listId} role="listbox" class="mentions" aria-label=${t('chat.mentions.label')} ?hidden=${!this.open}>
          ${this.open && this.options.length === 0 ? html`<li role="option" aria-disabled="true" aria-selected="false" id="${listId}-none">${t('chat.mentions.none')}</li>` : nothing}
          ${this.options.map(
            (option, index) => html`<li
              role="option"
              id="${listId}-${index}"
              data-person-id=${option.person.id}
              aria-selected=${index === this.active ? 'true' : 'false'}
              aria-disabled=${option.allowed.allowed ? 'false' : 'true'}
              class=${index === this.active ? 'active' : ''}
              @mousedown=${(event: Event) => {
                // Keeps focus (and the caret) in the textarea.
                event.preventDefault();
                const field = (event.target as HTMLElement).closest('.field')?.querySelector('textarea');
                if (field) this.choose(option, field);
              }}
            >
              <span class="name">${option.person.name}</span>
              ${option.allowed.allowed ? nothing : html`<span class="why">${this.host.localization.denial(option.allowed)}</span>`}
            </li>`,
          )}
        </ul>
        <button type="button" class="send" data-action="send" @click=${(event: Event) => this.submit((event.target as HTMLElement).closest('.field')?.querySelector('textarea'))}>
          ${t('chat.send')}
        </button>
      </div>
      <p class="hint" id="${this.host.idPrefix}-hint">${t('chat.composer.hint')}</p>
      <p class="error" id="${this.host.idPrefix}-error" role="alert">${this.error}</p>
      <button
        type="button"
        class="attach-toggle"
        data-action="attach"
        aria-expanded=${this.attaching ? 'true' : 'false'}
        @click=${() => {
          this.attaching = !this.attaching;
          this.attachError = '';
          this.update();
        }}
      >${t('chat.attach')}</button>
      ${this.attaching
        ? html`<form class="attach-form" @submit=${(event: Event) => this.addAttachment(event)}>
            <label>${t('chat.attach.name')} <input name="name" autocomplete="off" /></label>
            <label>${t('chat.attach.url')} <input name="url" type="url" autocomplete="off" /></label>
            <label>${t('chat.attach.type')} <input name="type" autocomplete="off" /></label>
            <button type="submit" data-action="add-attachment">${t('chat.attach.add')}</button>
            <p class="error" role="alert">${this.attachError}</p>
          </form>`
        : nothing}
    </div>`;
  }
}
