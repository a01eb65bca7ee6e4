/**
 * The Isolation tab: the organization's three isolation models side by side (issuer,
 * application, discovery, keys, example token), with the active one highlighted.
 * Choosing another model saves it; the server provisions what it needs.
 */
import { useCallback, useMemo, useState } from 'react';
import type { IsolationModel, Organization } from '../../../../server/model/organization';
import { getIsolation } from '../../api/isolation-api';
import { useAppStore } from '../../store/app-store';
import { differingClaims } from './claims';
import { IsolationCard } from './IsolationCard';
import { useApiClient, useResource } from './use-api';

export function IsolationTab({ org }: { org: Organization }) {
  const client = useApiClient();
  const loadOrgs = useAppStore((s) => s.loadOrgs);
  const notify = useAppStore((s) => s.notify);
  const load = useCallback(() => getIsolation(client, org.id), [client, org.id]);
  // Reloads whenever the org's model changes, here or anywhere else.
  const { data: models, error } = useResource(load, org.isolation);
  const [switching, setSwitching] = useState<IsolationModel>();
  const differing = useMemo(() => differingClaims((models ?? []).map((view) => view.exampleClaims)), [models]);

  const use = async (model: IsolationModel, label: string) => {
    setSwitching(model);
    try {
      await client.updateOrganization(org.id, { isolation: model });
      await loadOrgs();
      notify('success', `“${org.name}” now uses: ${label}.`);
    } catch (failure) {
      notify('error', (failure as Error).message);
    } finally {
      setSwitching(undefined);
    }
  };

  return (
    <div className="isolation-tab" data-testid="isolation-tab">
      <div className="tab-toolbar">
        <div>
          <h3 className="section-title">Isolation model</h3>
          <p className="muted small">
            How {org.name}’s users sign in, and what their tokens carry, under each model. Switching keeps the others in
            place, so you can switch back.
          </p>
        </div>
      </div>

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      {models ? (
        <>
          <div className="iso-grid" data-testid="isolation-grid">
            {models.map((view) => (
              <IsolationCard
                key={view.model}
                org={org}
                view={view}
                differing={differing}
                switching={switching === view.model}
                busy={switching !== undefined}
                onUse={() => void use(view.model, view.label)}
              />
            ))}
          </div>
          <p className="iso-legend muted small" aria-hidden="true">
            <span className="legend-swatch org" /> Organization claims
            <span className="legend-swatch differs" /> Differs between models
          </p>
        </>
      ) : (
        !error && <div className="iso-grid skeleton-grid" aria-busy="true" />
      )}
    </div>
  );
}
