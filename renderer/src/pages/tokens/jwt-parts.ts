/**
 * Reading a compact JWT in the renderer, without verifying it: the coloured parts of the
 * raw value and the decoded header and claims. Verification stays on the server.
 */

export type SegmentRole = 'header' | 'payload' | 'signature' | 'other';

export interface TokenSegment {
  role: SegmentRole;
  text: string;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

/**
 * Splits a token at its dots for display: a signed JWT (three parts) as header, payload and
 * signature; anything else (opaque, encrypted JWE with five parts) as one `other` segment.
 */
export function tokenSegments(value: string): TokenSegment[] {
  const parts = value.trim().split('.');
  if (parts.length !== 3) return [{ role: 'other', text: value.trim() }];
  const [header = '', payload = '', signature = ''] = parts;
  return [
    { role: 'header', text: header },
    { role: 'payload', text: payload },
    { role: 'signature', text: signature },
  ];
}

/** Decodes base64url (with or without padding) to UTF-8 text; throws on bad input. */
export function base64UrlToText(input: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(input)) throw new Error('not base64url');
  const base64 = input.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The header and claims of a signed JWT, or `undefined` when `value` is not one. */
export function decodeJwt(value: string): DecodedJwt | undefined {
  const segments = tokenSegments(value);
  if (segments.length !== 3) return undefined;
  try {
    const header = JSON.parse(base64UrlToText(segments[0]?.text ?? '')) as unknown;
    const claims = JSON.parse(base64UrlToText(segments[1]?.text ?? '')) as unknown;
    return isObject(header) && isObject(claims) ? { header, claims } : undefined;
  } catch {
    return undefined;
  }
}
