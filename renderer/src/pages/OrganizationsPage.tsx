import { Icon } from '../components/icons';
import { useAppStore } from '../store/app-store';
import { OrgEditor } from './OrgEditor';
import { OrgTree } from './OrgTree';

export function OrganizationsPage() {
  const orgs = useAppStore((s) => s.orgs);
  const loaded = useAppStore((s) => s.orgsLoaded);
  const error = useAppStore((s) => s.orgsError);
  const selectedId = useAppStore((s) => s.selectedOrgId);
  const creatingUnder = useAppStore((s) => s.creatingUnder);
  const startCreate = useAppStore((s) => s.startCreate);
  const selected = orgs.find((org) => org.id === selectedId);
  const topLevel = orgs.filter((org) => org.parentId === null).length;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Organizations</h1>
          <p className="muted">
            {orgs.length === 0
              ? 'Each business customer of your SaaS app is an organization.'
              : `${orgs.length} organization${orgs.length === 1 ? '' : 's'} · ${topLevel} at the top level`}
          </p>
        </div>
        <button type="button" className="button primary" data-testid="org-new" onClick={() => startCreate(null)}>
          <Icon name="plus" size={16} /> New organization
        </button>
      </header>

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      {loaded && orgs.length === 0 && creatingUnder === undefined ? (
        <div className="empty-state" data-testid="org-empty">
          <div className="empty-art" aria-hidden="true">
            <Icon name="organizations" size={48} />
          </div>
          <h2>No organizations yet</h2>
          <p className="muted">
            Model each customer as an organization with its email domains; nest sub-organizations for divisions,
            franchises or regions.
          </p>
          <button type="button" className="button primary" onClick={() => startCreate(null)}>
            <Icon name="plus" size={16} /> Create your first organization
          </button>
        </div>
      ) : (
        <div className="split">
          <OrgTree />
          <div className="detail-panel">
            {creatingUnder !== undefined ? (
              <OrgEditor key={`new-${creatingUnder ?? 'root'}`} org={undefined} parentId={creatingUnder} />
            ) : selected ? (
              <OrgEditor key={`${selected.id}@${selected.updatedAt}`} org={selected} parentId={selected.parentId} />
            ) : (
              <div className="detail-empty muted">Select an organization to see and edit it.</div>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
