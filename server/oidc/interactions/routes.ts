/**
 * The interaction routes of one workspace issuer, under `/{tenant}/{workspace}/interaction/{uid}`
 * (where oidc-provider scopes its interaction cookie):
 *
 *   GET  …/{uid}                  login prompt → the org's IdP (organization parameter or a
 *                                 login_hint's domain), else identifier page or password page;
 *                                 consent prompt → organization resolution → grant, or the picker
 *   POST …/{uid}/identify         email → home-realm discovery: the org's IdP, or the password page
 *   POST …/{uid}/login            email + password → login finished
 *   GET  …/{uid}/federate/{conn}  → the connection's IdP (SAML AuthnRequest / OIDC authorize)
 *   GET  …/{uid}/federated        the validated upstream login (handed off by the ACS or callback)
 *   GET  …/{uid}/federation-error the rule that rejected the upstream answer
 *   POST …/{uid}/organization     the picker's choice → grant bound to that org
 *   GET  …/{uid}/abort            back to the client with access_denied
 */
import Router from '@koa/router';
import parse from 'co-body';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import type { Workspace } from '../../model/workspace';
import { HOSTED_PAGE_CSP } from '../../web/html';
import type { ProviderDeps } from '../provider-deps';
import { mountAccountPages } from './account-routes';
import { mountAccountSteps } from './account-steps';
import { completeConsent } from './consent';
import { registerProviderPageThemes } from './provider-pages';
import { resolveOrganization } from './resolve-organization';
import {
  connectionChooserPage,
  federationErrorPage,
  identifierPage,
  interactionErrorPage,
  orgPickerPage,
  passwordPage,
  type PageContext,
} from './views';
import { FederationError } from '../../federation/contracts';
import type { Organization } from '../../model/organization';

export interface InteractionMount {
  issuer: string;
  path: string;
  workspace: Workspace;
  /** Set on an org's vanity host: every sign-in here is for that org (see resolve-organization.ts). */
  vanityOrgId?: string | undefined;
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

interface OrgbenchSubmission {
  emailDomain?: string;
  /** The login's trace, carried from the login prompt to the consent prompt. */
  traceId?: string;
  /** Set when the login came through an org's connection. */
  federatedOrgId?: string;
}

/** `login_hint` prefix that names a parked IdP-initiated answer (see FederationRuntime). */
export const IDP_INITIATED_HINT = 'idp-initiated:';

const emailDomain = (email: string): string | undefined => email.split('@')[1]?.toLowerCase();

export function mountInteractions(provider: Provider, deps: ProviderDeps, mount: InteractionMount): void {
  const router = new Router({ prefix: '/interaction/:uid' });
  const workspaceRef = { tenantId: mount.workspace.tenantId, workspaceId: mount.workspace.id };
  registerProviderPageThemes(provider, (orgId) => deps.themes.pageTheme(workspaceRef, mount.vanityOrgId ?? orgId));

  /** The page's context; its theme is `org`'s, else the vanity host's, requested or client-owning org's. */
  const pageContext = async (details: Details, org?: Organization): Promise<PageContext> => {
    const client = await provider.Client.find(String(details.params.client_id));
    const requested = typeof details.params.organization === 'string' ? details.params.organization : undefined;
    const owner = (client?.metadata() as { organization_id?: unknown } | undefined)?.organization_id;
    const themeOrg = org?.id ?? mount.vanityOrgId ?? (requested ? deps.orgs.find(requested)?.id : undefined) ?? owner;
    return {
      base: `${mount.path}/interaction/${details.uid}`,
      clientName: client?.clientName ?? String(details.params.client_id),
      demo: deps.demo,
      theme: deps.themes.pageTheme(workspaceRef, typeof themeOrg === 'string' ? themeOrg : null),
    };
  };

  const show = (ctx: Context, body: string, status = 200) => {
    ctx.status = status;
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  };

  const finish = async (ctx: Context, result: Record<string, unknown>) => {
    const target = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: true });
    ctx.status = 303;
    ctx.redirect(target);
  };

  const loadDetails = async (ctx: Context): Promise<Details | undefined> => {
    try {
      const details = await provider.interactionDetails(ctx.req, ctx.res);
      if (details.uid !== ctx.params.uid) throw new Error('interaction mismatch');
      return details;
    } catch {
      show(
        ctx,
        interactionErrorPage(undefined, {
          theme: deps.themes.pageTheme(workspaceRef, mount.vanityOrgId),
          title: 'This sign-in has expired',
          message: 'The sign-in session was not found or has expired. Return to the application and start again.',
        }),
        400,
      );
      return undefined;
    }
  };

  const readForm = async (ctx: Context): Promise<Record<string, string>> => {
    const form = (await parse.form(ctx.req, { limit: '16kb' })) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(form).map(([key, value]) => [key, typeof value === 'string' ? value : '']),
    );
  };

  /** The org to name on the page: the one the app asked for, else the email domain's (home realm). */
  const orgForPage = (details: Details, email: string) => {
    if (mount.vanityOrgId) return deps.orgs.find(mount.vanityOrgId);
    const requested = details.params.organization;
    if (typeof requested === 'string' && requested) return deps.orgs.find(requested);
    const domain = emailDomain(email);
    return domain ? deps.orgs.findByEmailDomain(domain) : undefined;
  };

  /** Resolves the org (or asks) and finishes the consent prompt. */
  const consent = async (ctx: Context, details: Details, picked: string | undefined) => {
    const page = await pageContext(details);
    const accountId = details.session?.accountId;
    const user = accountId ? deps.users.find(accountId) : undefined;
    if (!user) {
      show(
        ctx,
        interactionErrorPage(page, { title: 'Account not found', message: 'Your account no longer exists.' }),
        403,
      );
      return;
    }
    const client = await provider.Client.find(String(details.params.client_id));
    const metadata = (client?.metadata() ?? {}) as Record<string, unknown>;
    const submission = (details.lastSubmission as { orgbench?: OrgbenchSubmission } | undefined)?.orgbench;
    const memberOf = deps.users
      .membershipsOf(user.id)
      .map((membership) => deps.orgs.find(membership.orgId))
      .filter((org) => org !== undefined);
    const resolution = resolveOrganization({
      requested: typeof details.params.organization === 'string' ? details.params.organization : undefined,
      clientOwner: typeof metadata.organization_id === 'string' ? metadata.organization_id : undefined,
      clientName: page.clientName,
      picked,
      federatedOrg: submission?.federatedOrgId,
      emailDomain: submission?.emailDomain ?? emailDomain(user.email),
      requireOrganization: metadata.require_organization === true,
      findOrg: (idOrSlug) => deps.orgs.find(idOrSlug),
      vanityOrg: mount.vanityOrgId ? deps.orgs.find(mount.vanityOrgId) : undefined,
      orgOfDomain: (domain) => deps.orgs.findByEmailDomain(domain),
      memberOf,
    });
    const trace = traceOf(details);
    trace.step({
      from: 'orgbench',
      to: 'orgbench',
      title:
        resolution.kind === 'resolved'
          ? `Organization: ${resolution.org.name} (by ${resolution.via.replace('_', ' ')})`
          : resolution.kind === 'choose'
            ? 'Organization: the user chooses'
            : resolution.kind === 'denied'
              ? 'Organization refused'
              : 'No organization',
      status: resolution.kind === 'denied' ? 'fail' : 'ok',
      rule: 'organization',
      detail: {
        resolution: resolution.kind,
        ...(resolution.kind === 'resolved' ? { org: resolution.org.slug, via: resolution.via } : {}),
      },
    });
    switch (resolution.kind) {
      case 'choose':
        show(ctx, orgPickerPage(page, { userName: user.name, orgs: resolution.orgs }));
        return;
      case 'denied':
        trace.fail('organization', resolution.message);
        show(ctx, interactionErrorPage(page, { title: 'Access denied', message: resolution.message }), 403);
        return;
      default: {
        const orgId = resolution.kind === 'resolved' ? resolution.org.id : null;
        if (resolution.kind === 'resolved') trace.annotate({ orgId: resolution.org.id });
        const grantId = await completeConsent(provider, deps, mount, details, orgId);
        deps.traces.linkGrant(grantId, trace.id);
        trace.step({
          from: 'orgbench',
          to: 'app',
          title: 'Authorization code sent to the app',
          status: 'ok',
          detail: { grantId },
        });
        await finish(ctx, { consent: { grantId } });
      }
    }
  };

  /** The org's enabled connections: one → straight to its IdP; several → the chooser. */
  const routeToConnections = async (ctx: Context, details: Details, org: Organization | undefined, email: string) => {
    if (!org) return false;
    const connections = deps.connections.enabledOf(org.id);
    if (connections.length === 0) return false;
    if (connections.length > 1) {
      show(ctx, connectionChooserPage(await pageContext(details, org), { org, connections, email }));
      return true;
    }
    const [only] = connections;
    ctx.status = 303;
    const hint = email ? `?login_hint=${encodeURIComponent(email)}` : '';
    ctx.redirect(`${mount.path}/interaction/${details.uid}/federate/${only?.id}${hint}`);
    return true;
  };

  /**
   * After the identifier: a user of the identity pool with a password signs in here;
   * anyone else of a domain whose org has an IdP goes to that IdP (home-realm discovery).
   */
  const identified = async (ctx: Context, details: Details, email: string) => {
    const org = orgForPage(details, email);
    const local = deps.users.findByEmail(email);
    const viaIdp = !local?.hasPassword && org !== undefined && deps.connections.enabledOf(org.id).length > 0;
    traceOf(details).step({
      from: 'browser',
      to: 'orgbench',
      title: viaIdp && org ? `Home-realm discovery: ${email} → ${org.name}` : `Identifier: ${email}`,
      status: 'ok',
      rule: 'home_realm',
      detail: { email, org: org?.slug ?? null, route: viaIdp ? 'identity provider' : 'password' },
    });
    if (viaIdp && (await routeToConnections(ctx, details, org, email))) return;
    show(ctx, passwordPage(await pageContext(details, org), { email, org }));
  };

  /** The interaction's trace, started (with the authorize request) on the first page of a login. */
  const traceOf = (details: Details) => {
    const existing = deps.traces.forInteraction(details.uid);
    if (existing) return existing;
    const carried = (details.lastSubmission as { orgbench?: OrgbenchSubmission } | undefined)?.orgbench?.traceId;
    const continued = carried ? deps.traces.recorder(carried) : undefined;
    if (continued) return continued;
    const trace = deps.traces.start({ interactionUid: details.uid, clientId: String(details.params.client_id) });
    trace.step({
      from: 'app',
      to: 'orgbench',
      title: 'Authorization request',
      status: 'ok',
      detail: { issuer: mount.issuer, params: details.params },
    });
    return trace;
  };

  // MFA after the password, new-device alerts and "Forgot password?" (server/accounts).
  const accountSteps = mountAccountSteps(provider, deps, mount, {
    loadDetails,
    pageContext,
    show,
    finish,
    readForm,
    traceOf,
  });

  router.get('/', async (ctx) => {
    const details = await loadDetails(ctx);
    if (!details) return;
    traceOf(details);
    if (details.prompt.name === 'consent') return consent(ctx, details, undefined);
    const page = await pageContext(details);
    const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint.trim() : '';
    if (hint.startsWith(IDP_INITIATED_HINT)) {
      const next = await deps.federation.resumeIdpInitiated(
        hint.slice(IDP_INITIATED_HINT.length),
        details.uid,
        mount.path,
      );
      if (next) {
        ctx.status = 303;
        ctx.redirect(next);
        return;
      }
      show(
        ctx,
        interactionErrorPage(page, {
          title: 'This sign-in has expired',
          message: 'The identity provider’s answer is no longer waiting. Sign in again.',
        }),
        400,
      );
      return;
    }
    if (hint.includes('@')) return identified(ctx, details, hint);
    // An org asked for by the app, with its own IdP: straight there (a hint names a mock persona).
    const requested =
      typeof details.params.organization === 'string' ? deps.orgs.find(details.params.organization) : undefined;
    const vanityOrg = mount.vanityOrgId ? deps.orgs.find(mount.vanityOrgId) : undefined;
    if (vanityOrg && requested && requested.id !== vanityOrg.id) {
      const message = `This sign-in address belongs to ${vanityOrg.name}; the application asked for ${requested.name}.`;
      traceOf(details).fail('organization', message);
      show(ctx, interactionErrorPage(page, { title: 'Access denied', message }), 403);
      return;
    }
    if (await routeToConnections(ctx, details, requested, hint)) return;
    show(ctx, identifierPage(page, { email: hint }));
  });

  router.post('/identify', async (ctx) => {
    const details = await loadDetails(ctx);
    if (!details) return;
    const page = await pageContext(details);
    const email = ((await readForm(ctx)).email ?? '').trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      show(ctx, identifierPage(page, { email, error: 'Enter your work email address, e.g. name@company.com.' }), 400);
      return;
    }
    await identified(ctx, details, email);
  });

  router.get('/federate/:connectionId', async (ctx) => {
    const details = await loadDetails(ctx);
    if (!details) return;
    const trace = traceOf(details);
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
    const details = await loadDetails(ctx);
    if (!details) return;
    const handoff = deps.handoffs.take(details.uid, deps.clock.now().getTime());
    if (!handoff) {
      show(
        ctx,
        interactionErrorPage(await pageContext(details), {
          title: 'This sign-in has expired',
          message: 'No answer from your identity provider is waiting for this sign-in. Start again.',
        }),
        400,
      );
      return;
    }
    const user = deps.users.find(handoff.userId);
    await finish(ctx, {
      login: { accountId: handoff.userId, amr: ['fed'] },
      orgbench: {
        federatedOrgId: handoff.orgId,
        emailDomain: emailDomain(user?.email ?? ''),
        ...(handoff.traceId ? { traceId: handoff.traceId } : {}),
      } satisfies OrgbenchSubmission,
    });
  });

  router.get('/federation-error', async (ctx) => {
    const details = await loadDetails(ctx);
    if (!details) return;
    const failure = deps.federation.takeFailure(details.uid);
    const page = await pageContext(details);
    if (!failure) {
      ctx.status = 303;
      ctx.redirect(page.base);
      return;
    }
    show(ctx, federationErrorPage(page, failure), 400);
  });

  router.post('/login', async (ctx) => {
    const details = await loadDetails(ctx);
    if (!details) return;
    const form = await readForm(ctx);
    const email = (form.email ?? '').trim().toLowerCase();
    const check = await deps.users.checkPassword(email, form.password ?? '');
    const trace = traceOf(details);
    trace.step({
      from: 'browser',
      to: 'orgbench',
      title: check.ok
        ? `Password accepted for ${email}`
        : `Password refused for ${email} (${check.reason.replace('_', ' ')})`,
      status: check.ok ? 'ok' : 'fail',
      rule: 'password',
    });
    if (!check.ok) {
      const error =
        check.reason === 'locked'
          ? `Too many failed attempts: this account is locked until ${new Date(check.lockedUntil ?? '').toLocaleTimeString('en-GB')}.`
          : 'The email or password is not correct.';
      const org = orgForPage(details, email);
      show(ctx, passwordPage(await pageContext(details, org), { email, error, org }), 401);
      return;
    }
    await accountSteps.afterPassword(ctx, details, check.user, trace);
  });

  router.post('/organization', async (ctx) => {
    const details = await loadDetails(ctx);
    if (!details) return;
    if (details.prompt.name !== 'consent') {
      ctx.status = 303;
      ctx.redirect(`${mount.path}/interaction/${details.uid}`);
      return;
    }
    const picked = (await readForm(ctx)).organization;
    await consent(ctx, details, picked || undefined);
  });

  router.get('/abort', async (ctx) => {
    const details = await loadDetails(ctx);
    if (!details) return;
    await finish(ctx, { error: 'access_denied', error_description: 'The user cancelled the sign-in.' });
  });

  provider.use(router.routes());
  mountAccountPages(provider, deps, mount);
}
