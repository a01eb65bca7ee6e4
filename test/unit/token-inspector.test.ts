// The token inspector's pure helpers (splitting and decoding JWTs, countdowns, claim
// diffs, filters, key sources) on a frozen clock, and the server's signature check on
// keys made here: valid, tampered, wrong keys, expired, malformed JWKS.
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../server/errors';
import { inspectToken, type LocalJwks } from '../../server/tokens/inspect-token';
import { claimDate, formatClaimValue, isOrgClaim } from '../../renderer/src/pages/tokens/claim-display';
import { countDiff, diffClaims, stableJson, visibleDiffRows } from '../../renderer/src/pages/tokens/claim-diff';
import { base64UrlToText, decodeJwt, tokenSegments } from '../../renderer/src/pages/tokens/jwt-parts';
import { pasteErrorsFrom, toKeySource, EMPTY_PASTE_DRAFT } from '../../renderer/src/pages/tokens/key-source';
import {
  EMPTY_TOKEN_FILTERS,
  hasFilters,
  orgLabel,
  subjectFor,
  subjectLabel,
  tokenListQuery,
} from '../../renderer/src/pages/tokens/token-filters';
import { expiryStatus, formatClock, formatRelative } from '../../renderer/src/pages/tokens/token-time';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwtOf = (header: unknown, claims: unknown, signature = 'c2ln') =>
  `${b64url(header)}.${b64url(claims)}.${signature}`;

describe('reading a JWT', () => {
  it('splits a signed JWT into header, payload and signature, anything else into one part', () => {
    expect(tokenSegments('aaa.bbb.ccc').map((part) => part.role)).toEqual(['header', 'payload', 'signature']);
    expect(tokenSegments('  aaa.bbb.ccc\n')[2]).toEqual({ role: 'signature', text: 'ccc' });
    expect(tokenSegments('opaque-token-value')).toEqual([{ role: 'other', text: 'opaque-token-value' }]);
    expect(tokenSegments('a.b.c.d.e')).toHaveLength(1);
  });

  it('decodes header and claims, including UTF-8 and unpadded base64url', () => {
    const token = jwtOf({ alg: 'ES256', kid: 'k1' }, { sub: 'u1', name: 'Zoë Ødegård', org_roles: ['admin'] });
    expect(decodeJwt(token)).toEqual({
      header: { alg: 'ES256', kid: 'k1' },
      claims: { sub: 'u1', name: 'Zoë Ødegård', org_roles: ['admin'] },
    });
    expect(base64UrlToText('eyJhIjoxfQ')).toBe('{"a":1}');
  });

  it('returns undefined for what is not a decodable JWT', () => {
    expect(decodeJwt('')).toBeUndefined();
    expect(decodeJwt('not-a-jwt')).toBeUndefined();
    expect(decodeJwt('a+b.c.d')).toBeUndefined();
    expect(decodeJwt(`${b64url({ alg: 'none' })}.${b64url([1, 2])}.x`)).toBeUndefined();
    expect(decodeJwt(`${b64url({ alg: 'none' })}.bm90IGpzb24.x`)).toBeUndefined();
  });
});

describe('time', () => {
  it('counts down to expiry as a clock and turns amber in the last five minutes', () => {
    const at = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();
    expect(expiryStatus(at(58 * 60 + 12), NOW)).toEqual({ tone: 'ok', label: 'expires in 58:12', secondsLeft: 3492 });
    expect(expiryStatus(at(3723), NOW).label).toBe('expires in 1:02:03');
    expect(expiryStatus(at(14 * 86_400 + 3 * 3600 + 5), NOW).label).toBe('expires in 14 d 3 h');
    expect(expiryStatus(at(299), NOW)).toMatchObject({ tone: 'soon', label: 'expires in 04:59' });
  });

  it('says how long ago an expired token expired, and handles no expiry', () => {
    expect(expiryStatus(new Date(NOW - 3 * 60_000 - 10_000).toISOString(), NOW)).toMatchObject({
      tone: 'expired',
      label: 'expired 3 min ago',
    });
    expect(expiryStatus(new Date(NOW).toISOString(), NOW).tone).toBe('expired');
    expect(expiryStatus(null, NOW)).toEqual({ tone: 'none', label: 'no expiry', secondsLeft: null });
    expect(expiryStatus('not a date', NOW).tone).toBe('none');
  });

  it('formats relative times and clocks', () => {
    expect(formatRelative(new Date(NOW - 2000).toISOString(), NOW)).toBe('just now');
    expect(formatRelative(new Date(NOW - 42_000).toISOString(), NOW)).toBe('42 s ago');
    expect(formatRelative(new Date(NOW - 2 * 3600_000).toISOString(), NOW)).toBe('2 h ago');
    expect(formatRelative(new Date(NOW + 90_000).toISOString(), NOW)).toBe('in 1 min');
    expect(formatClock(-5)).toBe('00:00');
  });
});

describe('comparing claims', () => {
  const acme = { iss: 'https://op', sub: 'u1', org_id: 'org_a', org_name: 'Acme', iat: 1, email: 'a@x', amr: ['pwd'] };
  const globex = {
    iss: 'https://op',
    sub: 'u1',
    org_id: 'org_g',
    iat: 2,
    email: 'a@x',
    org_roles: ['viewer'],
    amr: ['pwd'],
  };

  it('marks each claim same, changed, added in B or removed from A, in reading order', () => {
    const rows = diffClaims(acme, globex);
    expect(rows.map((row) => [row.claim, row.status])).toEqual([
      ['iss', 'same'],
      ['sub', 'same'],
      ['org_id', 'changed'],
      ['org_name', 'removed'],
      ['org_roles', 'added'],
      ['email', 'same'],
      ['amr', 'same'],
      ['iat', 'changed'],
    ]);
    expect(rows.find((row) => row.claim === 'org_name')).toMatchObject({ a: 'Acme', b: undefined });
    expect(countDiff(rows)).toEqual({ same: 4, changed: 2, added: 1, removed: 1 });
  });

  it('compares objects regardless of key order, and filters rows as the reader asks', () => {
    expect(stableJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe(stableJson({ a: [{ c: 2, d: 1 }], b: 1 }));
    const rows = diffClaims({ x: { a: 1, b: 2 }, iat: 1 }, { x: { b: 2, a: 1 }, iat: 2 });
    // Well-known claims come first, the rest alphabetically.
    expect(rows.map((row) => [row.claim, row.status])).toEqual([
      ['iat', 'changed'],
      ['x', 'same'],
    ]);
    expect(visibleDiffRows(rows, { onlyDifferences: true, hidePerTokenClaims: false }).map((r) => r.claim)).toEqual([
      'iat',
    ]);
    expect(visibleDiffRows(rows, { onlyDifferences: true, hidePerTokenClaims: true })).toEqual([]);
    expect(diffClaims(undefined, { a: 1 })).toEqual([{ claim: 'a', status: 'added', a: undefined, b: 1 }]);
  });
});

describe('claims as shown', () => {
  it('formats values, dates time claims and spots organization claims', () => {
    expect(formatClaimValue('text')).toBe('text');
    expect(formatClaimValue(['admin', 'billing'])).toBe('["admin","billing"]');
    expect(formatClaimValue(true)).toBe('true');
    expect(claimDate('exp', 1_772_366_400)?.toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(claimDate('sub', 1_772_366_400)).toBeUndefined();
    expect(isOrgClaim('org_id', undefined)).toBe(true);
    expect(isOrgClaim('tenant', 'Organization id: the customer organization this token is for.')).toBe(true);
    expect(isOrgClaim('plan', 'An attribute of the organization.')).toBe(true);
    expect(isOrgClaim('sub', 'Subject: the stable id of the user.')).toBe(false);
  });
});

describe('list filters', () => {
  const users = [{ id: 'usr_1', email: 'Alice@acme.test', name: 'Alice' }];

  it('turns a typed email into the user id and builds the query', () => {
    expect(subjectFor(' alice@ACME.test ', users)).toBe('usr_1');
    expect(subjectFor('usr_raw', users)).toBe('usr_raw');
    expect(subjectFor('  ', users)).toBeUndefined();
    expect(
      tokenListQuery({ org: 'org_a', client: '', user: 'alice@acme.test', kind: 'id_token' }, users, { limit: 100 }),
    ).toEqual({
      org: 'org_a',
      subject: 'usr_1',
      kind: 'id_token',
      limit: 100,
    });
    expect(tokenListQuery(EMPTY_TOKEN_FILTERS, users, { limit: 100, before: 7 })).toEqual({ limit: 100, before: 7 });
    expect(hasFilters(EMPTY_TOKEN_FILTERS)).toBe(false);
    expect(hasFilters({ ...EMPTY_TOKEN_FILTERS, user: 'x' })).toBe(true);
  });

  it('names subjects and organizations for the rows', () => {
    expect(subjectLabel({ subject: 'usr_1', clientId: 'app' }, users)).toBe('Alice@acme.test');
    expect(subjectLabel({ subject: 'acme-reporting', clientId: 'acme-reporting' }, users)).toBe('the client itself');
    expect(subjectLabel({ subject: null, clientId: 'app' }, users)).toBe('no subject');
    expect(orgLabel('org_a', new Map([['org_a', 'Acme']]))).toBe('Acme');
    expect(orgLabel('org_gone', new Map())).toBe('org_gone');
    expect(orgLabel(null, new Map())).toBe('no organization');
  });
});

describe('paste box keys', () => {
  it('builds the key source and places server field errors beside their field', () => {
    expect(toKeySource({ ...EMPTY_PASTE_DRAFT, keyKind: 'discovery', url: ' https://idp/x ' })).toEqual({
      kind: 'discovery',
      url: 'https://idp/x',
    });
    expect(toKeySource({ ...EMPTY_PASTE_DRAFT, keyKind: 'jwks', jwks: '{}' })).toEqual({ kind: 'jwks', jwks: '{}' });
    expect(
      pasteErrorsFrom([
        { path: 'token', message: 'paste a token' },
        { path: 'keys.jwks', message: 'is not valid JSON' },
        { path: 'keys.kind', message: 'Invalid input' },
      ]),
    ).toEqual({ token: 'paste a token', jwks: 'is not valid JSON', form: 'keys.kind: Invalid input' });
  });
});

describe('server signature check', () => {
  const issuer = 'https://op.test/default/default';

  const keys = async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' } };
  };
  const sign = (key: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'], claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(key);

  it('verifies with the issuer’s keys and explains the claims', async () => {
    const { privateKey, publicJwk } = await keys();
    const local: LocalJwks = (iss) => (iss === issuer ? [publicJwk] : undefined);
    const token = await sign(privateKey, { iss: issuer, sub: 'u1', org_id: 'org_a', iat: 1000, exp: 2000 });
    const result = await inspectToken(token, { kind: 'auto' }, local, new Date(NOW));
    expect(result.signature).toMatchObject({ status: 'valid', keySource: `the keys of ${issuer}` });
    expect(result.expiry).toMatchObject({ expired: true, expiresAt: '1970-01-01T00:33:20.000Z' });
    expect(result.explanations.find((item) => item.claim === 'org_id')?.meaning).toMatch(/Organization id/);
  });

  it('still verifies the signature of an expired token that has no iat', async () => {
    const { privateKey, publicJwk } = await keys();
    const token = await sign(privateKey, { iss: issuer, exp: 1000 });
    const result = await inspectToken(
      token,
      { kind: 'jwks', jwks: JSON.stringify({ keys: [publicJwk] }) },
      () => undefined,
      new Date(NOW),
    );
    expect(result.signature.status).toBe('valid');
    expect(result.expiry.expired).toBe(true);
  });

  it('finds a tampered payload and a wrong JWKS invalid', async () => {
    const { privateKey, publicJwk } = await keys();
    const other = await keys();
    const token = await sign(privateKey, { iss: issuer, org_name: 'Acme' });
    const [header, , signature] = token.split('.');
    const tampered = `${header}.${b64url({ iss: issuer, org_name: 'Globex' })}.${signature}`;
    const local: LocalJwks = () => [publicJwk];
    expect((await inspectToken(tampered, { kind: 'auto' }, local, new Date(NOW))).signature.status).toBe('invalid');
    const wrong = await inspectToken(
      token,
      { kind: 'jwks', jwks: JSON.stringify(other.publicJwk) },
      local,
      new Date(NOW),
    );
    expect(wrong.signature).toMatchObject({ status: 'invalid', keySource: 'the pasted JWKS' });
  });

  it('refuses a pasted JWKS that is not JSON or not a key set, naming keys.jwks', async () => {
    const token = jwtOf({ alg: 'ES256' }, { iss: issuer });
    for (const jwks of ['{not json', 'null', '[]', '{"keys":"x"}', '{"keys":[{}]}']) {
      const failure = inspectToken(token, { kind: 'jwks', jwks }, () => undefined, new Date(NOW));
      await expect(failure).rejects.toBeInstanceOf(ValidationError);
      await expect(failure).rejects.toMatchObject({ fields: [{ path: 'keys.jwks' }] });
    }
  });

  it('leaves a token unverified when no key source applies, and opaque tokens undecoded', async () => {
    const token = jwtOf({ alg: 'ES256' }, { iss: 'https://elsewhere' });
    expect((await inspectToken(token, { kind: 'auto' }, () => undefined, new Date(NOW))).signature.status).toBe(
      'unverified',
    );
    const opaque = await inspectToken('Zm9vYmFy', { kind: 'auto' }, () => undefined, new Date(NOW));
    expect(opaque).toMatchObject({ format: 'opaque', claims: null, signature: { status: 'unverified' } });
  });
});
