/**
 * What a `Host` header on the protocol listener names, before any database lookup:
 *
 *   127.0.0.1, localhost, [::1]      loopback      → today's routing (path decides)
 *   login.<slug>.localhost           automatic     → the org with that slug, if any
 *   idp.<name>.localhost             mock IdP host → today's routing
 *   any other *.localhost            localhost     → a custom host, else 404 naming it
 *   anything else                    named         → a custom host, else today's routing
 */
export type HostClass =
  | { kind: 'loopback' }
  | { kind: 'automatic'; host: string; slug: string }
  | { kind: 'mock_idp'; host: string }
  | { kind: 'localhost'; host: string }
  | { kind: 'named'; host: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '']);

/** The host name of a `Host` header: lower-cased, without port or trailing dot. */
export function hostName(header: string | undefined): string {
  const value = (header ?? '').trim().toLowerCase();
  const name = value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : (value.split(':')[0] ?? '');
  return name.replace(/\.$/, '');
}

export function classifyHost(header: string | undefined): HostClass {
  const host = hostName(header);
  if (LOOPBACK.has(host)) return { kind: 'loopback' };
  const automatic = /^login\.([a-z0-9-]+)\.localhost$/.exec(host);
  if (automatic?.[1]) return { kind: 'automatic', host, slug: automatic[1] };
  if (/^idp\.[a-z0-9-]+\.localhost$/.test(host)) return { kind: 'mock_idp', host };
  if (host.endsWith('.localhost')) return { kind: 'localhost', host };
  return { kind: 'named', host };
}

/** True for names browsers send to loopback by themselves (RFC 6761 §6.3). */
export const resolvesToLoopbackByItself = (host: string): boolean =>
  host === 'localhost' || host.endsWith('.localhost');
