/**
 * Admin API calls for login traces: the filtered list (without steps), one trace with
 * its steps, and how many traces the server keeps.
 */
import type { Trace } from '../../../server/model/federation';
import type { ApiClient } from './client';

/** A trace as the list returns it: everything but the steps. */
export type TraceSummary = Omit<Trace, 'steps'>;

export type TraceOutcome = Trace['outcome'];

export interface TraceFilters {
  /** Org id or slug. */
  org?: string;
  connection?: string;
  /** Persona handle. */
  persona?: string;
  outcome?: TraceOutcome;
  limit?: number;
}

export interface TraceList {
  /** How many traces the server keeps (older ones are dropped). */
  retention: number;
  traces: TraceSummary[];
}

/** The query string of a trace list request; empty filters are left out. */
export function traceQuery(filters: TraceFilters): string {
  const params = new URLSearchParams();
  for (const key of ['org', 'connection', 'persona', 'outcome'] as const) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  if (filters.limit !== undefined) params.set('limit', String(filters.limit));
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function listTraces(client: ApiClient, filters: TraceFilters): Promise<TraceList> {
  return client.request('Loading login traces', 'GET', `/api/traces${traceQuery(filters)}`);
}

export function getTrace(client: ApiClient, id: string): Promise<Trace> {
  return client.request('Loading the trace', 'GET', `/api/traces/${encodeURIComponent(id)}`);
}

export async function setTraceRetention(client: ApiClient, keep: number): Promise<number> {
  const body = await client.request<{ retention: number }>('Saving the retention', 'PUT', '/api/traces/retention', {
    keep,
  });
  return body.retention;
}
