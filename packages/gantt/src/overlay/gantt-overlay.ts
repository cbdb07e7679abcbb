// The SVG drawn over frappe's timeline: every dependency arrow (frappe only knows finish-to-start and no
// lag), the today line, milestone diamonds, link handles and the link being drawn. A template function,
// not an element: the chart owns the state and re-renders this with it.
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Id, IsoDate } from '@cwm/core';
import { BAR_HEIGHT, barMiddle, barTop } from '../geometry.js';
import type { DependencyLink } from '../model/dependency-rules.js';
import { arrowShape } from './arrow-geometry.js';
import type { LinkDraft, LinkDrag } from './link-drag.js';
import { barOfId, barOfRow, handlePoint, MILESTONE_HALF_SIZE, rowBarGeometry, sidePoint, type BarLayout, type DragGeometry, type LinkSide, type OverlayRow, type OverlayRows } from './row-bars.js';
import type { ScaleLike } from './scale-like.js';

/**
 * A dependency to draw (a `DependencyLink` of the model): the successor `toId` depends on the predecessor
 * `fromId`; the arrow joins the bars of rows `fromRow` and `toRow`, which are a collapsed task's nearest
 * visible ancestor when it is hidden.
 */
export type OverlayLink = Pick<DependencyLink, 'fromId' | 'toId' | 'type' | 'lag' | 'fromRow' | 'toRow'>;

/** The key of a link in `criticalLinks` and `selectedLink`: `${fromId}>${toId}`. */
export function linkKey(fromId: Id, toId: Id): string {
  return `${fromId}>${toId}`;
}

/** Everything the overlay is drawn from. Geometry is computed, never read from the DOM. */
export interface OverlayInput {
  /** Links touching the visible window (the element filters them); ends without a visible bar are skipped. */
  readonly links: readonly OverlayLink[];
  readonly scale: ScaleLike;
  /** Every visible row (`GanttRows.rows`); y comes from the global row index. */
  readonly rows: OverlayRows;
  /** The rendered row window: milestones and handles are drawn only for these rows. */
  readonly window: { readonly first: number; readonly count: number };
  /** Draws the today line on this day when set. */
  readonly today?: IsoDate | undefined;
  /** Tasks on the critical path (their milestone diamonds are drawn in the critical colour). */
  readonly criticalIds?: ReadonlySet<Id> | undefined;
  /** Keys (`linkKey`) of the links on the critical path. */
  readonly criticalLinks?: ReadonlySet<string> | undefined;
  readonly selectedId?: Id | undefined;
  readonly hoveredId?: Id | undefined;
  /** Key (`linkKey`) of the selected link, drawn emphasised. */
  readonly selectedLink?: string | undefined;
  /** The link being drawn (from `LinkDrag`). */
  readonly linkDraft?: LinkDraft | undefined;
  /** Live box of the bar frappe is dragging, so its arrows and diamond follow it. */
  readonly dragGeometry?: DragGeometry | undefined;
  /** Size of the rows area, in CSS pixels. */
  readonly height: number;
  readonly width: number;
  /** Link handles and clickable arrows; false for read-only charts. */
  readonly canEditLinks: boolean;
  /** A click on an arrow (only when `canEditLinks`); the element selects it and offers delete. */
  readonly onLinkClick?: ((fromId: Id, toId: Id) => void) | undefined;
  /** Starts drawing a link on pointer down on a handle (the chart's `LinkDrag`). */
  readonly linkDrag?: Pick<LinkDrag, 'begin'> | undefined;
}

/** Radius of a link handle. */
const HANDLE_RADIUS = 5;
/** How far the outline of a link's target reaches around its bar. */
const TARGET_OUTLINE = 3;

/**
 * The overlay `<svg>`, to be placed absolutely at (0, `HEADER_HEIGHT`) of the timeline content with
 * `overlayStyles`. Hidden from assistive technology: the task grid announces tasks and dependencies.
 */
export function renderOverlay(input: OverlayInput): TemplateResult {
  const layout: BarLayout = { rows: input.rows, scale: input.scale, dragGeometry: input.dragGeometry, window: input.window };
  return html`<svg class="overlay cwm-gantt-overlay" width=${input.width} height=${input.height} aria-hidden="true">
    ${input.canEditLinks ? hitClip(input, layout) : nothing}
    ${todayLine(input)}
    <g class="links">${repeat(uniqueLinks(input.links), (link) => linkKey(link.fromId, link.toId), (link) => arrow(link, input, layout))}</g>
    <g class="milestones">${milestones(input, layout)}</g>
    <g class="handles">${handles(input, layout)}</g>
    ${draftLine(input, layout)}
  </svg>`;
}

/** Two dependencies between the same pair would share a key (bad data): draw the first. */
function uniqueLinks(links: readonly OverlayLink[]): readonly OverlayLink[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const key = linkKey(link.fromId, link.toId);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function arrow(link: OverlayLink, input: OverlayInput, layout: BarLayout): SVGTemplateResult | typeof nothing {
  const from = barOfRow(link.fromRow, layout);
  const to = barOfRow(link.toRow, layout);
  if (from === undefined || to === undefined) return nothing;
  const shape = arrowShape({ type: link.type, fromRow: from.row, toRow: to.row, from: from.geometry, to: to.geometry });
  const key = linkKey(link.fromId, link.toId);
  const classes = [
    'link',
    `link-${link.type.toLowerCase()}`,
    input.criticalLinks?.has(key) === true ? 'cwm-critical' : '',
    input.selectedLink === key ? 'cwm-selected' : '',
  ];
  const clickable = input.canEditLinks && input.onLinkClick !== undefined;
  return svg`<g class=${classes.filter(Boolean).join(' ')} data-from=${link.fromId} data-to=${link.toId}
      data-type=${link.type} data-lag=${link.lag}>
    <path class="line" d=${shape.line}></path>
    <path class="head" d=${shape.head}></path>
    ${clickable
      ? svg`<path class="hit" d=${shape.line} clip-path=${`url(#${HIT_CLIP_ID})`} @click=${() => input.onLinkClick?.(link.fromId, link.toId)}></path>`
      : nothing}
  </g>`;
}

/**
 * Id of the clip path of the arrows' hit areas. Unique enough: the overlay lives in its chart's shadow
 * root, where `url(#...)` resolves, so two charts on a page never see each other's.
 */
const HIT_CLIP_ID = 'cwm-gantt-link-hits';

/**
 * The region where an arrow's wide, invisible hit stroke may take the pointer: the rows area minus every
 * bar of the window. An arrow routed through another row's bar (or leaving its own) must not swallow the
 * clicks, double clicks and drags meant for that bar; off the bars the arrow stays easy to hit.
 * Even-odd filling turns the bar boxes into holes (bars never overlap: one per row).
 */
function hitClip(input: OverlayInput, layout: BarLayout): SVGTemplateResult {
  const holes: string[] = [];
  for (const index of windowRows(input)) {
    const box = barHitBox(input.rows[index]!, layout, input.scale);
    if (box === undefined) continue;
    holes.push(`M ${box.x} ${barTop(index)} h ${box.width} v ${BAR_HEIGHT} h ${-box.width} Z`);
  }
  // The outer box reaches past the rows area: arrows to rows out of the window run beyond it.
  const outer = `M -1e6 -1e6 H 1e6 V 1e6 H -1e6 Z`;
  return svg`<defs><clipPath id=${HIT_CLIP_ID}><path clip-rule="evenodd" d=${[outer, ...holes].join(' ')}></path></clipPath></defs>`;
}

/**
 * The box frappe's bar takes the pointer in: the drawn bar, or for a milestone the invisible one-day bar
 * under its diamond (which is what is dragged and double-clicked).
 */
function barHitBox(row: OverlayRow, layout: BarLayout, scale: ScaleLike): { x: number; width: number } | undefined {
  if (row.kind !== 'milestone') return rowBarGeometry(row, layout);
  const day = row.due ?? row.start;
  if (day === undefined) return undefined;
  return layout.dragGeometry?.id === row.id ? layout.dragGeometry : scale.barOf(day, day);
}

/** A vertical line through the middle of today's column, over the whole rows area. */
function todayLine(input: OverlayInput): SVGTemplateResult | typeof nothing {
  if (input.today === undefined) return nothing;
  const day = input.scale.barOf(input.today, input.today);
  const x = day.x + day.width / 2;
  return svg`<line class="today" x1=${x} x2=${x} y1="0" y2=${input.height}></line>`;
}

function windowRows(input: OverlayInput): number[] {
  const first = Math.max(0, input.window.first);
  const end = Math.min(input.rows.length, input.window.first + input.window.count);
  const indexes: number[] = [];
  for (let index = first; index < end; index += 1) indexes.push(index);
  return indexes;
}

/**
 * Diamonds for the milestones of the window. frappe keeps an invisible one-day bar under each, which
 * stays draggable: the diamond lets the pointer through (CSS `pointer-events: none`).
 */
function milestones(input: OverlayInput, layout: BarLayout): SVGTemplateResult[] {
  const diamonds: SVGTemplateResult[] = [];
  for (const index of windowRows(input)) {
    const row = input.rows[index]!;
    if (row.kind !== 'milestone') continue;
    const box = rowBarGeometry(row, layout);
    if (box === undefined) continue;
    const x = box.x + box.width / 2;
    const y = barMiddle(index);
    const h = MILESTONE_HALF_SIZE;
    const selected = row.id === input.selectedId ? ' cwm-selected' : '';
    const critical = input.criticalIds?.has(row.id) ? ' cwm-critical' : '';
    diamonds.push(svg`<path class=${`milestone${selected}${critical}`} data-task-id=${row.id}
      d=${`M ${x} ${y - h} L ${x + h} ${y} L ${x} ${y + h} L ${x - h} ${y} Z`}></path>`);
  }
  return diamonds;
}

/**
 * Handles at both ends of the hovered and the selected bar, and of the bar a link is being drawn from
 * (so its handle, which holds the pointer capture, survives hover changes mid-gesture).
 */
function handles(input: OverlayInput, layout: BarLayout): unknown {
  if (!input.canEditLinks) return nothing;
  const ids = new Set<Id>();
  for (const id of [input.linkDraft?.fromId, input.selectedId, input.hoveredId]) if (id !== undefined) ids.add(id);
  const first = input.window.first;
  const end = first + input.window.count;
  const points: { id: Id; side: LinkSide; x: number; y: number }[] = [];
  for (const id of ids) {
    const bar = barOfId(id, layout);
    if (bar === undefined || bar.row < first || bar.row >= end) continue;
    for (const side of ['start', 'end'] as const) points.push({ id, side, ...handlePoint(bar.row, bar.geometry, side) });
  }
  return repeat(
    points,
    (point) => `${point.id}:${point.side}`,
    (point) => svg`<circle class="link-handle" data-task-id=${point.id} data-side=${point.side}
      cx=${point.x} cy=${point.y} r=${HANDLE_RADIUS}
      @pointerdown=${(event: PointerEvent) => input.linkDrag?.begin(event, point.id, point.side)}></circle>`,
  );
}

/** The dashed line from the handle to the pointer, and an outline of the bar a release would link to. */
function draftLine(input: OverlayInput, layout: BarLayout): SVGTemplateResult | typeof nothing {
  const draft = input.linkDraft;
  if (draft === undefined) return nothing;
  const from = barOfId(draft.fromId, layout);
  if (from === undefined) return nothing;
  const start = sidePoint(from.row, from.geometry, draft.fromSide);
  const target = draft.target === undefined ? undefined : barOfId(draft.target.id, layout);
  return svg`<g class="link-draft" data-type=${draft.target?.type ?? nothing}>
    ${target === undefined
      ? nothing
      : svg`<rect class="link-target" x=${target.geometry.x - TARGET_OUTLINE} y=${barTop(target.row) - TARGET_OUTLINE}
          width=${target.geometry.width + 2 * TARGET_OUTLINE} height=${BAR_HEIGHT + 2 * TARGET_OUTLINE}
          rx=${TARGET_OUTLINE}></rect>`}
    <line class="draft-line" x1=${start.x} y1=${start.y} x2=${draft.x} y2=${draft.y}></line>
  </g>`;
}
