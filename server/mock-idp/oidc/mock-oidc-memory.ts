/**
 * What the mock OIDC IdPs keep between requests, in memory (a restart forgets logins in
 * flight, as an IdP restart would): authorization requests waiting on the picker, issued
 * codes (single use unless the `replay` fault says otherwise), access tokens for
 * userinfo, and each client's last ID token (what `replay` sends again).
 */
import type { Clock } from '../../runtime/clock';
import type { FaultSwitches } from './token-faults';
import type { PersonaSnapshot } from './vendor-claims';

export const PENDING_TTL_MS = 10 * 60 * 1000;
export const CODE_TTL_MS = 5 * 60 * 1000;
export const ACCESS_TOKEN_TTL_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 2000;

/** A Map whose entries expire, bounded in size (the oldest go first). */
export class ExpiringMap<V> {
  readonly #entries = new Map<string, { value: V; expiresAt: number }>();
  readonly #clock: Clock;
  readonly #ttlMs: number;

  constructor(clock: Clock, ttlMs: number) {
    this.#clock = clock;
    this.#ttlMs = ttlMs;
  }

  set(key: string, value: V): void {
    const now = this.#clock.now().getTime();
    if (this.#entries.size >= MAX_ENTRIES) {
      for (const [candidate, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(candidate);
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value as string);
    }
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: now + this.#ttlMs });
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#clock.now().getTime()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Returns and removes the entry. */
  take(key: string): V | undefined {
    const value = this.get(key);
    this.#entries.delete(key);
    return value;
  }
}

export interface PendingAuthorization {
  idpId: string;
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string;
  scopes: string[];
  loginHint: string | undefined;
  /** The connection's name, shown as the app on the picker. */
  appName: string;
}

export interface IssuedCode {
  idpId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  scopes: string[];
  persona: PersonaSnapshot;
  faults: FaultSwitches;
  /** Seconds since the epoch. */
  authTime: number;
}

export interface IssuedAccessToken {
  idpId: string;
  userinfo: Record<string, unknown>;
}

export class MockOidcMemory {
  readonly pending: ExpiringMap<PendingAuthorization>;
  readonly codes: ExpiringMap<IssuedCode>;
  readonly accessTokens: ExpiringMap<IssuedAccessToken>;
  /** `<idpId> <clientId>` → the last ID token issued to that client. */
  readonly lastIdTokens: ExpiringMap<string>;

  constructor(clock: Clock) {
    this.pending = new ExpiringMap(clock, PENDING_TTL_MS);
    this.codes = new ExpiringMap(clock, CODE_TTL_MS);
    this.accessTokens = new ExpiringMap(clock, ACCESS_TOKEN_TTL_MS);
    this.lastIdTokens = new ExpiringMap(clock, ACCESS_TOKEN_TTL_MS);
  }
}
