import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { VendorPreset } from '../../server/model/federation';
import { vendorKid } from '../../server/mock-idp/oidc/signing-keys';
import {
  atHash,
  vendorIdTokenClaims,
  vendorIdTokenHeader,
  vendorUserinfo,
  type ClaimContext,
  type PersonaSnapshot,
} from '../../server/mock-idp/oidc/vendor-claims';
import { discoveryDocument } from '../../server/mock-idp/oidc/vendor-discovery';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISSUER = 'http://127.0.0.1:4100/mock/oidc/acme';

const jane: PersonaSnapshot = {
  handle: 'jane',
  displayName: 'Jane Admin',
  email: 'jane@acme.example',
  givenName: 'Jane',
  familyName: 'Admin',
  subject: 'a1b2c3d4e5',
  groups: ['admins', 'everyone'],
  attributes: { department: 'Finance', iss: 'https://evil.example' },
};

const context = (preset: VendorPreset, overrides: Partial<ClaimContext> = {}): ClaimContext => ({
  preset,
  issuer: ISSUER,
  clientId: 'orgbench-con_1',
  idpId: 'idp_1',
  persona: jane,
  scopes: ['openid', 'email', 'profile'],
  nonce: 'n-0S6_WzA2Mj',
  now: 1_800_000_000,
  authTime: 1_799_999_990,
  accessToken: 'access-token-1',
  ...overrides,
});

describe('vendor ID token shapes (vendor-idp-shapes.md)', () => {
  it('Entra v2: tid/oid GUIDs, pairwise sub, upn, group object ids, ver "2.0"', () => {
    const claims = vendorIdTokenClaims(context('entra'));
    expect(claims).toMatchObject({
      ver: '2.0',
      upn: jane.email,
      preferred_username: jane.email,
      email: jane.email,
      name: 'Jane Admin',
    });
    expect(claims.tid).toMatch(GUID);
    expect(claims.oid).toMatch(GUID);
    expect(claims.sub).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(claims.uti).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(claims.nbf).toBe(claims.iat);
    expect(claims.exp).toBe(1_800_000_000 + 3600);
    expect(claims.groups).toEqual([expect.stringMatching(GUID), expect.stringMatching(GUID)]);
    expect(claims).not.toHaveProperty('given_name');
    // Pairwise: another app sees another sub; the object id stays.
    const other = vendorIdTokenClaims(context('entra', { clientId: 'another-app' }));
    expect(other.sub).not.toBe(claims.sub);
    expect(other.oid).toBe(claims.oid);
  });

  it('Okta: ver 1 as a number, 00u subject, ID. jti, groups only with the groups scope', () => {
    const claims = vendorIdTokenClaims(context('okta'));
    expect(claims.ver).toBe(1);
    expect(claims.sub).toMatch(/^00u[0-9A-Za-z]{17}$/);
    expect(claims.idp).toMatch(/^00o[0-9A-Za-z]{17}$/);
    expect(claims.jti).toMatch(/^ID\./);
    expect(claims.amr).toEqual(['pwd']);
    expect(claims.at_hash).toBe(atHash('access-token-1'));
    expect(claims).not.toHaveProperty('groups');
    const withGroups = vendorIdTokenClaims(context('okta', { scopes: ['openid', 'email', 'profile', 'groups'] }));
    expect(withGroups.groups).toEqual(['admins', 'everyone']);
  });

  it('Google: hd, email_verified, 21-digit sub, azp, no groups', () => {
    const claims = vendorIdTokenClaims(context('google'));
    expect(claims).toMatchObject({ hd: 'acme.example', email_verified: true, azp: 'orgbench-con_1' });
    expect(claims.sub).toMatch(/^[1-9]\d{20}$/);
    expect(claims).not.toHaveProperty('groups');
  });

  it('PingOne: UUID sub, env/org, dotted p1.region, policy-name acr, memberOfGroupNames', () => {
    const claims = vendorIdTokenClaims(context('ping'));
    expect(claims.sub).toMatch(GUID);
    expect(claims.env).toMatch(GUID);
    expect(claims.org).toMatch(GUID);
    expect(claims['p1.region']).toBe('NA1');
    expect(claims.acr).toBe('Single_Factor');
    expect(claims.memberOfGroupNames).toEqual(['admins', 'everyone']);
  });

  it('SecureAuth: hashed subject, groups', () => {
    const claims = vendorIdTokenClaims(context('secureauth'));
    expect(claims.sub).toMatch(/^[0-9a-f]{64}$/);
    expect(claims.groups).toEqual(['admins', 'everyone']);
  });

  it('Generic: the persona subject as is', () => {
    expect(vendorIdTokenClaims(context('generic')).sub).toBe('a1b2c3d4e5');
  });

  it.each(['okta', 'entra', 'ping', 'google', 'secureauth', 'generic'] as const)(
    '%s: labels the mock and the persona, adds attributes without overriding protocol claims',
    (preset) => {
      const claims = vendorIdTokenClaims(context(preset));
      expect(claims).toMatchObject({
        iss: ISSUER,
        aud: 'orgbench-con_1',
        nonce: 'n-0S6_WzA2Mj',
        orgbench_persona: 'jane',
        orgbench_mock: true,
        department: 'Finance',
      });
      expect(typeof claims.sub).toBe('string');
      // Stable: the same persona gets the same subject every time.
      expect(vendorIdTokenClaims(context(preset, { now: 1_900_000_000 })).sub).toBe(claims.sub);
    },
  );

  it('releases email and profile claims only for their scopes', () => {
    const claims = vendorIdTokenClaims(context('generic', { scopes: ['openid'] }));
    expect(claims).not.toHaveProperty('email');
    expect(claims).not.toHaveProperty('name');
  });

  it('answers userinfo like the vendor: Entra’s small fixed set, the same sub as the ID token', () => {
    const claims = vendorIdTokenClaims(context('entra'));
    const userinfo = vendorUserinfo('entra', claims, jane);
    expect(Object.keys(userinfo).sort()).toEqual(['email', 'family_name', 'given_name', 'name', 'sub']);
    expect(userinfo.sub).toBe(claims.sub);
    const okta = vendorUserinfo('okta', vendorIdTokenClaims(context('okta')), jane);
    expect(okta).toMatchObject({ email: jane.email, given_name: 'Jane' });
    expect(okta).not.toHaveProperty('nonce');
    expect(okta).not.toHaveProperty('iss');
  });
});

describe('vendor keys and discovery', () => {
  const der = Buffer.from('a certificate, as DER');
  const thumbprint = createHash('sha256').update('jwk').digest('base64url');

  it('shapes kid like the vendor', () => {
    expect(vendorKid('entra', der, thumbprint)).toMatch(/^[A-Za-z0-9_-]{27}$/);
    expect(vendorKid('okta', der, thumbprint)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(vendorKid('google', der, thumbprint)).toMatch(/^[0-9a-f]{40}$/);
    expect(vendorKid('ping', der, thumbprint)).toMatch(GUID);
    expect(vendorKid('secureauth', der, thumbprint)).toMatch(/^\d+$/);
  });

  it('sends no typ header for Okta only', () => {
    expect(vendorIdTokenHeader('okta', 'k')).toEqual({ kid: 'k' });
    expect(vendorIdTokenHeader('entra', 'k')).toEqual({ typ: 'JWT', kid: 'k' });
  });

  it('shapes discovery per vendor, always on the mock’s endpoints and with RFC 9207', () => {
    const entra = discoveryDocument('entra', ISSUER);
    expect(entra).toMatchObject({ subject_types_supported: ['pairwise'], cloud_instance_name: 'microsoftonline.com' });
    const google = discoveryDocument('google', ISSUER);
    expect(google).not.toHaveProperty('end_session_endpoint');
    expect(google.claims_supported).not.toContain('hd');
    for (const preset of ['okta', 'entra', 'ping', 'google', 'secureauth', 'generic'] as const) {
      const document = discoveryDocument(preset, ISSUER);
      expect(document).toMatchObject({
        issuer: ISSUER,
        token_endpoint: `${ISSUER}/token`,
        jwks_uri: `${ISSUER}/jwks`,
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        authorization_response_iss_parameter_supported: true,
      });
    }
  });
});
