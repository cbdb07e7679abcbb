import { html, nothing, type TemplateResult } from 'lit';
import { ZOOMS, type Zoom } from '../zoom.js';

/** What the toolbar reads from and calls on the Gantt. */
export interface ToolbarHost {
  readonly zoom: Zoom;
  readonly showCritical: boolean;
  readonly canExport: boolean;
  /** Why nothing can be changed here (the attribute, or the policy), or undefined when changes are allowed. */
  readonly readonlyReason: string | undefined;
  readonly t: (key: string) => string;
  setZoom(zoom: Zoom): void;
  scrollToToday(): void;
  toggleCritical(): void;
  expandAll(expand: boolean): void;
  exportChart(format: 'png' | 'svg'): void;
}

/**
 * The Gantt's toolbar: zoom levels as a group of toggle buttons, today, critical path, expand or
 * collapse everything, and export. Plain buttons with `aria-pressed`, so every screen reader knows them.
 */
export function renderToolbar(host: ToolbarHost): TemplateResult {
  const { t } = host;
  return html`<div class="toolbar" part="toolbar" role="toolbar" aria-label=${t('gantt.toolbar')}>
    <div class="group" role="group" aria-label=${t('gantt.zoom')}>
      ${ZOOMS.map(
        (zoom) => html`<button type="button" aria-pressed=${String(host.zoom === zoom)} data-zoom=${zoom} @click=${() => host.setZoom(zoom)}>
          ${t(`gantt.zoom.${zoom}`)}
        </button>`,
      )}
    </div>
    <button type="button" class="today" @click=${() => host.scrollToToday()}>${t('gantt.today')}</button>
    <button type="button" class="critical" aria-pressed=${String(host.showCritical)} @click=${() => host.toggleCritical()}>
      ${t('gantt.critical-path')}
    </button>
    <button type="button" class="expand-all" @click=${() => host.expandAll(true)}>${t('gantt.expand-all')}</button>
    <button type="button" class="collapse-all" @click=${() => host.expandAll(false)}>${t('gantt.collapse-all')}</button>
    <span class="spacer"></span>
    ${host.readonlyReason === undefined
      ? nothing
      : html`<span class="badge readonly" title=${host.readonlyReason}>${t('gantt.readonly-badge')}<span class="visually-hidden">: ${host.readonlyReason}</span></span>`}
    ${host.canExport
      ? html`<button type="button" class="export-png" @click=${() => host.exportChart('png')}>${t('gantt.export-png')}</button>
          <button type="button" class="export-svg" @click=${() => host.exportChart('svg')}>${t('gantt.export-svg')}</button>`
      : nothing}
  </div>`;
}
