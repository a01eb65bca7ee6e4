/**
 * The protocol listener's answers that depend on the `Host` header: an unknown
 * `*.localhost` name, the root of a vanity host, and the hop back to a vanity host after
 * an upstream IdP answered on the loopback origin.
 */
import { DEFAULT_WORKSPACE } from '../model/workspace';
import type { IssuerHost } from '../oidc/create-provider';
import { statement, type Db } from '../store/open-database';
import type { VanityTarget } from './vanity-host-service';

export interface JsonAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** A `*.localhost` name that is neither an org's login host nor a mock IdP host. */
export function unknownHostAnswer(host: string, protocolUrl: string): JsonAnswer {
  return {
    status: 404,
    body: {
      error: 'unknown_host',
      error_description: `No organization signs in on ${host}. Add it as a vanity host of an organization (Branding → Vanity domains), or use ${protocolUrl}.`,
    },
  };
}

/** `/` on a vanity host: which org it belongs to and where its issuer is. */
export function vanityRootAnswer(target: VanityTarget): JsonAnswer {
  const issuer = `${target.origin}/${target.tenant}/${DEFAULT_WORKSPACE}`;
  return {
    status: 200,
    body: {
      service: 'orgbench',
      host: target.host,
      organization: { id: target.org.id, slug: target.org.slug, name: target.org.name },
      issuer,
      discovery: `${issuer}/.well-known/openid-configuration`,
    },
  };
}

/** The issuer registry's view of a vanity target. */
export const issuerHostOf = (target: VanityTarget): IssuerHost & { tenant: string } => ({
  origin: target.origin,
  orgId: target.org.id,
  tenant: target.tenant,
});

const RETURN_PATH =
  /^\/([a-z0-9-]+)\/([a-z0-9-]+)\/interaction\/([A-Za-z0-9_-]+)\/(federated|federation-error)(\?.*)?$/;

/**
 * Upstream IdPs answer Orgbench on the loopback origin (the SP/RP URLs), which then sends
 * the browser to `<loopback>/{t}/{w}/interaction/{uid}/federated`. When that interaction
 * began on a vanity host, its cookies live there: answer with the same path on that host.
 */
export function vanityReturnUrl(db: Db, protocolUrl: string, url: string): string | undefined {
  const match = RETURN_PATH.exec(url);
  if (!match) return undefined;
  const [, tenant, workspace, uid] = match;
  const loopbackIssuer = `${protocolUrl}/${tenant}/${workspace}`;
  // The usual case, a sign-in begun on loopback, is one primary-key lookup; only an
  // interaction found nowhere there is looked for under the other (vanity) issuers.
  const onLoopback = statement<[string, string], { one: number }>(
    db,
    "SELECT 1 AS one FROM oidc_payloads WHERE issuer = ? AND model = 'Interaction' AND id = ?",
  ).get(loopbackIssuer, uid ?? '');
  if (onLoopback) return undefined;
  const row = statement<[string], { issuer: string }>(
    db,
    "SELECT issuer FROM oidc_payloads WHERE model = 'Interaction' AND id = ?",
  ).get(uid ?? '');
  if (!row || row.issuer === loopbackIssuer || !row.issuer.endsWith(`/${tenant}/${workspace}`)) return undefined;
  return `${new URL(row.issuer).origin}${url}`;
}
