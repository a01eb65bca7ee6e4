/** Every mock IdP: name and slug, protocol, vendor preset, personas and active faults. */
import { Icon } from '../../components/icons';
import { FaultChip, ProtocolBadge } from './FedParts';
import type { MockIdpRow } from './MockIdpsPage';
import { PRESET_INFO } from './vendor-presets';

export function MockIdpList(props: {
  rows: MockIdpRow[] | undefined;
  onOpen: (id: string) => void;
  onCreate: () => void;
}) {
  const { rows } = props;
  if (!rows) return <p className="muted">Loading…</p>;
  if (rows.length === 0) {
    return (
      <div className="empty-state" data-testid="mock-idps-empty">
        <div className="empty-art" aria-hidden="true">
          <Icon name="mock-idps" size={48} />
        </div>
        <h2>No mock IdPs yet</h2>
        <p className="muted">
          A mock IdP stands in for a customer’s Okta, Entra ID, Ping, Google Workspace or SecureAuth: test personas to
          sign in as, and fault switches that break the next login the way real IdPs do.
        </p>
        <button type="button" className="button primary" data-testid="mock-idps-empty-create" onClick={props.onCreate}>
          <Icon name="plus" size={16} /> Create your first mock IdP
        </button>
      </div>
    );
  }

  return (
    <section className="fed-card fed-list-card" aria-label="Mock IdPs">
      <table className="fed-table fed-idp-table" data-testid="mock-idp-table">
        <thead>
          <tr>
            <th scope="col">Mock IdP</th>
            <th scope="col">Protocol</th>
            <th scope="col">Imitates</th>
            <th scope="col">Personas</th>
            <th scope="col">Active faults</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ idp, faults }) => (
            <tr
              key={idp.id}
              className="fed-row"
              data-testid={`mock-idp-row-${idp.slug}`}
              onClick={() => props.onOpen(idp.id)}
            >
              <td className="fed-cell-main">
                <div className="fed-cell-stack">
                  <button
                    type="button"
                    className="link fed-row-name"
                    data-testid={`mock-idp-open-${idp.slug}`}
                    onClick={(event) => {
                      event.stopPropagation();
                      props.onOpen(idp.id);
                    }}
                  >
                    {idp.name}
                  </button>
                  <code className="muted">{idp.slug}</code>
                </div>
              </td>
              <td className="fed-cell-kind">
                <ProtocolBadge kind={idp.kind} />
              </td>
              <td className="fed-cell-vendor">{PRESET_INFO[idp.preset].label}</td>
              <td className="fed-cell-count">
                <span className="fed-count" aria-label={`${idp.personas.length} personas`}>
                  <Icon name="users" size={14} />
                  {idp.personas.length}
                </span>
              </td>
              <td className="fed-cell-faults">
                {faults.length === 0 ? (
                  <span className="muted small">None</span>
                ) : (
                  <span className="fed-chips">
                    {faults.map((fault) => (
                      <FaultChip key={fault.id} fault={fault} testId={`mock-idp-fault-${idp.slug}-${fault.fault}`} />
                    ))}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
