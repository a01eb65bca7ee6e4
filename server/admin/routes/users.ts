/** Admin API: identity-pool users (passwords are write-only) and their memberships. */
import type Router from '@koa/router';
import type { Services } from '../../services';
import { readJson } from '../read-json';

export function registerUserRoutes(router: Router, { users, orgs }: Services): void {
  router.get('/api/users', (ctx) => {
    ctx.body = { users: users.list() };
  });

  router.post('/api/users', async (ctx) => {
    const created = await users.create(await readJson(ctx));
    ctx.status = 201;
    ctx.set('Location', `/api/users/${created.id}`);
    ctx.body = created;
  });

  router.get('/api/users/:id', (ctx) => {
    const user = users.get(ctx.params.id ?? '');
    const memberships = users.membershipsOf(user.id).map((membership) => ({
      ...membership,
      org: {
        id: membership.orgId,
        name: orgs.find(membership.orgId)?.name ?? '',
        slug: orgs.find(membership.orgId)?.slug ?? '',
      },
    }));
    ctx.body = { ...user, memberships };
  });

  router.patch('/api/users/:id', async (ctx) => {
    ctx.body = await users.update(users.get(ctx.params.id ?? '').id, await readJson(ctx));
  });

  router.delete('/api/users/:id', (ctx) => {
    users.delete(users.get(ctx.params.id ?? '').id);
    ctx.status = 204;
  });
}
