/**
 * oidc-provider's `Client` storage, backed by the applications table: clients made in
 * the UI, from config files or by Dynamic Client Registration all live there, so the
 * admin API and the provider see the same set.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { kindFromMetadata, toClientMetadata } from '../applications/client-metadata';
import type { ProviderDeps } from './provider-deps';

export function clientAdapterFor(deps: ProviderDeps, tenantId: string, workspaceId: string) {
  return class ClientAdapter implements Adapter {
    async find(id: string): Promise<AdapterPayload | undefined> {
      const app = deps.appRepo.findIn(tenantId, workspaceId, id);
      if (!app) return undefined;
      if (app.source === 'registration') {
        return {
          ...app.metadata,
          client_id: app.clientId,
          ...(app.clientSecret ? { client_secret: app.clientSecret } : {}),
        };
      }
      return toClientMetadata(app) as AdapterPayload;
    }

    async upsert(id: string, payload: AdapterPayload): Promise<void> {
      const metadata = { ...(payload as Record<string, unknown>) };
      const secret = typeof metadata.client_secret === 'string' ? metadata.client_secret : null;
      delete metadata.client_secret;
      const now = deps.clock.now().toISOString();
      const existing = deps.appRepo.find(id);
      const owner = typeof metadata.organization_id === 'string' ? metadata.organization_id : null;
      deps.appRepo.upsert({
        clientId: id,
        tenantId,
        workspaceId,
        name: typeof metadata.client_name === 'string' ? metadata.client_name : id,
        kind: kindFromMetadata(metadata),
        ownerOrgId: owner,
        requireOrganization: metadata.require_organization === true,
        clientSecret: secret,
        redirectUris: Array.isArray(metadata.redirect_uris) ? (metadata.redirect_uris as string[]) : [],
        postLogoutRedirectUris: Array.isArray(metadata.post_logout_redirect_uris)
          ? (metadata.post_logout_redirect_uris as string[])
          : [],
        source: 'registration',
        metadata,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      });
    }

    async destroy(id: string): Promise<void> {
      if (deps.appRepo.findIn(tenantId, workspaceId, id)) deps.appRepo.delete(id);
    }

    async consume(): Promise<void> {}
    async findByUid(): Promise<undefined> {
      return undefined;
    }
    async findByUserCode(): Promise<undefined> {
      return undefined;
    }
    async revokeByGrantId(): Promise<void> {}
  };
}
