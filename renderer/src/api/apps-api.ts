/**
 * Admin API calls for applications, workspaces, their APIs and signing keys. Each
 * function takes the one `ApiClient`, so the bearer token and error mapping stay there.
 */
import type {
  Application,
  ApplicationWithSecret,
  CreateApplicationInput,
  UpdateApplicationInput,
} from '../../../server/model/application';
import type { Tenant, Workspace, WorkspaceSettings } from '../../../server/model/workspace';
import type { ApiClient } from './client';

/** A resource server (RFC 8707 resource indicator) whose access tokens are JWTs. */
export interface ApiResource {
  identifier: string;
  name: string;
  scopes: string[];
}

export interface ApiResourceInput {
  identifier: string;
  name: string;
  scopes: string[];
}

/** A tenant signing key without its private parts. */
export interface SigningKey {
  kid: string;
  alg: string;
  status: 'active' | 'retiring' | 'retired';
  createdAt: string;
}

export interface TenantsAndWorkspaces {
  tenants: Tenant[];
  workspaces: Workspace[];
}

export interface WorkspaceDetail extends Workspace {
  apis: ApiResource[];
  keys: SigningKey[];
}

const appPath = (clientId: string) => `/api/apps/${encodeURIComponent(clientId)}`;
const workspacePath = (tenantId: string, workspaceId: string) =>
  `/api/workspaces/${encodeURIComponent(tenantId)}/${encodeURIComponent(workspaceId)}`;

export async function listApplications(client: ApiClient): Promise<Application[]> {
  const body = await client.request<{ applications: Application[] }>('Loading applications', 'GET', '/api/apps');
  return body.applications;
}

export function getApplication(client: ApiClient, clientId: string): Promise<Application> {
  return client.request('Loading the application', 'GET', appPath(clientId));
}

/** Creates an app; the answer carries its secret, the only time it is sent unasked. */
export function createApplication(client: ApiClient, input: CreateApplicationInput): Promise<ApplicationWithSecret> {
  return client.request('Creating the application', 'POST', '/api/apps', input);
}

export function updateApplication(
  client: ApiClient,
  clientId: string,
  patch: UpdateApplicationInput,
): Promise<Application> {
  return client.request('Saving the application', 'PATCH', appPath(clientId), patch);
}

export async function deleteApplication(client: ApiClient, clientId: string): Promise<void> {
  await client.request<unknown>('Deleting the application', 'DELETE', appPath(clientId));
}

export async function revealClientSecret(client: ApiClient, clientId: string): Promise<string | null> {
  const body = await client.request<{ clientSecret: string | null }>(
    'Revealing the secret',
    'GET',
    `${appPath(clientId)}/secret`,
  );
  return body.clientSecret;
}

/** Issues a new secret; the old one stops working at once. */
export function rotateClientSecret(client: ApiClient, clientId: string): Promise<ApplicationWithSecret> {
  return client.request('Rotating the secret', 'POST', `${appPath(clientId)}/secret`);
}

export function listTenantsAndWorkspaces(client: ApiClient): Promise<TenantsAndWorkspaces> {
  return client.request('Loading workspaces', 'GET', '/api/tenants');
}

/** A new workspace (its own issuer) in a tenant, from a preset. */
export function createWorkspace(
  client: ApiClient,
  tenantId: string,
  input: { id: string; name: string; preset: 'b2b' | 'basic' },
): Promise<Workspace> {
  return client.request(
    'Creating the workspace',
    'POST',
    `/api/tenants/${encodeURIComponent(tenantId)}/workspaces`,
    input,
  );
}

export function getWorkspaceDetail(client: ApiClient, tenantId: string, workspaceId: string): Promise<WorkspaceDetail> {
  return client.request('Loading the workspace', 'GET', workspacePath(tenantId, workspaceId));
}

/** Replaces the workspace's settings as a whole (the server wants the full object). */
export function updateWorkspaceSettings(
  client: ApiClient,
  tenantId: string,
  workspaceId: string,
  settings: WorkspaceSettings,
): Promise<Workspace> {
  return client.request('Saving the workspace settings', 'PATCH', workspacePath(tenantId, workspaceId), { settings });
}

/** Adds an API, or replaces the one with the same identifier. */
export async function putApiResource(
  client: ApiClient,
  tenantId: string,
  workspaceId: string,
  api: ApiResourceInput,
): Promise<ApiResource[]> {
  const body = await client.request<{ apis: ApiResource[] }>(
    'Saving the API',
    'PUT',
    `${workspacePath(tenantId, workspaceId)}/apis`,
    api,
  );
  return body.apis;
}

export async function deleteApiResource(
  client: ApiClient,
  tenantId: string,
  workspaceId: string,
  identifier: string,
): Promise<ApiResource[]> {
  const query = new URLSearchParams({ identifier }).toString();
  const body = await client.request<{ apis: ApiResource[] }>(
    'Deleting the API',
    'DELETE',
    `${workspacePath(tenantId, workspaceId)}/apis?${query}`,
  );
  return body.apis;
}

/** New keys sign at once; the replaced ones stay published as "retiring". */
export async function rotateTenantKeys(client: ApiClient, tenantId: string): Promise<SigningKey[]> {
  const body = await client.request<{ keys: SigningKey[] }>(
    'Rotating the signing keys',
    'POST',
    `/api/tenants/${encodeURIComponent(tenantId)}/keys/rotate`,
  );
  return body.keys;
}
