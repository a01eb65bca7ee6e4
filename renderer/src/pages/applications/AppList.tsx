/** Every application of every workspace, filtered by text and kind. */
import { useMemo } from 'react';
import type { Application } from '../../../../server/model/application';
import { CopyButton } from '../../components/CopyButton';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import {
  APP_KINDS,
  KIND_LABELS,
  countByKind,
  filterApps,
  ownerLabel,
  type KindFilter,
} from '../../store/apps-selectors';
import { IssuerText } from './IssuerText';
import { KindBadge, SOURCE_LABELS } from './kinds';

const FILTERS: { id: KindFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  ...APP_KINDS.map((kind) => ({ id: kind, label: kind === 'm2m' ? 'M2M' : KIND_LABELS[kind] })),
];

export function AppList() {
  const apps = useAppStore((s) => s.apps);
  const loaded = useAppStore((s) => s.appsLoaded);
  const orgs = useAppStore((s) => s.orgs);
  const query = useAppStore((s) => s.appQuery);
  const kind = useAppStore((s) => s.appKind);
  const setQuery = useAppStore((s) => s.setAppQuery);
  const setKind = useAppStore((s) => s.setAppKind);
  const startCreate = useAppStore((s) => s.startCreateApp);
  const shown = useMemo(() => filterApps(apps, query, kind, orgs), [apps, query, kind, orgs]);
  const counts = useMemo(() => countByKind(apps), [apps]);

  if (loaded && apps.length === 0) {
    return (
      <div className="empty-state" data-testid="apps-empty">
        <div className="empty-art" aria-hidden="true">
          <Icon name="applications" size={48} />
        </div>
        <h2>No applications yet</h2>
        <p className="muted">
          Register the apps your customers sign in to (web, single-page or native) and the services that call your APIs
          without a user.
        </p>
        <button type="button" className="button primary" data-testid="apps-empty-create" onClick={startCreate}>
          <Icon name="plus" size={16} /> Create your first application
        </button>
      </div>
    );
  }

  return (
    <section className="apps-card" aria-label="Applications">
      <div className="apps-toolbar">
        <label className="search apps-search">
          <Icon name="search" size={16} />
          <span className="visually-hidden">Filter applications</span>
          <input
            type="search"
            data-testid="apps-search"
            placeholder="Filter by name, client ID, owner or issuer"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <div className="apps-segmented" role="group" aria-label="Kind">
          {FILTERS.map((filter) => (
            <button
              key={filter.id}
              type="button"
              className={`apps-segment${kind === filter.id ? ' active' : ''}`}
              aria-pressed={kind === filter.id}
              data-testid={`apps-kind-${filter.id}`}
              onClick={() => setKind(filter.id)}
            >
              {filter.label}
              <span className="apps-segment-count">{counts[filter.id]}</span>
            </button>
          ))}
        </div>
      </div>

      {shown.length === 0 ? (
        <div className="apps-no-match" data-testid="apps-no-match">
          <p>No application matches these filters.</p>
          <button
            type="button"
            className="button"
            data-testid="apps-clear-filters"
            onClick={() => {
              setQuery('');
              setKind('all');
            }}
          >
            Clear filters
          </button>
        </div>
      ) : (
        <table className="apps-table" data-testid="apps-table">
          <thead>
            <tr>
              <th scope="col">Application</th>
              <th scope="col">Kind</th>
              <th scope="col">Owner</th>
              <th scope="col">Workspace issuer</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((app) => (
              <AppRow key={app.clientId} app={app} owner={ownerLabel(app.ownerOrgId, orgs)} />
            ))}
          </tbody>
        </table>
      )}
      <p className="apps-summary muted small" data-testid="apps-summary" aria-live="polite">
        {shown.length === apps.length
          ? `${apps.length} application${apps.length === 1 ? '' : 's'}`
          : `${shown.length} of ${apps.length} applications`}
      </p>
    </section>
  );
}

function AppRow({ app, owner }: { app: Application; owner: string }) {
  const openApp = useAppStore((s) => s.openApp);
  return (
    <tr className="app-row" data-testid={`app-row-${app.clientId}`} onClick={() => openApp(app.clientId)}>
      <td className="app-cell-main">
        <div className="app-main">
          <button
            type="button"
            className="app-name link"
            data-testid={`app-open-${app.clientId}`}
            onClick={(e) => {
              e.stopPropagation();
              openApp(app.clientId);
            }}
          >
            {app.name}
          </button>
          <span className="client-id">
            <code>{app.clientId}</code>
            <CopyButton text={app.clientId} label="client ID" testId={`app-copy-${app.clientId}`} />
          </span>
        </div>
      </td>
      <td className="app-cell-kind">
        <KindBadge kind={app.kind} />
      </td>
      <td className="app-cell-owner">
        <span className={app.ownerOrgId ? 'owner-org' : 'owner-shared muted'}>{owner}</span>
      </td>
      <td className="app-cell-issuer">
        <IssuerText issuer={app.issuer} />
      </td>
      <td className="app-cell-source">
        <span className={`source-tag source-${app.source}`}>{SOURCE_LABELS[app.source] ?? app.source}</span>
      </td>
    </tr>
  );
}
