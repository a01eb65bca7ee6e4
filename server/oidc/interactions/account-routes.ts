/**
 * The account pages a notification's link opens, outside any sign-in, on each workspace
 * issuer (`/{tenant}/{workspace}/account/…`):
 *
 *   GET/POST …/account/forgot        ask for a reset link (same answer whether or not the account exists)
 *   GET/POST …/account/reset         choose a new password (token from the `password_reset` email)
 *   GET/POST …/account/invitation    accept an invitation (token from the `invitation` email)
 *   GET/POST …/account/verify-email  confirm an email address (token from the `email_verification` email)
 *
 * GET never uses a token up (mail scanners prefetch links); the page's POST does.
 */
import Router from '@koa/router';
import parse from 'co-body';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import { isOrgbenchError } from '../../errors';
import { HOSTED_PAGE_CSP } from '../../web/html';
import type { ProviderDeps } from '../provider-deps';
import {
  forgotPasswordPage,
  forgotPasswordSentPage,
  invitationDonePage,
  invitationPage,
  linkInvalidPage,
  resetDonePage,
  resetPasswordPage,
  verifyEmailDonePage,
  verifyEmailPage,
  type AccountPageContext,
  type FieldErrors,
} from './account-pages';
import type { InteractionMount } from './routes';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Renders a hosted page: no scripts, never cached, never framed. */
export function showPage(ctx: Context, body: string, status = 200): void {
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.body = body;
}

/** A posted form as strings (16 KiB at most). */
export async function readAccountForm(ctx: Context): Promise<Record<string, string>> {
  const form = (await parse.form(ctx.req, { limit: '16kb' })) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(form).map(([key, value]) => [key, typeof value === 'string' ? value : '']));
}

/** A refused form's field messages, from an `OrgbenchError`'s field paths. */
export function fieldErrorsOf(error: unknown): FieldErrors | undefined {
  if (!isOrgbenchError(error) || !error.fields) return undefined;
  return Object.fromEntries(error.fields.map((field) => [field.path, `This field ${field.message}.`]));
}

export function mountAccountPages(provider: Provider, deps: ProviderDeps, mount: InteractionMount): void {
  const router = new Router({ prefix: '/account' });
  const { accounts } = deps;
  const context = (orgId: string | null | undefined): AccountPageContext => ({
    base: `${mount.path}/account`,
    theme: deps.themes.pageTheme(
      { tenantId: mount.workspace.tenantId, workspaceId: mount.workspace.id },
      orgId ?? mount.vanityOrgId ?? null,
    ),
  });
  const tokenOf = (ctx: Context) => (typeof ctx.query.token === 'string' ? ctx.query.token : '');
  const dead = (ctx: Context, orgId: string | null, title: string, message: string) =>
    showPage(ctx, linkInvalidPage(context(orgId), { title, message }), 400);

  router.get('/forgot', (ctx) => {
    const email = typeof ctx.query.email === 'string' ? ctx.query.email : '';
    showPage(ctx, forgotPasswordPage(context(null), { email }));
  });

  router.post('/forgot', async (ctx) => {
    const email = ((await readAccountForm(ctx)).email ?? '').trim().toLowerCase();
    if (!EMAIL.test(email)) {
      showPage(ctx, forgotPasswordPage(context(null), { email, error: 'Enter an email address.' }), 400);
      return;
    }
    accounts.resets.request({
      email,
      issuerPath: mount.path,
      origin: mount.issuer.slice(0, mount.issuer.length - mount.path.length),
      orgId: mount.vanityOrgId ?? null,
    });
    showPage(ctx, forgotPasswordSentPage(context(null), { email }));
  });

  router.get('/reset', (ctx) => {
    const token = tokenOf(ctx);
    const live = accounts.resets.inspect(token);
    if (!live) return dead(ctx, null, 'This link has expired', RESET_DEAD);
    showPage(ctx, resetPasswordPage(context(live.orgId), { token, email: live.email }));
  });

  router.post('/reset', async (ctx) => {
    const { token = '', password = '', confirm = '' } = await readAccountForm(ctx);
    const live = accounts.resets.inspect(token);
    if (!live) return dead(ctx, null, 'This link has expired', RESET_DEAD);
    try {
      const done = await accounts.resets.complete(token, { password, confirm });
      showPage(ctx, resetDonePage(context(live.orgId), { returnTo: done.returnTo }));
    } catch (error) {
      if (!isOrgbenchError(error)) throw error;
      const fields = fieldErrorsOf(error);
      if (!fields) return dead(ctx, live.orgId, 'This link has expired', RESET_DEAD);
      const page = resetPasswordPage(context(live.orgId), {
        token,
        email: live.email,
        error: 'Check the new password.',
        fields,
      });
      showPage(ctx, page, 400);
    }
  });

  router.get('/invitation', (ctx) => {
    const token = tokenOf(ctx);
    const preview = accounts.invitations.inspect(token);
    if (!preview) return dead(ctx, null, 'This invitation is no longer valid', INVITATION_DEAD);
    showPage(ctx, invitationPage(context(preview.org.id), { token, ...preview }));
  });

  router.post('/invitation', async (ctx) => {
    const form = await readAccountForm(ctx);
    const token = form.token ?? '';
    const preview = accounts.invitations.inspect(token);
    if (!preview) return dead(ctx, null, 'This invitation is no longer valid', INVITATION_DEAD);
    const input = preview.existingUser
      ? {}
      : { name: form.name ?? '', password: form.password ?? '', confirm: form.confirm ?? '' };
    try {
      const done = await accounts.invitations.accept(token, input);
      showPage(ctx, invitationDonePage(context(done.org.id), done));
    } catch (error) {
      if (!isOrgbenchError(error)) throw error;
      const fields = fieldErrorsOf(error);
      if (!fields) return dead(ctx, preview.org.id, 'This invitation is no longer valid', INVITATION_DEAD);
      const page = invitationPage(context(preview.org.id), {
        token,
        ...preview,
        error: 'Check the highlighted fields.',
        fields,
        name: form.name ?? '',
      });
      showPage(ctx, page, 400);
    }
  });

  router.get('/verify-email', (ctx) => {
    const token = tokenOf(ctx);
    const live = accounts.verification.inspect(token);
    if (!live) return dead(ctx, null, 'This link has expired', VERIFY_DEAD);
    showPage(ctx, verifyEmailPage(context(live.orgId), { token, email: live.email }));
  });

  router.post('/verify-email', async (ctx) => {
    const token = (await readAccountForm(ctx)).token ?? '';
    const live = accounts.verification.inspect(token);
    try {
      const done = accounts.verification.confirm(token);
      showPage(ctx, verifyEmailDonePage(context(live?.orgId), done));
    } catch (error) {
      if (!isOrgbenchError(error)) throw error;
      dead(ctx, live?.orgId ?? null, 'This link has expired', VERIFY_DEAD);
    }
  });

  provider.use(router.routes());
}

const RESET_DEAD =
  'This password reset link has expired or was already used. Ask for a new one from the sign-in page ("Forgot password?").';
const INVITATION_DEAD =
  'This invitation has expired, was revoked or was already accepted. Ask your administrator to send a new one.';
const VERIFY_DEAD = 'This verification link has expired or was already used. Ask your administrator for a new one.';
