import { html, nothing, type TemplateResult } from 'lit';
import type { ActivityEntry, DocumentLink, Id, Message } from '@cwm/core';
import type { LocalizeController } from '@cwm/ui';
import { activityLines } from '../model/activity-text.js';
import { bodyText, checkUrl, renderBody } from '../model/markdown.js';
import type { OutboxEntry } from '../model/outbox.js';
import type { ChatRow } from '../model/timeline.js';

/** The emoji a reaction can be picked from: small on purpose, so the menu stays one row. */
export const REACTIONS: readonly string[] = ['👍', '❤️', '😄', '🎉', '👀', '✅'];

/** What a row needs from the chat to render and to act. */
export interface RowHost {
  readonly localization: LocalizeController;
  readonly userId: Id | undefined;
  personName(id: Id): string;
  statusName(id: string): string;
  message(id: Id): Message | undefined;
  isPending(id: Id): boolean;
  readonly editingId: Id | undefined;
  readonly confirmingDeleteId: Id | undefined;
  readonly reactingId: Id | undefined;
  mayReact(message: Message): boolean;
  mayReply(): boolean;
  startReply(message: Message): void;
  startEdit(message: Message): void;
  saveEdit(message: Message, body: string): void;
  cancelEdit(): void;
  askDelete(message: Message): void;
  confirmDelete(message: Message): void;
  cancelDelete(): void;
  toggleReactMenu(message: Message): void;
  react(message: Message, emoji: string): void;
  retry(entry: OutboxEntry): void;
  discard(entry: OutboxEntry): void;
}

// A body's template depends only on the message object (immutable), so it is made once per version.
const bodies = new WeakMap<Message, TemplateResult>();

function body(message: Message, host: RowHost): TemplateResult {
  let rendered = bodies.get(message);
  if (!rendered) {
    const mentions = new Map(message.mentions.map((id) => [id, host.personName(id)] as const));
    rendered = renderBody(message.body, mentions);
    bodies.set(message, rendered);
  }
  return rendered;
}

function time(host: RowHost, at: string): TemplateResult {
  return html`<time datetime=${at}>${host.localization.formatDate(at, { hour: '2-digit', minute: '2-digit' })}</time>`;
}

/** A document link: opened only when its URL passes `safeUrl`, else shown as text. */
export function renderAttachment(host: RowHost, link: DocumentLink): TemplateResult {
  const url = checkUrl(link.url);
  const label = host.localization.t('chat.attachment', { name: link.name, type: link.type });
  return url
    ? html`<li><a class="attachment" href=${url} target="_blank" rel="noopener noreferrer nofollow">${label}</a></li>`
    : html`<li class="attachment blocked">${host.localization.t('chat.attachment-blocked', { name: link.name })}</li>`;
}

function attachments(host: RowHost, links: readonly DocumentLink[]): TemplateResult | typeof nothing {
  return links.length === 0 ? nothing : html`<ul class="attachments">${links.map((link) => renderAttachment(host, link))}</ul>`;
}

function quote(host: RowHost, parentId: Id): TemplateResult {
  const parent = host.message(parentId);
  if (!parent) return html`<blockquote class="quote">${host.localization.t('chat.reply-missing')}</blockquote>`;
  const text = parent.deleted ? host.localization.t('chat.deleted') : bodyText(parent.body);
  const short = text.length > 140 ? `${text.slice(0, 139)}…` : text;
  return html`<blockquote class="quote"><span class="quote-author">${host.personName(parent.authorId)}</span> ${short}</blockquote>`;
}

function reactions(host: RowHost, message: Message): TemplateResult | typeof nothing {
  const entries = Object.entries(message.reactions).filter(([, people]) => people.length > 0);
  const open = host.reactingId === message.id;
  if (entries.length === 0 && !open) return nothing;
  const may = host.mayReact(message);
  return html`<div class="reactions">
    ${entries.map(([emoji, people]) => {
      const mine = host.userId !== undefined && people.includes(host.userId);
      const names = host.localization.formatList(people.map((id) => host.personName(id)));
      return html`<button
        type="button"
        class="reaction"
        aria-pressed=${mine ? 'true' : 'false'}
        ?disabled=${!may}
        title=${names}
        aria-label=${host.localization.t('chat.reaction', { emoji, count: people.length })}
        @click=${() => host.react(message, emoji)}
      >${emoji} <span aria-hidden="true">${people.length}</span></button>`;
    })}
    ${open
      ? html`<span class="picker" role="group" aria-label=${host.localization.t('chat.react')}>
          ${REACTIONS.map((emoji) => html`<button type="button" class="pick" @click=${() => host.react(message, emoji)}>${emoji}</button>`)}
        </span>`
      : nothing}
  </div>`;
}

function actions(host: RowHost, message: Message): TemplateResult | typeof nothing {
  if (message.deleted || message.kind !== 'user' || host.isPending(message.id)) return nothing;
  const own = message.authorId === host.userId;
  const t = host.localization.t.bind(host.localization);
  if (host.confirmingDeleteId === message.id) {
    return html`<div class="confirm" role="group" aria-label=${t('chat.delete-confirm')}>
      <span>${t('chat.delete-confirm')}</span>
      <button type="button" class="danger" data-action="confirm-delete" @click=${() => host.confirmDelete(message)}>${t('chat.delete')}</button>
      <button type="button" data-action="cancel-delete" @click=${() => host.cancelDelete()}>${t('chat.cancel')}</button>
    </div>`;
  }
  return html`<div class="actions" role="group" aria-label=${t('chat.actions')}>
    ${host.mayReply() ? html`<button type="button" data-action="reply" @click=${() => host.startReply(message)}>${t('chat.reply')}</button>` : nothing}
    ${host.mayReact(message)
      ? html`<button type="button" data-action="react" aria-expanded=${host.reactingId === message.id ? 'true' : 'false'} @click=${() => host.toggleReactMenu(message)}>${t('chat.react')}</button>`
      : nothing}
    ${own
      ? html`<button type="button" data-action="edit" @click=${() => host.startEdit(message)}>${t('chat.edit')}</button>
          <button type="button" data-action="delete" @click=${() => host.askDelete(message)}>${t('chat.delete')}</button>`
      : nothing}
  </div>`;
}

function editor(host: RowHost, message: Message): TemplateResult {
  const t = host.localization.t.bind(host.localization);
  const save = (event: Event): void => {
    const field = (event.target as HTMLElement).closest('.edit')?.querySelector('textarea');
    if (field) host.saveEdit(message, field.value);
  };
  return html`<div class="edit">
    <textarea
      aria-label=${t('chat.edit-label')}
      .value=${message.body}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          host.cancelEdit();
        } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          save(event);
        }
      }}
    ></textarea>
    <button type="button" data-action="save" @click=${save}>${t('chat.save')}</button>
    <button type="button" data-action="cancel-edit" @click=${() => host.cancelEdit()}>${t('chat.cancel')}</button>
  </div>`;
}

function messageRow(host: RowHost, message: Message): TemplateResult {
  const t = host.localization.t.bind(host.localization);
  if (message.kind === 'system') {
    return html`<p class="system">${message.deleted ? t('chat.deleted') : bodyText(message.body)} ${time(host, message.createdAt)}</p>`;
  }
  const pending = host.isPending(message.id);
  const own = message.authorId === host.userId;
  return html`<article class="message ${own ? 'own' : ''} ${pending ? 'pending' : ''}" data-message-id=${message.id}>
    <header>
      <span class="author">${host.personName(message.authorId)}</span>
      ${time(host, message.createdAt)}
      ${message.editedAt && !message.deleted ? html`<span class="edited">${t('chat.edited')}</span>` : nothing}
      ${pending ? html`<span class="state sending">${t('chat.sending')}</span>` : nothing}
    </header>
    ${message.replyToId ? quote(host, message.replyToId) : nothing}
    ${message.deleted
      ? html`<p class="deleted">${t('chat.deleted')}</p>`
      : host.editingId === message.id
        ? editor(host, message)
        : html`<div class="body">${body(message, host)}</div>${attachments(host, message.attachments)}`}
    ${message.deleted ? nothing : reactions(host, message)} ${actions(host, message)}
  </article>`;
}

function activityRow(host: RowHost, entry: ActivityEntry): TemplateResult {
  const actor = host.personName(entry.actorId);
  const lines = activityLines(entry).map((line) =>
    host.localization.t(line.key, {
      actor,
      names: host.localization.formatList((line.personIds ?? []).map((id) => host.personName(id))),
      status: line.value === undefined ? '' : host.statusName(line.value),
      date: line.value ?? '',
      title: line.value ?? '',
      priority: line.value ?? '',
    }),
  );
  return html`<p class="system">${lines.join(' ')} ${time(host, entry.at)}</p>`;
}

function outboxRow(host: RowHost, entry: OutboxEntry): TemplateResult {
  const t = host.localization.t.bind(host.localization);
  return html`<article class="message own failed" data-outbox-id=${entry.id}>
    <header>
      <span class="author">${host.userId ? host.personName(host.userId) : ''}</span>
      ${time(host, entry.createdAt)}
      <span class="state not-sent">${t('chat.not-sent', { reason: entry.failure ?? t('chat.interrupted') })}</span>
    </header>
    ${entry.replyToId ? quote(host, entry.replyToId) : nothing}
    <div class="body">${renderBody(entry.body, new Map(entry.mentions.map((id) => [id, host.personName(id)] as const)))}</div>
    ${attachments(host, entry.attachments)}
    <div class="actions visible">
      <button type="button" data-action="retry" @click=${() => host.retry(entry)}>${t('chat.retry')}</button>
      <button type="button" data-action="discard" @click=${() => host.discard(entry)}>${t('chat.discard')}</button>
    </div>
  </article>`;
}

/** The inside of one row of the list. */
export function renderRow(host: RowHost, row: ChatRow): TemplateResult {
  switch (row.kind) {
    case 'day':
      return html`<p class="day"><span>${host.localization.formatDate(row.at, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' })}</span></p>`;
    case 'unread':
      return html`<p class="unread"><span>${host.localization.t('chat.unread')}</span></p>`;
    case 'message':
      return messageRow(host, row.message);
    case 'activity':
      return activityRow(host, row.entry);
    case 'outbox':
      return outboxRow(host, row.entry);
  }
}
