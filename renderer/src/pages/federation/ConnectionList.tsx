/** Every connection, grouped by organization: protocol, IdP, JIT mode and whether it is on. */
import type { Connection, MockIdp } from '../../../../server/model/federation';
import type { Organization } from '../../../../server/model/organization';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { JIT_MODES } from './connection-form';
import { ProtocolBadge } from './FedParts';
import { PRESET_INFO } from './vendor-presets';

/** The connections of each org that has any, in the org list's order. */
export function groupByOrg(
  connections: readonly Connection[],
  orgs: readonly Organization[],
): { org: Organization | undefined; orgId: string; connections: Connection[] }[] {
  const byOrg = new Map<string, Connection[]>();
  for (const connection of connections)
    byOrg.set(connection.orgId, [...(byOrg.get(connection.orgId) ?? []), connection]);
  const known = orgs
    .filter((org) => byOrg.has(org.id))
    .map((org) => ({ org, orgId: org.id, connections: byOrg.get(org.id) ?? [] }));
  const unknown = [...byOrg.entries()]
    .filter(([orgId]) => !orgs.some((org) => org.id === orgId))
    .map(([orgId, list]) => ({ org: undefined, orgId, connections: list }));
  return [...known, ...unknown];
}

/** Where a connection's IdP is, in a few words. */
export function idpSummary(connection: Connection, mockIdps: readonly MockIdp[]): string {
  if (connection.mockIdpId) {
    const mock = mockIdps.find((idp) => idp.id === connection.mockIdpId);
    return mock ? `${mock.name} · mock ${PRESET_INFO[mock.preset].label}` : 'Mock IdP';
  }
  const url = connection.saml?.idpSsoUrl ?? connection.oidc?.issuer;
  if (!url) return 'Real IdP';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function ConnectionList(props: {
  connections: Connection[] | undefined;
  mockIdps: MockIdp[];
  onOpen: (id: string) => void;
  onCreate: (orgId?: string) => void;
}) {
  const orgs = useAppStore((s) => s.orgs);
  const { connections } = props;
  if (!connections) return <p className="muted">Loading…</p>;
  if (connections.length === 0) {
    return (
      <div className="empty-state" data-testid="connections-empty">
        <div className="empty-art" aria-hidden="true">
          <Icon name="connections" size={48} />
        </div>
        <h2>No connections yet</h2>
        <p className="muted">
          Connect an organization to its identity provider: people with its email domain are sent there to sign in, and
          come back as members with roles mapped from their groups.
        </p>
        <button
          type="button"
          className="button primary"
          data-testid="connections-empty-create"
          disabled={orgs.length === 0}
          onClick={() => props.onCreate()}
        >
          <Icon name="plus" size={16} /> Create your first connection
        </button>
        {orgs.length === 0 && <p className="muted small">Create an organization first.</p>}
      </div>
    );
  }

  const groups = groupByOrg(connections, orgs);
  const without = orgs.length - groups.filter((group) => group.org).length;
  return (
    <div className="fed-stack" data-testid="connection-groups">
      {groups.map((group) => (
        <section
          key={group.orgId}
          className="fed-card fed-org-group"
          aria-labelledby={`conn-org-${group.orgId}`}
          data-testid={`conn-group-${group.org?.slug ?? group.orgId}`}
        >
          <header className="fed-org-head">
            <span className="fed-org-mark" aria-hidden="true">
              {(group.org?.name ?? '?').slice(0, 2).toUpperCase()}
            </span>
            <div className="fed-org-title">
              <h3 id={`conn-org-${group.orgId}`}>{group.org?.name ?? group.orgId}</h3>
              {group.org && (
                <span className="muted small">
                  {group.org.slug}
                  {group.org.domains.length > 0 && ` · ${group.org.domains.join(', ')}`}
                </span>
              )}
            </div>
            <button
              type="button"
              className="button fed-small-button"
              data-testid={`conn-add-${group.org?.slug ?? group.orgId}`}
              onClick={() => props.onCreate(group.orgId)}
            >
              <Icon name="plus" size={14} /> <span className="fed-hide-narrow">Add connection</span>
            </button>
          </header>
          <ul className="fed-conn-list">
            {group.connections.map((connection) => (
              <li key={connection.id}>
                <button
                  type="button"
                  className="fed-conn-row"
                  data-testid={`conn-row-${connection.id}`}
                  data-name={connection.name}
                  onClick={() => props.onOpen(connection.id)}
                >
                  <span className="fed-conn-main">
                    <span className="fed-conn-name">{connection.name}</span>
                    <span className="muted small fed-ellipsis">{idpSummary(connection, props.mockIdps)}</span>
                  </span>
                  <ProtocolBadge kind={connection.kind} />
                  <span className="fed-conn-jit muted small fed-hide-narrow">
                    {JIT_MODES.find((mode) => mode.id === connection.mapping.jit)?.label}
                  </span>
                  <span className={`fed-status ${connection.enabled ? 'on' : 'off'}`}>
                    {connection.enabled ? 'Enabled' : 'Disabled'}
                  </span>
                  <Icon name="chevron" size={16} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {without > 0 && (
        <p className="muted small fed-note" data-testid="conn-orgs-without">
          {without} other organization{without === 1 ? ' has' : 's have'} no connection: their people sign in with a
          password from the identity pool.
        </p>
      )}
    </div>
  );
}
