/**
 * The Connections section: each organization's links to its IdPs (SAML or OIDC, a mock
 * hosted here or a real one), grouped by organization. List, create and detail views.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Connection } from '../../../../server/model/federation';
import { listConnections, listMockIdps } from '../../api/federation-api';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { useApiClient, useResource } from '../org-detail/use-api';
import { ConnectionCreateForm } from './ConnectionCreateForm';
import { ConnectionDetailView } from './ConnectionDetail';
import { ConnectionList } from './ConnectionList';
import './federation.css';
import './connections.css';

type View = { mode: 'list' } | { mode: 'create'; orgId?: string } | { mode: 'detail'; id: string };

export function ConnectionsPage() {
  const client = useApiClient();
  const loadOrgs = useAppStore((s) => s.loadOrgs);
  const orgs = useAppStore((s) => s.orgs);
  const [view, setView] = useState<View>({ mode: 'list' });
  const connections = useResource(useCallback(() => listConnections(client), [client]));
  const mockIdps = useResource(useCallback(() => listMockIdps(client), [client]));
  const pageRef = useRef<HTMLDivElement>(null);
  const viewKey = view.mode === 'detail' ? `detail:${view.id}` : view.mode;

  useEffect(() => {
    void loadOrgs();
  }, [loadOrgs]);

  // A new view starts at its top, not where the previous one was scrolled to.
  useEffect(() => {
    pageRef.current?.scrollIntoView({ block: 'start' });
  }, [viewKey]);

  const { reload } = connections;
  const showList = useCallback(() => {
    reload();
    setView({ mode: 'list' });
  }, [reload]);
  const opened = (connection: Connection) => {
    reload();
    setView({ mode: 'detail', id: connection.id });
  };

  const all = connections.data ?? [];
  const orgCount = new Set(all.map((connection) => connection.orgId)).size;
  return (
    <div ref={pageRef} className="page fed-page" data-testid="page-connections">
      <header className="page-header">
        <div>
          <h1>Connections</h1>
          <p className="muted">
            {all.length === 0
              ? 'How each organization’s people sign in: through their own SAML or OpenID Connect IdP.'
              : `${all.length} connection${all.length === 1 ? '' : 's'} in ${orgCount} organization${orgCount === 1 ? '' : 's'} · attribute mapping, group → role rules and just-in-time users`}
          </p>
        </div>
        {view.mode === 'list' && orgs.length > 0 && all.length > 0 && (
          <button
            type="button"
            className="button primary"
            data-testid="conn-new"
            onClick={() => setView({ mode: 'create' })}
          >
            <Icon name="plus" size={16} /> Create connection
          </button>
        )}
      </header>

      {connections.error && (
        <p className="form-error" role="alert">
          {connections.error}
        </p>
      )}

      {view.mode === 'create' ? (
        <ConnectionCreateForm
          orgId={view.orgId}
          mockIdps={mockIdps.data ?? []}
          onCancel={showList}
          onCreated={opened}
        />
      ) : view.mode === 'detail' ? (
        <ConnectionDetailView
          id={view.id}
          mockIdps={mockIdps.data ?? []}
          onBack={showList}
          onDeleted={showList}
          onChanged={reload}
        />
      ) : (
        <ConnectionList
          connections={connections.data}
          mockIdps={mockIdps.data ?? []}
          onOpen={(id) => setView({ mode: 'detail', id })}
          onCreate={(orgId) => setView({ mode: 'create', orgId })}
        />
      )}
    </div>
  );
}
