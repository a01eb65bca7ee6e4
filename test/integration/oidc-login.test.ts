// Logins through the hosted pages for each isolation model, with the organization
// chosen by parameter, by client, by membership and by the picker; org switching,
// membership enforcement, lockout, configurable claim names and logout.
import { decodeProtectedHeader } from 'jose';
import * as oidc from 'openid-client';
import { describe, expect, it } from 'vitest';
import { Browser, LoginError, formAction, login } from '../helpers/browser-client';
import { DEMO_PASSWORD, claimsOf, defaultIssuer, demoLogin, orgId, sampleRedirect, secretOf } from '../helpers/demo';
import { serverPerTest } from '../helpers/server';

describe('org-aware login', () => {
  const ctx = serverPerTest({ demo: true });

  const sample = (options: Parameters<typeof demoLogin>[1] = {}) => demoLogin(ctx.server, options);

  it('shared application: the organization parameter puts the org and the roles in the tokens', async () => {
    const result = await sample({ organization: 'acme' });
    expect(result.saw).toEqual(['password']);
    const claims = claimsOf(result.tokens.id_token);
    expect(claims).toMatchObject({
      iss: defaultIssuer(ctx.server),
      aud: 'orgbench-sample',
      email: 'alice@acme.test',
      org_id: await orgId(ctx.server, 'acme'),
      org_name: 'Acme Corporation',
      org_roles: ['admin'],
    });
    const userinfo = await oidc.fetchUserInfo(result.config, result.tokens.access_token, claims.sub as string);
    expect(userinfo).toMatchObject({ org_name: 'Acme Corporation', org_roles: ['admin'] });
  });

  it('email-domain discovery: a user in several orgs signs in to the org of her email domain', async () => {
    const result = await sample();
    expect(result.saw).toEqual(['identifier', 'password']);
    expect(claimsOf(result.tokens.id_token)).toMatchObject({ org_name: 'Acme Corporation', org_roles: ['admin'] });
  });

  it('a user in several orgs whose domain names none of them picks one', async () => {
    const result = await sample({ email: 'erin@consult.test', pick: 'globex' });
    expect(result.saw).toEqual(['identifier', 'password', 'picker']);
    const picker = result.browser.history.find((hop) => hop.body.includes('name="organization"'));
    expect(picker?.body).toContain('data-org="acme"');
    expect(claimsOf(result.tokens.id_token)).toMatchObject({ org_name: 'Globex', org_roles: ['consultant'] });
  });

  it('a login_hint skips the identifier page and shows the org its domain belongs to', async () => {
    const result = await sample({ email: 'dave@eu.acme.test', extra: { login_hint: 'dave@eu.acme.test' } });
    expect(result.saw).toEqual(['password']);
    const passwordPage = result.browser.history.find((hop) => hop.body.includes('name="password"'));
    expect(passwordPage?.body).toContain('data-org="acme-europe"');
    expect(claimsOf(result.tokens.id_token)).toMatchObject({ org_name: 'Acme Europe', org_roles: ['member'] });
  });

  it('per-organization application: the client decides the org and admits only its members', async () => {
    const secret = await secretOf(ctx.server, 'globex-app');
    const bob = await login({
      issuer: defaultIssuer(ctx.server),
      clientId: 'globex-app',
      clientSecret: secret,
      redirectUri: sampleRedirect(ctx.server),
      email: 'bob@globex.test',
      password: DEMO_PASSWORD,
    });
    expect(claimsOf(bob.tokens.id_token)).toMatchObject({
      aud: 'globex-app',
      org_name: 'Globex',
      org_roles: ['admin'],
    });

    const carol = login({
      issuer: defaultIssuer(ctx.server),
      clientId: 'globex-app',
      clientSecret: secret,
      redirectUri: sampleRedirect(ctx.server),
      email: 'carol@initech.test',
      password: DEMO_PASSWORD,
    });
    await expect(carol).rejects.toThrow(LoginError);
    await expect(carol).rejects.toThrow(/not a member of Globex/);
  });

  it('dedicated tenant: its own issuer and signing keys', async () => {
    const issuer = `${ctx.server.protocolUrl}/initech/default`;
    const result = await login({
      issuer,
      clientId: 'initech-dedicated',
      clientSecret: await secretOf(ctx.server, 'initech-dedicated'),
      redirectUri: sampleRedirect(ctx.server),
      email: 'carol@initech.test',
      password: DEMO_PASSWORD,
    });
    expect(claimsOf(result.tokens.id_token)).toMatchObject({
      iss: issuer,
      org_name: 'Initech',
      org_roles: ['admin', 'billing'],
    });
    const kid = decodeProtectedHeader(result.tokens.id_token ?? '').kid;
    const sharedKeys = (await (await fetch(`${defaultIssuer(ctx.server)}/jwks`)).json()) as { keys: { kid: string }[] };
    const ownKeys = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] };
    expect(ownKeys.keys.map((key) => key.kid)).toContain(kid);
    expect(sharedKeys.keys.map((key) => key.kid)).not.toContain(kid);
  });

  it('switching org keeps the session: no password again, a new org-bound grant', async () => {
    const first = await sample({ organization: 'acme' });
    const second = await sample({ organization: 'globex', browser: first.browser });
    expect(second.saw).toEqual([]);
    expect(claimsOf(second.tokens.id_token)).toMatchObject({ org_name: 'Globex' });
    // Tokens refreshed from the new grant keep speaking for the new org.
    const refreshed = await oidc.refreshTokenGrant(second.config, second.tokens.refresh_token ?? '');
    expect(claimsOf(refreshed.id_token)).toMatchObject({ org_name: 'Globex' });
    expect(claimsOf(refreshed.id_token).sub).toBe(claimsOf(first.tokens.id_token).sub);
  });

  it('refuses an org the user is not a member of, and an unknown org', async () => {
    await expect(sample({ organization: 'initech' })).rejects.toThrow(/not a member of Initech/);
    await expect(sample({ organization: 'no-such-org' })).rejects.toThrow(/does not exist/);
  });

  it('locks an account after five wrong passwords', async () => {
    const issuer = defaultIssuer(ctx.server);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const failure = sample({ email: 'bob@globex.test', password: 'wrong-password' });
      await expect(failure).rejects.toThrow(attempt < 5 ? /not correct/ : /locked until/);
    }
    await expect(sample({ email: 'bob@globex.test', password: DEMO_PASSWORD })).rejects.toThrow(/locked until/);
    const bob = (await ctx.server.api('GET', '/api/users/bob@globex.test')).body as { id: string; lockedUntil: string };
    expect(bob.lockedUntil).not.toBeNull();
    await ctx.server.api('PATCH', `/api/users/${bob.id}`, { unlock: true });
    const ok = await sample({ email: 'bob@globex.test', password: DEMO_PASSWORD });
    expect(claimsOf(ok.tokens.id_token).iss).toBe(issuer);
  });

  it('uses the claim names the workspace configures', async () => {
    const workspace = (await ctx.server.api('GET', '/api/workspaces/default/default')).body as {
      settings: { claimNames: Record<string, string> };
    };
    const settings = {
      ...workspace.settings,
      claimNames: { ...workspace.settings.claimNames, orgId: 'organization_id' },
    };
    expect((await ctx.server.api('PATCH', '/api/workspaces/default/default', { settings })).status).toBe(200);
    const claims = claimsOf((await sample({ organization: 'acme' })).tokens.id_token);
    expect(claims.organization_id).toBe(await orgId(ctx.server, 'acme'));
    expect(claims.org_id).toBeUndefined();
  });

  it('RP-initiated logout ends the session after confirmation', async () => {
    const result = await sample({ organization: 'acme' });
    const endSession = oidc.buildEndSessionUrl(result.config, {
      id_token_hint: result.tokens.id_token ?? '',
      post_logout_redirect_uri: `${ctx.server.protocolUrl}/sample`,
    });
    const confirm = await result.browser.follow(endSession.href, `${ctx.server.protocolUrl}/sample`);
    expect(confirm.body).toContain('Sign out?');
    const done = await result.browser.follow(formAction(confirm), `${ctx.server.protocolUrl}/sample`, {
      form: { ...hiddenInputs(confirm.body), logout: 'yes' },
    });
    expect(done.location).toBe(`${ctx.server.protocolUrl}/sample`);
    // The next login asks for the password again.
    const again = await sample({ organization: 'acme', browser: result.browser });
    expect(again.saw).toContain('password');
  });

  it('shows a clear page for an expired or unknown interaction', async () => {
    const browser = new Browser();
    const page = await browser.request(`${defaultIssuer(ctx.server)}/interaction/not-a-real-uid`);
    expect(page.status).toBe(400);
    expect(page.body).toContain('This sign-in has expired');
  });
});

function hiddenInputs(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    out[match[1] as string] = match[2] as string;
  }
  return out;
}
