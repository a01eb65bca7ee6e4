/**
 * One connection: what to give the IdP admin (this SP's URLs), then its settings, its
 * mapping and its login traces in tabs. Enabling and disabling is one switch in the header.
 */
import { useCallback, useState } from 'react';
import type { Connection, MockIdp } from '../../../../server/model/federation';
import { getConnection, updateConnection } from '../../api/federation-api';
import { Icon } from '../../components/icons';
import { panelId, TabList, tabId, type TabItem } from '../../components/TabList';
import { useAppStore } from '../../store/app-store';
import { useApiClient, useResource } from '../org-detail/use-api';
import { TracesPanel } from '../traces/TracesPanel';
import { ConnectionMapping } from './ConnectionMapping';
import { ConnectionSettings } from './ConnectionSettings';
import { MappingPreviewPanel } from './MappingPreviewPanel';
import { idpSummary } from './ConnectionList';
import { DetailHeader, DetailLoading } from './DetailHeader';
import { BackLink, ProtocolBadge } from './FedParts';
import { SpSideCard } from './SpSideCard';

type Tab = 'settings' | 'mapping' | 'preview' | 'traces';
const TAB_PREFIX = 'conn';

const TABS: TabItem<Tab>[] = [
  { id: 'settings', testId: 'conn-tab-settings', label: 'Settings' },
  { id: 'mapping', testId: 'conn-tab-mapping', label: 'Mapping' },
  { id: 'preview', testId: 'conn-tab-preview', label: 'Preview' },
  { id: 'traces', testId: 'conn-tab-traces', label: 'Login traces' },
];

export function ConnectionDetailView(props: {
  id: string;
  mockIdps: MockIdp[];
  onBack: () => void;
  onDeleted: () => void;
  onChanged: () => void;
}) {
  const client = useApiClient();
  const orgs = useAppStore((s) => s.orgs);
  const notify = useAppStore((s) => s.notify);
  const {
    data: connection,
    error,
    reload,
  } = useResource(useCallback(() => getConnection(client, props.id), [client, props.id]));
  const [tab, setTab] = useState<Tab>('settings');
  // The switch shows where it was flipped to until the connection is loaded again.
  const [flipped, setFlipped] = useState<{ basis: Connection; enabled: boolean }>();

  const { onChanged } = props;
  const changed = useCallback(() => {
    reload();
    onChanged();
  }, [reload, onChanged]);

  const back = <BackLink label="Connections" onClick={props.onBack} testId="conn-back" />;
  if (!connection) return <DetailLoading back={back} error={error} />;

  const org = orgs.find((candidate) => candidate.id === connection.orgId);
  const toggling = flipped?.basis === connection;
  const enabled = toggling ? flipped.enabled : connection.enabled;
  const toggle = async (to: boolean) => {
    setFlipped({ basis: connection, enabled: to });
    try {
      await updateConnection(client, connection.id, { enabled: to });
      notify('success', `${connection.name} is ${to ? 'enabled' : 'disabled'}.`);
      changed();
    } catch (failure) {
      setFlipped(undefined);
      notify('error', (failure as Error).message);
    }
  };

  return (
    <div className="fed-detail" data-testid="conn-detail">
      <DetailHeader
        back={back}
        avatarClass={`fed-kind-${connection.kind}`}
        icon="connections"
        name={connection.name}
        nameTestId="conn-detail-name"
        meta={
          <>
            <ProtocolBadge kind={connection.kind} />
            <span data-testid="conn-detail-org">{org?.name ?? connection.orgId}</span>
            <span className="muted">{idpSummary(connection, props.mockIdps)}</span>
          </>
        }
        actions={
          <label className={`fed-enable-toggle${enabled ? ' on' : ''}`}>
            <input
              type="checkbox"
              role="switch"
              checked={enabled}
              disabled={toggling}
              data-testid="conn-enabled-toggle"
              onChange={(event) => void toggle(event.target.checked)}
            />
            <span data-testid="conn-status">{enabled ? 'Enabled' : 'Disabled'}</span>
          </label>
        }
      >
        {!enabled && (
          <p className="fed-callout" data-testid="conn-disabled-note">
            <Icon name="warning" size={14} />
            <span>Disabled: home-realm discovery does not send anyone to this IdP.</span>
          </p>
        )}
      </DetailHeader>

      <SpSideCard connection={connection} />

      <TabList label={`${connection.name} sections`} idPrefix={TAB_PREFIX} items={TABS} value={tab} onChange={setTab} />
      <div
        role="tabpanel"
        id={panelId(TAB_PREFIX, tab)}
        aria-labelledby={tabId(TAB_PREFIX, tab)}
        className="fed-tab-panel"
      >
        {tab === 'settings' && (
          <ConnectionSettings
            key={connection.updatedAt}
            connection={connection}
            mockIdps={props.mockIdps}
            onSaved={changed}
            onDeleted={props.onDeleted}
          />
        )}
        {tab === 'mapping' && (
          <ConnectionMapping key={connection.updatedAt} connection={connection} onSaved={changed} />
        )}
        {tab === 'preview' && (
          <MappingPreviewPanel
            key={connection.updatedAt}
            connection={connection}
            mockIdp={props.mockIdps.find((idp) => idp.id === connection.mockIdpId)}
          />
        )}
        {tab === 'traces' && <TracesPanel connectionId={connection.id} />}
      </div>
    </div>
  );
}
