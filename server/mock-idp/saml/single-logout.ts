/**
 * A mock IdP's single logout: a LogoutRequest (Redirect or POST binding) answered with a
 * signed LogoutResponse, shown on a "signed out" page; refused where the vendor it imitates
 * has no SAML logout (Google, SecureAuth) or only the Redirect binding (Entra).
 */
import type { MockIdp } from '../../model/federation';
import type { SamlIdpIdentity } from './build-saml-response';
import { buildLogoutResponse } from './logout-response';
import { idpErrorPage, signedOutPage, type IdpLook } from './mock-idp-pages';
import { SamlRequestError, decodeSamlMessage, parseLogoutRequest } from './parse-saml-request';
import { SAML_VENDOR_SHAPES } from './vendor-shapes';

export function answerLogoutRequest(
  idp: { view: MockIdp; identity: SamlIdpIdentity; look: IdpLook },
  encoded: string | undefined,
  binding: 'redirect' | 'post',
  now: Date,
): { status: number; page: string } {
  const refuse = (title: string, message: string) => ({ status: 400, page: idpErrorPage(idp.look, title, message) });
  const support = SAML_VENDOR_SHAPES[idp.view.preset].logout;
  if (support === 'none') {
    return refuse(
      'Single logout is not supported',
      `${idp.view.name} (like the IdP it imitates) offers no SAML single logout.`,
    );
  }
  if (support === 'redirect-only' && binding === 'post') {
    return refuse(
      'Single logout binding not supported',
      `${idp.view.name} accepts LogoutRequests only by HTTP-Redirect.`,
    );
  }
  if (!encoded) return refuse('No logout request', 'The application sent no SAMLRequest.');
  try {
    const request = parseLogoutRequest(decodeSamlMessage(encoded, binding));
    const responseXml = buildLogoutResponse(idp.identity, request, now);
    return { status: 200, page: signedOutPage(idp.look, { spName: request.issuer || 'the application', responseXml }) };
  } catch (error) {
    if (error instanceof SamlRequestError) return refuse('The logout request cannot be read', error.message);
    throw error;
  }
}
