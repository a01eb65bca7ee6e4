// What a federated login does to users: just-in-time creation and update, linking by
// email, denial, group → role mapping; driven by scripted logins through the real
// endpoints (POST /api/logins, the same path as `orgbench login`).
import { describe, expect, it } from 'vitest';
import type { ScriptedLoginResult } from '../../server/logins/scripted-login';
import { connectionOf } from '../helpers/federation';
import { serverPerTest, type TestServer } from '../helpers/server';

async function scriptedLogin(server: TestServer, body: Record<string, unknown>): Promise<ScriptedLoginResult> {
  const response = await server.api('POST', '/api/logins', body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as ScriptedLoginResult;
}

const userByEmail = async (server: TestServer, email: string) => {
  const response = await server.api('GET', `/api/users/${email}`);
  return response.status === 200
    ? (response.body as { id: string; name: string; memberships: { org: { slug: string }; roles: string[] }[] })
    : undefined;
};

describe('federated logins and just-in-time provisioning', () => {
  const ctx = serverPerTest({ demo: true });

  it('creates the user on first login, maps groups to org roles, and updates the profile on the next', async () => {
    expect(await userByEmail(ctx.server, 'jane@acme.test')).toBeUndefined();
    const first = await scriptedLogin(ctx.server, { org: 'acme', persona: 'jane' });
    expect(first).toMatchObject({
      ok: true,
      persona: 'jane',
      idTokenClaims: { email: 'jane@acme.test', org_name: 'Acme Corporation' },
    });
    if (!first.ok) return;
    expect((first.idTokenClaims?.org_roles as string[]).sort()).toEqual(['admin', 'member']);
    const jane = await userByEmail(ctx.server, 'jane@acme.test');
    expect(jane).toMatchObject({
      name: 'Jane Okafor',
      memberships: [{ org: { slug: 'acme' }, roles: ['admin', 'member'] }],
    });

    // The IdP now says Jane is only in Everyone, under a new name: the next login updates both.
    const { mockIdps } = (await ctx.server.api('GET', '/api/mock-idps')).body as {
      mockIdps: { slug: string; personas: { id: string; handle: string; email: string; displayName: string }[] }[];
    };
    const okta = mockIdps.find((idp) => idp.slug === 'acme-okta');
    const persona = okta?.personas.find((candidate) => candidate.handle === 'jane');
    await ctx.server.api('PUT', `/api/mock-idps/acme-okta/personas/${persona?.id}`, {
      handle: 'jane',
      displayName: 'Jane Okafor-Smith',
      givenName: 'Jane',
      familyName: 'Okafor-Smith',
      email: 'jane@acme.test',
      groups: ['Everyone'],
    });
    const second = await scriptedLogin(ctx.server, { org: 'acme', persona: 'jane' });
    expect(second).toMatchObject({ ok: true, idTokenClaims: { org_roles: ['member'], name: 'Jane Okafor-Smith' } });
    expect((await userByEmail(ctx.server, 'jane@acme.test'))?.id).toBe(jane?.id);
  });

  it('create_only never overwrites a profile', async () => {
    const connection = await connectionOf(ctx.server, 'acme');
    await ctx.server.api('PATCH', `/api/connections/${connection.id}`, { mapping: { jit: 'create_only' } });
    await scriptedLogin(ctx.server, { org: 'acme', persona: 'sam' });
    const sam = await userByEmail(ctx.server, 'sam@acme.test');
    await ctx.server.api('PATCH', `/api/users/${sam?.id}`, { name: 'Renamed in Orgbench' });
    await scriptedLogin(ctx.server, { org: 'acme', persona: 'sam' });
    expect((await userByEmail(ctx.server, 'sam@acme.test'))?.name).toBe('Renamed in Orgbench');
  });

  it('link_by_email admits only users who already exist, and deny only identities linked before', async () => {
    const connection = await connectionOf(ctx.server, 'acme');
    await ctx.server.api('PATCH', `/api/connections/${connection.id}`, { mapping: { jit: 'link_by_email' } });
    const refused = await scriptedLogin(ctx.server, { org: 'acme', persona: 'lee' });
    expect(refused).toMatchObject({ ok: false, rule: 'jit_no_user' });
    expect(await userByEmail(ctx.server, 'lee@acme.test')).toBeUndefined();

    await ctx.server.api('POST', '/api/users', { email: 'lee@acme.test', name: 'Lee (invited)' });
    const linked = await scriptedLogin(ctx.server, { org: 'acme', persona: 'lee' });
    expect(linked).toMatchObject({ ok: true, idTokenClaims: { email: 'lee@acme.test', org_roles: ['contractor'] } });

    await ctx.server.api('PATCH', `/api/connections/${connection.id}`, { mapping: { jit: 'deny' } });
    expect(await scriptedLogin(ctx.server, { org: 'acme', persona: 'lee' })).toMatchObject({ ok: true });
    expect(await scriptedLogin(ctx.server, { org: 'acme', persona: 'sam' })).toMatchObject({
      ok: false,
      rule: 'jit_denied',
    });
  });

  it('a fault switched on for one login is rejected with its rule, recorded in the trace, then the next login works', async () => {
    const rejected = await scriptedLogin(ctx.server, { org: 'acme', persona: 'jane', fault: 'wrong_audience' });
    expect(rejected).toMatchObject({ ok: false, rule: 'saml_audience' });
    if (rejected.ok) return;
    const trace = (await ctx.server.api('GET', `/api/traces/${rejected.traceId}`)).body as {
      outcome: string;
      failedRule: string;
    };
    expect(trace).toMatchObject({ outcome: 'failure', failedRule: 'saml_audience' });
    expect(await scriptedLogin(ctx.server, { org: 'acme', persona: 'jane' })).toMatchObject({ ok: true });
  });

  it('OIDC federation (Globex on a mock Entra ID) carries the org and the mapped roles', async () => {
    const result = await scriptedLogin(ctx.server, { org: 'globex', persona: 'priya' });
    expect(result).toMatchObject({
      ok: true,
      clientId: 'globex-app',
      idTokenClaims: { email: 'priya@globex.test', org_name: 'Globex', org_roles: ['admin'] },
    });
  });
});
