// Orthogonal routing of dependency arrows. Pure: rows and bar boxes in, SVG path data out, so every route
// can be tested by its points without a browser layout.
import type { DependencyType } from '@cwm/core';
import { barMiddle, ROW_HEIGHT } from '../geometry.js';
import type { BarGeometry } from './scale-like.js';

/** A point of the overlay, in CSS pixels from the top-left of the first row. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** What an arrow joins: the two bars (global row index and horizontal box) and the dependency type. */
export interface ArrowLink {
  readonly type: DependencyType;
  readonly fromRow: number;
  readonly toRow: number;
  /** The predecessor's bar. */
  readonly from: BarGeometry;
  /** The successor's bar. */
  readonly to: BarGeometry;
}

/** The two paths an arrow is drawn with: the stroked line and the filled head. */
export interface ArrowShape {
  /** Path data of the line, ending at the base of the head. */
  readonly line: string;
  /** Path data of the closed head triangle; its tip touches the successor's side. */
  readonly head: string;
}

/** Preferred length of the horizontal piece leaving or entering a bar before the first turn. */
export const ARROW_STUB = 12;
/** Shortest piece leaving a bar: below it the arrow routes around instead of squeezing in. */
const MIN_EXIT = 6;
/** Length of the head along the arrow. */
export const ARROW_HEAD_LENGTH = 6;
/** Half the width of the head's base. */
const ARROW_HEAD_HALF_WIDTH = 4;
/** Shortest visible line before the head once the arrow has turned into the successor's row. */
const MIN_ENTRY = ARROW_HEAD_LENGTH + 4;
/** Radius of the rounded corners (smaller when a segment is too short for it). */
const CORNER_RADIUS = 4;

/** +1 when the arrow leaves the predecessor going right (from its end), -1 going left (from its start). */
function exitDirection(type: DependencyType): 1 | -1 {
  return type === 'FS' || type === 'FF' ? 1 : -1;
}

/**
 * +1 when the arrow arrives travelling right (into the successor's start, from its left), -1 travelling
 * left (into its end, from its right).
 */
function entryDirection(type: DependencyType): 1 | -1 {
  return type === 'FS' || type === 'SS' ? 1 : -1;
}

/** The predecessor's side the arrow starts from: its end for FS/FF, its start for SS/SF. */
export function arrowSource(link: ArrowLink): Point {
  const x = exitDirection(link.type) === 1 ? link.from.x + link.from.width : link.from.x;
  return { x, y: barMiddle(link.fromRow) };
}

/** The successor's side the head points at: its start for FS/SS, its end for FF/SF. */
export function arrowTarget(link: ArrowLink): Point {
  const x = entryDirection(link.type) === 1 ? link.to.x : link.to.x + link.to.width;
  return { x, y: barMiddle(link.toRow) };
}

/**
 * The y of the row gap the arrow runs through when it has to go around: the boundary between the
 * predecessor's row and its neighbour towards the successor (below for the same row). Row boundaries lie
 * in the middle of the padding between two bars, so nothing is drawn there.
 */
function gapY(fromRow: number, toRow: number): number {
  return toRow < fromRow ? fromRow * ROW_HEIGHT : (fromRow + 1) * ROW_HEIGHT;
}

/**
 * The x of the vertical piece of a three-segment route (out, down or up, in), or undefined when no x
 * leaves both a piece out of the predecessor and a visible piece into the successor on the right sides.
 * Prefers a short piece out of the predecessor, so the arrows leaving one bar share a channel.
 */
function channelX(source: Point, target: Point, exit: 1 | -1, entry: 1 | -1): number | undefined {
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  if (exit === 1) low = Math.max(low, source.x + MIN_EXIT);
  else high = Math.min(high, source.x - MIN_EXIT);
  if (entry === 1) high = Math.min(high, target.x - MIN_ENTRY);
  else low = Math.max(low, target.x + MIN_ENTRY);
  if (low > high) return undefined;
  const preferred = source.x + exit * ARROW_STUB;
  return Math.min(high, Math.max(low, preferred));
}

/**
 * The corners of the arrow, from the predecessor's side to the successor's (the head's tip), every
 * segment horizontal or vertical. Leaves and enters horizontally; when the successor's side lies behind
 * the predecessor's (or both bars share a row and a straight line would cross one of them), it turns
 * into the row gap next to the predecessor and comes back: the classic "S".
 */
export function arrowRoute(link: ArrowLink): readonly Point[] {
  const exit = exitDirection(link.type);
  const entry = entryDirection(link.type);
  const source = arrowSource(link);
  const target = arrowTarget(link);

  if (link.fromRow === link.toRow) {
    // A straight line works only when it travels one way from side to side: anything else would run
    // back over one of the two bars.
    const room = exit * (target.x - source.x);
    if (exit === entry && room >= MIN_EXIT + MIN_ENTRY) return [source, target];
  } else {
    const x = channelX(source, target, exit, entry);
    if (x !== undefined) return simplify([source, { x, y: source.y }, { x, y: target.y }, target]);
  }

  const outX = source.x + exit * ARROW_STUB;
  const inX = target.x - entry * ARROW_STUB;
  const y = gapY(link.fromRow, link.toRow);
  return simplify([source, { x: outX, y: source.y }, { x: outX, y }, { x: inX, y }, { x: inX, y: target.y }, target]);
}

/** Drops repeated points and points in the middle of a straight run (they would make zero-size corners). */
function simplify(points: readonly Point[]): Point[] {
  const kept: Point[] = [];
  for (const point of points) {
    const last = kept[kept.length - 1];
    if (last !== undefined && last.x === point.x && last.y === point.y) continue;
    const beforeLast = kept[kept.length - 2];
    if (last !== undefined && beforeLast !== undefined && collinear(beforeLast, last, point)) kept.pop();
    kept.push(point);
  }
  return kept;
}

function collinear(a: Point, b: Point, c: Point): boolean {
  return (a.x === b.x && b.x === c.x) || (a.y === b.y && b.y === c.y);
}

/** Two decimals are far below a pixel and keep the path data short and free of float noise. */
function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function distance(a: Point, b: Point): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}

/** The point `length` pixels from `from` towards `to` (orthogonal segments only). */
function towards(from: Point, to: Point, length: number): Point {
  const total = distance(from, to);
  if (total === 0) return from;
  return { x: from.x + ((to.x - from.x) * length) / total, y: from.y + ((to.y - from.y) * length) / total };
}

/**
 * Path data through `points` with every corner rounded by a quadratic curve whose control point is the
 * corner itself (so the corners can be read back from the path). The radius shrinks on short segments so
 * two curves never overlap.
 */
function roundedPath(points: readonly Point[]): string {
  const first = points[0];
  if (first === undefined) return '';
  const parts = [`M ${num(first.x)} ${num(first.y)}`];
  for (let index = 1; index < points.length - 1; index += 1) {
    const before = points[index - 1]!;
    const corner = points[index]!;
    const after = points[index + 1]!;
    const radius = Math.min(CORNER_RADIUS, distance(before, corner) / 2, distance(corner, after) / 2);
    const into = towards(corner, before, radius);
    const out = towards(corner, after, radius);
    parts.push(`L ${num(into.x)} ${num(into.y)}`, `Q ${num(corner.x)} ${num(corner.y)} ${num(out.x)} ${num(out.y)}`);
  }
  const last = points[points.length - 1]!;
  if (points.length > 1) parts.push(`L ${num(last.x)} ${num(last.y)}`);
  return parts.join(' ');
}

/**
 * Both paths of an arrow: the line (route with rounded corners, stopping where the head begins) and the
 * head, drawn as its own small path rather than an SVG marker: marker ids would repeat when several
 * gantts share a page.
 */
export function arrowShape(link: ArrowLink): ArrowShape {
  const route = arrowRoute(link);
  const tip = route[route.length - 1]!;
  const entry = entryDirection(link.type);
  const baseX = tip.x - entry * ARROW_HEAD_LENGTH;
  const line = [...route.slice(0, -1), { x: baseX, y: tip.y }];
  const head =
    `M ${num(tip.x)} ${num(tip.y)} L ${num(baseX)} ${num(tip.y - ARROW_HEAD_HALF_WIDTH)} ` +
    `L ${num(baseX)} ${num(tip.y + ARROW_HEAD_HALF_WIDTH)} Z`;
  return { line: roundedPath(line), head };
}

/** Path data of the arrow's line, from the predecessor's side to the base of the head. */
export function arrowPath(link: ArrowLink): string {
  return arrowShape(link).line;
}

/** Path data of the arrow's head (a closed triangle whose tip touches the successor's side). */
export function arrowHeadPath(link: ArrowLink): string {
  return arrowShape(link).head;
}
