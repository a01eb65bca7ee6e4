/**
 * How the trace list reads: outcome labels, a login's duration, and whether the list
 * should keep refreshing (a login still under way).
 */
import type { TraceOutcome, TraceSummary } from '../../api/traces-api';
import { formatMs } from './trace-diagram';

/** How often the list refreshes while a login is under way. */
export const LIVE_REFRESH_MS = 1500;

/**
 * A pending trace older than this is an abandoned login (the browser was closed on the
 * IdP's page); it no longer keeps the list refreshing.
 */
export const PENDING_STALE_MS = 15 * 60 * 1000;

export const OUTCOME_LABELS: Record<TraceOutcome, string> = {
  pending: 'In progress',
  success: 'Signed in',
  failure: 'Failed',
};

/** True while some trace in the list is a login still under way. */
export function hasLivePending(traces: readonly Pick<TraceSummary, 'outcome' | 'startedAt'>[], now: number): boolean {
  return traces.some((trace) => trace.outcome === 'pending' && now - Date.parse(trace.startedAt) < PENDING_STALE_MS);
}

/** "320 ms" from start to finish, or null while the login is under way. */
export function traceDuration(trace: Pick<TraceSummary, 'startedAt' | 'finishedAt'>): string | null {
  if (!trace.finishedAt) return null;
  const ms = Date.parse(trace.finishedAt) - Date.parse(trace.startedAt);
  return Number.isNaN(ms) ? null : formatMs(ms);
}

/** A time of day with seconds, in the reader's locale: "13:22:28" or "1:22:28 PM". */
export const timeOfDay = (iso: string): string =>
  new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
