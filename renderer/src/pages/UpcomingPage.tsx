/**
 * Sections whose capability is still being built: each says what it will hold, so the
 * navigation already shows the whole product.
 */
import { SECTIONS } from '../components/Sidebar';
import { Icon } from '../components/icons';
import type { Section } from '../store/app-store';

const PLANS: Record<Exclude<Section, 'organizations' | 'branding'>, string[]> = {
  applications: [
    'Web, SPA, native and machine-to-machine clients, shared or owned by one organization',
    'The three isolation models side by side: shared application, per-organization application, dedicated tenant',
  ],
  connections: [
    'Per-organization SAML and OIDC connections to customer IdPs',
    'Attribute and group mapping, just-in-time provisioning, home-realm discovery',
  ],
  'mock-idps': [
    'Hosted SAML and OIDC IdPs imitating Okta, Entra ID, Ping, Google Workspace and SecureAuth',
    'Personas, “log in as” links and fault switches for QA',
  ],
  tokens: ['Every issued token, decoded and verified', 'Every login drawn step by step as a sequence diagram'],
  administration: [
    'Delegated administration roles scoped to organizations',
    'Policies evaluated before tokens are issued',
  ],
  export: ['The modelled setup as production configuration for SecureAuth, Keycloak, Auth0 and Zitadel'],
};

export function UpcomingPage({ section }: { section: Exclude<Section, 'organizations' | 'branding'> }) {
  const meta = SECTIONS.find((item) => item.id === section);
  return (
    <div className="page" data-testid={`page-${section}`}>
      <header className="page-header">
        <div>
          <h1>{meta?.label}</h1>
          <p className="muted">Not available in this version of Orgbench yet.</p>
        </div>
      </header>
      <div className="empty-state">
        <div className="empty-art" aria-hidden="true">
          <Icon name={meta?.icon ?? 'organizations'} size={48} />
        </div>
        <h2>What this section will hold</h2>
        <ul className="plan-list">
          {PLANS[section].map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
