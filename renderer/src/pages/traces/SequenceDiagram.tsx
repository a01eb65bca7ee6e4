/**
 * A trace drawn as a sequence diagram (SVG): four lifelines, one arrow per step coloured
 * by its status, the rule as a tag, the time between steps on the left. Each step is a
 * button: click, Enter or Space opens its content; Up and Down move between steps.
 * All geometry comes from `layoutDiagram`.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TraceStep } from '../../../../server/model/federation';
import { DEFAULT_METRICS, LANE_LABELS, layoutDiagram, moveSelection, type StepLayout } from './trace-diagram';

const FALLBACK_WIDTH = 640;
const LANE_BOX_WIDTH = 92;
const STATUS_WORDS: Record<TraceStep['status'], string> = { ok: 'passed', fail: 'failed', info: 'information' };

export function SequenceDiagram(props: {
  steps: readonly TraceStep[];
  selectedSeq: number | undefined;
  onSelect: (seq: number) => void;
}) {
  const { steps, selectedSeq, onSelect } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  const markerId = `tr-arrow-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;

  useEffect(() => {
    const element = wrapRef.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const layout = useMemo(() => layoutDiagram(steps, width), [steps, width]);

  const focusStep = (index: number | undefined) => {
    const target = index === undefined ? undefined : layout.steps[index];
    if (!target) return;
    onSelect(target.seq);
    wrapRef.current?.querySelector<SVGGElement>(`[data-seq="${target.seq}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<SVGGElement>, laid: StepLayout) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(laid.seq);
      return;
    }
    const last = layout.steps.length - 1;
    const target =
      event.key === 'ArrowDown' || event.key === 'ArrowRight'
        ? moveSelection(layout.steps.length, laid.index, 1)
        : event.key === 'ArrowUp' || event.key === 'ArrowLeft'
          ? moveSelection(layout.steps.length, laid.index, -1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (target === undefined) return;
    event.preventDefault();
    focusStep(target);
  };

  // One tab stop for the whole diagram: the selected step, else the first.
  const tabSeq = selectedSeq ?? layout.steps[0]?.seq;
  const boxWidth = Math.min(LANE_BOX_WIDTH, (layout.lanes[1]?.x ?? 200) - (layout.lanes[0]?.x ?? 100) - 10);

  return (
    <div ref={wrapRef} className="tr-diagram-wrap" data-testid="trace-diagram">
      <svg
        className="tr-diagram"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={`Sequence diagram, ${steps.length} steps`}
      >
        <defs>
          {(['ok', 'fail', 'info'] as const).map((status) => (
            <marker
              key={status}
              id={`${markerId}-${status}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className={`tr-arrowhead tr-arrowhead-${status}`} />
            </marker>
          ))}
        </defs>

        <text className="tr-gutter-head" x={8} y={24}>
          Δ time
        </text>
        {layout.lanes.map((lane) => (
          <g key={lane.lane} className={`tr-lane tr-lane-${lane.lane}`}>
            <line className="tr-lifeline" x1={lane.x} x2={lane.x} y1={layout.lifelineTop} y2={layout.lifelineBottom} />
            <rect className="tr-lane-box" x={lane.x - boxWidth / 2} y={6} width={boxWidth} height={26} rx={7} />
            <text className="tr-lane-label" x={lane.x} y={23} textAnchor="middle">
              {LANE_LABELS[lane.lane]}
            </text>
          </g>
        ))}

        {layout.steps.length === 0 && (
          <text className="tr-no-steps" x={layout.width / 2} y={layout.lifelineTop + 44} textAnchor="middle">
            No steps recorded yet
          </text>
        )}

        {layout.steps.map((laid) => {
          const step = steps[laid.index] as TraceStep;
          const selected = laid.seq === selectedSeq;
          return (
            <g
              key={laid.seq}
              className={`tr-step tr-step-${laid.status}${selected ? ' selected' : ''}`}
              role="button"
              tabIndex={laid.seq === tabSeq ? 0 : -1}
              aria-pressed={selected}
              aria-label={`Step ${laid.seq}: ${LANE_LABELS[step.from]} to ${LANE_LABELS[step.to]}, ${step.title}, ${STATUS_WORDS[laid.status]}${step.rule ? `, rule ${step.rule}` : ''}`}
              data-seq={laid.seq}
              data-status={laid.status}
              data-testid={`trace-step-${laid.seq}`}
              onClick={() => onSelect(laid.seq)}
              onKeyDown={(event) => onKeyDown(event, laid)}
            >
              <title>{step.title}</title>
              <rect
                className="tr-step-hit"
                x={2}
                y={laid.top + 2}
                width={layout.width - 4}
                height={DEFAULT_METRICS.rowHeight - 4}
                rx={8}
              />
              {laid.gap && (
                <text className="tr-gap" x={DEFAULT_METRICS.gutter - 8} y={laid.arrowY + 4} textAnchor="end">
                  {laid.gap}
                </text>
              )}
              <rect
                className="tr-label-bg"
                x={laid.label.x - laid.label.width / 2 - 4}
                y={laid.label.y - 12}
                width={laid.label.width + 8}
                height={16}
                rx={4}
              />
              <text
                className="tr-label"
                x={laid.label.x}
                y={laid.label.y}
                textAnchor="middle"
                data-testid={`trace-step-${laid.seq}-label`}
                data-truncated={laid.label.truncated || undefined}
              >
                {laid.label.text}
              </text>
              <path className="tr-arrow" d={laid.path} markerEnd={`url(#${markerId}-${laid.status})`} />
              {laid.tag && (
                <g className="tr-tag">
                  <rect
                    x={laid.tag.x - laid.tag.width / 2 - 5}
                    y={laid.tag.y - 8}
                    width={laid.tag.width + 10}
                    height={15}
                    rx={7.5}
                  />
                  <text x={laid.tag.x} y={laid.tag.y + 3} textAnchor="middle">
                    {laid.tag.text}
                  </text>
                </g>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
