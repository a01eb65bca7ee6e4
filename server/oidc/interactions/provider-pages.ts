/**
 * Pages oidc-provider renders itself (errors, logout), in Orgbench's hosted style and the
 * theme of the client's org (else the workspace's). The page functions are pure, so theme
 * previews render exactly these.
 */
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { PageTheme } from '../../branding/page-theme';
import { HOSTED_PAGE_CSP, hostedPage, html, raw } from '../../web/html';

/** The theme of a provider's pages for a client's owning org (undefined: none). */
export type ProviderPageThemes = (orgId: string | undefined) => PageTheme;

const themesOf = new WeakMap<Provider, ProviderPageThemes>();

/** Called once per provider by mountInteractions, which knows the workspace and vanity host. */
export function registerProviderPageThemes(provider: Provider, themes: ProviderPageThemes): void {
  themesOf.set(provider, themes);
}

function themeOf(ctx: KoaContextWithOIDC): PageTheme | undefined {
  const themes = themesOf.get(ctx.oidc.provider);
  if (!themes) return undefined;
  const owner = (ctx.oidc.client?.metadata() as { organization_id?: unknown } | undefined)?.organization_id;
  return themes(typeof owner === 'string' ? owner : undefined);
}

function send(ctx: KoaContextWithOIDC, body: string): void {
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
  ctx.body = body;
}

export function providerErrorPage(
  theme: PageTheme | undefined,
  out: { error: string; error_description?: string },
): string {
  return hostedPage({
    title: 'Sign-in error',
    theme,
    body: html`<h1>This sign-in request cannot continue</h1>
      <p><code>${out.error}</code></p>
      <p class="error" role="alert">${out.error_description ?? ''}</p>`,
  });
}

/** The logout question; `form` is oidc-provider's own hidden form (trusted markup). */
export function logoutPage(
  theme: PageTheme | undefined,
  options: { form: string; client: string | undefined },
): string {
  // oidc-provider's form carries an id; our buttons submit it via the `form` attribute.
  const formId = /id="([^"]+)"/.exec(options.form)?.[1] ?? 'op.logoutForm';
  return hostedPage({
    title: 'Sign out',
    theme,
    body: html`${raw(options.form)}
      <h1>Sign out?</h1>
      <p class="muted">
        ${options.client ? html`<strong>${options.client}</strong> asks to end your session.` : 'End your session?'}
      </p>
      <div class="row">
        <button type="submit" form="${formId}" name="logout" value="yes">Sign out</button>
        <button type="submit" form="${formId}" class="secondary">Stay signed in</button>
      </div>`,
  });
}

export function loggedOutPage(theme: PageTheme | undefined, options: { client: string | undefined }): string {
  return hostedPage({
    title: 'Signed out',
    theme,
    body: html`<h1>You are signed out</h1>
      <p class="muted">
        ${options.client ? html`You have left <strong>${options.client}</strong>.` : 'Your session has ended.'}
      </p>`,
  });
}

export async function renderError(
  ctx: KoaContextWithOIDC,
  out: { error: string; error_description?: string },
): Promise<void> {
  send(ctx, providerErrorPage(themeOf(ctx), out));
}

/** RP-initiated logout: asks before ending the session. */
export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const client = ctx.oidc.client?.clientName ?? ctx.oidc.client?.clientId;
  send(ctx, logoutPage(themeOf(ctx), { form, client }));
}

export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  const client = ctx.oidc.client?.clientName ?? ctx.oidc.client?.clientId;
  send(ctx, loggedOutPage(themeOf(ctx), { client }));
}
