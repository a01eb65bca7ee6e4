/** Admin API: mock IdPs (personas, faults), org connections, and login traces. */
import type Router from '@koa/router';
import { z } from 'zod';
import { FAULTS, VENDOR_LABELS } from '../../model/federation';
import { NotFoundError } from '../../errors';
import { parseInput } from '../../model/validation';
import type { Services } from '../../services';
import { runScriptedLogin } from '../../logins/scripted-login';
import { applyIdpMetadata, readIdpMetadata } from '../../federation/apply-idp-metadata';
import { previewMapping, type PreviewDeps } from '../../federation/preview-mapping';
import { readJson } from '../read-json';

const traceQuerySchema = z.strictObject({
  org: z.string().optional(),
  connection: z.string().optional(),
  persona: z.string().optional(),
  outcome: z.enum(['pending', 'success', 'failure']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function registerFederationRoutes(router: Router, services: Services): void {
  const { mockIdps, connections, traces, orgs } = services;

  router.get('/api/faults', (ctx) => {
    ctx.body = { faults: Object.entries(FAULTS).map(([name, fault]) => ({ name, ...fault })), vendors: VENDOR_LABELS };
  });

  router.get('/api/mock-idps', (ctx) => {
    ctx.body = { mockIdps: mockIdps.list() };
  });
  router.post('/api/mock-idps', async (ctx) => {
    const body = (await readJson(ctx)) as Record<string, unknown>;
    const { personas, ...input } = body && typeof body === 'object' ? body : {};
    ctx.status = 201;
    ctx.body = await mockIdps.create(input, Array.isArray(personas) ? personas : undefined);
  });
  router.get('/api/mock-idps/:id', (ctx) => {
    ctx.body = { ...mockIdps.get(ctx.params.id ?? ''), faults: mockIdps.faults(ctx.params.id ?? '') };
  });
  router.patch('/api/mock-idps/:id', async (ctx) => {
    ctx.body = mockIdps.update(ctx.params.id ?? '', await readJson(ctx));
  });
  router.delete('/api/mock-idps/:id', (ctx) => {
    mockIdps.delete(ctx.params.id ?? '');
    ctx.status = 204;
  });
  router.post('/api/mock-idps/:id/personas', async (ctx) => {
    ctx.status = 201;
    ctx.body = mockIdps.savePersona(ctx.params.id ?? '', await readJson(ctx));
  });
  router.post('/api/mock-idps/:id/personas/generate', async (ctx) => {
    ctx.status = 201;
    ctx.body = { personas: mockIdps.generatePersonas(ctx.params.id ?? '', await readJson(ctx)) };
  });
  router.put('/api/mock-idps/:id/personas/:personaId', async (ctx) => {
    ctx.body = mockIdps.savePersona(ctx.params.id ?? '', await readJson(ctx), ctx.params.personaId);
  });
  router.delete('/api/mock-idps/:id/personas/:personaId', (ctx) => {
    mockIdps.deletePersona(ctx.params.id ?? '', ctx.params.personaId ?? '');
    ctx.status = 204;
  });
  router.get('/api/mock-idps/:id/faults', (ctx) => {
    ctx.body = { faults: mockIdps.faults(ctx.params.id ?? '') };
  });
  router.post('/api/mock-idps/:id/faults', async (ctx) => {
    ctx.status = 201;
    ctx.body = mockIdps.addFault(ctx.params.id ?? '', await readJson(ctx));
  });
  router.delete('/api/mock-idps/:id/faults/:faultId', (ctx) => {
    mockIdps.removeFault(ctx.params.id ?? '', ctx.params.faultId ?? '');
    ctx.status = 204;
  });

  router.get('/api/connections', (ctx) => {
    ctx.body = { connections: connections.list() };
  });
  router.get('/api/orgs/:id/connections', (ctx) => {
    ctx.body = { connections: connections.ofOrg(ctx.params.id ?? '') };
  });
  router.post('/api/orgs/:id/connections', async (ctx) => {
    ctx.status = 201;
    ctx.body = await connections.create(ctx.params.id ?? '', await readJson(ctx));
  });
  router.get('/api/connections/:id', (ctx) => {
    ctx.body = connections.get(ctx.params.id ?? '');
  });
  router.patch('/api/connections/:id', async (ctx) => {
    ctx.body = connections.update(ctx.params.id ?? '', await readJson(ctx));
  });
  // What a persona (or pasted attributes) would become at sign-in; writes nothing.
  router.post('/api/connections/:id/preview', async (ctx) => {
    const connection = connections.get(ctx.params.id ?? '');
    ctx.body = previewMapping(
      previewDeps(services, connection.orgId, connection.mockIdpId),
      connection,
      await readJson(ctx),
    );
  });
  router.post('/api/connections/metadata/parse', async (ctx) => {
    ctx.body = await readIdpMetadata(await readJson(ctx));
  });
  router.post('/api/connections/:id/metadata', async (ctx) => {
    ctx.body = await applyIdpMetadata(connections, ctx.params.id ?? '', await readJson(ctx));
  });
  router.delete('/api/connections/:id', (ctx) => {
    connections.delete(ctx.params.id ?? '');
    ctx.status = 204;
  });

  // A whole login through the real endpoints, for tests and `orgbench login`.
  router.post('/api/logins', async (ctx) => {
    ctx.body = await runScriptedLogin(services, await readJson(ctx));
  });

  router.get('/api/traces', (ctx) => {
    const query = parseInput(traceQuerySchema, ctx.query);
    const org = query.org ? orgs.find(query.org) : undefined;
    ctx.body = {
      retention: traces.retention(),
      traces: traces.list({
        limit: query.limit,
        ...(query.org ? { orgId: org?.id ?? query.org } : {}),
        ...(query.connection ? { connectionId: query.connection } : {}),
        ...(query.persona ? { persona: query.persona } : {}),
        ...(query.outcome ? { outcome: query.outcome } : {}),
      }),
    };
  });
  router.get('/api/traces/:id', (ctx) => {
    const trace = traces.get(ctx.params.id ?? '');
    if (!trace) throw new NotFoundError('trace_not_found', `No trace has the id "${ctx.params.id}".`);
    ctx.body = trace;
  });
  router.put('/api/traces/retention', async (ctx) => {
    const { keep } = parseInput(z.strictObject({ keep: z.number().int().min(10).max(100_000) }), await readJson(ctx));
    traces.setRetention(keep);
    ctx.body = { retention: traces.retention() };
  });
}

/** The read-only lookups of a mapping preview, from the services. */
function previewDeps(services: Services, orgId: string, mockIdpId: string | null): PreviewDeps {
  const { users, connections, mockIdps, orgs, clock } = services;
  const org = orgs.get(orgId);
  return {
    now: clock.now(),
    org: { id: org.id, slug: org.slug, name: org.name },
    mockIdp: mockIdpId && mockIdps.record(mockIdpId) ? mockIdps.get(mockIdpId) : undefined,
    findUser: (id) => users.find(id),
    findUserByEmail: (email) => users.findByEmail(email),
    linkedUser: (connectionId, subject) => connections.linkedUser(connectionId, subject),
    membershipRoles: (id, userId) => users.membership(id, userId)?.roles,
  };
}
