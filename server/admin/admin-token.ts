/**
 * The admin API's bearer token: 256 random bits per launch unless ORGBENCH_ADMIN_TOKEN
 * sets it, written to `<data>/admin-token` (mode 0600) for scripts, never logged.
 * Browser mode gets one-time launch codes that the UI trades for the token, so the
 * token itself never sits in an address bar or shell history.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { StartupError } from '../errors';
import { writePrivateFile } from '../runtime/private-file';

export const ADMIN_TOKEN_FILE = 'admin-token';
const MIN_TOKEN_LENGTH = 32;
const LAUNCH_CODE_TTL_MS = 15 * 60 * 1000;

/** Picks the token (given or fresh) and writes it to the data folder. */
export function establishAdminToken(dataDir: string, given: string | undefined): string {
  const token = given ?? randomBytes(32).toString('base64url');
  if (token.length < MIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) {
    throw new StartupError(
      'admin_token_invalid',
      `ORGBENCH_ADMIN_TOKEN must be at least ${MIN_TOKEN_LENGTH} printable characters without spaces.`,
    );
  }
  writePrivateFile(join(dataDir, ADMIN_TOKEN_FILE), `${token}\n`);
  return token;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Constant-time comparison of a presented token with the real one. */
export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/** Single-use codes that the browser UI exchanges once for the admin token. */
export class LaunchCodes {
  readonly #codes = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  issue(): string {
    const code = randomBytes(24).toString('base64url');
    this.#codes.set(digest(code).toString('hex'), this.#now() + LAUNCH_CODE_TTL_MS);
    return code;
  }

  /** True once per issued, unexpired code. */
  redeem(code: string): boolean {
    const key = digest(code).toString('hex');
    const expiresAt = this.#codes.get(key);
    this.#codes.delete(key);
    for (const [other, otherExpiry] of this.#codes) if (otherExpiry <= this.#now()) this.#codes.delete(other);
    return expiresAt !== undefined && expiresAt > this.#now();
  }
}
