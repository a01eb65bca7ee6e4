/** One application: its settings, credentials, endpoints, and the way to delete it. */
import { useState } from 'react';
import { ConfirmDialog, confirmTestIds } from '../../components/ConfirmDialog';
import { CopyButton } from '../../components/CopyButton';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { ownerLabel } from '../../store/apps-selectors';
import { AppEditForm } from './AppEditForm';
import { ConnectCard } from './ConnectCard';
import { CredentialsCard } from './CredentialsCard';
import { KIND_INFO, KindBadge, SOURCE_LABELS } from './kinds';
import { SecretOnce } from './SecretOnce';

export function AppDetail({ clientId }: { clientId: string }) {
  const app = useAppStore((s) => s.apps.find((candidate) => candidate.clientId === clientId));
  const loaded = useAppStore((s) => s.appsLoaded);
  const orgs = useAppStore((s) => s.orgs);
  const fresh = useAppStore((s) => s.freshSecret);
  const showList = useAppStore((s) => s.showAppList);
  const deleteApp = useAppStore((s) => s.deleteApp);
  const [deleting, setDeleting] = useState(false);

  const back = (
    <button type="button" className="link back-link" data-testid="app-back" onClick={showList}>
      <Icon name="arrow-left" size={14} /> Applications
    </button>
  );

  if (!app) {
    return (
      <div className="apps-card detail-missing">
        {back}
        <p className="muted">{loaded ? `No application has the client ID “${clientId}”.` : 'Loading…'}</p>
      </div>
    );
  }

  return (
    <div className="app-detail" data-testid="app-detail">
      <header className="app-detail-header">
        {back}
        <div className="app-title-row">
          <span className={`app-avatar kind-${app.kind}`} aria-hidden="true">
            <Icon name={KIND_INFO[app.kind].icon} size={22} />
          </span>
          <div className="app-title">
            <h2 data-testid="app-detail-name">{app.name}</h2>
            <p className="app-meta">
              <KindBadge kind={app.kind} />
              <span className="client-id">
                <code>{app.clientId}</code>
                <CopyButton text={app.clientId} label="client ID" testId="app-detail-copy-client-id" />
              </span>
              <span className="muted small">{ownerLabel(app.ownerOrgId, orgs)}</span>
              <span className={`source-tag source-${app.source}`}>{SOURCE_LABELS[app.source] ?? app.source}</span>
            </p>
          </div>
        </div>
        <p className="muted small">{KIND_INFO[app.kind].summary}</p>
      </header>

      {fresh?.clientId === app.clientId && <SecretOnce fresh={fresh} />}

      <div className="app-detail-grid">
        <div className="app-detail-main">
          <AppEditForm key={`${app.clientId}@${app.updatedAt}`} app={app} />
          <section className="apps-card danger-zone" aria-labelledby="danger-title">
            <div>
              <h3 id="danger-title">Delete application</h3>
              <p className="muted small">
                Its client ID and secret stop working at once; signed-in users of the app keep their sessions until
                their tokens expire.
              </p>
            </div>
            <button type="button" className="button danger" data-testid="app-delete" onClick={() => setDeleting(true)}>
              <Icon name="trash" size={16} /> Delete
            </button>
          </section>
        </div>
        <aside className="app-detail-side">
          <CredentialsCard key={app.clientId} app={app} />
          <ConnectCard app={app} />
        </aside>
      </div>

      {deleting && (
        <ConfirmDialog
          title={`Delete “${app.name}”?`}
          confirmLabel="Delete application"
          busyLabel="Deleting…"
          danger
          testIds={confirmTestIds('app-delete-dialog')}
          onConfirm={() => deleteApp(app.clientId)}
          onClose={() => setDeleting(false)}
        >
          <p>
            The application <code>{app.clientId}</code> is removed from <code>{app.issuer}</code>. Logins and token
            requests with its client ID fail from now on. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
