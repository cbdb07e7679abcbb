import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

/** The wording every chart shares, already localized. */
export interface ChartLabels {
  readonly showData: string;
  readonly hideData: string;
  /** Accessible name of the region holding the data table, e.g. "Burndown data". */
  readonly dataRegion: string;
}

/** One entry of a chart legend: a colour swatch and a name (user text is fine: it is bound as text). */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  /** Makes the entry a button (a drill-down); without it the entry is plain text. */
  readonly onClick?: () => void;
  /** Extra text after the name, e.g. a count. */
  readonly value?: string;
  /** Marks the entry for styling and tests, e.g. a status id. */
  readonly key?: string;
}

/** A data table: one row per day (or status), one column per number. */
export interface ChartTable {
  readonly headers: readonly string[];
  readonly rows: readonly { readonly head: string; readonly cells: readonly string[] }[];
}

/** What wraps every chart: caption, drawing, legend and the data table behind a toggle. */
export interface ChartFigureView {
  /** Unique within the dashboard: names the data region's id and `data-chart`. */
  readonly id: string;
  /** The text alternative: a sentence summarising the chart (figcaption and the SVG's accessible name). */
  readonly summary: string;
  /** The drawing (an SVG with `role="img"` and axis labels), built by the chart. */
  readonly plot: TemplateResult;
  readonly legend: readonly LegendEntry[];
  readonly table: () => ChartTable;
  readonly showData: boolean;
  readonly labels: ChartLabels;
  readonly onToggle: () => void;
}

/**
 * A chart as a `<figure>`: its summary as the caption, the drawing, a legend, and a "Show data" button
 * revealing the same numbers as a real `<table>`. The table is built only while shown, so a closed chart
 * costs no rows.
 */
export function chartFigure(view: ChartFigureView): TemplateResult {
  const regionId = `${view.id}-data`;
  return html`
    <figure class="chart" part="chart" data-chart=${view.id}>
      <figcaption>${view.summary}</figcaption>
      ${view.plot} ${view.legend.length > 0 ? legend(view.legend) : nothing}
      <button class="toggle-data" type="button" aria-expanded=${view.showData ? 'true' : 'false'} aria-controls=${regionId} @click=${view.onToggle}>
        ${view.showData ? view.labels.hideData : view.labels.showData}
      </button>
      <div id=${regionId} class="data" role="region" aria-label=${view.labels.dataRegion} tabindex=${view.showData ? 0 : -1} ?hidden=${!view.showData}>
        ${view.showData ? dataTable(view.table()) : nothing}
      </div>
    </figure>
  `;
}

function legend(entries: readonly LegendEntry[]): TemplateResult {
  return html`
    <ul class="legend" role="list">
      ${entries.map((entry) => {
        const content = html`<span class="swatch" style=${styleMap({ background: entry.color })}></span><span class="legend-label">${entry.label}</span>${entry.value === undefined ? nothing : html` <span class="legend-value">${entry.value}</span>`}`;
        return html`<li data-key=${entry.key ?? nothing}>
          ${entry.onClick ? html`<button type="button" class="legend-button" @click=${entry.onClick}>${content}</button>` : content}
        </li>`;
      })}
    </ul>
  `;
}

function dataTable(table: ChartTable): TemplateResult {
  return html`
    <table>
      <thead>
        <tr>
          ${table.headers.map((header) => html`<th scope="col">${header}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows.map((row) => html`<tr><th scope="row">${row.head}</th>${row.cells.map((cell) => html`<td>${cell}</td>`)}</tr>`)}
      </tbody>
    </table>
  `;
}
