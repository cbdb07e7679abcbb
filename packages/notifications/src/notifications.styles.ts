import { css } from 'lit';
import { token } from '@cwm/ui';

export const notificationsStyles = css`
  :host {
    display: inline-block;
    position: relative;
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }

  .bell {
    position: relative;
    display: inline-grid;
    place-items: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    padding: 0;
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-pill')};
    background: ${token('color-surface')};
    color: ${token('color-text')};
  }

  .bell:hover {
    background: ${token('color-surface-raised')};
  }

  .icon {
    inline-size: 1.375rem;
    block-size: 1.375rem;
  }

  .badge {
    position: absolute;
    inset-block-start: -0.25rem;
    inset-inline-end: -0.25rem;
    min-inline-size: 1.25rem;
    block-size: 1.25rem;
    padding: 0 0.3rem;
    border-radius: ${token('radius-pill')};
    background: ${token('color-danger', '--cwm-notifications-badge-background')};
    color: #fff;
    font-size: 0.75rem;
    font-weight: ${token('font-weight-strong')};
    line-height: 1.25rem;
    text-align: center;
  }

  .panel {
    /* Overrides the popover defaults (centred, inset 0): the panel is placed under the bell in JS. */
    position: fixed;
    inset: auto;
    margin: 0;
    inline-size: min(var(--cwm-notifications-panel-width, 24rem), calc(100vw - 1rem));
    max-block-size: min(var(--cwm-notifications-panel-height, 32rem), calc(100vh - 4rem));
    display: flex;
    flex-direction: column;
    padding: 0;
    overflow: hidden;
    color: ${token('color-text')};
    background: ${token('color-surface')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-l')};
    box-shadow: ${token('shadow-l')};
    z-index: 1000;
  }

  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.625rem 0.75rem 0.375rem;
  }

  h2 {
    margin: 0;
    font-size: ${token('font-size-l')};
    font-weight: ${token('font-weight-strong')};
  }

  .mark-all,
  .filters button {
    font-size: ${token('font-size-s')};
    padding: 0.25rem 0.625rem;
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-pill')};
    background: ${token('color-surface')};
    color: ${token('color-text')};
  }

  .mark-all:disabled {
    cursor: default;
    color: ${token('color-text-muted')};
  }

  .filters {
    display: flex;
    gap: 0.375rem;
    padding: 0 0.75rem 0.5rem;
    border-block-end: 1px solid ${token('color-border')};
  }

  .filters button[aria-pressed='true'] {
    background: ${token('color-accent')};
    border-color: ${token('color-accent')};
    color: ${token('color-accent-text')};
  }

  .list {
    overflow-y: auto;
    overscroll-behavior: contain;
    padding-block-end: 0.5rem;
  }

  h3 {
    margin: 0;
    padding: 0.5rem 0.75rem 0.25rem;
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
    color: ${token('color-text-muted')};
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .item {
    display: flex;
    gap: 0.5rem;
    inline-size: 100%;
    padding: 0.5rem 0.75rem;
    border: 0;
    background: transparent;
    text-align: start;
  }

  .item:hover {
    background: ${token('color-surface-raised')};
  }

  .item[data-unread] {
    background: ${token('color-surface-sunken', '--cwm-notifications-unread-background')};
  }

  .item:focus-visible {
    outline-offset: -2px;
  }

  .dot {
    flex: none;
    inline-size: 0.5rem;
    block-size: 0.5rem;
    margin-block-start: 0.5rem;
    border-radius: 50%;
  }

  .item[data-unread] .dot {
    background: ${token('color-accent')};
  }

  .content {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    min-inline-size: 0;
  }

  .item[data-unread] .text {
    font-weight: ${token('font-weight-strong')};
  }

  .text,
  .preview {
    overflow-wrap: anywhere;
  }

  .preview {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }

  .time {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .empty,
  .more {
    margin: 0;
    padding: 0.75rem;
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }
`;
