/** What each application kind is, in one line, with its icon and badge. */
import type { ApplicationKind } from '../../../../server/model/application';
import { Icon, type IconName } from '../../components/icons';
import { KIND_LABELS } from '../../store/apps-selectors';

interface KindInfo {
  title: string;
  icon: IconName;
  summary: string;
  /** What the provider will allow, as shown beside the create form. */
  facts: { label: string; value: string }[];
}

export const KIND_INFO: Record<ApplicationKind, KindInfo> = {
  web: {
    title: 'Regular web app',
    icon: 'server',
    summary: 'A confidential server-side app that keeps a client secret.',
    facts: [
      { label: 'Grant', value: 'Authorization code + refresh token' },
      { label: 'Client authentication', value: 'client_secret_basic' },
      { label: 'Secret', value: 'Issued now, shown once' },
      { label: 'Redirects', value: 'Exact https URLs (http on localhost)' },
    ],
  },
  spa: {
    title: 'Single-page app',
    icon: 'browser',
    summary: 'A public app running in the browser: no secret, signs in with PKCE.',
    facts: [
      { label: 'Grant', value: 'Authorization code with PKCE (S256) + refresh token' },
      { label: 'Client authentication', value: 'none (public client)' },
      { label: 'Secret', value: 'None' },
      { label: 'Redirects', value: 'Exact URLs of your app’s pages' },
    ],
  },
  native: {
    title: 'Native app',
    icon: 'device',
    summary: 'A public desktop or mobile app with PKCE and loopback or custom-scheme redirects.',
    facts: [
      { label: 'Grant', value: 'Authorization code with PKCE (S256) + refresh token' },
      { label: 'Client authentication', value: 'none (public client)' },
      { label: 'Secret', value: 'None' },
      { label: 'Redirects', value: 'Loopback (any port) or a custom scheme' },
    ],
  },
  m2m: {
    title: 'Machine-to-machine',
    icon: 'robot',
    summary: 'A service calling your APIs with client_credentials: no user, has a secret.',
    facts: [
      { label: 'Grant', value: 'client_credentials' },
      { label: 'Client authentication', value: 'client_secret_basic' },
      { label: 'Secret', value: 'Issued now, shown once' },
      { label: 'Redirects', value: 'None: no user signs in' },
    ],
  },
};

export const SOURCE_LABELS: Record<string, string> = {
  admin: 'Admin',
  config: 'Config file',
  registration: 'Registration',
  system: 'System',
};

export function KindBadge({ kind }: { kind: ApplicationKind }) {
  return (
    <span className={`kind-badge kind-${kind}`} title={KIND_INFO[kind].summary}>
      <Icon name={KIND_INFO[kind].icon} size={13} />
      {kind === 'm2m' ? 'M2M' : KIND_LABELS[kind]}
    </span>
  );
}
