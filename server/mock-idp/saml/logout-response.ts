/** The signed LogoutResponse a mock IdP answers a LogoutRequest with. */
import { randomBytes } from 'node:crypto';
import { NS, STATUS } from '../../federation/saml/saml-vocabulary';
import type { SamlIdpIdentity } from './build-saml-response';
import type { LogoutRequestFacts } from './parse-saml-request';
import { signRootElement } from './sign-xml';
import { SAML_VENDOR_SHAPES } from './vendor-shapes';
import { attrs, esc } from './xml-text';

export function buildLogoutResponse(idp: SamlIdpIdentity, request: LogoutRequestFacts, now: Date): string {
  const shape = SAML_VENDOR_SHAPES[idp.preset];
  const xml =
    `<samlp:LogoutResponse xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}"` +
    attrs({
      ID: `_${randomBytes(20).toString('hex')}`,
      Version: '2.0',
      IssueInstant: now.toISOString(),
      InResponseTo: request.id,
    }) +
    `><saml:Issuer>${esc(idp.entityId)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${STATUS.success}"/></samlp:Status>` +
    `</samlp:LogoutResponse>`;
  return signRootElement(xml, 'LogoutResponse', {
    key: idp.key,
    algorithm: 'sha256',
    certificateInKeyInfo: shape.certificateInKeyInfo,
  });
}
