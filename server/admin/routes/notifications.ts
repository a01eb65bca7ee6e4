/**
 * Admin API: notification templates and locale choices per scope (`workspace` or an org
 * id/slug), server-rendered previews, the outbox (list, latest to a recipient, one message,
 * clear, send) and the SMTP relay (the password is write-only).
 */
import type Router from '@koa/router';
import { z } from 'zod';
import {
  CHANNEL_LABELS,
  KIND_LABELS,
  LOCALE_LABELS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_LOCALES,
  notificationChannelSchema,
  notificationKindSchema,
} from '../../model/notification';
import { parseInput } from '../../model/validation';
import { CHANNELS_BY_KIND, variablesFor } from '../../notifications/catalog';
import { OutboxService } from '../../notifications/outbox-service';
import type { Services } from '../../services';
import { readJson } from '../read-json';

const previewSchema = z.strictObject({
  kind: z.string(),
  channel: z.string(),
  locale: z.string(),
  content: z.unknown().optional(),
  variables: z.record(z.string().max(100), z.string().max(4000)).optional(),
});

const sendSchema = z.strictObject({
  org: z.string().trim().min(1).nullable().default(null),
  kind: notificationKindSchema,
  channel: notificationChannelSchema,
  to: z.string(),
  locale: z.string().optional(),
  variables: z.record(z.string().max(100), z.string().max(4000)).default({}),
});

const clearSchema = z.strictObject({ org: z.string().trim().min(1).optional() });

export function registerNotificationRoutes(router: Router, { notifications, orgs }: Services): void {
  const { templates, outbox } = notifications;
  const slotOf = (params: Record<string, string | undefined>) =>
    templates.slot(params.kind, params.channel, params.locale);
  const scopeOf = (params: Record<string, string | undefined>) => templates.scopeId(params.scope ?? '');
  const orgIdOf = (org: string | undefined) => (org ? orgs.get(org).id : undefined);

  router.get('/api/notifications/catalog', (ctx) => {
    ctx.body = {
      kinds: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        label: KIND_LABELS[kind],
        channels: CHANNELS_BY_KIND[kind],
        variables: variablesFor(kind),
      })),
      channels: NOTIFICATION_CHANNELS.map((channel) => ({ channel, label: CHANNEL_LABELS[channel] })),
      locales: NOTIFICATION_LOCALES.map((locale) => ({ locale, label: LOCALE_LABELS[locale] })),
    };
  });

  router.get('/api/notifications/scopes/:scope/locales', (ctx) => {
    ctx.body = templates.locales(scopeOf(ctx.params));
  });

  router.put('/api/notifications/scopes/:scope/locales', async (ctx) => {
    const scope = scopeOf(ctx.params);
    ctx.body = templates.setLocales(scope, await readJson(ctx));
  });

  router.delete('/api/notifications/scopes/:scope/locales', (ctx) => {
    const scope = scopeOf(ctx.params);
    ctx.body = scope === null ? templates.locales(null) : templates.resetLocales(scope);
  });

  router.get('/api/notifications/scopes/:scope/templates', (ctx) => {
    ctx.body = { overrides: templates.overrides(scopeOf(ctx.params)) };
  });

  router.get('/api/notifications/scopes/:scope/templates/:kind/:channel/:locale', (ctx) => {
    ctx.body = templates.get(scopeOf(ctx.params), slotOf(ctx.params));
  });

  router.put('/api/notifications/scopes/:scope/templates/:kind/:channel/:locale', async (ctx) => {
    const scope = scopeOf(ctx.params);
    const slot = slotOf(ctx.params);
    ctx.body = templates.save(scope, slot, await readJson(ctx));
  });

  router.delete('/api/notifications/scopes/:scope/templates/:kind/:channel/:locale', (ctx) => {
    ctx.body = templates.reset(scopeOf(ctx.params), slotOf(ctx.params));
  });

  router.post('/api/notifications/scopes/:scope/preview', async (ctx) => {
    const scope = scopeOf(ctx.params);
    const body = parseInput(previewSchema, await readJson(ctx));
    ctx.body = notifications.preview({
      orgId: scope,
      slot: templates.slot(body.kind, body.channel, body.locale),
      ...(body.content !== undefined ? { content: body.content } : {}),
      ...(body.variables ? { variables: body.variables } : {}),
    });
  });

  router.get('/api/outbox', (ctx) => {
    const { org, cursor, ...query } = OutboxService.parseQuery(ctx.query);
    const orgId = orgIdOf(org);
    ctx.body = outbox.list({ ...query, ...(orgId ? { orgId } : {}), ...(cursor ? { cursor } : {}) });
  });

  router.get('/api/outbox/latest', (ctx) => {
    const { org, kind, channel, to } = OutboxService.parseQuery(ctx.query);
    const orgId = orgIdOf(org);
    ctx.body = outbox.latest({
      ...(orgId ? { orgId } : {}),
      ...(kind ? { kind } : {}),
      ...(channel ? { channel } : {}),
      ...(to ? { to } : {}),
    });
  });

  router.get('/api/outbox/:id', (ctx) => {
    ctx.body = outbox.get(ctx.params.id ?? '');
  });

  router.delete('/api/outbox', (ctx) => {
    const orgId = orgIdOf(parseInput(clearSchema, ctx.query).org);
    ctx.body = { deleted: outbox.clear(orgId ? { orgId } : {}) };
  });

  router.post('/api/outbox', async (ctx) => {
    const { org, ...input } = parseInput(sendSchema, await readJson(ctx));
    const message = notifications.send({ ...input, orgId: org === null ? null : orgs.get(org).id });
    ctx.status = 201;
    ctx.set('Location', `/api/outbox/${message.id}`);
    ctx.body = message;
  });

  router.get('/api/notifications/smtp', (ctx) => {
    ctx.body = notifications.smtp.view();
  });

  router.put('/api/notifications/smtp', async (ctx) => {
    ctx.body = notifications.smtp.update(await readJson(ctx));
  });

  router.post('/api/notifications/smtp/test', async (ctx) => {
    const body = (await readJson(ctx)) as { to?: unknown };
    await notifications.sendTestEmail(typeof body.to === 'string' ? body.to : '');
    ctx.body = { sent: true };
  });
}
