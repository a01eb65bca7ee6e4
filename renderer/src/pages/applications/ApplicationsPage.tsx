/**
 * The Applications section: every OIDC client of every workspace (list, create, detail)
 * and, on a second tab, each workspace's token settings, APIs and signing keys.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import type { AppsTab } from '../../store/apps-slice';
import { AppCreateForm } from './AppCreateForm';
import { AppDetail } from './AppDetail';
import { AppList } from './AppList';
import { WorkspacesPanel } from './WorkspacesPanel';
import './applications.css';

const TABS: { id: AppsTab; label: string }[] = [
  { id: 'applications', label: 'Applications' },
  { id: 'workspaces', label: 'Workspaces & keys' },
];

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
  const tabRefs = useRef<Record<AppsTab, HTMLButtonElement | null>>({ applications: null, workspaces: null });
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

  // Arrow keys move between tabs, as in any tab list.
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = TABS[(TABS.findIndex((candidate) => candidate.id === tab) + 1) % TABS.length];
    if (!next) return;
    setTab(next.id);
    tabRefs.current[next.id]?.focus();
  };

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

      <div className="apps-tabs" role="tablist" aria-label="Applications sections" onKeyDown={onTabKey}>
        {TABS.map((item) => (
          <button
            key={item.id}
            ref={(element) => {
              tabRefs.current[item.id] = element;
            }}
            type="button"
            role="tab"
            id={`apps-tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls={`apps-panel-${item.id}`}
            tabIndex={tab === item.id ? 0 : -1}
            className={`apps-tab${tab === item.id ? ' active' : ''}`}
            data-testid={`apps-tab-${item.id}`}
            onClick={() => setTab(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <div role="tabpanel" id={`apps-panel-${tab}`} aria-labelledby={`apps-tab-${tab}`} className="apps-panel">
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
