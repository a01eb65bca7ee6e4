/**
 * Sends the browser to a connection's SAML IdP: an AuthnRequest made by node-saml
 * (issuer = this SP's entity ID, ACS = this connection's, NameIDPolicy per the connection,
 * signed with the connection's SP key when it says so, SHA-256), by HTTP-Redirect or by
 * HTTP-POST through an Orgbench auto-post page. The request ID is stored with the waiting
 * interaction and doubles as the RelayState, an opaque handle that is never a URL.
 */
import { inflateRawSync } from 'node:zlib';
import { SAML } from '@node-saml/node-saml';
import { SamlCacheRepository } from '../../store/saml-cache-repository';
import type { Connection } from '../../model/federation';
import type { Clock } from '../../runtime/clock';
import type { TraceRecorder } from '../../trace/trace-recorder';
import { FederationError, type StartUpstreamLogin } from '../contracts';
import type { FederationDeps } from '../federation-deps';
import { SqliteRequestCache, newRequestId, samlSettings, spSamlConfig, type SpKeys } from './saml-sp-options';
import { displayXml } from './saml-xml';

/** The Orgbench page that auto-posts a POST-binding AuthnRequest. */
export const postBindingPath = (connectionId: string, requestId: string) =>
  `/federation/saml/${encodeURIComponent(connectionId)}/post/${requestId}`;

/** The protocol's start: returns the URL the browser goes to next. */
export function createStartSamlLogin(deps: FederationDeps): StartUpstreamLogin {
  const cache = new SamlCacheRepository(deps.db);
  return async ({ connection, interactionUid, issuerPath, loginHint, trace }) => {
    try {
      const saml = samlSettings(connection);
      const keys = deps.connections.record(connection.id);
      cache.purgeExpired(deps.clock.now().getTime());
      const requestId = newRequestId();
      const sending = new SqliteRequestCache(cache, deps.clock, connection.id, { interactionUid, issuerPath });
      if (saml.binding === 'redirect') {
        const url = await new SAML(spSamlConfig({ connection, keys, cache: sending, requestId })).getAuthorizeUrlAsync(
          requestId,
          undefined,
          loginHint ? { additionalParams: { login_hint: loginHint } } : {},
        );
        const query = new URL(url).searchParams;
        recordRequest(trace, connection, {
          binding: 'HTTP-Redirect',
          xml: inflateRawSync(Buffer.from(query.get('SAMLRequest') ?? '', 'base64')).toString('utf8'),
          signed: query.has('Signature') ? `query signature (${query.get('SigAlg')})` : 'unsigned',
          relayState: requestId,
        });
        return url;
      }
      const message = await postMessage({ connection, keys, cache: sending, requestId, clock: deps.clock });
      recordRequest(trace, connection, {
        binding: 'HTTP-POST',
        xml: message.xml,
        signed: saml.signAuthnRequests ? 'enveloped signature (RSA-SHA256)' : 'unsigned',
        relayState: requestId,
      });
      const page = `${deps.protocolUrl}${postBindingPath(connection.id, requestId)}`;
      return loginHint ? `${page}?login_hint=${encodeURIComponent(loginHint)}` : page;
    } catch (error) {
      if (error instanceof FederationError) trace.fail(error.rule, error.message);
      throw error;
    }
  };
}

/** The POST-binding AuthnRequest with the ID `requestId` (made again for the auto-post page). */
export async function postMessage(input: {
  connection: Connection;
  keys: SpKeys;
  cache: SqliteRequestCache;
  requestId: string;
  clock: Clock;
}): Promise<{ samlRequest: string; xml: string }> {
  const saml = new SAML({
    ...spSamlConfig({ connection: input.connection, keys: input.keys, cache: input.cache, requestId: input.requestId }),
    // The POST binding carries plain base64; node-saml deflates unless told not to.
    skipRequestCompression: true,
  });
  const message = await saml.getAuthorizeMessageAsync(input.requestId);
  const samlRequest = String(message.SAMLRequest);
  return { samlRequest, xml: Buffer.from(samlRequest, 'base64').toString('utf8') };
}

function recordRequest(
  trace: TraceRecorder,
  connection: Connection,
  request: { binding: string; xml: string; signed: string; relayState: string },
): void {
  trace.step({
    from: 'orgbench',
    to: 'idp',
    title: `SAML AuthnRequest (${request.binding}) to ${connection.saml?.idpEntityId ?? 'the IdP'}`,
    status: 'info',
    detail: {
      xml: displayXml(request.xml),
      binding: request.binding,
      destination: connection.saml?.idpSsoUrl,
      signature: request.signed,
      relayState: request.relayState,
      nameIdFormat: connection.saml?.nameIdFormat,
    },
  });
}
