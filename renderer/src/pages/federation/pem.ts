/**
 * PEM certificates as pasted by an admin: split into blocks, decoded to DER, and shown by
 * their SHA-256 fingerprint in the same colon-separated form as the server's.
 */

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** Every certificate block in `text`, normalised (trimmed lines). */
export function splitPems(text: string): string[] {
  return (text.match(PEM_BLOCK) ?? []).map((block) =>
    block
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .join('\n'),
  );
}

/** The DER bytes of one PEM block, or `undefined` when its base64 is broken. */
export function pemToDer(pem: string): Uint8Array | undefined {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (!body || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  try {
    return Uint8Array.from(atob(body), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Bytes as upper-case hex pairs joined by colons: `AB:CD:…`. */
export const colonHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(':');

/** The SHA-256 fingerprint of a PEM certificate, or `undefined` when it cannot be read. */
export async function sha256Fingerprint(pem: string): Promise<string | undefined> {
  const der = pemToDer(pem);
  if (!der) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', der as Uint8Array<ArrayBuffer>);
  return colonHex(new Uint8Array(digest));
}
