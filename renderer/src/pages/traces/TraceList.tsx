/**
 * The traced logins, newest first: outcome, when, org and app, persona and connection;
 * a failure carries its one-sentence reason and the rule that rejected it. Up and Down
 * move through the list.
 */
import { useRef, type KeyboardEvent } from 'react';
import type { Connection } from '../../../../server/model/federation';
import type { Organization } from '../../../../server/model/organization';
import type { TraceOutcome, TraceSummary } from '../../api/traces-api';
import { Icon, type IconName } from '../../components/icons';
import { formatRelative } from '../tokens/token-time';
import { moveSelection } from './trace-diagram';
import { OUTCOME_LABELS, timeOfDay, traceDuration } from './trace-format';

const OUTCOME_ICONS: Record<TraceOutcome, IconName> = {
  success: 'shield-check',
  failure: 'shield-x',
  pending: 'clock',
};

export function OutcomeBadge({ outcome, testId }: { outcome: TraceOutcome; testId?: string }) {
  return (
    <span className={`tr-outcome tr-outcome-${outcome}`} data-testid={testId} data-outcome={outcome}>
      <Icon name={OUTCOME_ICONS[outcome]} size={13} />
      {OUTCOME_LABELS[outcome]}
    </span>
  );
}

export function TraceList(props: {
  traces: readonly TraceSummary[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  orgs: readonly Organization[];
  connections: readonly Connection[];
  now: number;
  loading: boolean;
}) {
  const { traces } = props;
  const listRef = useRef<HTMLUListElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const delta = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const index = traces.findIndex((trace) => trace.id === props.selectedId);
    const next = traces[moveSelection(traces.length, index < 0 ? undefined : index, delta) ?? 0];
    if (!next) return;
    props.onSelect(next.id);
    listRef.current?.querySelector<HTMLElement>(`[data-trace-id="${next.id}"]`)?.focus();
  };

  if (props.loading) return <p className="muted tr-list-loading">Loading…</p>;
  return (
    <ul ref={listRef} className="tr-list" aria-label="Traced logins" data-testid="traces-list" onKeyDown={onKeyDown}>
      {traces.map((trace) => {
        const selected = trace.id === props.selectedId;
        const org = props.orgs.find((candidate) => candidate.id === trace.orgId);
        const connection = props.connections.find((candidate) => candidate.id === trace.connectionId);
        const took = traceDuration(trace);
        return (
          <li key={trace.id}>
            <button
              type="button"
              className={`tr-row${selected ? ' selected' : ''} tr-row-${trace.outcome}`}
              aria-current={selected ? 'true' : undefined}
              tabIndex={selected || (!props.selectedId && trace === traces[0]) ? 0 : -1}
              data-trace-id={trace.id}
              data-testid={`trace-row-${trace.id}`}
              onClick={() => props.onSelect(trace.id)}
            >
              <span className="tr-row-top">
                <OutcomeBadge outcome={trace.outcome} testId={`trace-outcome-${trace.id}`} />
                <span className="tr-row-time" title={new Date(trace.startedAt).toLocaleString()}>
                  {timeOfDay(trace.startedAt)} · {formatRelative(trace.startedAt, props.now)}
                  {took && ` · ${took}`}
                </span>
              </span>
              <span className="tr-row-title">
                {org?.name ?? (trace.orgId ? trace.orgId : 'No organization yet')}
                {trace.clientId && <span className="muted"> · {trace.clientId}</span>}
              </span>
              {(trace.persona || connection) && (
                <span className="tr-row-meta muted small">
                  {trace.persona && (
                    <span>
                      <Icon name="mock-idps" size={12} /> {trace.persona}
                    </span>
                  )}
                  {connection && (
                    <span>
                      <Icon name="connections" size={12} /> {connection.name}
                    </span>
                  )}
                </span>
              )}
              {trace.outcome === 'failure' && trace.summary && (
                <span className="tr-row-reason" data-testid={`trace-reason-${trace.id}`}>
                  {trace.summary}
                  {trace.failedRule && <code className="tr-rule">{trace.failedRule}</code>}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
