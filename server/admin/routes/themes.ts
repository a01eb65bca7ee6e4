/**
 * Admin API: themes of workspaces and organizations, their uploaded assets, and previews.
 *
 *   GET|PUT|DELETE /api/themes/workspaces/{tenant}/{workspace}   the workspace theme
 *   GET|PUT|DELETE /api/themes/orgs/{org}?workspace=t/w           an org theme (resolved on that workspace)
 *   GET            /api/themes/resolved?org=…&workspace=t/w       what a page wears, with each value's source
 *   GET|POST       /api/themes/assets                            logos and fonts (upload: base64 in JSON)
 *   DELETE         /api/themes/assets/{id}
 *   POST           /api/themes/previews                          a draft → a short-lived preview URL
 */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { ValidationError } from '../../errors';
import type { ThemeScope } from '../../model/theme';
import { DEFAULT_TENANT, DEFAULT_WORKSPACE } from '../../model/workspace';
import type { Services } from '../../services';
import { readJson } from '../read-json';

function workspaceOf(ctx: Context): { tenantId: string; workspaceId: string } {
  const value =
    typeof ctx.query.workspace === 'string' ? ctx.query.workspace : `${DEFAULT_TENANT}/${DEFAULT_WORKSPACE}`;
  const [tenantId, workspaceId, ...rest] = value.split('/');
  if (!tenantId || !workspaceId || rest.length > 0) {
    throw new ValidationError([{ path: 'workspace', message: 'must be tenant/workspace, e.g. default/default' }]);
  }
  return { tenantId, workspaceId };
}

export function registerThemeRoutes(router: Router, services: Services, protocolUrl: string): void {
  const { themes } = services;
  const wsScope = (ctx: Context): ThemeScope => ({
    kind: 'workspace',
    tenantId: ctx.params.tenant ?? '',
    workspaceId: ctx.params.workspace ?? '',
  });
  const orgScope = (ctx: Context): ThemeScope => ({ kind: 'org', orgId: ctx.params.org ?? '' });

  router.get('/api/themes/workspaces/:tenant/:workspace', (ctx) => {
    ctx.body = themes.get(wsScope(ctx));
  });
  router.put('/api/themes/workspaces/:tenant/:workspace', async (ctx) => {
    ctx.body = themes.put(wsScope(ctx), await readJson(ctx));
  });
  router.delete('/api/themes/workspaces/:tenant/:workspace', (ctx) => {
    themes.delete(wsScope(ctx));
    ctx.status = 204;
  });

  router.get('/api/themes/orgs/:org', (ctx) => {
    ctx.body = themes.get(orgScope(ctx), workspaceOf(ctx));
  });
  router.put('/api/themes/orgs/:org', async (ctx) => {
    ctx.body = themes.put(orgScope(ctx), await readJson(ctx), workspaceOf(ctx));
  });
  router.delete('/api/themes/orgs/:org', (ctx) => {
    themes.delete(orgScope(ctx));
    ctx.status = 204;
  });

  router.get('/api/themes/resolved', (ctx) => {
    const workspace = workspaceOf(ctx);
    services.tenants.getWorkspace(workspace.tenantId, workspace.workspaceId);
    const org = typeof ctx.query.org === 'string' && ctx.query.org ? services.orgs.get(ctx.query.org) : undefined;
    ctx.body = themes.resolve(workspace, org?.id ?? null);
  });

  router.get('/api/themes/assets', (ctx) => {
    ctx.body = { assets: themes.listAssets() };
  });
  router.post('/api/themes/assets', async (ctx) => {
    const asset = themes.uploadAsset(await readJson(ctx));
    ctx.status = 201;
    ctx.set('Location', `/api/themes/assets/${asset.id}`);
    ctx.body = asset;
  });
  router.delete('/api/themes/assets/:id', (ctx) => {
    themes.deleteAsset(ctx.params.id ?? '');
    ctx.status = 204;
  });

  router.post('/api/themes/previews', async (ctx) => {
    ctx.status = 201;
    ctx.body = themes.createPreview(await readJson(ctx), protocolUrl);
  });
}
