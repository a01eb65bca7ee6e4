/**
 * Admin API: account flows that send notifications — an org's MFA setting, invitations to
 * an org (create, list, resend, revoke) and verification emails to users. Links exist only
 * in the sent messages (see the outbox), never in these answers.
 */
import type Router from '@koa/router';
import type { Services } from '../../services';
import { readJson } from '../read-json';

export function registerAccountRoutes(router: Router, { accounts, users }: Services): void {
  router.get('/api/orgs/:id/security', (ctx) => {
    ctx.body = accounts.settings.get(ctx.params.id ?? '');
  });

  router.patch('/api/orgs/:id/security', async (ctx) => {
    ctx.body = accounts.settings.update(ctx.params.id ?? '', await readJson(ctx));
  });

  // `/api/organizations/…` is accepted as a synonym of `/api/orgs/…` for invitations.
  const invitations = ['/api/orgs/:id/invitations', '/api/organizations/:id/invitations'];

  router.get(invitations, (ctx) => {
    ctx.body = { invitations: accounts.invitations.list(ctx.params.id ?? '') };
  });

  router.post(invitations, async (ctx) => {
    const created = accounts.invitations.create(ctx.params.id ?? '', await readJson(ctx));
    ctx.status = 201;
    ctx.set('Location', `/api/orgs/${created.orgId}/invitations/${created.id}`);
    ctx.body = created;
  });

  router.post(
    invitations.map((path) => `${path}/:invitationId/resend`),
    (ctx) => {
      ctx.body = accounts.invitations.resend(ctx.params.id ?? '', ctx.params.invitationId ?? '');
    },
  );

  router.delete(
    invitations.map((path) => `${path}/:invitationId`),
    (ctx) => {
      ctx.body = accounts.invitations.revoke(ctx.params.id ?? '', ctx.params.invitationId ?? '');
    },
  );

  router.post('/api/users/:id/verification-email', async (ctx) => {
    const user = users.get(ctx.params.id ?? '');
    ctx.status = 202;
    ctx.body = accounts.verification.send(user.id, await readJson(ctx));
  });
}
