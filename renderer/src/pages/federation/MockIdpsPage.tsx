/**
 * The Mock IdPs section: customer IdPs hosted here (SAML or OIDC, shaped like a vendor),
 * their personas and fault switches. List, create and detail views; the list shows
 * each IdP's active faults, so a forgotten "always" fault is hard to miss.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActiveFault, MockIdp } from '../../../../server/model/federation';
import type { ApiClient } from '../../api/client';
import { getFaultCatalogue, listFaults, listMockIdps } from '../../api/federation-api';
import { Icon } from '../../components/icons';
import { useApiClient, useResource } from '../org-detail/use-api';
import { MockIdpCreateForm } from './MockIdpCreateForm';
import { MockIdpDetailView } from './MockIdpDetail';
import { MockIdpList } from './MockIdpList';
import './federation.css';
import './mock-idps.css';

type View = { mode: 'list' } | { mode: 'create' } | { mode: 'detail'; id: string };

export interface MockIdpRow {
  idp: MockIdp;
  faults: ActiveFault[];
}

async function loadRows(client: ApiClient): Promise<MockIdpRow[]> {
  const idps = await listMockIdps(client);
  const faults = await Promise.all(idps.map((idp) => listFaults(client, idp.id)));
  return idps.map((idp, index) => ({ idp, faults: faults[index] ?? [] }));
}

export function MockIdpsPage() {
  const client = useApiClient();
  const [view, setView] = useState<View>({ mode: 'list' });
  const rows = useResource(useCallback(() => loadRows(client), [client]));
  const catalogue = useResource(useCallback(() => getFaultCatalogue(client), [client]));
  const pageRef = useRef<HTMLDivElement>(null);
  const viewKey = view.mode === 'detail' ? `detail:${view.id}` : view.mode;

  // A new view starts at its top, not where the previous one was scrolled to.
  useEffect(() => {
    pageRef.current?.scrollIntoView({ block: 'start' });
  }, [viewKey]);

  const { reload } = rows;
  const showList = useCallback(() => {
    reload();
    setView({ mode: 'list' });
  }, [reload]);

  const count = rows.data?.length ?? 0;
  return (
    <div ref={pageRef} className="page fed-page" data-testid="page-mock-idps">
      <header className="page-header">
        <div>
          <h1>Mock IdPs</h1>
          <p className="muted">
            {count === 0
              ? 'Customer identity providers hosted here, shaped like Okta, Entra ID, Ping, Google or SecureAuth.'
              : `${count} mock IdP${count === 1 ? '' : 's'} · personas to sign in as, faults to break logins on purpose`}
          </p>
        </div>
        {view.mode === 'list' && count > 0 && (
          <button
            type="button"
            className="button primary"
            data-testid="mock-idp-new"
            onClick={() => setView({ mode: 'create' })}
          >
            <Icon name="plus" size={16} /> Create mock IdP
          </button>
        )}
      </header>

      {rows.error && (
        <p className="form-error" role="alert">
          {rows.error}
        </p>
      )}

      {view.mode === 'create' ? (
        <MockIdpCreateForm onCancel={showList} onCreated={(idp) => setView({ mode: 'detail', id: idp.id })} />
      ) : view.mode === 'detail' ? (
        <MockIdpDetailView
          id={view.id}
          catalogue={catalogue.data?.faults ?? []}
          onBack={showList}
          onDeleted={showList}
        />
      ) : (
        <MockIdpList
          rows={rows.data}
          onOpen={(id) => setView({ mode: 'detail', id })}
          onCreate={() => setView({ mode: 'create' })}
        />
      )}
    </div>
  );
}
