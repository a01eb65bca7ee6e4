import { describe, expect, it } from 'vitest';
import { loopbackAwareLookup } from '../../server/federation/oidc/upstream-fetch';
import { checkUpstreamIssuer, isLoopbackHost } from '../../server/federation/oidc/upstream-issuer';
import { pinnedIdTokenAlg } from '../../server/federation/oidc/discover-upstream';
import { requestedScopes } from '../../server/federation/oidc/start-oidc-login';

describe('upstream issuer rule (security.md §2 #27)', () => {
  it.each([
    ['https://login.microsoftonline.com/tid/v2.0', false],
    ['https://acme.okta.com', false],
    ['http://127.0.0.1:4100/mock/oidc/acme', true],
    ['http://127.8.9.10/issuer', true],
    ['http://localhost:8080/realms/acme', true],
    ['http://login.acme.localhost:4100', true],
    ['http://LOGIN.ACME.LOCALHOST.:4100', true],
    ['http://[::1]:4100/mock/oidc/acme', true],
  ])('accepts %s (plain http: %s)', (issuer, insecure) => {
    expect(checkUpstreamIssuer(issuer)).toMatchObject({ ok: true, insecure });
  });

  it.each([
    ['http://idp.example.com', 'only loopback issuers'],
    ['http://localhost.evil.example', 'only loopback issuers'],
    ['http://127.0.0.1.nip.io', 'only loopback issuers'],
    ['http://10.0.0.5:8080', 'only loopback issuers'],
    ['http://[::2]/', 'only loopback issuers'],
    ['ftp://127.0.0.1/', 'https, not ftp'],
    ['https://user:pw@idp.example.com', 'credentials'],
    ['https://idp.example.com/?tenant=1', 'no query'],
    ['not a url', 'not a URL'],
  ])('refuses %s', (issuer, reason) => {
    const verdict = checkUpstreamIssuer(issuer);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toContain(reason);
  });

  it('knows loopback names and addresses', () => {
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('a.b.localhost')).toBe(true);
    expect(isLoopbackHost('[::ffff:127.0.0.1]')).toBe(true);
    expect(isLoopbackHost('localhostx')).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });
});

describe('*.localhost resolution for Node (stack-feasibility.md §7)', () => {
  const lookup = (host: string, all: boolean) =>
    new Promise<unknown>((resolve, reject) =>
      loopbackAwareLookup(host, { all }, (error, address, family) =>
        error ? reject(error) : resolve({ address, family }),
      ),
    );

  it('answers 127.0.0.1 for *.localhost in both callback forms', async () => {
    await expect(lookup('login.acme.localhost', false)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
    await expect(lookup('idp.localhost', true)).resolves.toEqual({
      address: [{ address: '127.0.0.1', family: 4 }],
      family: undefined,
    });
  });

  it('leaves other names to the system resolver', async () => {
    await expect(lookup('127.0.0.1', false)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
  });
});

describe('authorization request details', () => {
  it('pins RS256 unless the IdP cannot do it, and never none or HS*', () => {
    expect(pinnedIdTokenAlg(undefined)).toBe('RS256');
    expect(pinnedIdTokenAlg(['none', 'HS256', 'RS256'])).toBe('RS256');
    expect(pinnedIdTokenAlg(['ES256', 'none'])).toBe('ES256');
    expect(pinnedIdTokenAlg(['none', 'HS256'])).toBeUndefined();
  });

  it('always asks for openid first', () => {
    expect(requestedScopes(['email', 'openid', 'groups'])).toBe('openid email groups');
    expect(requestedScopes(undefined)).toBe('openid');
  });
});
