/**
 * What a mock IdP would send for a persona, as the SP end sees it after validation, built
 * by the same code the mock IdPs answer with: the vendor-shaped SAML attributes (flattened
 * as node-saml does) or the vendor's ID token claims, plus userinfo when the RP would ask.
 */
import { randomBytes } from 'node:crypto';
import { VENDOR_LABELS, type Connection, type MockIdp, type Persona } from '../model/federation';
import { NAMEID_FORMATS } from './saml/saml-vocabulary';
import { toExternalProfile } from './saml/verify-saml-signature';
import { samlPersonaAttributes } from '../mock-idp/saml/saml-response-xml';
import { SAML_VENDOR_SHAPES } from '../mock-idp/saml/vendor-shapes';
import { vendorIdTokenClaims, vendorSubject, vendorUserinfo } from '../mock-idp/oidc/vendor-claims';
import { buildProfile, claimsToAttributes, missingMappedFields } from './oidc/id-token-profile';
import type { ExternalProfile } from './contracts';

export interface SentByMock {
  profile: ExternalProfile;
  subjectNote: string | null;
  fromUserinfo: string[];
}

/** The profile the SP would build from this persona's answer (no faults applied). */
export function sentByMock(connection: Connection, idp: MockIdp, persona: Persona, now: Date): SentByMock {
  return idp.kind === 'saml' ? samlSent(idp, persona) : oidcSent(connection, idp, persona, now);
}

function samlSent(idp: MockIdp, persona: Persona): SentByMock {
  const format = idp.saml?.nameIdFormat ?? 'emailAddress';
  const nameID = format === 'persistent' ? persona.subject : format === 'transient' ? transientId() : persona.email;
  const list = samlPersonaAttributes(idp, SAML_VENDOR_SHAPES[idp.preset], persona, { missingAttribute: false });
  // node-saml gives a single AttributeValue as a string, several as an array.
  const attributes = Object.fromEntries(list.map(([name, values]) => [name, values.length === 1 ? values[0] : values]));
  const profile = toExternalProfile({
    issuer: idp.entityId,
    nameID,
    nameIDFormat: NAMEID_FORMATS[format],
    attributes,
  });
  const subjectNote =
    format === 'transient'
      ? 'Transient NameID: a new value at every login, so it never matches an earlier link.'
      : format === 'persistent'
        ? 'Persistent NameID: the persona’s stable subject.'
        : `NameID in the ${format} format.`;
  return { profile, subjectNote, fromUserinfo: [] };
}

function oidcSent(connection: Connection, idp: MockIdp, persona: Persona, now: Date): SentByMock {
  const clientId = connection.oidc?.clientId ?? '';
  const seconds = Math.floor(now.getTime() / 1000);
  const claims = vendorIdTokenClaims({
    preset: idp.preset,
    issuer: connection.oidc?.issuer ?? idp.entityId,
    clientId,
    idpId: idp.id,
    persona,
    scopes: connection.oidc?.scopes ?? ['openid', 'email', 'profile'],
    nonce: undefined,
    now: seconds,
    authTime: seconds,
    accessToken: 'mapping-preview',
  });
  // The RP asks userinfo only for claims the ID token lacks (callback-checks.ts).
  const missing = missingMappedFields(connection.mapping, claimsToAttributes(claims));
  const userinfo = missing.length > 0 ? vendorUserinfo(idp.preset, claims, persona) : undefined;
  const profile = buildProfile(claims, userinfo, true);
  const fromUserinfo = userinfo ? Object.keys(userinfo).filter((name) => !(name in claims)) : [];
  const pairwise = vendorSubject(idp.preset, idp.id, clientId, persona.subject) !== persona.subject;
  return {
    profile,
    subjectNote: pairwise ? `${VENDOR_LABELS[idp.preset]}’s own user id for this persona (sub), not its handle.` : null,
    fromUserinfo,
  };
}

const transientId = () => `_${randomBytes(16).toString('hex')}`;
