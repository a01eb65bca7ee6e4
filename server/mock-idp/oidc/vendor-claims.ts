/**
 * What each vendor's ID token and userinfo look like for a persona (vendor-idp-shapes.md
 * §1–5): claim names, value shapes (GUID groups for Entra, `ver` as a string or a
 * number, Google's `hd`…), which scope releases what, and token lifetimes. Pure: the
 * caller supplies the time, the nonce and the access token.
 */
import { createHash } from 'node:crypto';
import type { Persona, VendorPreset } from '../../model/federation';
import { base62, base64url, digest, digits, guid } from './vendor-ids';

/** The persona as it signs in (possibly edited on the picker for this login). */
export type PersonaSnapshot = Pick<
  Persona,
  'handle' | 'displayName' | 'email' | 'givenName' | 'familyName' | 'subject' | 'groups' | 'attributes'
>;

export interface ClaimContext {
  preset: VendorPreset;
  issuer: string;
  clientId: string;
  /** The mock IdP's id: the seed of tenant, org and environment ids. */
  idpId: string;
  persona: PersonaSnapshot;
  scopes: readonly string[];
  nonce: string | undefined;
  /** Seconds since the epoch. */
  now: number;
  authTime: number;
  accessToken: string;
}

/** Claims set by every mock: the persona (for traces and the CLI) and the MOCK label (security.md #19). */
export const PERSONA_CLAIM = 'orgbench_persona';
export const MOCK_CLAIM = 'orgbench_mock';

/** ID token lifetime in seconds (PingOne's 1 h; PingFederate's 5 min is not imitated). */
export const ID_TOKEN_LIFETIME: Record<VendorPreset, number> = {
  okta: 3600,
  entra: 3600,
  ping: 3600,
  google: 3600,
  secureauth: 3600,
  generic: 3600,
};

/** Where each vendor puts the usual user fields: for prefilling a connection's mapping. */
export const VENDOR_CLAIM_NAMES: Record<
  VendorPreset,
  { email: string; name?: string; givenName?: string; familyName?: string; groups?: string }
> = {
  okta: { email: 'email', name: 'name', givenName: 'given_name', familyName: 'family_name', groups: 'groups' },
  entra: { email: 'email', name: 'name', groups: 'groups' },
  ping: { email: 'email', givenName: 'given_name', familyName: 'family_name', groups: 'memberOfGroupNames' },
  google: { email: 'email', name: 'name', givenName: 'given_name', familyName: 'family_name' },
  secureauth: { email: 'email', name: 'name', givenName: 'given_name', familyName: 'family_name', groups: 'groups' },
  generic: { email: 'email', name: 'name', givenName: 'given_name', familyName: 'family_name', groups: 'groups' },
};

/** Claims about the protocol rather than the user: never in userinfo, never overridden by persona attributes. */
export const PROTOCOL_CLAIMS = new Set([
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'nonce',
  'auth_time',
  'at_hash',
  'c_hash',
  'azp',
  'jti',
  'uti',
  'aio',
  'rh',
  'sid',
  'acr',
  'amr',
  'ver',
  'sub',
  'idp',
  'tid',
  'env',
  'org',
  'p1.region',
]);

/** Claims that carry an email address (all removed by the missing_attribute fault). */
export const EMAIL_CLAIMS = ['email', 'email_verified', 'preferred_username', 'upn', 'mail'];

/** `at_hash`: the left half of SHA-256 of the access token, base64url (OIDC Core §3.1.3.6). */
export function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');
}

/** The `sub` the vendor would send for this persona to this client. */
export function vendorSubject(preset: VendorPreset, idpId: string, clientId: string, subject: string): string {
  switch (preset) {
    case 'entra':
      return base64url(43, 'pairwise', idpId, clientId, subject); // pairwise per app
    case 'okta':
      return `00u${base62(17, 'user', idpId, subject)}`;
    case 'ping':
      return guid('user', idpId, subject);
    case 'google':
      return digits(21, 'user', idpId, subject);
    case 'secureauth':
      return digest('hash-subject', idpId, subject).toString('hex'); // subject_format: hash
    default:
      return subject;
  }
}

/** Entra sends group object ids, not names: a stable GUID per group name. */
export const entraGroupId = (idpId: string, group: string): string => guid('group', idpId, group);

/** The groups claim as the vendor sends it, or undefined when it sends none. */
export function vendorGroups(
  preset: VendorPreset,
  idpId: string,
  groups: readonly string[],
  scopes: readonly string[],
): { name: string; value: string[] } | undefined {
  switch (preset) {
    case 'entra':
      return { name: 'groups', value: groups.map((group) => entraGroupId(idpId, group)) };
    case 'okta':
      // Okta releases groups only for the `groups` scope (and only those the app's filter matches).
      return scopes.includes('groups') ? { name: 'groups', value: [...groups] } : undefined;
    case 'ping':
      return { name: 'memberOfGroupNames', value: [...groups] };
    case 'google':
      return undefined; // Google's OIDC has no groups claim.
    default:
      return { name: 'groups', value: [...groups] };
  }
}

function splitName(persona: PersonaSnapshot): { given: string; family: string } {
  const [first, ...rest] = persona.displayName.split(/\s+/);
  return { given: persona.givenName ?? first ?? '', family: persona.familyName ?? rest.join(' ') };
}

/** The ID token claims the vendor would send (before any fault). */
export function vendorIdTokenClaims(context: ClaimContext): Record<string, unknown> {
  const { preset, persona, scopes, now, idpId, clientId } = context;
  const email = scopes.includes('email');
  const profile = scopes.includes('profile');
  const { given, family } = splitName(persona);
  const domain = persona.email.split('@')[1] ?? '';
  const sub = vendorSubject(preset, idpId, clientId, persona.subject);
  const exp = now + ID_TOKEN_LIFETIME[preset];
  const common = {
    iss: context.issuer,
    aud: clientId,
    sub,
    iat: now,
    exp,
    ...(context.nonce ? { nonce: context.nonce } : {}),
  };
  let claims: Record<string, unknown>;
  switch (preset) {
    case 'entra': {
      const tid = guid('tenant', idpId);
      claims = {
        ...common,
        nbf: now,
        aio: base64url(64, 'aio', persona.subject, String(now)),
        ...(email ? { email: persona.email } : {}),
        ...(profile
          ? {
              name: persona.displayName,
              oid: guid('object', idpId, persona.subject),
              preferred_username: persona.email,
            }
          : {}),
        rh: `0.A${base64url(40, 'rh', idpId, clientId)}.`,
        sid: guid('session', persona.subject, String(context.authTime)),
        tid,
        upn: persona.email,
        uti: base64url(22, 'uti', persona.subject, String(now), context.accessToken),
        ver: '2.0',
      };
      break;
    }
    case 'okta':
      claims = {
        ...common,
        ver: 1,
        jti: `ID.${base64url(43, 'jti', context.accessToken)}`,
        amr: ['pwd'],
        idp: `00o${base62(17, 'org', idpId)}`,
        auth_time: context.authTime,
        at_hash: atHash(context.accessToken),
        ...(profile
          ? {
              name: persona.displayName,
              preferred_username: persona.email,
              given_name: given,
              family_name: family,
              locale: 'en-US',
              zoneinfo: 'America/Los_Angeles',
            }
          : {}),
        ...(email ? { email: persona.email, email_verified: true } : {}),
      };
      break;
    case 'ping':
      claims = {
        ...common,
        acr: 'Single_Factor',
        amr: ['pwd'],
        auth_time: context.authTime,
        sid: guid('session', persona.subject, String(context.authTime)),
        env: guid('environment', idpId),
        org: guid('organization', idpId),
        'p1.region': 'NA1',
        ...(profile ? { given_name: given, family_name: family, preferred_username: persona.handle } : {}),
        ...(email ? { email: persona.email } : {}),
      };
      break;
    case 'google':
      claims = {
        ...common,
        azp: clientId,
        at_hash: atHash(context.accessToken),
        ...(domain ? { hd: domain } : {}),
        ...(email ? { email: persona.email, email_verified: true } : {}),
        ...(profile ? { name: persona.displayName, given_name: given, family_name: family } : {}),
      };
      break;
    case 'secureauth':
      claims = {
        ...common,
        nbf: now,
        auth_time: context.authTime,
        acr: '1',
        amr: ['pwd'],
        idp: guid('identity-pool', idpId),
        jti: guid('jti', context.accessToken),
        ...(email ? { email: persona.email, email_verified: true } : {}),
        ...(profile ? { name: persona.displayName, given_name: given, family_name: family } : {}),
      };
      break;
    default:
      claims = {
        ...common,
        auth_time: context.authTime,
        jti: base64url(22, 'jti', context.accessToken),
        ...(email ? { email: persona.email, email_verified: true } : {}),
        ...(profile
          ? { name: persona.displayName, given_name: given, family_name: family, preferred_username: persona.email }
          : {}),
      };
  }
  const groups = vendorGroups(preset, idpId, persona.groups, scopes);
  if (groups) claims[groups.name] = groups.value;
  for (const [name, value] of Object.entries(persona.attributes)) {
    if (!PROTOCOL_CLAIMS.has(name) && !(name in claims)) claims[name] = value;
  }
  claims[PERSONA_CLAIM] = persona.handle;
  claims[MOCK_CLAIM] = true;
  return claims;
}

/** Userinfo as the vendor answers it, from the (possibly faulted) ID token claims. */
export function vendorUserinfo(preset: VendorPreset, idTokenClaims: Record<string, unknown>, persona: PersonaSnapshot) {
  const pick = (names: string[]) =>
    Object.fromEntries(
      names.filter((name) => idTokenClaims[name] !== undefined).map((name) => [name, idTokenClaims[name]]),
    );
  const { given, family } = splitName(persona);
  switch (preset) {
    case 'entra':
      // Graph's userinfo: a fixed, small set; names even though the v2 ID token has none.
      return { sub: idTokenClaims.sub, ...pick(['name', 'email']), given_name: given, family_name: family };
    case 'google':
      return {
        sub: idTokenClaims.sub,
        ...pick(['name', 'given_name', 'family_name', 'email', 'email_verified', 'hd']),
      };
    default:
      return Object.fromEntries(
        Object.entries(idTokenClaims).filter(([name]) => name === 'sub' || !PROTOCOL_CLAIMS.has(name)),
      );
  }
}

/** The JWT header fields besides `alg` (Okta sends no `typ`). */
export function vendorIdTokenHeader(preset: VendorPreset, kid: string): { kid: string; typ?: string } {
  return preset === 'okta' ? { kid } : { typ: 'JWT', kid };
}
