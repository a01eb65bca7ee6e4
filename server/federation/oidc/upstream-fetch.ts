/**
 * The HTTP client of the OIDC relying party. Browsers resolve `*.localhost` to loopback
 * by themselves, Node does not (ENOTFOUND, stack-feasibility.md §7), so requests go
 * through an undici Agent whose DNS lookup answers 127.0.0.1 for those names and asks
 * the system resolver for everything else.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { CustomFetch } from 'openid-client';
import { Agent, fetch as undiciFetch } from 'undici';

/** A `dns.lookup` that maps `*.localhost` to 127.0.0.1 (RFC 6761 §6.3). */
export const loopbackAwareLookup: LookupFunction = (hostname, options, callback) => {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.endsWith('.localhost')) {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
    return;
  }
  dnsLookup(hostname, options, callback);
};

let agent: Agent | undefined;

/** The loopback-aware undici Agent (also used to fetch SAML IdP metadata by URL). */
export function sharedAgent(): Agent {
  agent ??= new Agent({ connect: { lookup: loopbackAwareLookup } });
  return agent;
}

/** openid-client's `customFetch`: undici with the loopback-aware agent. */
export const upstreamFetch: CustomFetch = async (url, options) => {
  const response = await undiciFetch(url, {
    method: options.method,
    headers: options.headers,
    body: options.body as string | URLSearchParams | undefined,
    redirect: options.redirect,
    ...(options.signal ? { signal: options.signal } : {}),
    dispatcher: sharedAgent(),
  });
  // undici's Response implements the same Fetch interface as the global one.
  return response as unknown as Response;
};
