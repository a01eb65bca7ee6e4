/**
 * The Applications section: every OIDC client of every workspace (list, create, detail)
 * and, on a second tab, each workspace's token settings, APIs and signing keys.
 */
import { useEffect, useRef } from 'react';
import { Icon } from '../../components/icons';
import { panelId, TabList, tabId, type TabItem } from '../../components/TabList';
import { useAppStore } from '../../store/app-store';
import type { AppsTab } from '../../store/apps-slice';
import { AppCreateForm } from './AppCreateForm';
import { AppDetail } from './AppDetail';
import { AppList } from './AppList';
import { WorkspacesPanel } from './WorkspacesPanel';
import './applications.css';

const TABS: TabItem<AppsTab>[] = [
  { id: 'applications', label: 'Applications', testId: 'apps-tab-applications' },
  { id: 'workspaces', label: 'Workspaces & keys', testId: 'apps-tab-workspaces' },
];

const TAB_PREFIX = 'apps';

export function ApplicationsPage() {
  const apps = useAppStore((s) => s.apps);
  const workspaces = useAppStore((s) => s.workspaces);
  const tab = useAppStore((s) => s.appsTab);
  const view = useAppStore((s) => s.appsView);
  const error = useAppStore((s) => s.appsError);
  const setTab = useAppStore((s) => s.setAppsTab);
  const startCreate = useAppStore((s) => s.startCreateApp);
  const loadApps = useAppStore((s) => s.loadApps);
  const loadWorkspaces = useAppStore((s) => s.loadWorkspaces);
  const loadOrgs = useAppStore((s) => s.loadOrgs);
  const dismissFreshSecret = useAppStore((s) => s.dismissFreshSecret);
  const pageRef = useRef<HTMLDivElement>(null);
  const viewKey = `${tab}:${view.mode}:${view.mode === 'detail' ? view.clientId : ''}`;

  // A new view starts at its top, not where the previous one was scrolled to.
  useEffect(() => {
    pageRef.current?.scrollIntoView({ block: 'start' });
  }, [viewKey]);

  // Leaving the section forgets a just-issued secret: it is shown once, not kept around.
  useEffect(() => () => dismissFreshSecret(), [dismissFreshSecret]);

  useEffect(() => {
    void loadApps();
    void loadWorkspaces();
    void loadOrgs();
  }, [loadApps, loadWorkspaces, loadOrgs]);

  return (
    <div ref={pageRef} className="page apps-page" data-testid="page-applications">
      <header className="page-header">
        <div>
          <h1>Applications</h1>
          <p className="muted">
            {apps.length === 0
              ? 'The OIDC clients your customers sign in to, and the services that call your APIs.'
              : `${apps.length} application${apps.length === 1 ? '' : 's'} · ${workspaces.length} workspace${workspaces.length === 1 ? '' : 's'}`}
          </p>
        </div>
        {tab === 'applications' && view.mode !== 'create' && (
          <button type="button" className="button primary" data-testid="app-new" onClick={startCreate}>
            <Icon name="plus" size={16} /> Create application
          </button>
        )}
      </header>

      <TabList label="Applications sections" idPrefix={TAB_PREFIX} items={TABS} value={tab} onChange={setTab} />

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <div
        role="tabpanel"
        id={panelId(TAB_PREFIX, tab)}
        aria-labelledby={tabId(TAB_PREFIX, tab)}
        className="apps-panel"
      >
        {tab === 'workspaces' ? (
          <WorkspacesPanel />
        ) : view.mode === 'create' ? (
          <AppCreateForm />
        ) : view.mode === 'detail' ? (
          <AppDetail clientId={view.clientId} />
        ) : (
          <AppList />
        )}
      </div>
    </div>
  );
}
