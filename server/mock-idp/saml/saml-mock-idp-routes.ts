/**
 * The endpoints of the mock SAML IdPs, under `/mock/saml/{slug}`:
 *
 *   GET  /metadata   IdP metadata (entity ID, signing certificate, SSO and SLO endpoints)
 *   GET  /sso        HTTP-Redirect AuthnRequest → persona picker (or straight to the answer
 *   POST /sso        HTTP-POST AuthnRequest       for `?persona=` / `login_hint`)
 *   POST /answer     the picker's choice (or Cancel) → auto-post of the Response to the ACS
 *   GET  /login      IdP-initiated: `?connection=<id>&persona=<handle>` → unsolicited Response
 *   GET|POST /slo, GET /logout   single logout (saml-mock-idp-logout-routes.ts)
 *   GET  /idp.css    the picker's stylesheet
 */
import Router from '@koa/router';
import type { Context } from 'koa';
import type { FederationDeps } from '../../federation/federation-deps';
import { FormTooLargeError, queryValue, readSamlForm, sendHtml, sendXml } from '../../federation/saml/saml-http';
import { NAMEID_FORMATS, STATUS } from '../../federation/saml/saml-vocabulary';
import { SamlCacheRepository } from '../../store/saml-cache-repository';
import { AUTOPOST_PAGE_CSP } from '../../web/autopost-page';
import { planFaults } from './apply-faults';
import { ReplayMemory, answerForPersona, answerWithStatus, claimsOf, type Answering } from './answer-saml-request';
import { SamlAnswerError, type PersonaClaims } from './build-saml-response';
import { idpMetadataXml } from './idp-metadata';
import { idpErrorPage, personaPickerPage, requestSummary } from './mock-idp-pages';
import { SamlRequestError, decodeSamlMessage, parseAuthnRequest, type AuthnRequestFacts } from './parse-saml-request';
import { PICKER_CSS } from './picker-css';
import { checkRequestSignature, connectionTarget, resolveSp, type SpTarget } from './resolve-sp';
import { mockSamlIdp, type Idp } from './mock-saml-idp';

interface Incoming {
  encoded: string | undefined;
  relayState: string | undefined;
  binding: 'redirect' | 'post';
  /** `?persona=<handle>`: a deep link that must name a persona. */
  persona: string | undefined;
  /** `login_hint`: a persona's handle or email if it names one; otherwise just the picker. */
  loginHint: string | undefined;
}

export function createSamlMockIdpRoutes(deps: FederationDeps): Router {
  const router = new Router({ prefix: '/mock/saml/:slug' });
  const memory = new ReplayMemory();
  const requests = new SamlCacheRepository(deps.db);

  const idpOf = (ctx: Context): Idp => mockSamlIdp(deps, String(ctx.params.slug));

  /** The login's trace, when the request came from an Orgbench connection's sign-in. */
  const traceOf = (sp: SpTarget, requestId: string | null) => {
    const pending = requestId ? requests.peekRequest(requestId) : undefined;
    return pending && pending.connectionId === sp.connection?.id
      ? deps.traces.forInteraction(pending.interactionUid)
      : undefined;
  };

  const answering = (
    idp: Idp,
    sp: SpTarget,
    request: AuthnRequestFacts | null,
    relayState: string | undefined,
  ): Answering => ({
    idp: idp.view,
    identity: idp.identity,
    target: {
      acsUrl: sp.acsUrl,
      audience: sp.audience,
      inResponseTo: request?.id ?? null,
      requestedNameIdFormat:
        request?.nameIdFormat ?? (sp.connection?.saml ? NAMEID_FORMATS[sp.connection.saml.nameIdFormat] : null),
    },
    relayState,
    spCertificatePem: sp.spCertificatePem,
    trace: traceOf(sp, request?.id ?? null),
    now: () => deps.clock.now(),
  });

  const fail = (ctx: Context, idp: Idp, title: string, message: string, status = 400) =>
    sendHtml(ctx, status, idpErrorPage(idp.look, title, message));

  /** The auto-post answer for a persona, with the IdP's faults (one-shot ones used up now). */
  const answerAs = async (ctx: Context, idp: Idp, context: Answering, claims: PersonaClaims) => {
    try {
      const faults = planFaults(deps.mockIdps.takeFaults(idp.view.id));
      sendHtml(ctx, 200, await answerForPersona(context, claims, faults, memory), AUTOPOST_PAGE_CSP);
    } catch (error) {
      if (error instanceof SamlAnswerError) return fail(ctx, idp, 'The IdP cannot answer', error.message, 409);
      throw error;
    }
  };

  /** Answers for the persona the link names, or shows the picker. */
  const respond = async (
    ctx: Context,
    idp: Idp,
    sp: SpTarget,
    request: AuthnRequestFacts | null,
    incoming: Incoming,
  ) => {
    const carry = request
      ? { SAMLRequest: Buffer.from(request.xml, 'utf8').toString('base64'), RelayState: incoming.relayState }
      : { connection: sp.connection?.id };
    const hint = (incoming.persona ?? incoming.loginHint)?.trim().toLowerCase();
    const persona = hint
      ? idp.view.personas.find((candidate) => candidate.handle === hint || candidate.email === hint)
      : undefined;
    if (persona) {
      const claims = claimsOf(persona);
      if (typeof claims === 'string') return fail(ctx, idp, 'Persona not usable', claims);
      return answerAs(ctx, idp, answering(idp, sp, request, incoming.relayState), claims);
    }
    const unknown = incoming.persona !== undefined;
    sendHtml(
      ctx,
      unknown ? 400 : 200,
      personaPickerPage({
        look: idp.look,
        spName: sp.name,
        carry,
        personas: idp.view.personas,
        faults: deps.mockIdps.faults(idp.view.id),
        ...(unknown ? { error: `No persona is called “${incoming.persona}”; choose one below.` } : {}),
        ...(request ? { request: requestSummary(request, sp.acsUrl) } : {}),
      }),
    );
  };

  const sso = async (ctx: Context, incoming: Incoming) => {
    const idp = idpOf(ctx);
    if (!incoming.encoded) return fail(ctx, idp, 'No sign-in request', 'The application sent no SAMLRequest.');
    let request: AuthnRequestFacts;
    let sp: SpTarget;
    try {
      request = parseAuthnRequest(decodeSamlMessage(incoming.encoded, incoming.binding));
      sp = resolveSp(deps, request.acsUrl, request.issuer);
    } catch (error) {
      if (error instanceof SamlRequestError) return fail(ctx, idp, 'The sign-in request cannot be read', error.message);
      throw error;
    }
    const signature = checkRequestSignature(sp, request, incoming.binding, ctx.querystring);
    if (signature === 'invalid') {
      return fail(
        ctx,
        idp,
        'The sign-in request is not trusted',
        `The AuthnRequest signature does not verify with ${sp.name}’s certificate.`,
      );
    }
    traceOf(sp, request.id)?.step({
      from: 'browser',
      to: 'idp',
      title: `AuthnRequest received by ${idp.view.name}`,
      status: 'info',
      detail: { binding: incoming.binding, signature, acs: sp.acsUrl, nameIdFormat: request.nameIdFormat },
    });
    await respond(ctx, idp, sp, request, incoming);
  };

  router.get('/metadata', (ctx) => {
    const idp = idpOf(ctx);
    const urls = deps.mockIdps.urls(idp.view);
    sendXml(
      ctx,
      idpMetadataXml({
        entityId: urls.entityId,
        ssoUrl: urls.ssoUrl,
        sloUrl: `${urls.entityId}/slo`,
        certificatePem: idp.identity.key.certificatePem,
        preset: idp.view.preset,
        settings: idp.identity.settings,
      }),
    );
  });

  router.get('/idp.css', (ctx) => {
    ctx.type = 'text/css; charset=utf-8';
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = PICKER_CSS;
  });

  router.get('/sso', (ctx) =>
    sso(ctx, {
      encoded: queryValue(ctx, 'SAMLRequest'),
      relayState: queryValue(ctx, 'RelayState'),
      binding: 'redirect',
      persona: queryValue(ctx, 'persona'),
      loginHint: queryValue(ctx, 'login_hint'),
    }),
  );

  router.post('/sso', async (ctx) => {
    const form = await formOf(ctx);
    if (!form) return;
    await sso(ctx, {
      encoded: form.SAMLRequest,
      relayState: form.RelayState,
      binding: 'post',
      persona: form.persona ?? queryValue(ctx, 'persona'),
      loginHint: form.login_hint ?? queryValue(ctx, 'login_hint'),
    });
  });

  router.post('/answer', async (ctx) => {
    const idp = idpOf(ctx);
    const form = await formOf(ctx);
    if (!form) return;
    let request: AuthnRequestFacts | null = null;
    let sp: SpTarget;
    try {
      if (form.SAMLRequest) {
        request = parseAuthnRequest(decodeSamlMessage(form.SAMLRequest, 'post'));
        sp = resolveSp(deps, request.acsUrl, request.issuer);
      } else {
        sp = connectionTarget(deps, form.connection ?? '');
      }
    } catch (error) {
      if (error instanceof SamlRequestError) return fail(ctx, idp, 'The sign-in request cannot be read', error.message);
      throw error;
    }
    const context = answering(idp, sp, request, form.RelayState);
    if (form.cancel) {
      const cancelled = {
        code: STATUS.responder,
        subCode: STATUS.authnFailed,
        message: 'The user cancelled the sign-in.',
      };
      return sendHtml(ctx, 200, await answerWithStatus(context, cancelled), AUTOPOST_PAGE_CSP);
    }
    const persona = idp.view.personas.find((candidate) => candidate.handle === form.persona);
    if (!persona) return fail(ctx, idp, 'Unknown persona', `No persona is called “${form.persona ?? ''}”.`);
    const claims = claimsOf(persona, { email: form.email, displayName: form.displayName, groups: form.groups });
    if (typeof claims === 'string') return fail(ctx, idp, 'Check the persona’s fields', claims);
    await answerAs(ctx, idp, context, claims);
  });

  router.get('/login', async (ctx) => {
    const idp = idpOf(ctx);
    let sp: SpTarget;
    try {
      sp = connectionTarget(deps, queryValue(ctx, 'connection') ?? '');
    } catch (error) {
      if (error instanceof SamlRequestError) return fail(ctx, idp, 'Unknown application', error.message, 404);
      throw error;
    }
    await respond(ctx, idp, sp, null, {
      encoded: undefined,
      relayState: undefined,
      binding: 'redirect',
      persona: queryValue(ctx, 'persona'),
      loginHint: undefined,
    });
  });

  const formOf = async (ctx: Context): Promise<Record<string, string> | undefined> => {
    try {
      return await readSamlForm(ctx);
    } catch (error) {
      if (!(error instanceof FormTooLargeError)) throw error;
      fail(ctx, idpOf(ctx), 'The request is too large', error.message, 413);
      return undefined;
    }
  };

  return router;
}
