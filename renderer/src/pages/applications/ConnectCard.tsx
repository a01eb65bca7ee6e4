/** Where the app finds its provider, and the few settings any OIDC library needs. */
import type { Application } from '../../../../server/model/application';
import { CopyButton } from '../../components/CopyButton';
import { discoveryUrl } from '../../store/apps-selectors';

/** The settings as environment variables, the form most OIDC libraries take them in. */
export function connectSnippet(app: Application): string {
  const lines = [`OIDC_ISSUER=${app.issuer}`, `OIDC_CLIENT_ID=${app.clientId}`];
  if (app.hasSecret) lines.push('OIDC_CLIENT_SECRET=<Reveal secret above>');
  if (app.kind === 'm2m') {
    lines.push(
      '',
      '# grant_type=client_credentials at the token endpoint',
      '# Optional: resource=<API identifier> for a JWT access token',
    );
    return lines.join('\n');
  }
  lines.push(
    `OIDC_REDIRECT_URI=${app.redirectUris[0] ?? '<your redirect URI>'}`,
    'OIDC_SCOPES="openid email profile"',
    '',
    '# Authorization code flow with PKCE (S256)',
  );
  if (!app.ownerOrgId) lines.push('# Optional: organization=<org slug> skips the org picker');
  return lines.join('\n');
}

export function ConnectCard({ app }: { app: Application }) {
  const snippet = connectSnippet(app);
  const discovery = discoveryUrl(app.issuer);
  return (
    <section className="apps-card side-card" aria-labelledby="connect-title" data-testid="app-connect">
      <h3 id="connect-title">Endpoints</h3>
      <dl className="kv">
        <dt>Issuer</dt>
        <dd className="kv-value">
          <code data-testid="app-issuer">{app.issuer}</code>
          <CopyButton text={app.issuer} label="issuer" testId="app-copy-issuer" />
        </dd>
        <dt>Discovery URL</dt>
        <dd className="kv-value">
          <code data-testid="app-discovery">{discovery}</code>
          <CopyButton text={discovery} label="discovery URL" testId="app-copy-discovery" />
        </dd>
      </dl>

      <div className="snippet-head">
        <h3 id="snippet-title">How to connect your app</h3>
        <CopyButton text={snippet} label="connection settings" testId="app-copy-snippet" withText />
      </div>
      <p className="muted small snippet-intro">
        {app.kind === 'm2m'
          ? 'Your service asks the token endpoint for tokens with its own credentials; no user is involved.'
          : 'Point any OpenID Connect library at the issuer: it discovers every endpoint from it.'}
      </p>
      <pre className="snippet" aria-labelledby="snippet-title" data-testid="app-snippet" tabIndex={0}>
        {snippet}
      </pre>
    </section>
  );
}
