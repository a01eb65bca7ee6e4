/**
 * A mock IdP's single logout, refused where the vendor it imitates has no SAML logout
 * (Google, SecureAuth) or only the Redirect binding (Entra):
 *
 *   LogoutRequest from an SP    answered with a LogoutResponse: to an Orgbench connection
 *                               by Redirect with a signed query (after checking the
 *                               request's signature with the connection's certificate);
 *                               to any other SP shown signed on a "signed out" page
 *   IdP-initiated               `/logout?connection=&persona=`: a signed LogoutRequest for
 *                               the persona, by Redirect, to the connection's SLO URL
 *   LogoutResponse from an SP   the answer to that: a "signed out" page
 */
import { redirectQuery, type SamlBinding } from '../../federation/saml/saml-bindings';
import type { Connection, MockIdp } from '../../model/federation';
import type { SamlIdpIdentity } from './build-saml-response';
import { buildLogoutRequest, buildLogoutResponse } from './logout-response';
import { idpErrorPage, signedOutPage, type IdpLook } from './mock-idp-pages';
import {
  SamlRequestError,
  decodeSamlMessage,
  parseLogoutRequest,
  verifyEmbeddedSignature,
  verifyQuerySignature,
} from './parse-saml-request';
import type { PersonaClaims } from './saml-response-xml';
import { SAML_VENDOR_SHAPES } from './vendor-shapes';

export interface LogoutIdp {
  view: MockIdp;
  identity: SamlIdpIdentity;
  look: IdpLook;
}

/** An Orgbench connection as the SP of a logout: where to answer and the certificate it signs with. */
export interface LogoutSp {
  connection: Connection;
  sloUrl: string;
  certificatePem: string;
}

export interface LogoutMessage {
  encoded: string | undefined;
  relayState: string | undefined;
  binding: SamlBinding;
  rawQuery: string;
}

export type LogoutAnswer = { status: number; page: string } | { redirect: string };

function unsupported(idp: LogoutIdp, binding: SamlBinding): { status: number; page: string } | undefined {
  const support = SAML_VENDOR_SHAPES[idp.view.preset].logout;
  const refuse = (title: string, message: string) => ({ status: 400, page: idpErrorPage(idp.look, title, message) });
  if (support === 'none')
    return refuse(
      'Single logout is not supported',
      `${idp.view.name} (like the IdP it imitates) offers no SAML single logout.`,
    );
  if (support === 'redirect-only' && binding === 'post')
    return refuse(
      'Single logout binding not supported',
      `${idp.view.name} accepts logout messages only by HTTP-Redirect.`,
    );
  return undefined;
}

/** An SP's LogoutRequest → the LogoutResponse (redirect to an Orgbench SP, or a page). */
export function answerLogoutRequest(
  idp: LogoutIdp,
  findSp: (entityId: string) => LogoutSp | undefined,
  message: LogoutMessage,
  now: Date,
): LogoutAnswer {
  const refusal = unsupported(idp, message.binding);
  if (refusal) return refusal;
  const refuse = (title: string, text: string) => ({ status: 400, page: idpErrorPage(idp.look, title, text) });
  if (!message.encoded) return refuse('No logout request', 'The application sent no SAMLRequest.');
  try {
    const request = parseLogoutRequest(decodeSamlMessage(message.encoded, message.binding));
    const sp = findSp(request.issuer);
    if (!sp) {
      const responseXml = buildLogoutResponse(idp.identity, request, now);
      return {
        status: 200,
        page: signedOutPage(idp.look, { spName: request.issuer || 'the application', responseXml }),
      };
    }
    const signedOk =
      message.binding === 'redirect'
        ? verifyQuerySignature(message.rawQuery, sp.certificatePem) === true
        : verifyEmbeddedSignature(request.xml, sp.certificatePem);
    if (!signedOk)
      return refuse('The logout request is not trusted', `The LogoutRequest is not signed by ${sp.connection.name}.`);
    const xml = buildLogoutResponse(idp.identity, request, now, { destination: sp.sloUrl, sign: false });
    const query = redirectQuery('SAMLResponse', xml, message.relayState, idp.identity.key.privateKeyPem);
    return { redirect: `${sp.sloUrl}?${query}` };
  } catch (error) {
    if (error instanceof SamlRequestError) return refuse('The logout request cannot be read', error.message);
    throw error;
  }
}

/** IdP-initiated single logout of `persona` at an Orgbench connection: the signed Redirect URL. */
export function startIdpLogout(idp: LogoutIdp, sp: LogoutSp, persona: PersonaClaims, now: Date): LogoutAnswer {
  const refusal = unsupported(idp, 'redirect');
  if (refusal) return refusal;
  if (idp.identity.settings.nameIdFormat === 'transient') {
    return {
      status: 400,
      page: idpErrorPage(
        idp.look,
        'No NameID to sign out',
        `${idp.view.name} sends transient NameIDs, so it cannot name ${persona.displayName} in a later LogoutRequest; sign out from the application instead.`,
      ),
    };
  }
  const xml = buildLogoutRequest(idp.identity, persona, sp.sloUrl, now);
  return { redirect: `${sp.sloUrl}?${redirectQuery('SAMLRequest', xml, undefined, idp.identity.key.privateKeyPem)}` };
}

/** An SP's LogoutResponse to an IdP-initiated logout: the "signed out" page. */
export function showLogoutResponse(
  idp: LogoutIdp,
  findSp: (entityId: string) => LogoutSp | undefined,
  message: LogoutMessage,
): LogoutAnswer {
  if (!message.encoded)
    return { status: 400, page: idpErrorPage(idp.look, 'No logout response', 'The application sent no SAMLResponse.') };
  try {
    const xml = decodeSamlMessage(message.encoded, message.binding);
    const sp = findSp(/<(?:\w+:)?Issuer[^>]*>([^<]+)</.exec(xml)?.[1] ?? '');
    return {
      status: 200,
      page: signedOutPage(idp.look, {
        spName: sp ? `${sp.connection.name} (Orgbench)` : 'the application',
        responseXml: xml,
      }),
    };
  } catch (error) {
    if (error instanceof SamlRequestError)
      return { status: 400, page: idpErrorPage(idp.look, 'The logout response cannot be read', error.message) };
    throw error;
  }
}
