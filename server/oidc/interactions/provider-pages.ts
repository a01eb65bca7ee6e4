/** Pages oidc-provider renders itself (errors, logout), in Orgbench's hosted style. */
import type { KoaContextWithOIDC } from 'oidc-provider';
import { HOSTED_PAGE_CSP, hostedPage, html, raw } from '../../web/html';

function send(ctx: KoaContextWithOIDC, body: string): void {
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
  ctx.body = body;
}

export async function renderError(
  ctx: KoaContextWithOIDC,
  out: { error: string; error_description?: string },
): Promise<void> {
  send(
    ctx,
    hostedPage({
      title: 'Sign-in error',
      body: html`<h1>This sign-in request cannot continue</h1>
        <p><code>${out.error}</code></p>
        <p class="error" role="alert">${out.error_description ?? ''}</p>`,
    }),
  );
}

/** RP-initiated logout: asks before ending the session. `form` is oidc-provider's own hidden form. */
export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  // oidc-provider's form carries an id; our buttons submit it via the `form` attribute.
  const formId = /id="([^"]+)"/.exec(form)?.[1] ?? 'op.logoutForm';
  const client = ctx.oidc.client?.clientName ?? ctx.oidc.client?.clientId;
  send(
    ctx,
    hostedPage({
      title: 'Sign out',
      body: html`${raw(form)}
        <h1>Sign out?</h1>
        <p class="muted">
          ${client ? html`<strong>${client}</strong> asks to end your session.` : 'End your session?'}
        </p>
        <div class="row">
          <button type="submit" form="${formId}" name="logout" value="yes">Sign out</button>
          <button type="submit" form="${formId}" class="secondary">Stay signed in</button>
        </div>`,
    }),
  );
}

export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  const client = ctx.oidc.client?.clientName ?? ctx.oidc.client?.clientId;
  send(
    ctx,
    hostedPage({
      title: 'Signed out',
      body: html`<h1>You are signed out</h1>
        <p class="muted">${client ? html`You have left <strong>${client}</strong>.` : 'Your session has ended.'}</p>`,
    }),
  );
}
