/** Admin API: workspace and org themes, their assets (logos, fonts) and live previews. */
import type {
  CreatePreviewInput,
  ThemeAsset,
  ThemeOverrides,
  ThemePreview,
  ThemeResponse,
  ThemeScope,
  UploadAssetInput,
} from '../../../server/model/theme';
import type { ApiClient } from './client';

export type { ThemeAsset, ThemeOverrides, ThemePreview, ThemeResponse, ThemeScope };

/** The API path of a scope's theme. */
export function themePath(scope: ThemeScope): string {
  return scope.kind === 'org'
    ? `/api/themes/orgs/${encodeURIComponent(scope.orgId)}`
    : `/api/themes/workspaces/${encodeURIComponent(scope.tenantId)}/${encodeURIComponent(scope.workspaceId)}`;
}

export function getTheme(client: ApiClient, scope: ThemeScope): Promise<ThemeResponse> {
  return client.request('Loading the theme', 'GET', themePath(scope));
}

/** Replaces the scope's overrides; the answer carries contrast warnings. */
export function saveTheme(client: ApiClient, scope: ThemeScope, overrides: ThemeOverrides): Promise<ThemeResponse> {
  return client.request('Saving the theme', 'PUT', themePath(scope), overrides);
}

export async function deleteTheme(client: ApiClient, scope: ThemeScope): Promise<void> {
  await client.request('Removing the theme', 'DELETE', themePath(scope));
}

export async function listAssets(client: ApiClient): Promise<ThemeAsset[]> {
  return (await client.request<{ assets: ThemeAsset[] }>('Loading logos and fonts', 'GET', '/api/themes/assets'))
    .assets;
}

export function uploadAsset(client: ApiClient, input: UploadAssetInput): Promise<ThemeAsset> {
  return client.request(`Uploading ${input.name}`, 'POST', '/api/themes/assets', input);
}

export async function deleteAsset(client: ApiClient, id: string): Promise<void> {
  await client.request('Deleting the file', 'DELETE', `/api/themes/assets/${encodeURIComponent(id)}`);
}

export function createPreview(client: ApiClient, input: CreatePreviewInput): Promise<ThemePreview> {
  return client.request('Rendering the preview', 'POST', '/api/themes/previews', input);
}

/** A file's bytes as base64 (uploads travel as JSON). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}
