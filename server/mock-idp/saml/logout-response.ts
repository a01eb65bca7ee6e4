/**
 * The logout messages a mock IdP sends: the LogoutResponse to an SP's LogoutRequest, and
 * the LogoutRequest of an IdP-initiated single logout. For the Redirect binding the XML
 * carries no signature (the query is signed instead); shown on a page it is signed.
 */
import { randomBytes } from 'node:crypto';
import { NAMEID_FORMATS, NS, STATUS } from '../../federation/saml/saml-vocabulary';
import type { SamlIdpIdentity } from './build-saml-response';
import type { LogoutRequestFacts } from './parse-saml-request';
import type { PersonaClaims } from './saml-response-xml';
import { signRootElement } from './sign-xml';
import { SAML_VENDOR_SHAPES } from './vendor-shapes';
import { attrs, esc } from './xml-text';

const newId = () => `_${randomBytes(20).toString('hex')}`;

const open = (name: string, values: Record<string, string | null | undefined>) =>
  `<samlp:${name} xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}"` +
  attrs({ ID: newId(), Version: '2.0', ...values }) +
  '>';

function signed(idp: SamlIdpIdentity, xml: string, root: string): string {
  return signRootElement(xml, root, {
    key: idp.key,
    algorithm: 'sha256',
    certificateInKeyInfo: SAML_VENDOR_SHAPES[idp.preset].certificateInKeyInfo,
  });
}

export function buildLogoutResponse(
  idp: SamlIdpIdentity,
  request: LogoutRequestFacts,
  now: Date,
  options: { destination?: string; sign: boolean } = { sign: true },
): string {
  const xml =
    open('LogoutResponse', {
      IssueInstant: now.toISOString(),
      Destination: options.destination,
      InResponseTo: request.id,
    }) +
    `<saml:Issuer>${esc(idp.entityId)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${STATUS.success}"/></samlp:Status>` +
    `</samlp:LogoutResponse>`;
  return options.sign ? signed(idp, xml, 'LogoutResponse') : xml;
}

/** An IdP-initiated LogoutRequest for `persona` at the SP whose single-logout URL is `destination` (unsigned XML). */
export function buildLogoutRequest(
  idp: SamlIdpIdentity,
  persona: PersonaClaims,
  destination: string,
  now: Date,
): string {
  const format = idp.settings.nameIdFormat;
  const value = format === 'persistent' ? persona.subject : persona.email;
  return (
    open('LogoutRequest', {
      IssueInstant: now.toISOString(),
      Destination: destination,
      NotOnOrAfter: new Date(now.getTime() + 5 * 60 * 1000).toISOString(),
    }) +
    `<saml:Issuer>${esc(idp.entityId)}</saml:Issuer>` +
    `<saml:NameID${attrs({ Format: NAMEID_FORMATS[format] })}>${esc(value)}</saml:NameID>` +
    `</samlp:LogoutRequest>`
  );
}
