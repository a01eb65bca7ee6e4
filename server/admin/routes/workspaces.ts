/** Admin API: tenants, workspaces (issuer settings), APIs and signing keys. */
import type Router from '@koa/router';
import { z } from 'zod';
import { NotFoundError } from '../../errors';
import { parseInput } from '../../model/validation';
import { listTenantKeys, rotateTenantKeys } from '../../oidc/signing-keys';
import type { IssuerRegistry } from '../../oidc/issuer-registry';
import type { Services } from '../../services';
import { readJson } from '../read-json';

const apiSchema = z.strictObject({
  identifier: z.string().trim().min(1, 'must not be empty').max(300),
  name: z.string().trim().min(1, 'must not be empty').max(100),
  scopes: z.array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'must be a scope token')).max(100),
});

export function registerWorkspaceRoutes(router: Router, services: Services, issuers: IssuerRegistry): void {
  const { tenants, appRepo, keys, clock } = services;
  const workspaceOf = (params: Record<string, string | undefined>) =>
    tenants.getWorkspace(params.tenant ?? '', params.workspace ?? '');

  router.get('/api/tenants', (ctx) => {
    ctx.body = { tenants: tenants.listTenants(), workspaces: tenants.listWorkspaces() };
  });

  router.post('/api/tenants/:tenant/workspaces', async (ctx) => {
    const created = tenants.createWorkspace(ctx.params.tenant ?? '', await readJson(ctx));
    ctx.status = 201;
    ctx.set('Location', `/api/workspaces/${created.tenantId}/${created.id}`);
    ctx.body = created;
  });

  router.get('/api/workspaces/:tenant/:workspace', (ctx) => {
    const workspace = workspaceOf(ctx.params);
    ctx.body = {
      ...workspace,
      apis: appRepo.resources(workspace.tenantId, workspace.id),
      keys: listTenantKeys(keys, workspace.tenantId),
    };
  });

  router.patch('/api/workspaces/:tenant/:workspace', async (ctx) => {
    const workspace = workspaceOf(ctx.params);
    ctx.body = tenants.updateWorkspace(workspace.tenantId, workspace.id, await readJson(ctx));
  });

  router.put('/api/workspaces/:tenant/:workspace/apis', async (ctx) => {
    const workspace = workspaceOf(ctx.params);
    const api = parseInput(apiSchema, await readJson(ctx));
    appRepo.upsertResource(
      { tenantId: workspace.tenantId, workspaceId: workspace.id, ...api },
      clock.now().toISOString(),
    );
    issuers.evict({ tenant: workspace.tenantId, workspace: workspace.id });
    ctx.body = { apis: appRepo.resources(workspace.tenantId, workspace.id) };
  });

  router.delete('/api/workspaces/:tenant/:workspace/apis', (ctx) => {
    const workspace = workspaceOf(ctx.params);
    const identifier = typeof ctx.query.identifier === 'string' ? ctx.query.identifier : '';
    appRepo.deleteResource(workspace.tenantId, workspace.id, identifier);
    issuers.evict({ tenant: workspace.tenantId, workspace: workspace.id });
    ctx.body = { apis: appRepo.resources(workspace.tenantId, workspace.id) };
  });

  router.post('/api/tenants/:tenant/keys/rotate', async (ctx) => {
    const tenant = ctx.params.tenant ?? '';
    if (!tenants.listTenants().some((candidate) => candidate.id === tenant)) {
      throw new NotFoundError('tenant_not_found', `No tenant "${tenant}".`);
    }
    const result = await rotateTenantKeys(keys, tenant, clock);
    for (const workspace of tenants.listWorkspaces().filter((w) => w.tenantId === tenant)) {
      issuers.evict({ tenant, workspace: workspace.id });
    }
    ctx.body = { keys: result };
  });
}
