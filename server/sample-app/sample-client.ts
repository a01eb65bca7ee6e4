/**
 * The built-in sample app's client in the default workspace, and the redirect URIs of
 * every client Orgbench made itself, kept pointing at this launch's protocol listener.
 */
import { DEFAULT_TENANT, DEFAULT_WORKSPACE } from '../model/workspace';
import type { Services } from '../services';

export const SAMPLE_CLIENT_ID = 'orgbench-sample';

export const sampleUrls = (protocolUrl: string) => ({
  home: `${protocolUrl}/sample`,
  callback: `${protocolUrl}/sample/callback`,
});

export async function ensureSampleApp(services: Services, protocolUrl: string): Promise<void> {
  const urls = sampleUrls(protocolUrl);
  if (!services.appRepo.find(SAMPLE_CLIENT_ID)) {
    await services.apps.create(
      {
        name: 'Orgbench sample app',
        kind: 'web',
        clientId: SAMPLE_CLIENT_ID,
        tenantId: DEFAULT_TENANT,
        workspaceId: DEFAULT_WORKSPACE,
        redirectUris: [urls.callback],
        postLogoutRedirectUris: [urls.home],
      },
      'system',
    );
  }
  const now = services.clock.now().toISOString();
  for (const app of services.appRepo.list()) {
    if (app.source !== 'system' || app.kind === 'm2m') continue;
    if (app.redirectUris.length === 1 && app.redirectUris[0] === urls.callback) continue;
    services.appRepo.upsert({
      ...app,
      redirectUris: [urls.callback],
      postLogoutRedirectUris: [urls.home],
      updatedAt: now,
    });
  }
}
