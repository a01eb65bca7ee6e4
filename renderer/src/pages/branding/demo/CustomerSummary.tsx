/** What each chosen customer offers on the demo screen: how it signs in and as whom. */
import type { DemoCustomer } from '../../../api/demo-mode-api';
import { ISOLATION_LABELS } from '../../../../../server/model/organization';

export function CustomerSummary(props: { customers: DemoCustomer[] }) {
  if (props.customers.length === 0) return <p className="muted">Choose at least one customer.</p>;
  return (
    <ol className="demo-summary" data-testid="demo-summary">
      {props.customers.map((customer) => (
        <li key={customer.orgId} data-testid={`demo-summary-${customer.slug}`}>
          <div className="demo-summary-head">
            <strong>{customer.name}</strong>
            <span className="badge">{ISOLATION_LABELS[customer.isolation]}</span>
          </div>
          {customer.idps.map((idp) => (
            <p key={idp.connectionId} className="small">
              {idp.mockIdpName} ({idp.kind.toUpperCase()}):{' '}
              {idp.personas.map((persona) => persona.displayName).join(', ') || 'no personas'}
            </p>
          ))}
          {customer.localUsers.length > 0 && (
            <p className="small">
              Password users: {customer.localUsers.map((user) => user.email).join(', ')}
              {customer.localUsers.some((user) => user.passwordHint) && (
                <span className="muted">
                  {' '}
                  (demo password {customer.localUsers.find((u) => u.passwordHint)?.passwordHint})
                </span>
              )}
            </p>
          )}
          {customer.idps.length === 0 && customer.localUsers.length === 0 && (
            <p className="small muted">No IdP or password users: the login page only.</p>
          )}
          <p className="small muted">
            client <code>{customer.clientId}</code>
          </p>
        </li>
      ))}
    </ol>
  );
}
