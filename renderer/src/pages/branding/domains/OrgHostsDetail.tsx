/** One org's login hosts: automatic and custom, each with its issuer; adding and removing custom ones. */
import { useState } from 'react';
import type { OrgVanityHosts } from '../../../api/vanity-api';
import { AddHostForm } from './AddHostForm';
import { HostRow } from './HostRow';

export function OrgHostsDetail(props: {
  org: OrgVanityHosts;
  onAdd: (host: string) => Promise<void>;
  onRemove: (host: string) => Promise<void>;
}) {
  const { org } = props;
  const [removing, setRemoving] = useState<string>();
  const remove = async (host: string) => {
    setRemoving(host);
    try {
      await props.onRemove(host);
    } finally {
      setRemoving(undefined);
    }
  };
  return (
    <section className="vd-card" aria-labelledby="vd-hosts-title" data-testid="vd-hosts">
      <div className="vd-card-head">
        <div>
          <h3 id="vd-hosts-title" className="section-title">
            {org.name}’s login hosts
          </h3>
          <p className="muted small">
            An app signs in on any of them by swapping the host of its issuer: the path <code>{org.issuerPath}</code>{' '}
            stays. Tokens then carry that host’s issuer, and only {org.name}’s members can sign in there.
          </p>
        </div>
      </div>
      <ul className="vd-hosts">
        {org.hosts.map((host) => (
          <HostRow
            key={host.host}
            host={host}
            removing={removing === host.host}
            onRemove={() => void remove(host.host)}
          />
        ))}
      </ul>
      <AddHostForm key={org.orgId} orgSlug={org.slug} onAdd={props.onAdd} />
    </section>
  );
}
