import { html, nothing, svg, type TemplateResult } from 'lit';
import type { BurndownPoint } from '../model/flow.js';
import { linePoints, polylineAttribute, type ChartBox } from './line-geometry.js';

const BOX: ChartBox = { width: 300, height: 120, padding: 6 };

/** What the burndown figure shows, with its wording already localized. */
export interface BurndownChartView {
  readonly points: readonly BurndownPoint[];
  readonly title: string;
  /** The text alternative: a sentence summarising the chart. */
  readonly summary: string;
  readonly showData: boolean;
  readonly labels: { readonly showData: string; readonly dataRegion: string; readonly date: string; readonly open: string; readonly remainingHours: string };
  readonly formatDay: (date: string) => string;
  readonly formatNumber: (value: number) => string;
  readonly onToggle: () => void;
}

/**
 * A burndown line (open tasks per day) as a `<figure>`: the SVG is decorative for assistive
 * technology (the figcaption says what it shows), and the "Show data" toggle reveals the same numbers
 * as a real table. Only numbers and dates reach the SVG, never user text.
 */
export function burndownChart(view: BurndownChartView): TemplateResult {
  const line = polylineAttribute(linePoints(view.points.map((point) => point.open), BOX));
  return html`
    <figure class="chart" part="chart">
      <svg class="burndown" viewBox="0 0 ${BOX.width} ${BOX.height}" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        ${svg`<line class="axis" x1=${BOX.padding} y1=${BOX.height - BOX.padding} x2=${BOX.width - BOX.padding} y2=${BOX.height - BOX.padding}></line>`}
        ${view.points.length > 0 ? svg`<polyline class="line" points=${line}></polyline>` : nothing}
      </svg>
      <figcaption>${view.summary}</figcaption>
      <button class="toggle-data" type="button" aria-expanded=${view.showData ? 'true' : 'false'} aria-controls="burndown-data" @click=${view.onToggle}>
        ${view.labels.showData}
      </button>
      <div id="burndown-data" class="data" role="region" aria-label=${view.labels.dataRegion} tabindex=${view.showData ? 0 : -1} ?hidden=${!view.showData}>
        ${view.showData ? dataTable(view) : nothing}
      </div>
    </figure>
  `;
}

function dataTable(view: BurndownChartView): TemplateResult {
  return html`
    <table>
      <thead>
        <tr><th scope="col">${view.labels.date}</th><th scope="col">${view.labels.open}</th><th scope="col">${view.labels.remainingHours}</th></tr>
      </thead>
      <tbody>
        ${view.points.map(
          (point) => html`<tr><th scope="row">${view.formatDay(point.date)}</th><td>${view.formatNumber(point.open)}</td><td>${view.formatNumber(point.remainingHours)}</td></tr>`,
        )}
      </tbody>
    </table>
  `;
}
