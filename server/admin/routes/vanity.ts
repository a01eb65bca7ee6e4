/** Admin API: vanity login hosts per org, what to paste so browsers reach them, and the URL doctor. */
import type Router from '@koa/router';
import type { Services } from '../../services';
import { diagnoseOrg, type HostLookup } from '../../vanity/url-doctor';
import { readJson } from '../read-json';

export function registerVanityRoutes(router: Router, services: Services, lookup?: HostLookup): void {
  const { vanity } = services;

  router.get('/api/vanity-hosts', (ctx) => {
    ctx.body = { organizations: vanity.list(), setup: vanity.setup() };
  });

  router.get('/api/orgs/:id/vanity-hosts', (ctx) => {
    ctx.body = vanity.ofOrg(ctx.params.id ?? '');
  });

  router.post('/api/orgs/:id/vanity-hosts', async (ctx) => {
    const updated = vanity.add(ctx.params.id ?? '', await readJson(ctx));
    ctx.status = 201;
    ctx.body = updated;
  });

  router.delete('/api/orgs/:id/vanity-hosts/:host', (ctx) => {
    ctx.body = vanity.remove(ctx.params.id ?? '', ctx.params.host ?? '');
  });

  router.get('/api/orgs/:id/url-doctor', async (ctx) => {
    const issuer = typeof ctx.query.issuer === 'string' && ctx.query.issuer ? ctx.query.issuer : undefined;
    ctx.body = await diagnoseOrg(services, ctx.params.id ?? '', { issuer, ...(lookup ? { lookup } : {}) });
  });
}
