/**
 * How a script (or a person) logs in as one persona: the CLI command for an org whose
 * connection uses this IdP, the `login_hint` that preselects the persona, and (SAML) the
 * link that signs the persona out from the IdP's side.
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { listConnections, type MockIdpDetail } from '../../api/federation-api';
import { CopyButton } from '../../components/CopyButton';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { useApiClient, useResource } from '../org-detail/use-api';

/** Presets whose vendor has no SAML single logout. */
const NO_SAML_LOGOUT: readonly string[] = ['google', 'secureauth'];

export function LoginAsCard(props: {
  idp: MockIdpDetail;
  handle: string | undefined;
  onHandle: (handle: string) => void;
}) {
  const { idp, handle } = props;
  const client = useApiClient();
  const orgs = useAppStore((s) => s.orgs);
  const setSection = useAppStore((s) => s.setSection);
  const ids = useId();
  const connections = useResource(useCallback(() => listConnections(client), [client]));
  const usedBy = useMemo(() => {
    const orgIds = new Set(
      (connections.data ?? [])
        .filter((connection) => connection.mockIdpId === idp.id)
        .map((connection) => connection.orgId),
    );
    return orgs.filter((org) => orgIds.has(org.id));
  }, [connections.data, orgs, idp.id]);
  const [picked, setPicked] = useState<string>();
  const org = usedBy.find((candidate) => candidate.slug === picked) ?? usedBy[0];
  const connection = (connections.data ?? []).find(
    (candidate) => candidate.mockIdpId === idp.id && candidate.orgId === org?.id,
  );
  // IdP-initiated single logout: the IdP asks the org's connection to end the persona's session.
  const logoutUrl =
    idp.kind === 'saml' && connection?.sp.sloUrl && handle && NO_SAML_LOGOUT.indexOf(idp.preset) < 0
      ? `${idp.entityId}/logout?connection=${encodeURIComponent(connection.id)}&persona=${encodeURIComponent(handle)}`
      : undefined;
  const command = `orgbench login --org ${org?.slug ?? '<org>'} --persona ${handle ?? '<handle>'}`;

  return (
    <section className="fed-card" id="login-as-card" aria-labelledby={`${ids}-title`} data-testid="login-as-card">
      <div className="fed-card-head">
        <div>
          <h3 id={`${ids}-title`}>Log in as a persona</h3>
          <p className="muted small">Scripts and QA runs sign in as a persona without clicking through the IdP page.</p>
        </div>
      </div>
      <div className="fed-inline-fields">
        <div className="field">
          <label htmlFor={`${ids}-persona`}>Persona</label>
          <select
            id={`${ids}-persona`}
            data-testid="login-as-persona"
            value={handle ?? ''}
            disabled={idp.personas.length === 0}
            onChange={(event) => props.onHandle(event.target.value)}
          >
            {idp.personas.map((persona) => (
              <option key={persona.id} value={persona.handle}>
                {persona.handle} · {persona.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-org`}>Organization</label>
          <select
            id={`${ids}-org`}
            data-testid="login-as-org"
            value={org?.slug ?? ''}
            disabled={usedBy.length === 0}
            onChange={(event) => setPicked(event.target.value)}
          >
            {usedBy.length === 0 && <option value="">No org uses this IdP yet</option>}
            {usedBy.map((candidate) => (
              <option key={candidate.id} value={candidate.slug}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="fed-command" data-testid="login-as-command">
        <code>
          <span className="fed-prompt" aria-hidden="true">
            ${' '}
          </span>
          {command}
        </code>
        <CopyButton text={command} label="login command" testId="login-as-copy" />
      </div>
      <p className="muted small fed-login-hint">
        In a browser, start a login for the org and pick the persona on the IdP page; an authorization request with{' '}
        <code>login_hint={handle ?? '<handle>'}</code> preselects it.
      </p>
      {logoutUrl && (
        <p className="muted small fed-login-hint" data-testid="login-as-logout">
          <a href={logoutUrl} target="_blank" rel="noreferrer" data-testid="login-as-logout-link">
            Sign {handle} out from the IdP
          </a>{' '}
          sends a signed LogoutRequest to the connection’s single logout URL, ending the persona’s Orgbench session.
        </p>
      )}
      {connections.data && usedBy.length === 0 && (
        <p className="fed-callout" data-testid="login-as-no-connection">
          <Icon name="connections" size={14} />
          <span>
            No organization has a connection to {idp.name} yet.{' '}
            <button
              type="button"
              className="link"
              data-testid="login-as-go-connections"
              onClick={() => setSection('connections')}
            >
              Create a connection
            </button>
          </span>
        </p>
      )}
    </section>
  );
}
