/**
 * Login traces: every login Orgbench saw, newest first, filtered by org, connection,
 * persona and outcome; a failed one explained in one sentence; the chosen one drawn as a
 * sequence diagram with each step's decoded content. Refreshes every 1.5 s while a login
 * is under way. Self-contained: mount it anywhere (the Tokens and Traces page, a
 * connection's detail with `connectionId`).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { listConnections } from '../../api/federation-api';
import { listTraces, type TraceFilters } from '../../api/traces-api';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { useApiClient, useResource } from '../org-detail/use-api';
import { useNow } from '../tokens/use-now';
import { RetentionControl } from './RetentionControl';
import { TraceDetail } from './TraceDetail';
import { TraceFiltersBar, type FilterDraft } from './TraceFiltersBar';
import { TraceList } from './TraceList';
import { hasLivePending, LIVE_REFRESH_MS } from './trace-format';
import './traces.css';

/** How many traces the list asks for. */
const LIST_LIMIT = 100;
/** Typing in the persona box waits this long before asking the server. */
const TYPING_MS = 300;

const EMPTY_FILTERS: FilterDraft = { org: '', connection: '', persona: '', outcome: '' };

export function TracesPanel({ connectionId }: { connectionId?: string } = {}) {
  const client = useApiClient();
  const orgs = useAppStore((s) => s.orgs);
  const now = useNow();
  const [draft, setDraft] = useState<FilterDraft>(EMPTY_FILTERS);
  const [persona, setPersona] = useState('');
  const [selected, setSelected] = useState<string>();

  // The persona filter follows the box after a pause, not on every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setPersona(draft.persona.trim()), TYPING_MS);
    return () => clearTimeout(timer);
  }, [draft.persona]);

  const filters: TraceFilters = useMemo(
    () => ({
      org: draft.org || undefined,
      connection: connectionId ?? (draft.connection || undefined),
      persona: persona || undefined,
      outcome: draft.outcome || undefined,
      limit: LIST_LIMIT,
    }),
    [draft.org, draft.connection, draft.outcome, persona, connectionId],
  );
  const list = useResource(useCallback(() => listTraces(client, filters), [client, filters]));
  const connections = useResource(useCallback(() => listConnections(client), [client]));
  const traces = useMemo(() => list.data?.traces ?? [], [list.data]);
  const live = hasLivePending(traces, now);

  const { reload } = list;
  useEffect(() => {
    if (!live) return undefined;
    const timer = setInterval(() => {
      if (!document.hidden) reload();
    }, LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, reload]);

  // The newest trace is shown until the reader picks one; a filtered-out pick falls back to it.
  const current = traces.find((trace) => trace.id === selected) ?? traces[0];
  const filtered = Object.values({ ...draft, connection: connectionId ? '' : draft.connection }).some(Boolean);

  return (
    <div className="tr-panel" data-testid="traces-panel">
      <div className="tr-toolbar">
        <TraceFiltersBar
          value={draft}
          onChange={setDraft}
          orgs={orgs}
          connections={connectionId ? undefined : (connections.data ?? [])}
        />
        <div className="tr-toolbar-end">
          <span className={`tr-live${live ? ' on' : ''}`} data-testid="traces-live" aria-live="polite">
            <span className="tr-live-dot" aria-hidden="true" />
            {live ? 'Live' : `${traces.length} trace${traces.length === 1 ? '' : 's'}`}
          </span>
          <button
            type="button"
            className="button tr-icon-text-button"
            data-testid="traces-refresh"
            aria-label="Refresh the traces"
            onClick={reload}
          >
            <Icon name="refresh" size={15} />
            <span className="tr-hide-narrow">Refresh</span>
          </button>
        </div>
      </div>

      {list.error && (
        <p className="form-error" role="alert" data-testid="traces-error">
          {list.error}
        </p>
      )}

      {list.data && traces.length === 0 ? (
        <div className="tr-empty" data-testid="traces-empty">
          <Icon name="tokens" size={28} />
          <p>
            <strong>{filtered ? 'No login matches these filters.' : 'No logins traced yet.'}</strong>
          </p>
          <p className="muted small">
            {filtered
              ? 'Clear a filter to see more.'
              : connectionId
                ? 'Sign in through this connection (the sample app, or orgbench login) and every step shows up here.'
                : 'Sign in through the sample app or your own app, and every step shows up here as it happens.'}
          </p>
          {filtered && (
            <button
              type="button"
              className="button"
              data-testid="traces-clear-filters"
              onClick={() => setDraft(EMPTY_FILTERS)}
            >
              Clear filters
            </button>
          )}
        </div>
      ) : (
        <div className="tr-layout">
          <div className="tr-list-column">
            <TraceList
              traces={traces}
              selectedId={current?.id}
              onSelect={setSelected}
              orgs={orgs}
              connections={connections.data ?? []}
              now={now}
              loading={!list.data}
            />
            {list.data && <RetentionControl retention={list.data.retention} onSaved={reload} />}
          </div>
          <div className="tr-detail-column">
            {current ? (
              <TraceDetail
                key={current.id}
                id={current.id}
                summary={current}
                orgs={orgs}
                connections={connections.data ?? []}
                now={now}
              />
            ) : (
              <p className="muted tr-detail-placeholder">Loading…</p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
