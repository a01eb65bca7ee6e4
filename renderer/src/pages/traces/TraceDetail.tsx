/**
 * One traced login: its outcome and, for a failure, why in one sentence; the steps as a
 * sequence diagram; and the decoded content of the step the reader picks.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Connection, Trace } from '../../../../server/model/federation';
import type { Organization } from '../../../../server/model/organization';
import { getTrace, type TraceSummary } from '../../api/traces-api';
import { CopyButton } from '../../components/CopyButton';
import { useApiClient, useResource } from '../org-detail/use-api';
import { SequenceDiagram } from './SequenceDiagram';
import { StepContent } from './StepContent';
import { hasLivePending, LIVE_REFRESH_MS, timeOfDay, traceDuration } from './trace-format';
import { OutcomeBadge } from './TraceList';

/** The step to open first: the one that failed, else none. */
const failedStep = (trace: Trace) => trace.steps.find((step) => step.status === 'fail')?.seq;

export function TraceDetail(props: {
  id: string;
  summary: TraceSummary;
  orgs: readonly Organization[];
  connections: readonly Connection[];
  now: number;
}) {
  const client = useApiClient();
  const { data: trace, error, reload } = useResource(useCallback(() => getTrace(client, props.id), [client, props.id]));
  const [picked, setPicked] = useState<number>();
  const live = hasLivePending([props.summary], props.now);

  // A login under way gains steps: follow it until it ends.
  useEffect(() => {
    if (!live) return undefined;
    const timer = setInterval(() => {
      if (!document.hidden) reload();
    }, LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, reload]);

  // The list saw the login end: fetch its last steps once more.
  const { outcome } = props.summary;
  useEffect(() => {
    if (outcome !== 'pending') reload();
  }, [outcome, reload]);

  if (!trace) {
    return (
      <section className="tr-card tr-detail" data-testid="trace-detail">
        <p className={error ? 'form-error' : 'muted'} role={error ? 'alert' : undefined}>
          {error ?? 'Loading…'}
        </p>
      </section>
    );
  }

  const selectedSeq = picked ?? failedStep(trace);
  const step = trace.steps.find((candidate) => candidate.seq === selectedSeq);
  const org = props.orgs.find((candidate) => candidate.id === trace.orgId);
  const connection = props.connections.find((candidate) => candidate.id === trace.connectionId);
  const took = traceDuration(trace);
  const lastFailed = trace.outcome === 'pending' ? trace.steps.findLast((s) => s.status === 'fail') : undefined;

  return (
    <section className="tr-card tr-detail" aria-label="Trace" data-testid="trace-detail" data-trace-id={trace.id}>
      <header className="tr-detail-head">
        <div className="tr-detail-title">
          <OutcomeBadge outcome={trace.outcome} testId="trace-detail-outcome" />
          <h3>
            {org?.name ?? 'Login'}
            {trace.clientId && <span className="muted"> · {trace.clientId}</span>}
          </h3>
        </div>
        <span className="tr-trace-id">
          <code>{trace.id}</code>
          <CopyButton text={trace.id} label="trace ID" testId="trace-copy-id" />
        </span>
      </header>

      {trace.summary && (
        <p className={`tr-summary tr-summary-${trace.outcome}`} data-testid="trace-summary">
          {trace.summary}
          {trace.failedRule && (
            <>
              {' '}
              <code className="tr-rule" data-testid="trace-failed-rule">
                {trace.failedRule}
              </code>
            </>
          )}
        </p>
      )}
      {!trace.summary && lastFailed && (
        <p className="tr-summary tr-summary-failure" data-testid="trace-summary">
          Not finished; the last attempt failed: {lastFailed.title}
          {lastFailed.rule && (
            <>
              {' '}
              <code className="tr-rule">{lastFailed.rule}</code>
            </>
          )}
        </p>
      )}

      <dl className="tr-facts">
        <div>
          <dt>Started</dt>
          <dd title={new Date(trace.startedAt).toLocaleString()}>{timeOfDay(trace.startedAt)}</dd>
        </div>
        <div>
          <dt>Took</dt>
          <dd>{took ?? (trace.outcome === 'pending' ? 'in progress' : '—')}</dd>
        </div>
        {connection && (
          <div>
            <dt>Connection</dt>
            <dd>{connection.name}</dd>
          </div>
        )}
        {trace.persona && (
          <div>
            <dt>Persona</dt>
            <dd>
              <code>{trace.persona}</code>
            </dd>
          </div>
        )}
        <div>
          <dt>Steps</dt>
          <dd>{trace.steps.length}</dd>
        </div>
      </dl>

      <SequenceDiagram steps={trace.steps} selectedSeq={selectedSeq} onSelect={setPicked} />
      <StepContent step={step} />
    </section>
  );
}
