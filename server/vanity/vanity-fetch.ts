/**
 * Server-side requests to Orgbench's own vanity hosts (the sample app's discovery and
 * token calls on `login.acme.test`): those names are this server's, so they go to
 * loopback whatever DNS says; `*.localhost` names too (upstream-fetch's lookup).
 */
import type { LookupFunction } from 'node:net';
import type { CustomFetch } from 'openid-client';
import { Agent, fetch as undiciFetch } from 'undici';
import { loopbackAwareLookup } from '../federation/oidc/upstream-fetch';
import type { VanityHostService } from './vanity-host-service';

/** The issuer `issuer` (on loopback) as served on `origin` (a vanity host): only the origin changes. */
export function issuerOnHost(issuer: string, origin: string): string {
  const url = new URL(issuer);
  return `${origin}${url.pathname.replace(/\/$/, '')}`;
}

/** openid-client's `customFetch` reaching this server's vanity hosts on loopback. */
export function vanityFetch(vanity: VanityHostService): CustomFetch {
  const lookup: LookupFunction = (hostname, options, callback) => {
    if (vanity.resolve(hostname).kind === 'vanity') return loopbackAwareLookup('vanity.localhost', options, callback);
    return loopbackAwareLookup(hostname, options, callback);
  };
  const agent = new Agent({ connect: { lookup } });
  return async (url, options) => {
    const response = await undiciFetch(url, {
      method: options.method,
      headers: options.headers,
      body: options.body as string | URLSearchParams | undefined,
      redirect: options.redirect,
      ...(options.signal ? { signal: options.signal } : {}),
      dispatcher: agent,
    });
    // undici's Response implements the same Fetch interface as the global one.
    return response as unknown as Response;
  };
}
