/**
 * This SP's endpoints per connection, under `/federation/saml/{connectionId}`:
 *
 *   POST /acs               the IdP's Response: validated (validate-saml-response.ts), then
 *                           303 to the interaction, or to its error page. Cookie-less: the
 *                           sign-in is found through RelayState/InResponseTo, because a
 *                           cross-site POST carries no SameSite=Lax cookie.
 *   GET|POST /slo           single logout (sp-single-logout.ts): the IdP's LogoutRequest ends the
 *                           user's Orgbench sessions and is answered; the IdP's LogoutResponse to
 *                           a sign-out Orgbench started sends the browser on
 *   GET  /metadata          SP metadata (entity ID, ACS, SLO, certificate, NameID format, signing wishes)
 *   GET  /post/{requestId}  auto-post of a POST-binding AuthnRequest to the IdP
 */
import Router from '@koa/router';
import { generateServiceProviderMetadata } from '@node-saml/node-saml';
import type { Context } from 'koa';
import { NotFoundError } from '../../errors';
import type { Connection } from '../../model/federation';
import { SamlCacheRepository, type SamlRequestRecord } from '../../store/saml-cache-repository';
import type { TraceRecorder } from '../../trace/trace-recorder';
import { AUTOPOST_PAGE_CSP, autopostPage } from '../../web/autopost-page';
import { hostedPage, html } from '../../web/html';
import { FederationError } from '../contracts';
import type { FederationDeps } from '../federation-deps';
import { FormTooLargeError, queryValue, readSamlForm, sendHtml, sendXml } from './saml-http';
import type { IncomingLogoutMessage } from './saml-logout-checks';
import { SqliteRequestCache, isRequestHandle, samlSettings } from './saml-sp-options';
import { BINDINGS, NAMEID_FORMATS } from './saml-vocabulary';
import { answerIdpLogout, completeUpstreamLogout, recordUpstreamSession } from './sp-single-logout';
import { postMessage } from './start-saml-login';
import { validateSamlResponse } from './validate-saml-response';

export function createSamlSpRoutes(deps: FederationDeps): Router {
  const router = new Router({ prefix: '/federation/saml/:connectionId' });
  const cache = new SamlCacheRepository(deps.db);
  const slo = deps.slo;

  const connectionOf = (ctx: Context): Connection => {
    const connection = deps.connections.get(String(ctx.params.connectionId));
    if (connection.kind !== 'saml')
      throw new NotFoundError('connection_not_found', `${connection.name} is not a SAML connection.`);
    return connection;
  };

  router.post('/acs', async (ctx) => {
    const connection = connectionOf(ctx);
    let form: Record<string, string>;
    try {
      form = await readSamlForm(ctx);
    } catch (error) {
      if (!(error instanceof FormTooLargeError)) throw error;
      return refusePage(
        ctx,
        new FederationError('saml_size', 'The posted SAMLResponse is larger than 256 KiB.', 413),
        undefined,
      );
    }
    const relayState = form.RelayState;
    // The RelayState is only a lookup key for the waiting sign-in, never a URL to follow.
    const pending = isRequestHandle(relayState)
      ? cache.findRequest(relayState, connection.id, deps.clock.now().getTime())
      : undefined;
    const trace = traceFor(deps, connection, pending);
    if (!connection.enabled) {
      return reject(
        ctx,
        deps,
        new FederationError('connection_disabled', `The connection “${connection.name}” is switched off.`, 403),
        pending,
        trace,
      );
    }
    try {
      const keys = deps.connections.record(connection.id);
      const result = await validateSamlResponse(
        { connection, keys, samlResponse: form.SAMLResponse, relayState, cache, clock: deps.clock },
        trace,
      );
      recordUpstreamSession(slo, connection, result.profile);
      if (!result.request) {
        trace.annotate({ ...(result.profile.persona ? { persona: result.profile.persona } : {}) });
        ctx.status = 303;
        ctx.redirect(deps.startIdpInitiated({ connection, profile: result.profile, trace }));
        return;
      }
      ctx.status = 303;
      ctx.redirect(
        await deps.complete({
          connection,
          interactionUid: result.request.interactionUid,
          issuerPath: result.request.issuerPath,
          profile: result.profile,
          trace,
        }),
      );
    } catch (error) {
      if (!(error instanceof FederationError)) throw error;
      reject(ctx, deps, error, pending, trace);
    }
  });

  router.get('/metadata', (ctx) => {
    const connection = connectionOf(ctx);
    const saml = samlSettings(connection);
    const keys = deps.connections.record(connection.id);
    const metadata = generateServiceProviderMetadata({
      issuer: connection.sp.entityId,
      callbackUrl: connection.sp.acsUrl,
      ...(connection.sp.sloUrl ? { logoutCallbackUrl: connection.sp.sloUrl } : {}),
      identifierFormat: NAMEID_FORMATS[saml.nameIdFormat],
      wantAssertionsSigned: saml.wantAssertionsSigned,
      decryptionPvk: keys.spPrivateKeyPem,
      decryptionCert: keys.spCertificatePem,
      publicCerts: keys.spCertificatePem,
      ...(saml.signAuthnRequests ? { privateKey: keys.spPrivateKeyPem, signatureAlgorithm: 'sha256' as const } : {}),
    });
    // node-saml names the POST binding only; the endpoint takes Redirect too.
    sendXml(
      ctx,
      metadata.replace(
        /(<SingleLogoutService Binding=")[^"]+(" Location="[^"]+"\/>)/,
        `$1${BINDINGS.redirect}$2$1${BINDINGS.post}$2`,
      ),
    );
  });

  const logout = async (ctx: Context, message: IncomingLogoutMessage, kind: 'request' | 'response') => {
    const connection = connectionOf(ctx);
    const found: { continueUrl?: string } = {};
    try {
      if (kind === 'request') {
        const answer = await answerIdpLogout(slo, connection, message);
        ctx.status = 303;
        ctx.redirect(answer.location);
        return;
      }
      const done = await completeUpstreamLogout(slo, connection, message, found);
      ctx.status = 303;
      ctx.redirect(done.continueUrl);
    } catch (error) {
      if (!(error instanceof FederationError)) throw error;
      logoutRefusedPage(ctx, error, found.continueUrl);
    }
  };

  router.get('/slo', async (ctx) => {
    const request = queryValue(ctx, 'SAMLRequest');
    const base = { binding: 'redirect' as const, relayState: queryValue(ctx, 'RelayState'), rawQuery: ctx.querystring };
    await logout(
      ctx,
      { ...base, encoded: request ?? queryValue(ctx, 'SAMLResponse') },
      request !== undefined ? 'request' : 'response',
    );
  });

  router.post('/slo', async (ctx) => {
    let form: Record<string, string>;
    try {
      form = await readSamlForm(ctx);
    } catch (error) {
      if (!(error instanceof FormTooLargeError)) throw error;
      return logoutRefusedPage(ctx, new FederationError('saml_size', 'The posted logout message is too large.', 413));
    }
    const base = { binding: 'post' as const, relayState: form.RelayState, rawQuery: '' };
    await logout(
      ctx,
      { ...base, encoded: form.SAMLRequest ?? form.SAMLResponse },
      form.SAMLRequest !== undefined ? 'request' : 'response',
    );
  });

  router.get('/post/:requestId', async (ctx) => {
    const connection = connectionOf(ctx);
    const requestId = String(ctx.params.requestId);
    const pending = isRequestHandle(requestId)
      ? cache.findRequest(requestId, connection.id, deps.clock.now().getTime())
      : undefined;
    if (!pending) {
      return refusePage(
        ctx,
        new FederationError('saml_in_response_to', 'This sign-in request expired; start again from the application.'),
        undefined,
      );
    }
    const saml = samlSettings(connection);
    const message = await postMessage({
      connection,
      keys: deps.connections.record(connection.id),
      cache: new SqliteRequestCache(cache, deps.clock, connection.id),
      requestId,
      clock: deps.clock,
    });
    const loginHint = queryValue(ctx, 'login_hint');
    sendHtml(
      ctx,
      200,
      autopostPage({
        action: saml.idpSsoUrl,
        fields: {
          SAMLRequest: message.samlRequest,
          RelayState: requestId,
          ...(loginHint ? { login_hint: loginHint } : {}),
        },
        title: 'Signing in with your organization',
        message: html`Sending the sign-in request to <code>${saml.idpSsoUrl}</code>.`,
      }),
      AUTOPOST_PAGE_CSP,
    );
  });

  return router;
}

/** The sign-in's trace, or a new one when the response cannot be tied to a waiting sign-in. */
function traceFor(deps: FederationDeps, connection: Connection, pending: SamlRequestRecord | undefined): TraceRecorder {
  const trace = pending
    ? deps.traces.ensureForInteraction(pending.interactionUid)
    : deps.traces.start({ orgId: connection.orgId });
  trace.annotate({ orgId: connection.orgId, connectionId: connection.id });
  return trace;
}

/** 303 to the interaction's error page when the sign-in is known; else an error page here. */
function reject(
  ctx: Context,
  deps: FederationDeps,
  error: FederationError,
  pending: SamlRequestRecord | undefined,
  trace: TraceRecorder,
): void {
  if (pending) {
    ctx.status = 303;
    ctx.redirect(deps.fail({ interactionUid: pending.interactionUid, issuerPath: pending.issuerPath, error, trace }));
    return;
  }
  if (deps.traces.get(trace.id)?.outcome !== 'failure') trace.fail(error.rule, error.message);
  refusePage(ctx, error, trace.id);
}

/** A refused logout message: nothing was ended by it; the way back when the sign-out was Orgbench's own. */
function logoutRefusedPage(ctx: Context, error: FederationError, continueUrl?: string): void {
  sendHtml(
    ctx,
    error.status,
    hostedPage({
      title: 'Sign-out message refused',
      body: html`<h1>The identity provider’s sign-out message was refused</h1>
        <p><code data-rule="${error.rule}">${error.rule}</code></p>
        <p class="error" role="alert">${error.message}</p>
        ${
          continueUrl
            ? html`<p class="muted">You are signed out of Orgbench; your identity provider may still have a session.</p>
                <a class="button" href="${continueUrl}">Continue to the application</a>`
            : html`<p class="muted">No Orgbench session was ended by this message.</p>`
        }`,
    }),
  );
}

function refusePage(ctx: Context, error: FederationError, traceId: string | undefined): void {
  sendHtml(
    ctx,
    error.status,
    hostedPage({
      title: 'Sign-in refused',
      body: html`<h1>The identity provider’s answer was refused</h1>
        <p><code data-rule="${error.rule}">${error.rule}</code></p>
        <p class="error" role="alert">${error.message}</p>
        <p class="muted">
          Start the sign-in again from the application.${traceId ? html` Trace <code>${traceId}</code>.` : ''}
        </p>`,
    }),
  );
}
