/**
 * Every token the token endpoint hands out, recorded for the inspector with who it was
 * for (org, client, user) and when it expires. Bounded: the oldest go first.
 *
 * Writes are batched (one transaction every 100 ms, or at 500 tokens) so that recording
 * does not add a synchronous disk flush to every token response; reads flush first, so
 * the inspector always sees every token already issued.
 */
import { decodeJwt } from 'jose';
import type { Clock } from '../runtime/clock';
import type { IssuedTokenRecord, TokenFilter, TokenRepository } from '../store/token-repository';

export const TOKEN_LOG_LIMIT = 5000;
const FLUSH_DELAY_MS = 100;
const FLUSH_AT = 500;

export interface TokenResponseFacts {
  issuer: string;
  clientId: string;
  grantType: string;
  orgId: string | null;
  subject: string | null;
  body: Record<string, unknown>;
}

export class TokenLog {
  readonly #repo: TokenRepository;
  readonly #clock: Clock;
  readonly #pending: Omit<IssuedTokenRecord, 'id'>[] = [];
  #timer: NodeJS.Timeout | undefined;
  #sinceTrim = 0;

  constructor(repo: TokenRepository, clock: Clock) {
    this.#repo = repo;
    this.#clock = clock;
  }

  /** Records the tokens of one token-endpoint response. */
  recordResponse(facts: TokenResponseFacts): void {
    const now = this.#clock.now();
    const expiresIn = typeof facts.body.expires_in === 'number' ? facts.body.expires_in : undefined;
    for (const kind of ['access_token', 'id_token', 'refresh_token'] as const) {
      const value = facts.body[kind];
      if (typeof value !== 'string') continue;
      const claims = safeDecode(value);
      const expiresAt = claims?.exp
        ? new Date(claims.exp * 1000).toISOString()
        : kind === 'access_token' && expiresIn
          ? new Date(now.getTime() + expiresIn * 1000).toISOString()
          : null;
      this.#pending.push({
        issuer: facts.issuer,
        kind,
        format: claims ? 'jwt' : 'opaque',
        clientId: facts.clientId,
        orgId: facts.orgId,
        subject: facts.subject ?? (typeof claims?.sub === 'string' ? claims.sub : null),
        grantType: facts.grantType,
        value,
        issuedAt: now.toISOString(),
        expiresAt,
      });
    }
    if (this.#pending.length >= FLUSH_AT) this.flush();
    else this.#timer ??= setTimeout(() => this.flush(), FLUSH_DELAY_MS).unref();
  }

  /** Writes buffered tokens in one transaction. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending.length === 0) return;
    const batch = this.#pending.splice(0);
    this.#repo.insertMany(batch);
    this.#sinceTrim += batch.length;
    if (this.#sinceTrim >= 500) {
      this.#sinceTrim = 0;
      this.#repo.trim(TOKEN_LOG_LIMIT);
    }
  }

  list(filter: TokenFilter): IssuedTokenRecord[] {
    this.flush();
    return this.#repo.list(filter);
  }

  find(id: number): IssuedTokenRecord | undefined {
    this.flush();
    return this.#repo.find(id);
  }
}

function safeDecode(value: string): { exp?: number; sub?: unknown } | undefined {
  if (value.split('.').length !== 3) return undefined;
  try {
    return decodeJwt(value);
  } catch {
    // Not a JWT after all (an opaque value with dots).
    return undefined;
  }
}
