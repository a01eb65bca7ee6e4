/**
 * This SP's side of a connection, for the IdP admin: entity ID, ACS URL, single logout
 * URL and metadata (SAML), or the redirect URI (OIDC), each with a copy button.
 */
import type { Connection } from '../../../../server/model/federation';
import { Icon } from '../../components/icons';
import { CopyValue } from './FedParts';

export function SpSideCard({ connection }: { connection: Connection }) {
  const { sp } = connection;
  const saml = connection.kind === 'saml';
  return (
    <section className="fed-card fed-sp-card" aria-labelledby="conn-sp-title" data-testid="conn-sp">
      <div className="fed-card-head">
        <div>
          <h3 id="conn-sp-title">For the IdP admin</h3>
          <p className="muted small">
            {connection.mockIdpId
              ? 'The mock IdP knows these already. A real IdP is given them when the app is registered there.'
              : saml
                ? 'Register Orgbench at the IdP with these values, or hand over the metadata URL.'
                : 'Register this redirect URI for the client at the IdP.'}
          </p>
        </div>
        {saml && sp.metadataUrl && (
          <a
            className="button fed-small-button"
            href={sp.metadataUrl}
            target="_blank"
            rel="noreferrer"
            data-testid="conn-sp-open-metadata"
          >
            <Icon name="external" size={14} /> SP metadata
          </a>
        )}
      </div>
      <dl className="fed-values fed-values-grid">
        {saml ? (
          <>
            <CopyValue
              label="SP entity ID (Audience)"
              value={sp.entityId}
              copyLabel="SP entity ID"
              testId="conn-sp-entity-id"
            />
            <CopyValue
              label="ACS URL (Reply URL)"
              value={sp.acsUrl}
              copyLabel="ACS URL"
              testId="conn-sp-acs-url"
              hint="HTTP-POST binding."
            />
            {sp.sloUrl && (
              <CopyValue
                label="Single logout URL"
                value={sp.sloUrl}
                copyLabel="single logout URL"
                testId="conn-sp-slo-url"
                hint="HTTP-Redirect and HTTP-POST. LogoutRequests must be signed."
              />
            )}
            {sp.metadataUrl && (
              <CopyValue
                label="SP metadata URL"
                value={sp.metadataUrl}
                copyLabel="SP metadata URL"
                testId="conn-sp-metadata-url"
                hint="Holds the entity ID, ACS URL and this connection’s signing certificate."
              />
            )}
          </>
        ) : (
          sp.redirectUri && (
            <CopyValue
              label="Redirect URI"
              value={sp.redirectUri}
              copyLabel="redirect URI"
              testId="conn-sp-redirect-uri"
              hint="Also called callback or sign-in redirect URI."
            />
          )
        )}
      </dl>
    </section>
  );
}
