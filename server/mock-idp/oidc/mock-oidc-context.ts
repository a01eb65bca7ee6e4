/** What every mock OIDC endpoint works with: the deps, the in-memory state, the IdP asked for. */
import type { Context } from 'koa';
import type { FederationDeps } from '../../federation/federation-deps';
import type { MockIdpRecord } from '../../store/mock-idp-repository';
import { HOSTED_PAGE_CSP } from '../../web/html';
import type { MockOidcMemory } from './mock-oidc-memory';
import type { PageFrame } from './persona-picker';

export interface MockOidc {
  deps: FederationDeps;
  memory: MockOidcMemory;
}

export interface ResolvedIdp {
  record: MockIdpRecord;
  issuer: string;
  frame: PageFrame;
}

/** The OIDC mock IdP whose slug is in the path, or undefined (a SAML IdP is not found here). */
export function resolveIdp(deps: FederationDeps, slug: string): ResolvedIdp | undefined {
  const record = deps.mockIdps.record(slug);
  if (!record || record.slug !== slug || record.kind !== 'oidc') return undefined;
  const issuer = deps.mockIdps.urls(record).entityId;
  const customer = deps.customerBranding?.(record.id);
  return {
    record,
    issuer,
    frame: { preset: record.preset, basePath: new URL(issuer).pathname, idpName: record.name, customer },
  };
}

export function sendPage(ctx: Context, status: number, body: string): void {
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = body;
}

export function sendJson(ctx: Context, status: number, body: unknown, cache = 'no-store'): void {
  ctx.status = status;
  ctx.set('Cache-Control', cache);
  if (cache === 'no-store') ctx.set('Pragma', 'no-cache');
  ctx.body = body;
}

export function redirect303(ctx: Context, url: string): void {
  ctx.status = 303;
  ctx.redirect(url);
}

/** The form fields of a POST body, single values only (repeated fields are dropped). */
export function formFields(form: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
