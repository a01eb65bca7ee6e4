/** Admin API: organizations (the tree, create, rename/move, delete with a children policy). */
import type Router from '@koa/router';
import type { OrganizationService } from '../../organizations/organization-service';
import { readJson } from '../read-json';

export function registerOrganizationRoutes(router: Router, orgs: OrganizationService): void {
  router.get('/api/orgs', (ctx) => {
    ctx.body = { organizations: orgs.list() };
  });

  router.post('/api/orgs', async (ctx) => {
    const created = orgs.create(await readJson(ctx));
    ctx.status = 201;
    ctx.set('Location', `/api/orgs/${created.id}`);
    ctx.body = created;
  });

  router.get('/api/orgs/:id', (ctx) => {
    ctx.body = orgs.get(ctx.params.id ?? '');
  });

  router.patch('/api/orgs/:id', async (ctx) => {
    const current = orgs.get(ctx.params.id ?? '');
    ctx.body = orgs.update(current.id, await readJson(ctx));
  });

  router.delete('/api/orgs/:id', (ctx) => {
    const current = orgs.get(ctx.params.id ?? '');
    const children = typeof ctx.query.children === 'string' ? ctx.query.children : 'refuse';
    ctx.body = orgs.delete(current.id, children);
  });
}
