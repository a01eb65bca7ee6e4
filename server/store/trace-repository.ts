/** SQL for login traces and their steps. */
import type { Trace, TraceStep } from '../model/federation';
import { filterClause } from './filter-clause';
import { statement, type Db } from './open-database';

interface TraceRow {
  id: string;
  interaction_uid: string | null;
  started_at: string;
  finished_at: string | null;
  org_id: string | null;
  connection_id: string | null;
  client_id: string | null;
  persona: string | null;
  outcome: Trace['outcome'];
  failed_rule: string | null;
  summary: string | null;
}

interface StepRow {
  trace_id: string;
  seq: number;
  at: string;
  lane_from: TraceStep['from'];
  lane_to: TraceStep['to'];
  title: string;
  status: TraceStep['status'];
  rule: string | null;
  detail: string | null;
  duration_ms: number | null;
}

export interface TraceFilter {
  orgId?: string;
  connectionId?: string;
  persona?: string;
  outcome?: Trace['outcome'];
  limit: number;
}

export class TraceRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  insert(trace: Omit<Trace, 'steps'> & { interactionUid: string | null }): void {
    statement(
      this.#db,
      `INSERT INTO traces (id, interaction_uid, started_at, finished_at, org_id, connection_id, client_id, persona, outcome,
         failed_rule, summary)
       VALUES (@id, @interactionUid, @startedAt, @finishedAt, @orgId, @connectionId, @clientId, @persona, @outcome,
         @failedRule, @summary)`,
    ).run(trace);
  }

  update(id: string, fields: Partial<Omit<Trace, 'id' | 'steps' | 'startedAt'>>): void {
    const columns: Record<string, string> = {
      finishedAt: 'finished_at',
      orgId: 'org_id',
      connectionId: 'connection_id',
      clientId: 'client_id',
      persona: 'persona',
      outcome: 'outcome',
      failedRule: 'failed_rule',
      summary: 'summary',
    };
    const keys = Object.keys(fields).filter((key) => key in columns);
    if (keys.length === 0) return;
    const sets = keys.map((key) => `${columns[key]} = @${key}`).join(', ');
    statement(this.#db, `UPDATE traces SET ${sets} WHERE id = @id`).run({ ...fields, id });
  }

  /** Appends a step; its number is the trace's next one, so concurrent recorders never collide. */
  addStep(traceId: string, step: Omit<TraceStep, 'seq'>): void {
    statement(
      this.#db,
      `INSERT INTO trace_steps (trace_id, seq, at, lane_from, lane_to, title, status, rule, detail, duration_ms)
       VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM trace_steps WHERE trace_id = ?), ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      traceId,
      traceId,
      step.at,
      step.from,
      step.to,
      step.title,
      step.status,
      step.rule,
      step.detail ? JSON.stringify(step.detail) : null,
      step.durationMs,
    );
  }

  exists(id: string): boolean {
    return (
      statement<[string], { one: number }>(this.#db, 'SELECT 1 AS one FROM traces WHERE id = ?').get(id) !== undefined
    );
  }

  latestForInteraction(uid: string): string | undefined {
    return statement<[string], { id: string }>(
      this.#db,
      'SELECT id FROM traces WHERE interaction_uid = ? ORDER BY started_at DESC LIMIT 1',
    ).get(uid)?.id;
  }

  find(id: string): Trace | undefined {
    const row = statement<[string], TraceRow>(this.#db, 'SELECT * FROM traces WHERE id = ?').get(id);
    if (!row) return undefined;
    const steps = statement<[string], StepRow>(this.#db, 'SELECT * FROM trace_steps WHERE trace_id = ? ORDER BY seq')
      .all(id)
      .map(toStep);
    return { ...toTrace(row), steps };
  }

  list(filter: TraceFilter): Omit<Trace, 'steps'>[] {
    const { where, params } = filterClause(filter, {
      orgId: 'org_id = @orgId',
      connectionId: 'connection_id = @connectionId',
      persona: 'persona = @persona',
      outcome: 'outcome = @outcome',
    });
    return statement<Record<string, unknown>, TraceRow>(
      this.#db,
      `SELECT * FROM traces ${where} ORDER BY started_at DESC, id DESC LIMIT @limit`,
    )
      .all({ ...params, limit: filter.limit })
      .map(toTrace);
  }

  /** Keeps the newest `keep` traces. */
  trim(keep: number): number {
    return statement(
      this.#db,
      'DELETE FROM traces WHERE id IN (SELECT id FROM traces ORDER BY started_at DESC, id DESC LIMIT -1 OFFSET ?)',
    ).run(keep).changes;
  }
}

function toTrace(row: TraceRow): Omit<Trace, 'steps'> {
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    orgId: row.org_id,
    connectionId: row.connection_id,
    clientId: row.client_id,
    persona: row.persona,
    outcome: row.outcome,
    failedRule: row.failed_rule,
    summary: row.summary,
  };
}

function toStep(row: StepRow): TraceStep {
  return {
    seq: row.seq,
    at: row.at,
    from: row.lane_from,
    to: row.lane_to,
    title: row.title,
    status: row.status,
    rule: row.rule,
    detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
    durationMs: row.duration_ms,
  };
}
