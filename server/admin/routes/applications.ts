/**
 * Admin API: applications. A client secret is returned when the app is created or its
 * secret rotated, and otherwise only by the explicit `GET …/secret`.
 */
import type Router from '@koa/router';
import type { Services } from '../../services';
import { readJson } from '../read-json';

export function registerApplicationRoutes(router: Router, { apps }: Services): void {
  router.get('/api/apps', (ctx) => {
    ctx.body = { applications: apps.list() };
  });

  router.post('/api/apps', async (ctx) => {
    const created = await apps.create(await readJson(ctx));
    ctx.status = 201;
    ctx.set('Location', `/api/apps/${created.clientId}`);
    ctx.body = created;
  });

  router.get('/api/apps/:clientId', (ctx) => {
    ctx.body = apps.get(ctx.params.clientId ?? '');
  });

  router.patch('/api/apps/:clientId', async (ctx) => {
    ctx.body = await apps.update(ctx.params.clientId ?? '', await readJson(ctx));
  });

  router.delete('/api/apps/:clientId', (ctx) => {
    apps.delete(ctx.params.clientId ?? '');
    ctx.status = 204;
  });

  router.get('/api/apps/:clientId/secret', (ctx) => {
    ctx.body = { clientSecret: apps.revealSecret(ctx.params.clientId ?? '') };
  });

  router.post('/api/apps/:clientId/secret', (ctx) => {
    ctx.body = apps.rotateSecret(ctx.params.clientId ?? '');
  });
}
