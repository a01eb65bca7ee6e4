/**
 * The admin listener's front door. Threat model: any web page the user visits can send
 * requests to 127.0.0.1, and cookies are shared across local ports. So every request
 * must carry an allowed Host (DNS rebinding), an allowed Origin or none (cross-site
 * requests), and the per-launch bearer token (no cookie ever authorizes anything).
 * Bodies must be JSON, which a plain HTML form or a "simple" fetch cannot send.
 */
import type { Context, Next } from 'koa';
import { OrgbenchError } from '../errors';
import { tokenMatches } from './admin-token';

export interface GuardOptions {
  /** The port the admin listener is bound to. */
  port: () => number;
  token: string;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** `Host` must name loopback on our own port. */
export function requireAllowedHost(options: GuardOptions) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const host = (ctx.get('host') || '').toLowerCase();
    const allowed = LOOPBACK_NAMES.map((name) => `${name}:${options.port()}`);
    if (!allowed.includes(host)) {
      throw new OrgbenchError('host_not_allowed', 'This Host is not allowed to reach the Orgbench admin API.', {
        status: 403,
      });
    }
    await next();
  };
}

/** A browser `Origin`, when present, must be the admin listener itself. */
export function requireAllowedOrigin(options: GuardOptions) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const origin = ctx.get('origin');
    if (origin) {
      const allowed = LOOPBACK_NAMES.map((name) => `http://${name}:${options.port()}`);
      if (!allowed.includes(origin.toLowerCase())) {
        throw new OrgbenchError('origin_not_allowed', 'Requests from this origin are not allowed.', { status: 403 });
      }
    }
    if (ctx.method === 'OPTIONS') {
      // Same-origin callers never preflight; answer without any CORS grant.
      ctx.status = 204;
      return;
    }
    await next();
  };
}

/** `Authorization: Bearer <token>`, compared in constant time. */
export function requireAdminToken(options: GuardOptions) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const match = /^Bearer ([\x21-\x7e]+)$/i.exec(ctx.get('authorization'));
    if (!match?.[1] || !tokenMatches(match[1], options.token)) {
      ctx.set('WWW-Authenticate', 'Bearer realm="orgbench-admin"');
      throw new OrgbenchError('unauthorized', 'A valid admin token is required (Authorization: Bearer …).', {
        status: 401,
      });
    }
    await next();
  };
}

/**
 * A declared body type must be JSON (`application/json` or `…+json`); anything else
 * (forms, text/plain, multipart) is refused, with or without a body.
 */
export function requireJsonBody() {
  return async (ctx: Context, next: Next): Promise<void> => {
    const declared = ctx.get('content-type');
    const hasBody = ctx.request.length > 0 || ctx.get('transfer-encoding') !== '';
    if ((declared !== '' || hasBody) && !isJsonType(declared)) {
      throw new OrgbenchError('unsupported_media_type', 'Request bodies must be application/json.', { status: 415 });
    }
    await next();
  };
}

function isJsonType(header: string): boolean {
  const essence = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return essence === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(essence);
}
