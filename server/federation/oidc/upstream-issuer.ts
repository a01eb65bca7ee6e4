/**
 * Which upstream issuers Orgbench may talk to (security.md §2 #27): https anywhere;
 * plain http only to this machine (loopback addresses, `localhost` and `*.localhost`),
 * where there is no network to trust. Anything else is refused before a request is sent.
 */
import { isIP } from 'node:net';

export type IssuerVerdict = { ok: true; url: URL; insecure: boolean } | { ok: false; reason: string };

/** True for 127.0.0.0/8, ::1, `localhost` and any `*.localhost` name (RFC 6761 §6.3). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host);
  return false;
}

/** Whether `issuer` is an acceptable upstream OIDC issuer, and whether it needs plain http. */
export function checkUpstreamIssuer(issuer: string): IssuerVerdict {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return { ok: false, reason: `"${issuer}" is not a URL.` };
  }
  if (url.username || url.password) return { ok: false, reason: 'An issuer URL must not carry credentials.' };
  if (url.search || url.hash)
    return { ok: false, reason: 'An issuer URL has no query or fragment (OIDC Discovery §2).' };
  if (url.protocol === 'https:') return { ok: true, url, insecure: false };
  if (url.protocol !== 'http:')
    return { ok: false, reason: `Issuers use https, not ${url.protocol.replace(':', '')}.` };
  if (isLoopbackHost(url.hostname)) return { ok: true, url, insecure: true };
  return {
    ok: false,
    reason: `${url.host} is reached over plain http: only loopback issuers (127.0.0.1, localhost, *.localhost) may use http; use https.`,
  };
}
