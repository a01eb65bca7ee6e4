/**
 * The interaction routes of one workspace issuer, under `/{tenant}/{workspace}/interaction/{uid}`
 * (where oidc-provider scopes its interaction cookie):
 *
 *   GET  …/{uid}               login prompt → identifier page (or password page for a login_hint);
 *                              consent prompt → organization resolution → grant, or the picker
 *   POST …/{uid}/identify      email → password page (with the org found by the email domain)
 *   POST …/{uid}/login         email + password → login finished
 *   POST …/{uid}/organization  the picker's choice → grant bound to that org
 *   GET  …/{uid}/abort         back to the client with access_denied
 */
import Router from '@koa/router';
import parse from 'co-body';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import type { Workspace } from '../../model/workspace';
import { HOSTED_PAGE_CSP } from '../../web/html';
import type { ProviderDeps } from '../provider-deps';
import { completeConsent } from './consent';
import { resolveOrganization } from './resolve-organization';
import { identifierPage, interactionErrorPage, orgPickerPage, passwordPage, type PageContext } from './views';

export interface InteractionMount {
  issuer: string;
  path: string;
  workspace: Workspace;
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

interface OrgbenchSubmission {
  emailDomain?: string;
}

const emailDomain = (email: string): string | undefined => email.split('@')[1]?.toLowerCase();

export function mountInteractions(provider: Provider, deps: ProviderDeps, mount: InteractionMount): void {
  const router = new Router({ prefix: '/interaction/:uid' });

  const pageContext = async (details: Details): Promise<PageContext> => {
    const client = await provider.Client.find(String(details.params.client_id));
    return {
      base: `${mount.path}/interaction/${details.uid}`,
      clientName: client?.clientName ?? String(details.params.client_id),
      demo: deps.demo,
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
      emailDomain: submission?.emailDomain ?? emailDomain(user.email),
      requireOrganization: metadata.require_organization === true,
      findOrg: (idOrSlug) => deps.orgs.find(idOrSlug),
      orgOfDomain: (domain) => deps.orgs.findByEmailDomain(domain),
      memberOf,
    });
    switch (resolution.kind) {
      case 'choose':
        show(ctx, orgPickerPage(page, { userName: user.name, orgs: resolution.orgs }));
        return;
      case 'denied':
        show(ctx, interactionErrorPage(page, { title: 'Access denied', message: resolution.message }), 403);
        return;
      default: {
        const orgId = resolution.kind === 'resolved' ? resolution.org.id : null;
        const grantId = await completeConsent(provider, deps, mount, details, orgId);
        await finish(ctx, { consent: { grantId } });
      }
    }
  };

  router.get('/', async (ctx) => {
    const details = await loadDetails(ctx);
    if (!details) return;
    if (details.prompt.name === 'consent') return consent(ctx, details, undefined);
    const page = await pageContext(details);
    const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint.trim() : '';
    if (hint.includes('@')) show(ctx, passwordPage(page, { email: hint, org: orgForPage(details, hint) }));
    else show(ctx, identifierPage(page, { email: hint }));
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
    show(ctx, passwordPage(page, { email, org: orgForPage(details, email) }));
  });

  router.post('/login', async (ctx) => {
    const details = await loadDetails(ctx);
    if (!details) return;
    const page = await pageContext(details);
    const form = await readForm(ctx);
    const email = (form.email ?? '').trim().toLowerCase();
    const check = await deps.users.checkPassword(email, form.password ?? '');
    if (!check.ok) {
      const error =
        check.reason === 'locked'
          ? `Too many failed attempts: this account is locked until ${new Date(check.lockedUntil ?? '').toLocaleTimeString('en-GB')}.`
          : 'The email or password is not correct.';
      show(ctx, passwordPage(page, { email, error, org: orgForPage(details, email) }), 401);
      return;
    }
    await finish(ctx, {
      login: { accountId: check.user.id, amr: ['pwd'] },
      orgbench: { emailDomain: emailDomain(email) } satisfies OrgbenchSubmission,
    });
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
}
