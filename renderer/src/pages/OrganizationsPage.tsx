/**
 * The directory: organizations (tree and a tabbed detail) and, one switch away, the
 * users of the identity pool. The tree folds into a rail when the detail needs the
 * width (the isolation comparison) or when the reader folds it.
 */
import { useState } from 'react';
import { Icon } from '../components/icons';
import { panelId, TabList, tabId } from '../components/TabList';
import { useAppStore } from '../store/app-store';
import { OrgDetail, type OrgTab } from './org-detail/OrgDetail';
import { OrgHeader } from './org-detail/OrgHeader';
import { OrgRail } from './org-detail/OrgRail';
import { OrgEditor } from './OrgEditor';
import { OrgTree } from './OrgTree';
import { UsersView } from './users/UsersView';
import './org-detail/org-detail.css';

type View = 'orgs' | 'users';

const VIEWS = [
  { id: 'orgs', label: 'Organizations', testId: 'view-orgs' },
  { id: 'users', label: 'Users', testId: 'view-users' },
] as const;

export function OrganizationsPage() {
  const orgs = useAppStore((s) => s.orgs);
  const loaded = useAppStore((s) => s.orgsLoaded);
  const error = useAppStore((s) => s.orgsError);
  const selectedId = useAppStore((s) => s.selectedOrgId);
  const creatingUnder = useAppStore((s) => s.creatingUnder);
  const startCreate = useAppStore((s) => s.startCreate);
  const selectOrg = useAppStore((s) => s.selectOrg);
  const [view, setView] = useState<View>('orgs');
  const [tab, setTab] = useState<OrgTab>('details');
  const [creatingUser, setCreatingUser] = useState(false);
  // The reader's own choice; without one, the tree folds for the Isolation tab only.
  const [treeFolded, setTreeFolded] = useState<boolean>();
  const selected = orgs.find((org) => org.id === selectedId);
  const topLevel = orgs.filter((org) => org.parentId === null).length;
  const editing = selected !== undefined && creatingUnder === undefined;
  const folded = editing && (treeFolded ?? tab === 'isolation');

  const changeTab = (next: OrgTab) => {
    setTab(next);
    setTreeFolded(undefined);
  };

  const openOrgMembers = (orgId: string) => {
    selectOrg(orgId);
    changeTab('members');
    setView('orgs');
  };

  const treeToggle = (
    <button
      type="button"
      className="icon-button tree-toggle"
      aria-pressed={!folded}
      aria-label={folded ? 'Show the organization tree' : 'Fold the organization tree'}
      title={folded ? 'Show the organization tree' : 'Fold the organization tree'}
      data-testid="org-tree-toggle"
      onClick={() => setTreeFolded(!folded)}
    >
      <Icon name="panel" size={18} />
    </button>
  );

  const orgsView =
    loaded && orgs.length === 0 && creatingUnder === undefined ? (
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
      <div className={`split${folded ? ' split-folded' : ''}`}>
        {folded ? <OrgRail /> : <OrgTree />}
        <div className="detail-panel">
          {creatingUnder !== undefined ? (
            <NewOrgPanel parentId={creatingUnder} />
          ) : selected ? (
            <OrgDetail org={selected} tab={tab} onTab={changeTab} leading={treeToggle} />
          ) : (
            <div className="detail-empty muted">Select an organization to see and edit it.</div>
          )}
        </div>
      </div>
    );

  return (
    <div className="page">
      <header className="page-header directory-header">
        <div>
          <h1>{view === 'orgs' ? 'Organizations' : 'Users'}</h1>
          <p className="muted">
            {view === 'users'
              ? 'The identity pool: local users with passwords, for organizations that bring no IdP.'
              : orgs.length === 0
                ? 'Each business customer of your SaaS app is an organization.'
                : `${orgs.length} organization${orgs.length === 1 ? '' : 's'} · ${topLevel} at the top level`}
          </p>
        </div>
        <div className="header-actions">
          <TabList
            label="Directory"
            idPrefix="directory"
            items={VIEWS}
            value={view}
            onChange={setView}
            variant="segmented"
          />
          {view === 'orgs' ? (
            <button type="button" className="button primary" data-testid="org-new" onClick={() => startCreate(null)}>
              <Icon name="plus" size={16} /> New organization
            </button>
          ) : (
            <button
              type="button"
              className="button primary"
              data-testid="user-new"
              onClick={() => setCreatingUser(true)}
            >
              <Icon name="plus" size={16} /> New user
            </button>
          )}
        </div>
      </header>

      {error && view === 'orgs' && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <div role="tabpanel" id={panelId('directory', view)} aria-labelledby={tabId('directory', view)}>
        {view === 'orgs' ? (
          orgsView
        ) : (
          <UsersView creating={creatingUser} onCreatingChange={setCreatingUser} onOpenOrg={openOrgMembers} />
        )}
      </div>
    </div>
  );
}

/** The form for a new organization (top level or under `parentId`). */
function NewOrgPanel({ parentId }: { parentId: string | null }) {
  const titleId = `new-org-title`;
  return (
    <section className="editor" aria-labelledby={titleId} data-testid="org-editor">
      <OrgHeader org={undefined} parentId={parentId} titleId={titleId} />
      <OrgEditor key={`new-${parentId ?? 'root'}`} org={undefined} parentId={parentId} />
    </section>
  );
}
