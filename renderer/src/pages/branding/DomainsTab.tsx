/**
 * Branding → Vanity domains: every org with its login hosts (the automatic
 * `login.<slug>.localhost` and custom names), the issuer on each, what to paste so
 * browsers reach custom names, and the URL doctor's findings for the chosen org.
 */
import { useCallback, useMemo, useState } from 'react';
import { addVanityHost, listVanityHosts, removeVanityHost, type OrgVanityHosts } from '../../api/vanity-api';
import { useAppStore } from '../../store/app-store';
import { useApiClient, useResource } from '../org-detail/use-api';
import { HostSetupCard } from './domains/HostSetupCard';
import { OrgHostsDetail } from './domains/OrgHostsDetail';
import { UrlDoctorPanel } from './domains/UrlDoctorPanel';
import './domains/domains.css';

/** Orgs in tree order with their depth, so sub-organizations sit under their parent. */
export function inTreeOrder(orgs: readonly OrgVanityHosts[]): { org: OrgVanityHosts; depth: number }[] {
  const out: { org: OrgVanityHosts; depth: number }[] = [];
  const known = new Set(orgs.map((org) => org.orgId));
  const visit = (parentId: string | null, depth: number) => {
    for (const org of orgs.filter((candidate) => (candidate.parentId ?? null) === parentId)) {
      out.push({ org, depth });
      visit(org.orgId, depth + 1);
    }
  };
  visit(null, 0);
  for (const org of orgs) if (org.parentId && !known.has(org.parentId)) out.push({ org, depth: 0 });
  return out;
}

export function DomainsTab() {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const load = useCallback(() => listVanityHosts(client), [client]);
  const { data, error, reload } = useResource(load);
  const [selectedId, setSelectedId] = useState<string>();
  const [version, setVersion] = useState(0);
  const ordered = useMemo(() => inTreeOrder(data?.organizations ?? []), [data]);
  const selected = ordered.find((entry) => entry.org.orgId === selectedId)?.org ?? ordered[0]?.org;

  const changed = () => {
    reload();
    setVersion((value) => value + 1);
  };
  const add = async (host: string) => {
    if (!selected) return;
    await addVanityHost(client, selected.orgId, host);
    notify('success', `${host} now serves ${selected.name}’s login.`);
    changed();
  };
  const remove = async (host: string) => {
    if (!selected) return;
    try {
      await removeVanityHost(client, selected.orgId, host);
      notify('success', `${host} no longer serves ${selected.name}’s login.`);
      changed();
    } catch (failure) {
      notify('error', (failure as Error).message);
    }
  };

  if (error && !data) {
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  }
  if (!data) return <p className="muted">Loading…</p>;
  if (!selected) {
    return (
      <p className="muted" data-testid="vd-no-orgs">
        Create an organization first: each one gets its own login host.
      </p>
    );
  }
  return (
    <div className="vd-layout" data-testid="vd-tab">
      <nav className="vd-orgs" aria-label="Organizations">
        <ul>
          {ordered.map(({ org, depth }) => (
            <li key={org.orgId}>
              <button
                type="button"
                className={`row-button vd-org${org.orgId === selected.orgId ? ' selected' : ''}`}
                style={{ paddingLeft: 10 + depth * 14 }}
                aria-current={org.orgId === selected.orgId ? 'true' : undefined}
                onClick={() => setSelectedId(org.orgId)}
                data-testid={`vd-org-${org.slug}`}
              >
                <span className="vd-org-name">{org.name}</span>
                <span className="vd-org-host">{org.hosts[0]?.host}</span>
                <span className="badge" title={`${org.hosts.length} login hosts`}>
                  {org.hosts.length}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="vd-main">
        <OrgHostsDetail org={selected} onAdd={add} onRemove={remove} />
        <UrlDoctorPanel key={selected.orgId} orgId={selected.orgId} orgName={selected.name} version={version} />
        <HostSetupCard setup={data.setup} />
      </div>
    </div>
  );
}
