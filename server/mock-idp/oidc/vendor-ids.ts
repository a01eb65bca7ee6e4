/**
 * Identifiers shaped like each vendor's (vendor-idp-shapes.md §0), derived from stable
 * inputs so the same persona gets the same ids on every login: GUIDs (Entra, Ping),
 * `00u…` user ids (Okta), 21-digit subjects (Google), hashed subjects (SecureAuth).
 */
import { createHash } from 'node:crypto';

const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** SHA-256 of the parts, joined unambiguously. */
export function digest(...parts: string[]): Buffer {
  return createHash('sha256')
    .update(parts.map((part) => `${part.length}:${part}`).join('|'))
    .digest();
}

/** A version-4-shaped GUID from 16 bytes of the digest. */
export function guid(...parts: string[]): string {
  const bytes = Buffer.from(digest(...parts).subarray(0, 16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** `length` base62 characters from the digest (Okta ids: `00u` + 17). */
export function base62(length: number, ...parts: string[]): string {
  const bytes = digest(...parts);
  let out = '';
  for (let i = 0; out.length < length; i += 1) out += BASE62[(bytes[i % bytes.length] ?? 0) % 62];
  return out;
}

/** `length` decimal digits, first one non-zero (Google's numeric subjects). */
export function digits(length: number, ...parts: string[]): string {
  const bytes = digest(...parts);
  let out = String(((bytes[0] ?? 0) % 9) + 1);
  for (let i = 1; out.length < length; i += 1) out += String((bytes[i % bytes.length] ?? 0) % 10);
  return out;
}

/** base64url of the digest, cut to `length` (Entra pairwise `sub`, `uti`, `aio`). */
export function base64url(length: number, ...parts: string[]): string {
  let out = '';
  for (let round = 0; out.length < length; round += 1) out += digest(String(round), ...parts).toString('base64url');
  return out.slice(0, length);
}
