/**
 * Records the steps of one login as they happen, for the trace view: who sent what to
 * whom (browser, app, Orgbench, IdP), each validation rule with pass or fail, and the
 * decoded content of each message.
 */
import type { TraceLane, TraceStep } from '../model/federation';

export interface StepInput {
  from: TraceLane;
  to: TraceLane;
  title: string;
  status?: TraceStep['status'];
  rule?: string;
  detail?: Record<string, unknown>;
  durationMs?: number;
}

export interface TraceRecorder {
  readonly id: string;
  step(step: StepInput): void;
  /** A validation rule that passed. */
  pass(rule: string, title: string, detail?: Record<string, unknown>): void;
  /** The rule that rejected the login; ends the trace as a failure. */
  fail(rule: string, message: string, detail?: Record<string, unknown>): void;
  /** Ends the trace as a success. */
  succeed(summary: string): void;
  /** Facts learnt along the way. */
  annotate(facts: { orgId?: string; connectionId?: string; clientId?: string; persona?: string }): void;
}
