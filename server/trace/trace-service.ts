/**
 * Login traces: started when a sign-in begins, written step by step as it goes (so the
 * UI can follow a login live), finished as a success or with the rule that failed.
 * Retention is bounded: the newest traces are kept, the oldest go.
 */
import type { Trace } from '../model/federation';
import type { Clock } from '../runtime/clock';
import { newId } from '../runtime/ids';
import type { TraceFilter, TraceRepository } from '../store/trace-repository';
import type { StepInput, TraceRecorder } from './trace-recorder';

export const DEFAULT_TRACE_RETENTION = 500;

export class TraceService {
  readonly #repo: TraceRepository;
  readonly #clock: Clock;
  #retention = DEFAULT_TRACE_RETENTION;
  /** Grant → trace, so the token endpoint can add its step to the login's trace. */
  readonly #grants = new Map<string, string>();
  #listeners = new Set<(traceId: string) => void>();

  constructor(repo: TraceRepository, clock: Clock) {
    this.#repo = repo;
    this.#clock = clock;
  }

  setRetention(keep: number): void {
    this.#retention = Math.max(10, Math.min(100_000, Math.floor(keep)));
    this.#repo.trim(this.#retention);
  }

  retention(): number {
    return this.#retention;
  }

  /** Called with a trace id whenever that trace changes (live updates). */
  onChange(listener: (traceId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  start(facts: { interactionUid?: string; clientId?: string; orgId?: string } = {}): TraceRecorder {
    const id = newId('trc');
    this.#repo.insert({
      id,
      interactionUid: facts.interactionUid ?? null,
      startedAt: this.#clock.now().toISOString(),
      finishedAt: null,
      orgId: facts.orgId ?? null,
      connectionId: null,
      clientId: facts.clientId ?? null,
      persona: null,
      outcome: 'pending',
      failedRule: null,
      summary: null,
    });
    this.#repo.trim(this.#retention);
    this.#changed(id);
    return this.#recorder(id);
  }

  /** The recorder of the newest trace of an interaction, if one was started. */
  forInteraction(uid: string): TraceRecorder | undefined {
    const id = this.#repo.latestForInteraction(uid);
    return id ? this.#recorder(id) : undefined;
  }

  /** The interaction's trace, started now if there is none. */
  ensureForInteraction(uid: string, facts: { clientId?: string } = {}): TraceRecorder {
    return this.forInteraction(uid) ?? this.start({ interactionUid: uid, ...facts });
  }

  /** The recorder of an existing trace. */
  recorder(id: string): TraceRecorder | undefined {
    return this.#repo.exists(id) ? this.#recorder(id) : undefined;
  }

  linkGrant(grantId: string, traceId: string): void {
    if (this.#grants.size >= 10_000) this.#grants.delete(this.#grants.keys().next().value as string);
    this.#grants.set(grantId, traceId);
  }

  forGrant(grantId: string): TraceRecorder | undefined {
    const id = this.#grants.get(grantId);
    return id ? this.recorder(id) : undefined;
  }

  get(id: string): Trace | undefined {
    return this.#repo.find(id);
  }

  list(filter: TraceFilter): Omit<Trace, 'steps'>[] {
    return this.#repo.list(filter);
  }

  #changed(id: string): void {
    for (const listener of this.#listeners) listener(id);
  }

  #recorder(id: string): TraceRecorder {
    const repo = this.#repo;
    const clock = this.#clock;
    const changed = () => this.#changed(id);
    let last = clock.now().getTime();
    const step = (input: StepInput) => {
      const now = clock.now();
      repo.addStep(id, {
        at: now.toISOString(),
        from: input.from,
        to: input.to,
        title: input.title,
        status: input.status ?? 'info',
        rule: input.rule ?? null,
        detail: input.detail ?? null,
        durationMs: input.durationMs ?? now.getTime() - last,
      });
      last = now.getTime();
      changed();
    };
    return {
      id,
      step,
      pass(rule, title, detail) {
        step({ from: 'orgbench', to: 'orgbench', title, status: 'ok', rule, ...(detail ? { detail } : {}) });
      },
      fail(rule, message, detail) {
        step({ from: 'orgbench', to: 'orgbench', title: message, status: 'fail', rule, ...(detail ? { detail } : {}) });
        repo.update(id, {
          outcome: 'failure',
          failedRule: rule,
          summary: message,
          finishedAt: clock.now().toISOString(),
        });
        changed();
      },
      succeed(summary) {
        repo.update(id, { outcome: 'success', summary, finishedAt: clock.now().toISOString() });
        changed();
      },
      annotate(facts) {
        repo.update(id, facts);
        changed();
      },
    };
  }
}
