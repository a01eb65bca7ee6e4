/** The sample app's single page: the sign-in form, then the tokens of the session. */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { Application } from '../model/application';
import type { Organization } from '../model/organization';
import { hostedPage, html, type SafeHtml } from '../web/html';

export interface SampleSession {
  clientId: string;
  tokens: Record<string, unknown>;
  refreshed: number;
  /** The org's vanity host the session signed in on, if any. */
  host?: string | undefined;
}

function decoded(token: unknown): SafeHtml {
  if (typeof token !== 'string') return html`<p class="muted">none</p>`;
  if (token.split('.').length !== 3) {
    return html`<p class="muted">opaque (${token.length} characters; use introspection to read it)</p>`;
  }
  try {
    const header = decodeProtectedHeader(token);
    const claims = decodeJwt(token);
    return html`<pre data-testid="claims">${JSON.stringify({ header, claims }, null, 2)}</pre>`;
  } catch {
    return html`<p class="muted">not a decodable JWT</p>`;
  }
}

function orgSummary(session: SampleSession): SafeHtml {
  if (typeof session.tokens.id_token !== 'string') return html``;
  const claims = decodeJwt(session.tokens.id_token);
  const orgName = claims.org_name ?? claims.organization_name;
  const orgId = claims.org_id ?? claims.organization_id;
  return html`<p class="org" data-testid="signed-in">
    Signed in as ${String(claims.email ?? claims.sub)}
    ${orgId ? html`· <span class="badge" data-testid="org-badge">${String(orgName ?? orgId)}</span>` : ' · no organization'}
  </p>`;
}

export function samplePage(options: {
  clients: Application[];
  orgs: Organization[];
  session: SampleSession | undefined;
  error: string | undefined;
  /** The session cookie's lane, kept on the refresh and sign-out forms. */
  lane?: string | undefined;
}): string {
  const { session } = options;
  const signIn = html`<form method="post" action="/sample/login" data-testid="sample-login-form">
    <div class="grid">
      <label
        >Application
        <select name="client" data-testid="sample-client">
          ${options.clients.map((app) => html`<option value="${app.clientId}">${app.name} (${app.clientId})</option>`)}
        </select></label
      >
      <label
        >Organization
        <select name="organization" data-testid="sample-org">
          <option value="">Let the sign-in decide</option>
          ${options.orgs.map((org) => html`<option value="${org.slug}">${org.name}</option>`)}
        </select></label
      >
      <label>Login hint (optional) <input name="login_hint" type="email" placeholder="alice@acme.test" /></label>
    </div>
    <button type="submit" data-testid="sample-sign-in">Sign in with Orgbench</button>
  </form>`;
  const signedIn = session
    ? html`${orgSummary(session)}
        <div class="row">
          <form method="post" action="/sample/refresh${options.lane ? `?lane=${options.lane}` : ''}">
            <button type="submit" data-testid="sample-refresh">Refresh tokens</button>
          </form>
          <form method="post" action="/sample/logout${options.lane ? `?lane=${options.lane}` : ''}">
            <button type="submit" class="secondary" data-testid="sample-logout">Sign out</button>
          </form>
          <span class="muted"
            >client ${session.clientId}${session.refreshed ? ` · refreshed ${session.refreshed}×` : ''}</span
          >
        </div>
        <h2>ID token</h2>
        ${decoded(session.tokens.id_token)}
        <h2>Access token</h2>
        ${decoded(session.tokens.access_token)}
        <h2>Refresh token</h2>
        <p class="muted" data-testid="refresh-token">
          ${typeof session.tokens.refresh_token === 'string' ? `present (${session.tokens.refresh_token.length} characters, rotates on use)` : 'none'}
        </p>`
    : html``;
  return hostedPage({
    title: 'Sample app',
    wide: true,
    body: html`<h1>Orgbench sample app</h1>
      <p class="muted">A relying party that signs in with authorization code + PKCE against Orgbench's issuers.</p>
      ${options.error ? html`<p class="error" role="alert" data-testid="sample-error">${options.error}</p>` : ''}
      ${session ? signedIn : signIn}`,
  });
}
