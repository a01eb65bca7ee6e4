/**
 * Each OIDC fault applied to a real ID token (the mock's own code), then checked by the
 * real openid-client as Orgbench's RP configures it, with only the HTTP hop replaced by
 * an in-process answer; the classifier must name the rule that failed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK } from 'jose';
import * as oidc from 'openid-client';
import { classifyOidcError } from '../../server/federation/oidc/classify-oidc-error';
import { issuedInFuture } from '../../server/federation/oidc/id-token-profile';
import type { VendorPreset } from '../../server/model/federation';
import { createSelfSignedCertificate } from '../../server/mock-idp/certificate';
import { signingMaterial, unknownSigningKey, type MockSigningMaterial } from '../../server/mock-idp/oidc/signing-keys';
import {
  applyClaimFaults,
  encodeIdToken,
  lookalikeIssuer,
  slowDelayMs,
  tamperedClaims,
  toSwitches,
  type FaultSwitches,
} from '../../server/mock-idp/oidc/token-faults';
import {
  vendorIdTokenClaims,
  vendorIdTokenHeader,
  type PersonaSnapshot,
} from '../../server/mock-idp/oidc/vendor-claims';
import type { MockIdpRecord } from '../../server/store/mock-idp-repository';

const ISSUER = 'http://127.0.0.1:4100/mock/oidc/acme';
const CLIENT_ID = 'orgbench-con_1';
const NONCE = 'nonce-of-this-login';
const REDIRECT = 'http://127.0.0.1:4100/federation/oidc/con_1/callback';

const jane: PersonaSnapshot = {
  handle: 'jane',
  displayName: 'Jane Admin',
  email: 'jane@acme.example',
  givenName: 'Jane',
  familyName: 'Admin',
  subject: 's-jane',
  groups: ['admins'],
  attributes: {},
};

let keys: Record<VendorPreset, MockSigningMaterial>;

beforeAll(async () => {
  const { privateKeyPem, certificatePem } = await createSelfSignedCertificate('Acme (test)', new Date());
  const material = async (preset: VendorPreset) => {
    const record: MockIdpRecord = {
      id: 'idp_1',
      slug: 'acme',
      name: 'Acme',
      kind: 'oidc',
      preset,
      settings: {},
      privateKeyPem,
      certificatePem,
      createdAt: '',
      updatedAt: '',
    };
    return signingMaterial(record, ISSUER);
  };
  keys = {
    okta: await material('okta'),
    entra: await material('entra'),
    ping: await material('ping'),
    google: await material('google'),
    secureauth: await material('secureauth'),
    generic: await material('generic'),
  };
});

async function faultyIdToken(preset: VendorPreset, switches: FaultSwitches) {
  const now = Math.floor(Date.now() / 1000);
  const claims = vendorIdTokenClaims({
    preset,
    issuer: ISSUER,
    clientId: CLIENT_ID,
    idpId: 'idp_1',
    persona: jane,
    scopes: ['openid', 'email', 'profile'],
    nonce: NONCE,
    now,
    authTime: now,
    accessToken: 'at-1',
  });
  const faulted = applyClaimFaults(claims, switches, { preset, issuer: ISSUER, clientId: CLIENT_ID, now });
  const key = keys[preset];
  return encodeIdToken(
    faulted,
    vendorIdTokenHeader(preset, key.kid),
    { idp: key, unknown: unknownSigningKey },
    switches,
  );
}

/** The code exchange of Orgbench's RP, against an in-process token endpoint and JWKS. */
async function exchange(
  preset: VendorPreset,
  switches: FaultSwitches,
  callback = `code=c1&state=s1&iss=${encodeURIComponent(ISSUER)}`,
) {
  const idToken = await faultyIdToken(preset, switches);
  const config = new oidc.Configuration(
    {
      issuer: ISSUER,
      token_endpoint: `${ISSUER}/token`,
      jwks_uri: `${ISSUER}/jwks`,
      authorization_response_iss_parameter_supported: true,
      id_token_signing_alg_values_supported: ['RS256'],
    },
    CLIENT_ID,
    { id_token_signed_response_alg: 'RS256', [oidc.clockTolerance]: 60 },
    oidc.None(),
  );
  config[oidc.customFetch] = async (url) =>
    url.endsWith('/jwks')
      ? Response.json({ keys: [keys[preset].jwk] })
      : Response.json({ access_token: 'at-1', token_type: 'Bearer', id_token: idToken });
  oidc.allowInsecureRequests(config);
  oidc.enableNonRepudiationChecks(config);
  return oidc.authorizationCodeGrant(config, new URL(`${REDIRECT}?${callback}`), {
    expectedState: 's1',
    expectedNonce: NONCE,
    pkceCodeVerifier: 'v'.repeat(43),
    idTokenExpected: true,
  });
}

const ruleOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return classifyOidcError(error).rule;
  }
  return 'accepted';
};

describe('OIDC faults on an ID token, as the RP sees them', () => {
  it.each(['okta', 'entra', 'ping', 'google', 'secureauth', 'generic'] as const)(
    '%s: the clean token is accepted',
    async (preset) => {
      const tokens = await exchange(preset, {});
      expect(tokens.claims()).toMatchObject({ iss: ISSUER, aud: CLIENT_ID, nonce: NONCE, orgbench_persona: 'jane' });
    },
  );

  it.each([
    ['expired', {}, 'oidc_expired'],
    ['wrong_audience', {}, 'oidc_audience'],
    ['wrong_issuer', {}, 'oidc_issuer'],
    ['unsigned', {}, 'oidc_signature'],
    ['unknown_key', {}, 'oidc_signature'],
    ['tampered', {}, 'oidc_signature'],
    ['wrong_nonce', {}, 'oidc_nonce'],
    ['clock_skew', { amount: -120 }, 'oidc_expired'],
  ] as const)('%s → %s', async (fault, options, rule) => {
    for (const preset of ['okta', 'entra', 'google'] as const) {
      const switches = { [fault]: { amount: 'amount' in options ? options.amount : null } } as FaultSwitches;
      expect(await ruleOf(exchange(preset, switches)), preset).toBe(rule);
    }
  });

  it('not_yet_valid: nbf refuses it where the vendor sends nbf, the iat check everywhere else', async () => {
    expect(await ruleOf(exchange('entra', { not_yet_valid: { amount: null } }))).toBe('oidc_not_yet_valid');
    const okta = await exchange('okta', { not_yet_valid: { amount: null } });
    expect(issuedInFuture(okta.claims() ?? {}, Math.floor(Date.now() / 1000), 60)).toBe(true);
    const ahead = await exchange('google', { clock_skew: { amount: 10 } });
    expect(issuedInFuture(ahead.claims() ?? {}, Math.floor(Date.now() / 1000), 60)).toBe(true);
  });

  it('missing_attribute: a valid token without any email claim', async () => {
    const claims = (await exchange('entra', { missing_attribute: { amount: null } })).claims();
    for (const name of ['email', 'preferred_username', 'upn']) expect(claims).not.toHaveProperty(name);
  });

  it('names state, issuer and IdP error answers by their rules', async () => {
    const iss = encodeURIComponent(ISSUER);
    expect(await ruleOf(exchange('okta', {}, `code=c1&state=other&iss=${iss}`))).toBe('oidc_state');
    expect(await ruleOf(exchange('okta', {}, `code=c1&iss=${iss}`))).toBe('oidc_state');
    expect(await ruleOf(exchange('okta', {}, 'code=c1&state=s1&iss=http%3A%2F%2Fevil'))).toBe('oidc_issuer');
    expect(await ruleOf(exchange('okta', {}, 'code=c1&state=s1'))).toBe('oidc_issuer');
  });
});

describe('an IdP slower than the RP’s timeout', () => {
  it('is refused as oidc_timeout', async () => {
    const config = new oidc.Configuration(
      { issuer: ISSUER, token_endpoint: `${ISSUER}/token` },
      CLIENT_ID,
      {},
      oidc.None(),
    );
    // Answers only when aborted, as a token endpoint under the `slow` fault would for the RP.
    config[oidc.customFetch] = (_url, options) =>
      new Promise((_resolve, reject) =>
        options.signal?.addEventListener('abort', () => reject(options.signal?.reason)),
      );
    config.timeout = 0.05;
    oidc.allowInsecureRequests(config);
    const grant = oidc.authorizationCodeGrant(config, new URL(`${REDIRECT}?code=c1&state=s1`), {
      expectedState: 's1',
      pkceCodeVerifier: 'v'.repeat(43),
    });
    expect(await ruleOf(grant)).toBe('oidc_timeout');
  });
});

describe('fault encoding', () => {
  it('unsigned is alg none with an empty signature', async () => {
    const token = await faultyIdToken('okta', { unsigned: { amount: null } });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'none' });
    expect(token.endsWith('.')).toBe(true);
  });

  it('tampered keeps the signature over the original payload', async () => {
    const token = await faultyIdToken('generic', { tampered: { amount: null } });
    expect(decodeJwt(token).email).toBe('ceo@acme.example');
    const key = await importJWK(keys.generic.jwk, 'RS256');
    await expect(compactVerify(token, key)).rejects.toThrow(/signature/i);
    expect(tamperedClaims({ sub: 'x' })).toEqual({ sub: 'x-admin' });
  });

  it('unknown_key names a kid the JWKS does not have', async () => {
    const token = await faultyIdToken('okta', { unknown_key: { amount: null } });
    expect(decodeProtectedHeader(token).kid).not.toBe(keys.okta.kid);
  });

  it('shifts times for clock_skew, expired and not_yet_valid', () => {
    const now = 1_800_000_000;
    const base = { iat: now, exp: now + 3600, nbf: now, auth_time: now };
    const context = { preset: 'entra' as const, issuer: ISSUER, clientId: CLIENT_ID, now };
    expect(applyClaimFaults(base, { clock_skew: { amount: 5 } }, context)).toMatchObject({
      iat: now + 300,
      nbf: now + 300,
      exp: now + 3900,
    });
    expect((applyClaimFaults(base, { expired: { amount: null } }, context).exp as number) < now).toBe(true);
    expect((applyClaimFaults(base, { not_yet_valid: { amount: null } }, context).nbf as number) > now).toBe(true);
  });

  it('spells the wrong issuer as the vendor’s own confusions', () => {
    expect(lookalikeIssuer('entra', ISSUER, { tid: 't-1' })).toBe('https://sts.windows.net/t-1/');
    expect(lookalikeIssuer('okta', ISSUER, {})).toBe(`${ISSUER}/oauth2/default`);
    expect(lookalikeIssuer('google', ISSUER, {})).toBe('127.0.0.1:4100/mock/oidc/acme');
  });

  it('bounds the slow fault and reads switches from active faults', () => {
    expect(slowDelayMs({ slow: { amount: 600_000 } })).toBe(30_000);
    expect(slowDelayMs({ slow: { amount: -5 } })).toBe(0);
    expect(slowDelayMs({})).toBe(0);
    expect(
      toSwitches([{ id: 'f1', mockIdpId: 'idp_1', fault: 'slow', mode: 'next', amount: 250, createdAt: '' }]),
    ).toEqual({ slow: { amount: 250 } });
  });
});
