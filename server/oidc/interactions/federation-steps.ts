/**
 * The hop to an org's own IdP inside an interaction, under `…/interaction/{uid}`:
 *
 *   GET …/federate/{conn}   → the connection's IdP (SAML AuthnRequest / OIDC authorize)
 *   GET …/federated         the validated upstream login (handed off by the ACS or callback)
 *   GET …/federation-error  the rule that rejected the upstream answer
 *
 * and `routeToConnections`, which sends a sign-in to the org's connection (or its chooser).
 */
import Router from '@koa/router';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import { FederationError } from '../../federation/contracts';
import type { Organization } from '../../model/organization';
import type { ProviderDeps } from '../provider-deps';
import { emailDomain, type Details, type InteractionTools, type OrgbenchSubmission } from './interaction-tools';
import type { InteractionMount } from './routes';
import { connectionChooserPage, federationErrorPage, interactionErrorPage } from './views';

export function mountFederationSteps(
  provider: Provider,
  deps: ProviderDeps,
  mount: InteractionMount,
  tools: InteractionTools,
): {
  routeToConnections(ctx: Context, details: Details, org: Organization | undefined, email: string): Promise<boolean>;
} {
  const router = new Router({ prefix: '/interaction/:uid' });

  /** The org's enabled connections: one → straight to its IdP; several → the chooser. */
  const routeToConnections = async (ctx: Context, details: Details, org: Organization | undefined, email: string) => {
    if (!org) return false;
    const connections = deps.connections.enabledOf(org.id);
    if (connections.length === 0) return false;
    if (connections.length > 1) {
      tools.show(ctx, connectionChooserPage(await tools.pageContext(details, org), { org, connections, email }));
      return true;
    }
    const [only] = connections;
    ctx.status = 303;
    const hint = email ? `?login_hint=${encodeURIComponent(email)}` : '';
    ctx.redirect(`${mount.path}/interaction/${details.uid}/federate/${only?.id}${hint}`);
    return true;
  };

  router.get('/federate/:connectionId', async (ctx) => {
    const details = await tools.loadDetails(ctx);
    if (!details) return;
    const trace = tools.traceOf(details);
    const hint = typeof ctx.query.login_hint === 'string' ? ctx.query.login_hint : undefined;
    try {
      const target = await deps.federation.start({
        connectionId: ctx.params.connectionId ?? '',
        interactionUid: details.uid,
        issuerPath: mount.path,
        loginHint: hint,
        trace,
      });
      ctx.status = 303;
      ctx.redirect(target);
    } catch (error) {
      if (!(error instanceof FederationError) && !(error as { code?: string }).code?.endsWith('not_found')) throw error;
      const failure =
        error instanceof FederationError
          ? error
          : new FederationError('connection_not_found', (error as Error).message);
      ctx.status = 303;
      ctx.redirect(
        deps.federation.deps.fail({ interactionUid: details.uid, issuerPath: mount.path, error: failure, trace }),
      );
    }
  });

  router.get('/federated', async (ctx) => {
    const details = await tools.loadDetails(ctx);
    if (!details) return;
    const handoff = deps.handoffs.take(details.uid, deps.clock.now().getTime());
    if (!handoff) {
      tools.show(
        ctx,
        interactionErrorPage(await tools.pageContext(details), {
          title: 'This sign-in has expired',
          message: 'No answer from your identity provider is waiting for this sign-in. Start again.',
        }),
        400,
      );
      return;
    }
    const user = deps.users.find(handoff.userId);
    await tools.finish(ctx, {
      login: { accountId: handoff.userId, amr: ['fed'] },
      orgbench: {
        federatedOrgId: handoff.orgId,
        emailDomain: emailDomain(user?.email ?? ''),
        ...(handoff.traceId ? { traceId: handoff.traceId } : {}),
      } satisfies OrgbenchSubmission,
    });
  });

  router.get('/federation-error', async (ctx) => {
    const details = await tools.loadDetails(ctx);
    if (!details) return;
    const failure = deps.federation.takeFailure(details.uid);
    const page = await tools.pageContext(details);
    if (!failure) {
      ctx.status = 303;
      ctx.redirect(page.base);
      return;
    }
    tools.show(ctx, federationErrorPage(page, failure), 400);
  });

  provider.use(router.routes());
  return { routeToConnections };
}
