/** Admin API: organizations (the tree, create, rename/move, delete with a children policy). */
import type Router from '@koa/router';
import type { Services } from '../../services';
import { readJson } from '../read-json';

export function registerOrganizationRoutes(router: Router, services: Services): void {
  const { orgs, isolation } = services;
  router.get('/api/orgs', (ctx) => {
    ctx.body = { organizations: orgs.list() };
  });

  router.post('/api/orgs', async (ctx) => {
    const created = orgs.create(await readJson(ctx));
    await isolation.provision(created);
    ctx.status = 201;
    ctx.set('Location', `/api/orgs/${created.id}`);
    ctx.body = created;
  });

  router.get('/api/orgs/:id', (ctx) => {
    ctx.body = orgs.get(ctx.params.id ?? '');
  });

  router.patch('/api/orgs/:id', async (ctx) => {
    const current = orgs.get(ctx.params.id ?? '');
    const updated = orgs.update(current.id, await readJson(ctx));
    if (updated.isolation !== current.isolation) await isolation.provision(updated);
    ctx.body = updated;
  });

  router.delete('/api/orgs/:id', (ctx) => {
    const current = orgs.get(ctx.params.id ?? '');
    const children = typeof ctx.query.children === 'string' ? ctx.query.children : 'refuse';
    ctx.body = orgs.delete(current.id, children);
  });

  router.get('/api/orgs/:id/isolation', (ctx) => {
    ctx.body = { models: isolation.compare(ctx.params.id ?? '') };
  });

  router.get('/api/orgs/:id/members', (ctx) => {
    ctx.body = { members: services.users.members(orgs.get(ctx.params.id ?? '').id) };
  });

  router.post('/api/orgs/:id/members', async (ctx) => {
    const org = orgs.get(ctx.params.id ?? '');
    ctx.status = 201;
    ctx.body = services.users.addMember(org.id, await readJson(ctx));
  });

  router.patch('/api/orgs/:id/members/:userId', async (ctx) => {
    const org = orgs.get(ctx.params.id ?? '');
    ctx.body = services.users.updateMember(org.id, ctx.params.userId ?? '', await readJson(ctx));
  });

  router.delete('/api/orgs/:id/members/:userId', (ctx) => {
    const org = orgs.get(ctx.params.id ?? '');
    services.users.removeMember(org.id, ctx.params.userId ?? '');
    ctx.status = 204;
  });
}
