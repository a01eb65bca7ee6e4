/**
 * The interaction routes of one workspace issuer, under `/{tenant}/{workspace}/interaction/{uid}`
 * (where oidc-provider scopes its interaction cookie):
 *
 *   GET  …/{uid}                  login prompt → the org's IdP (organization parameter or a
 *                                 login_hint's domain), else identifier page or password page;
 *                                 consent prompt → organization resolution → grant, or the picker
 *   POST …/{uid}/identify         email → home-realm discovery: the org's IdP, or the password page
 *   POST …/{uid}/login            email + password → login finished
 *   GET  …/{uid}/federate|federated|federation-error   the org's IdP (federation-steps.ts)
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
import { registerProviderPageThemes } from './provider-pages';
import { mountFederationSteps } from './federation-steps';
import { emailDomain, type Details, type InteractionTools, type OrgbenchSubmission } from './interaction-tools';
import { createOrganizationStep } from './organization-step';
import { identifierPage, interactionErrorPage, passwordPage, type PageContext } from './views';
import type { Organization } from '../../model/organization';

export interface InteractionMount {
  issuer: string;
  path: string;
  workspace: Workspace;
  /** Set on an org's vanity host: every sign-in here is for that org (see resolve-organization.ts). */
  vanityOrgId?: string | undefined;
}

/** `login_hint` prefix that names a parked IdP-initiated answer (see FederationRuntime). */
export const IDP_INITIATED_HINT = 'idp-initiated:';

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

  const tools: InteractionTools = { loadDetails, pageContext, show, finish, readForm, traceOf };
  // The upstream IdP hop (federation-steps.ts), the org of the grant (organization-step.ts),
  // MFA after the password, new-device alerts and "Forgot password?" (account-steps.ts).
  const { routeToConnections } = mountFederationSteps(provider, deps, mount, tools);
  const consent = createOrganizationStep(provider, deps, mount, tools);
  const accountSteps = mountAccountSteps(provider, deps, mount, tools);

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
