/** Admin API: an organization's three isolation models, side by side. */
import type { IsolationView } from '../../../server/model/isolation';

export type { IsolationView };
import type { ApiClient } from './client';

export async function getIsolation(client: ApiClient, orgId: string): Promise<IsolationView[]> {
  const body = await client.request<{ models: IsolationView[] }>(
    'Loading the isolation models',
    'GET',
    `/api/orgs/${encodeURIComponent(orgId)}/isolation`,
  );
  return body.models;
}
