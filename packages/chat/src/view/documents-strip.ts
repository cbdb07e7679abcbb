import { css, html, nothing, type TemplateResult } from 'lit';
import type { DocumentLink } from '@cwm/core';
import type { LocalizeController } from '@cwm/ui';
import { checkUrl } from '../model/markdown.js';

/**
 * The task's linked documents above the conversation ("Documents (3)": each a link opening in a new
 * tab), so people can point at them while they talk. Nothing when the task has none. A stored
 * address that is not http, https or mailto is shown as text, never as a link.
 */
export function renderDocumentsStrip(localization: LocalizeController, documents: readonly DocumentLink[] | undefined): TemplateResult | typeof nothing {
  if (documents === undefined || documents.length === 0) return nothing;
  return html`<div class="documents" part="documents" role="group" aria-labelledby="documents-label">
    <span id="documents-label" class="documents-label">${localization.t('chat.documents', { count: documents.length })}</span>
    <ul>
      ${documents.map((document) => {
        const url = checkUrl(document.url);
        return url === undefined
          ? html`<li class="blocked">${localization.t('chat.attachment-blocked', { name: document.name })}</li>`
          : html`<li><a href=${url} target="_blank" rel="noopener noreferrer nofollow">${document.name}</a></li>`;
      })}
    </ul>
  </div>`;
}

/**
 * Styles of the documents strip: one wrapping row that never takes over the conversation. Colours
 * follow the rest of the chat's styles (the same variables and fallbacks), so the strip matches it.
 */
export const documentsStripStyles = css`
  .documents {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
    max-height: 4.5rem;
    overflow-y: auto;
    padding: 0.375rem 0.75rem;
    border-bottom: 1px solid var(--cwm-color-border, #d0d4da);
    font-size: 0.8125rem;
  }
  .documents-label {
    font-weight: 600;
  }
  .documents ul {
    display: contents;
    list-style: none;
  }
  .documents li {
    overflow-wrap: anywhere;
  }
  .documents a {
    /* Explicit: the browser's link colour follows the colour scheme, the chat's surface may not. */
    color: var(--cwm-color-accent, #1d4ed8);
  }
  .documents .blocked {
    color: var(--cwm-color-text-muted, #5b6470);
    font-style: italic;
  }
`;
