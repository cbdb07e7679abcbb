import { css } from 'lit';

export const chatStyles = css`
  :host {
    display: block;
    height: var(--cwm-chat-height, 32rem);
  }
  .chat {
    display: flex;
    flex-direction: column;
    height: 100%;
    box-sizing: border-box;
    border: 1px solid var(--cwm-color-border, #d0d4da);
    border-radius: var(--cwm-radius, 6px);
    background: var(--cwm-color-surface, #fff);
    color: var(--cwm-color-text, #1d2430);
  }
  .frame {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
  }
  .scroller {
    position: absolute;
    inset: 0;
    overflow-y: auto;
    /* The chat keeps the first visible message in place itself; the browser's anchoring would fight it. */
    overflow-anchor: none;
    contain: strict;
  }
  .scroller:focus-visible {
    outline: 2px solid var(--cwm-color-focus-ring, #2563eb);
    outline-offset: -2px;
  }
  .rows {
    position: relative;
    box-sizing: border-box;
    margin: 0;
  }
  .row {
    padding: 0.25rem 0.75rem;
    box-sizing: border-box;
  }
  .empty {
    margin: 1rem;
    color: var(--cwm-color-text-muted, #5b6470);
  }
  .day,
  .unread {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0.25rem 0;
    font-size: 0.8125rem;
    color: var(--cwm-color-text-muted, #5b6470);
  }
  .day::before,
  .day::after,
  .unread::before,
  .unread::after {
    content: '';
    flex: 1;
    border-top: 1px solid currentColor;
    opacity: 0.4;
  }
  .unread {
    color: var(--cwm-color-danger, #b42318);
    font-weight: 600;
  }
  .system {
    margin: 0;
    font-size: 0.8125rem;
    font-style: italic;
    color: var(--cwm-color-text-muted, #5b6470);
  }
  .message {
    padding: 0.375rem 0.5rem;
    border-radius: var(--cwm-radius, 6px);
  }
  .message.own {
    background: var(--cwm-chat-own-background, #eef4ff);
  }
  .message.pending {
    opacity: 0.75;
  }
  .message.failed {
    border: 1px dashed var(--cwm-color-danger, #b42318);
  }
  .message header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: baseline;
    font-size: 0.8125rem;
  }
  .author {
    font-weight: 600;
  }
  time,
  .edited,
  .sending {
    color: var(--cwm-color-text-muted, #5b6470);
  }
  .not-sent,
  .error,
  .why {
    color: var(--cwm-color-danger, #b42318);
  }
  .error:empty {
    display: none;
  }
  .body {
    overflow-wrap: anywhere;
  }
  .body p,
  .plain {
    margin: 0.125rem 0;
    white-space: pre-wrap;
  }
  .deleted {
    margin: 0.125rem 0;
    font-style: italic;
    color: var(--cwm-color-text-muted, #5b6470);
  }
  .quote {
    margin: 0.25rem 0;
    padding: 0.125rem 0.5rem;
    border-left: 3px solid var(--cwm-color-border, #d0d4da);
    font-size: 0.8125rem;
    color: var(--cwm-color-text-muted, #5b6470);
    overflow-wrap: anywhere;
  }
  .quote-author {
    font-weight: 600;
  }
  .attachments {
    margin: 0.25rem 0;
    padding-left: 1.25rem;
    font-size: 0.875rem;
  }
  .reactions,
  .actions,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin-top: 0.25rem;
  }
  .actions {
    opacity: 0;
  }
  .message:hover .actions,
  .message:focus-within .actions,
  .actions.visible {
    opacity: 1;
  }
  button {
    font: inherit;
    font-size: 0.8125rem;
    padding: 0.125rem 0.5rem;
    border: 1px solid var(--cwm-color-border, #d0d4da);
    border-radius: var(--cwm-radius, 6px);
    background: var(--cwm-color-surface, #fff);
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible,
  textarea:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--cwm-color-focus-ring, #2563eb);
    outline-offset: 1px;
  }
  .reaction[aria-pressed='true'] {
    border-color: var(--cwm-color-accent, #2563eb);
    background: var(--cwm-chat-own-background, #eef4ff);
  }
  .danger {
    color: var(--cwm-color-danger, #b42318);
  }
  .history {
    position: absolute;
    top: 0.25rem;
    left: 50%;
    transform: translateX(-50%);
    margin: 0;
    padding: 0.125rem 0.5rem;
    border-radius: 999px;
    background: var(--cwm-color-surface, #fff);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.2);
    font-size: 0.8125rem;
  }
  .new-messages {
    position: absolute;
    bottom: 0.5rem;
    left: 50%;
    transform: translateX(-50%);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);
  }
  .typing {
    min-height: 1.25rem;
    margin: 0 0.75rem;
    font-size: 0.8125rem;
    color: var(--cwm-color-text-muted, #5b6470);
  }
  .notice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    margin: 0 0.75rem 0.25rem;
    color: var(--cwm-color-danger, #b42318);
  }
  .read-only {
    margin: 0.5rem 0.75rem 0.75rem;
    color: var(--cwm-color-text-muted, #5b6470);
  }
  .composer {
    padding: 0 0.75rem 0.75rem;
  }
  .field {
    position: relative;
    display: flex;
    gap: 0.5rem;
    align-items: flex-end;
  }
  textarea {
    flex: 1;
    min-height: 2.5rem;
    font: inherit;
    resize: vertical;
    box-sizing: border-box;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--cwm-color-border, #8a929c);
    border-radius: var(--cwm-radius, 6px);
    background: var(--cwm-color-surface, #fff);
    color: inherit;
  }
  .edit {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .edit textarea {
    flex-basis: 100%;
  }
  .mentions {
    position: absolute;
    bottom: 100%;
    left: 0;
    z-index: 2;
    min-width: 14rem;
    max-height: 14rem;
    overflow-y: auto;
    margin: 0 0 0.25rem;
    padding: 0.25rem 0;
    list-style: none;
    border: 1px solid var(--cwm-color-border, #d0d4da);
    border-radius: var(--cwm-radius, 6px);
    background: var(--cwm-color-surface, #fff);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  }
  .mentions[hidden] {
    display: none;
  }
  .mentions li {
    display: flex;
    flex-direction: column;
    padding: 0.25rem 0.75rem;
    cursor: pointer;
  }
  .mentions li.active {
    background: var(--cwm-chat-own-background, #eef4ff);
    outline: 2px solid var(--cwm-color-focus-ring, #2563eb);
    outline-offset: -2px;
  }
  .mentions li[aria-disabled='true'] {
    cursor: not-allowed;
    color: var(--cwm-color-text-muted, #5b6470);
  }
  .why {
    font-size: 0.75rem;
  }
  .hint {
    margin: 0.25rem 0 0;
    font-size: 0.75rem;
    color: var(--cwm-color-text-muted, #5b6470);
  }
  .replying,
  .draft-attachments li {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-size: 0.8125rem;
    margin-bottom: 0.25rem;
  }
  .draft-attachments {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .attach-toggle {
    margin-top: 0.25rem;
  }
  .attach-form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: flex-end;
    margin-top: 0.5rem;
    font-size: 0.8125rem;
  }
  .attach-form label {
    display: flex;
    flex-direction: column;
  }
  .attach-form .error {
    flex-basis: 100%;
    margin: 0;
  }
`;
