import { html, svg, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { chartFigure, type ChartFigureView } from './chart-figure.js';

const WIDTH = 300;
const HEIGHT = 24;

/** One segment of a segmented bar. */
export interface BarSegment {
  /** Stable name for styling and tests, e.g. a status id. */
  readonly key: string;
  /** Shown in the legend (may be user text: it is bound as text). */
  readonly label: string;
  readonly value: number;
  /** The value as shown, e.g. "12". */
  readonly valueText: string;
  readonly color: string;
  /** Clicking the segment or its legend entry. */
  readonly onClick: () => void;
}

/** One bar split into segments (the status mix). */
export interface SegmentedBarChartView extends Omit<ChartFigureView, 'plot' | 'legend'> {
  readonly segments: readonly BarSegment[];
}

/** Start and width of each segment across `width`, in order; zeros get no width, an all-zero bar no segments. */
export function segmentWidths(values: readonly number[], width: number): { readonly x: number; readonly width: number }[] {
  const total = values.reduce((sum, value) => sum + Math.max(0, value), 0);
  let x = 0;
  return values.map((value) => {
    const part = total > 0 ? (Math.max(0, value) / total) * width : 0;
    const segment = { x: Math.round(x * 100) / 100, width: Math.round(part * 100) / 100 };
    x += part;
    return segment;
  });
}

/**
 * A single bar split by share (status mix). Segments answer a mouse click; the legend below holds the
 * same drill-downs as buttons, which is the keyboard's way in (tiny segments would be poor targets).
 */
export function segmentedBarChart(view: SegmentedBarChartView): TemplateResult {
  const widths = segmentWidths(
    view.segments.map((segment) => segment.value),
    WIDTH,
  );
  const plot = html`
    <svg class="bar-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" role="img" aria-label=${view.summary}>
      <rect class="track" x="0" y="0" width=${WIDTH} height=${HEIGHT}></rect>
      ${view.segments.map((segment, index) =>
        widths[index]!.width > 0
          ? svg`<rect class="segment" data-series=${segment.key} x=${widths[index]!.x} y="0" width=${widths[index]!.width} height=${HEIGHT} style=${styleMap({ fill: segment.color })} @click=${segment.onClick}></rect>`
          : null,
      )}
    </svg>
  `;
  const legend = view.segments.map((segment) => ({ label: segment.label, value: segment.valueText, color: segment.color, key: segment.key, onClick: segment.onClick }));
  return chartFigure({ ...view, plot, legend });
}
