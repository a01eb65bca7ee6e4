/**
 * One mock IdP: what an SP needs to trust it (entity ID or issuer, metadata or discovery
 * URL, certificate fingerprint), then its personas, fault switches and settings in tabs.
 */
import { useCallback, useEffect, useState } from 'react';
import { getMockIdp, type FaultInfo, type MockIdpDetail } from '../../api/federation-api';
import { CopyButton } from '../../components/CopyButton';
import { Icon } from '../../components/icons';
import { panelId, TabList, tabId, type TabItem } from '../../components/TabList';
import { useApiClient, useResource } from '../org-detail/use-api';
import { DetailHeader, DetailLoading } from './DetailHeader';
import { BackLink, CopyValue, ProtocolBadge } from './FedParts';
import { FaultSwitches } from './FaultSwitches';
import { MockIdpSettings } from './MockIdpSettings';
import { PersonasPanel } from './PersonasPanel';
import { PRESET_INFO } from './vendor-presets';

type Tab = 'personas' | 'faults' | 'settings';
const TAB_PREFIX = 'mock-idp';

/** While a one-shot fault waits for its login, the page looks again this often to see it used up. */
const FAULT_POLL_MS = 3000;

export function MockIdpDetailView(props: {
  id: string;
  catalogue: FaultInfo[];
  onBack: () => void;
  onDeleted: () => void;
}) {
  const client = useApiClient();
  const { data: idp, error, reload } = useResource(useCallback(() => getMockIdp(client, props.id), [client, props.id]));
  const [tab, setTab] = useState<Tab>('personas');
  const waiting = idp?.faults.some((fault) => fault.mode === 'next') ?? false;

  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(() => {
      if (!document.hidden) reload();
    }, FAULT_POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);

  const back = <BackLink label="Mock IdPs" onClick={props.onBack} testId="mock-idp-back" />;
  if (!idp) return <DetailLoading back={back} error={error} />;

  const tabs: TabItem<Tab>[] = [
    {
      id: 'personas',
      testId: 'mock-idp-tab-personas',
      label: <TabLabel icon="users" text="Personas" count={idp.personas.length} />,
    },
    {
      id: 'faults',
      testId: 'mock-idp-tab-faults',
      label: (
        <TabLabel
          icon="warning"
          text="Fault switches"
          count={idp.faults.length || undefined}
          alert={idp.faults.length > 0}
        />
      ),
    },
    { id: 'settings', testId: 'mock-idp-tab-settings', label: <TabLabel icon="pencil" text="Settings" /> },
  ];

  return (
    <div className="fed-detail" data-testid="mock-idp-detail">
      <DetailHeader
        back={back}
        avatarClass={`fed-vendor-${idp.preset}`}
        icon="mock-idps"
        name={idp.name}
        nameTestId="mock-idp-detail-name"
        meta={
          <>
            <ProtocolBadge kind={idp.kind} />
            <span>imitates {PRESET_INFO[idp.preset].label}</span>
            <code className="muted">{idp.slug}</code>
          </>
        }
      />

      <EndpointsCard idp={idp} />

      <TabList label={`${idp.name} sections`} idPrefix={TAB_PREFIX} items={tabs} value={tab} onChange={setTab} />
      <div
        role="tabpanel"
        id={panelId(TAB_PREFIX, tab)}
        aria-labelledby={tabId(TAB_PREFIX, tab)}
        className="fed-tab-panel"
      >
        {tab === 'personas' && <PersonasPanel idp={idp} onChanged={reload} />}
        {tab === 'faults' && <FaultSwitches idp={idp} catalogue={props.catalogue} onChanged={reload} />}
        {tab === 'settings' && (
          <MockIdpSettings key={idp.updatedAt} idp={idp} onSaved={reload} onDeleted={props.onDeleted} />
        )}
      </div>
    </div>
  );
}

function TabLabel(props: { icon: 'users' | 'warning' | 'pencil'; text: string; count?: number; alert?: boolean }) {
  return (
    <>
      <Icon name={props.icon} size={15} />
      <span>{props.text}</span>
      {props.count !== undefined && (
        <span className={`badge${props.alert ? ' fed-badge-alert' : ''}`}>{props.count}</span>
      )}
    </>
  );
}

function EndpointsCard({ idp }: { idp: MockIdpDetail }) {
  const saml = idp.kind === 'saml';
  return (
    <section className="fed-card" aria-labelledby="mock-idp-endpoints-title" data-testid="mock-idp-endpoints">
      <div className="fed-card-head">
        <div>
          <h3 id="mock-idp-endpoints-title">{saml ? 'IdP metadata' : 'Issuer'}</h3>
          <p className="muted small">
            {saml
              ? 'What an SP needs to trust this IdP. Connections here fill it in by themselves.'
              : 'What an OpenID client needs to trust this IdP. Connections here fill it in by themselves.'}
          </p>
        </div>
        <a
          className="button fed-small-button"
          href={idp.metadataUrl}
          target="_blank"
          rel="noreferrer"
          data-testid="mock-idp-open-metadata"
        >
          <Icon name="external" size={14} /> {saml ? 'Open metadata' : 'Open discovery'}
        </a>
      </div>
      <dl className="fed-values fed-values-grid">
        <CopyValue
          label={saml ? 'Entity ID' : 'Issuer'}
          value={idp.entityId}
          copyLabel={saml ? 'entity ID' : 'issuer'}
          testId="mock-idp-entity-id"
        />
        <CopyValue
          label={saml ? 'Metadata URL' : 'Discovery URL'}
          value={idp.metadataUrl}
          copyLabel={saml ? 'metadata URL' : 'discovery URL'}
          testId="mock-idp-metadata-url"
        />
        <CopyValue
          label="Signing certificate (SHA-256 fingerprint)"
          value={idp.fingerprint}
          copyLabel="certificate fingerprint"
          testId="mock-idp-fingerprint"
        />
        <div className="fed-copy-value">
          <dt>Certificate</dt>
          <dd>
            <div className="fed-value-box fed-value-actions">
              <span className="muted small">PEM, {idp.certificate.length} characters</span>
              <CopyButton
                text={idp.certificate}
                label="certificate (PEM)"
                testId="mock-idp-copy-certificate"
                variant="button"
                withText
              />
            </div>
          </dd>
        </div>
      </dl>
    </section>
  );
}
