/**
 * The secrets of account flows: 256-bit link tokens, 6-digit one-time codes and device
 * cookies. Only hashes are stored; comparisons are constant-time.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A new 256-bit random token for a link or a cookie (base64url, 43 characters). */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a link token or device cookie: SHA-256, base64url. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** A uniformly random 6-digit code. */
export function newOtpCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * The stored form of a one-time code: an HMAC keyed by a server secret and bound to its
 * challenge, so a copied database row cannot be brute-forced offline and a code cannot be
 * replayed against another challenge.
 */
export function hashOtpCode(key: string, challengeId: string, code: string): string {
  return createHmac('sha256', key).update(`${challengeId}:${code}`, 'utf8').digest('base64url');
}

/** Constant-time equality of two stored hashes. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A token as it may appear in a link: base64url of 32 bytes, nothing else. */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** `30 minutes`, `7 days`, `5 minutes` — for messages. */
export function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** `a•••@acme.test` — enough for the user to recognise the address, not to learn it. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

/** `•••• 0142` — the last four digits of a phone number. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `•••• ${digits.slice(-4)}`;
}
