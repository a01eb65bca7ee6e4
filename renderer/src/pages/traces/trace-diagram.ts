/**
 * The layout of a login trace as a sequence diagram, as pure functions of the steps and
 * the width: four lanes (Browser, App, Orgbench, IdP) as lifelines, one row per step
 * with an arrow from its sender to its receiver (a loop for a check on one lane), the
 * title above the arrow (cut with an ellipsis to the lanes it spans), the rule tag below it, and the time since the previous step in
 * the left gutter. The SVG component only draws what this computes.
 */
import type { TraceLane, TraceStep } from '../../../../server/model/federation';

export const LANES: readonly TraceLane[] = ['browser', 'app', 'orgbench', 'idp'];

export const LANE_LABELS: Record<TraceLane, string> = {
  browser: 'Browser',
  app: 'App',
  orgbench: 'Orgbench',
  idp: 'IdP',
};

export interface DiagramMetrics {
  /** Left column for the time between steps. */
  gutter: number;
  /** Space kept free at the right edge. */
  padRight: number;
  headerHeight: number;
  rowHeight: number;
  /** Offsets inside a row: title baseline, arrow, rule tag centre. */
  labelOffset: number;
  arrowOffset: number;
  tagOffset: number;
  /** How far a self-loop reaches right of its lifeline, and how tall it is. */
  loopWidth: number;
  loopHeight: number;
  /** Average width of a title character and a rule-tag character (px). */
  charWidth: number;
  tagCharWidth: number;
  footer: number;
}

export const DEFAULT_METRICS: DiagramMetrics = {
  gutter: 56,
  padRight: 8,
  headerHeight: 44,
  rowHeight: 58,
  labelOffset: 18,
  arrowOffset: 28,
  tagOffset: 46,
  loopWidth: 34,
  loopHeight: 12,
  charWidth: 6.7,
  tagCharWidth: 6.3,
  footer: 14,
};

/** Narrower than this, the diagram scrolls sideways instead of squeezing further. */
export const MIN_DIAGRAM_WIDTH = 420;

export interface LaneLayout {
  lane: TraceLane;
  label: string;
  x: number;
}

export interface TextBox {
  text: string;
  /** Centre of the text (drawn with text-anchor middle). */
  x: number;
  y: number;
  /** Estimated width, for the background behind the text. */
  width: number;
  truncated: boolean;
}

export interface StepLayout {
  seq: number;
  index: number;
  status: TraceStep['status'];
  /** Top of the step's row. */
  top: number;
  kind: 'right' | 'left' | 'self';
  x1: number;
  x2: number;
  arrowY: number;
  /** SVG path of the arrow's line (the arrowhead is a marker at its end). */
  path: string;
  label: TextBox;
  tag: TextBox | null;
  /** Time since the previous step, e.g. "+26 ms"; null for the first step. */
  gap: string | null;
}

export interface DiagramLayout {
  width: number;
  height: number;
  lanes: LaneLayout[];
  /** Where the lifelines start and end. */
  lifelineTop: number;
  lifelineBottom: number;
  steps: StepLayout[];
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/** The x of each lane's lifeline: equal columns right of the gutter. */
export function laneXs(width: number, metrics: DiagramMetrics = DEFAULT_METRICS): Record<TraceLane, number> {
  const inner = Math.max(width, MIN_DIAGRAM_WIDTH) - metrics.gutter - metrics.padRight;
  const column = inner / LANES.length;
  return Object.fromEntries(
    LANES.map((lane, index) => [lane, Math.round(metrics.gutter + column * (index + 0.5))]),
  ) as Record<TraceLane, number>;
}

/** `text` cut to at most `maxWidth` px at `charWidth` per character, with an ellipsis when cut. */
export function fitText(text: string, maxWidth: number, charWidth: number): { text: string; truncated: boolean } {
  const max = Math.max(1, Math.floor(maxWidth / charWidth));
  if (text.length <= max) return { text, truncated: false };
  return { text: `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`, truncated: true };
}

/** A span of milliseconds, short: "0 ms", "26 ms", "1.2 s", "14 s", "3 min". */
export function formatMs(ms: number): string {
  const value = Math.max(0, Math.round(ms));
  if (value < 1000) return `${value} ms`;
  if (value < 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value < 60_000) return `${Math.round(value / 1000)} s`;
  if (value < 3_600_000) return `${Math.round(value / 60_000)} min`;
  return `${(value / 3_600_000).toFixed(1)} h`;
}

/** Milliseconds from each step to the next one's `at`; null before the first step or for bad dates. */
export function stepGaps(steps: readonly Pick<TraceStep, 'at'>[]): (number | null)[] {
  return steps.map((step, index) => {
    if (index === 0) return null;
    const previous = Date.parse(steps[index - 1]?.at ?? '');
    const current = Date.parse(step.at);
    return Number.isNaN(previous) || Number.isNaN(current) ? null : Math.max(0, current - previous);
  });
}

/** The small tag under an arrow: the rule, and how long the step took when it says. */
export function tagText(step: Pick<TraceStep, 'rule' | 'durationMs'>): string | null {
  const took = step.durationMs !== null && step.durationMs > 0 ? formatMs(step.durationMs) : null;
  if (step.rule && took) return `${step.rule} · ${took}`;
  return step.rule ?? took;
}

function textBox(text: string, centre: number, y: number, room: Room, charWidth: number): TextBox {
  const fitted = fitText(text, room.right - room.left, charWidth);
  const width = fitted.text.length * charWidth;
  return {
    text: fitted.text,
    truncated: fitted.truncated,
    width,
    y,
    x: clamp(centre, room.left + width / 2, room.right - width / 2),
  };
}

/** A horizontal stretch of the diagram, in px. */
export interface Room {
  left: number;
  right: number;
}

/** Kept free beside a neighbouring lifeline, so a title never touches it. */
const LIFELINE_CLEARANCE = 6;

/**
 * The stretch a step's title may use: from the lifeline before its leftmost end to the one
 * after its rightmost end (a loop's two ends are its own lane), so a title never crosses a
 * lane its arrow does not reach, and never the diagram's edges.
 */
export function labelRoom(x1: number, x2: number, xs: readonly number[], bounds: Room): Room {
  const low = Math.min(x1, x2);
  const high = Math.max(x1, x2);
  const before = xs.filter((x) => x < low).at(-1);
  const after = xs.find((x) => x > high);
  return {
    left: before === undefined ? bounds.left : Math.max(bounds.left, before + LIFELINE_CLEARANCE),
    right: after === undefined ? bounds.right : Math.min(bounds.right, after - LIFELINE_CLEARANCE),
  };
}

/** Lays out `steps` in a diagram `width` px wide. */
export function layoutDiagram(
  steps: readonly TraceStep[],
  width: number,
  metrics: DiagramMetrics = DEFAULT_METRICS,
): DiagramLayout {
  const drawnWidth = Math.max(Math.round(width), MIN_DIAGRAM_WIDTH);
  const xs = laneXs(drawnWidth, metrics);
  const bounds: Room = { left: metrics.gutter + 2, right: drawnWidth - metrics.padRight };
  const lifelines = LANES.map((lane) => xs[lane]);
  const gaps = stepGaps(steps);

  const laid = steps.map((step, index): StepLayout => {
    const top = metrics.headerHeight + index * metrics.rowHeight;
    const arrowY = top + metrics.arrowOffset;
    const x1 = xs[step.from] ?? xs.orgbench;
    const x2 = xs[step.to] ?? xs.orgbench;
    const self = x1 === x2;
    const kind = self ? 'self' : x2 > x1 ? 'right' : 'left';
    // A loop leaves its lifeline to the right, comes back lower down, and ends on it.
    const loopTop = arrowY - metrics.loopHeight / 2;
    const path = self
      ? `M ${x1} ${loopTop} H ${x1 + metrics.loopWidth} V ${loopTop + metrics.loopHeight} H ${x1 + 2}`
      : `M ${x1} ${arrowY} H ${kind === 'right' ? x2 - 2 : x2 + 2}`;
    const centre = self ? x1 + metrics.loopWidth / 2 + 4 : (x1 + x2) / 2;
    const room = labelRoom(x1, x2, lifelines, bounds);
    const label = textBox(step.title, centre, top + metrics.labelOffset, room, metrics.charWidth);
    const tagValue = tagText(step);
    const tag = tagValue ? textBox(tagValue, centre, top + metrics.tagOffset, room, metrics.tagCharWidth) : null;
    const gap = gaps[index];
    return {
      seq: step.seq,
      index,
      status: step.status,
      top,
      kind,
      x1,
      x2,
      arrowY,
      path,
      label,
      tag,
      gap: gap === null || gap === undefined ? null : `+${formatMs(gap)}`,
    };
  });

  const lifelineBottom = metrics.headerHeight + Math.max(steps.length, 1) * metrics.rowHeight;
  return {
    width: drawnWidth,
    height: lifelineBottom + metrics.footer,
    lanes: LANES.map((lane) => ({ lane, label: LANE_LABELS[lane], x: xs[lane] })),
    lifelineTop: metrics.headerHeight - 10,
    lifelineBottom,
    steps: laid,
  };
}

/** The step to select after `current` when moving by `delta` rows (keyboard), clamped to the list. */
export function moveSelection(count: number, current: number | undefined, delta: number): number | undefined {
  if (count === 0) return undefined;
  if (current === undefined) return delta >= 0 ? 0 : count - 1;
  return clamp(current + delta, 0, count - 1);
}
