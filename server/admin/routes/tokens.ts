/** Admin API: the token log and the token inspector. */
import type Router from '@koa/router';
import type { JWK } from 'jose';
import { z } from 'zod';
import { NotFoundError } from '../../errors';
import { parseInput } from '../../model/validation';
import type { IssuerRegistry } from '../../oidc/issuer-registry';
import type { Services } from '../../services';
import { inspectRequestSchema, inspectToken, type LocalJwks } from '../../tokens/inspect-token';
import { readJson } from '../read-json';

const listQuerySchema = z.strictObject({
  org: z.string().optional(),
  client: z.string().optional(),
  subject: z.string().optional(),
  kind: z.enum(['access_token', 'id_token', 'refresh_token']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
});

export function registerTokenRoutes(router: Router, services: Services, issuers: IssuerRegistry): void {
  const localJwks: LocalJwks = (issuer) => {
    // A vanity host's issuer signs with the keys of the loopback issuer at the same path.
    const loopback = services.vanity.loopbackIssuerOf(issuer) ?? issuer;
    const known = issuers.list().find((entry) => entry.issuer === loopback);
    if (!known) return undefined;
    return services.keys.published(`tenant:${known.tenant}`).map(({ privateJwk }) => publicPart(privateJwk));
  };
  const orgClaimMeanings = (): Record<string, string> => {
    const meanings: Record<string, string> = {};
    for (const workspace of services.tenants.listWorkspaces()) {
      const names = workspace.settings.claimNames;
      meanings[names.orgId] = 'Organization id: the customer organization this token is for.';
      meanings[names.orgName] = 'Organization name, for display.';
      meanings[names.orgRoles] = 'The user’s roles inside that organization.';
      for (const attribute of workspace.settings.attributeClaims)
        meanings[attribute] = 'An attribute of the organization.';
    }
    return meanings;
  };

  router.get('/api/tokens', (ctx) => {
    const query = parseInput(listQuerySchema, ctx.query);
    const org = query.org ? services.orgs.find(query.org) : undefined;
    const tokens = services.tokens.list({
      limit: query.limit,
      ...(query.org ? { orgId: org?.id ?? query.org } : {}),
      ...(query.client ? { clientId: query.client } : {}),
      ...(query.subject ? { subject: query.subject } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.before ? { before: query.before } : {}),
    });
    ctx.body = { tokens };
  });

  router.get('/api/tokens/:id', async (ctx) => {
    const token = services.tokens.find(Number(ctx.params.id));
    if (!token) throw new NotFoundError('token_not_found', `No recorded token has the id ${ctx.params.id}.`);
    const inspection = await inspectToken(
      token.value,
      { kind: 'issuer', issuer: token.issuer },
      localJwks,
      services.clock.now(),
      orgClaimMeanings(),
    );
    ctx.body = { token, inspection };
  });

  router.post('/api/tokens/inspect', async (ctx) => {
    const { token, keys } = parseInput(inspectRequestSchema, await readJson(ctx));
    ctx.body = await inspectToken(token, keys, localJwks, services.clock.now(), orgClaimMeanings());
  });
}

function publicPart(jwk: JWK): JWK {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest } = jwk;
  return rest;
}
