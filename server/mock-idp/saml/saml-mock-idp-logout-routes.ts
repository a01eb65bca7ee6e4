/**
 * Single logout at the mock SAML IdPs, under `/mock/saml/{slug}`:
 *
 *   GET|POST /slo    an SP's LogoutRequest → signed LogoutResponse (to an Orgbench SP by
 *                    Redirect); an SP's LogoutResponse → "signed out" page
 *   GET  /logout     IdP-initiated single logout: `?connection=<id>&persona=<handle>`
 */
import Router from '@koa/router';
import type { Context } from 'koa';
import type { FederationDeps } from '../../federation/federation-deps';
import { FormTooLargeError, queryValue, readSamlForm, sendHtml } from '../../federation/saml/saml-http';
import { claimsOf } from './answer-saml-request';
import { idpErrorPage } from './mock-idp-pages';
import { mockSamlIdp } from './mock-saml-idp';
import { logoutSp, logoutSpByEntityId } from './resolve-sp';
import {
  answerLogoutRequest,
  showLogoutResponse,
  startIdpLogout,
  type LogoutAnswer,
  type LogoutMessage,
} from './single-logout';

export function createSamlMockIdpLogoutRoutes(deps: FederationDeps): Router {
  const router = new Router({ prefix: '/mock/saml/:slug' });
  const idpOf = (ctx: Context) => mockSamlIdp(deps, String(ctx.params.slug));
  const findSp = (entityId: string) => logoutSpByEntityId(deps, entityId);

  const send = (ctx: Context, answer: LogoutAnswer) => {
    if ('redirect' in answer) {
      ctx.status = 303;
      ctx.redirect(answer.redirect);
      return;
    }
    sendHtml(ctx, answer.status, answer.page);
  };
  const fail = (ctx: Context, title: string, message: string, status: number) =>
    sendHtml(ctx, status, idpErrorPage(idpOf(ctx).look, title, message));

  /** A LogoutRequest is answered; a LogoutResponse (to an IdP-initiated logout) is shown. */
  const logout = (ctx: Context, message: LogoutMessage, response: boolean) => {
    const idp = idpOf(ctx);
    send(
      ctx,
      response ? showLogoutResponse(idp, findSp, message) : answerLogoutRequest(idp, findSp, message, deps.clock.now()),
    );
  };

  router.get('/slo', (ctx) => {
    const request = queryValue(ctx, 'SAMLRequest');
    const response = queryValue(ctx, 'SAMLResponse');
    logout(
      ctx,
      {
        encoded: request ?? response,
        relayState: queryValue(ctx, 'RelayState'),
        binding: 'redirect',
        rawQuery: ctx.querystring,
      },
      request === undefined && response !== undefined,
    );
  });

  router.post('/slo', async (ctx) => {
    let form: Record<string, string>;
    try {
      form = await readSamlForm(ctx);
    } catch (error) {
      if (!(error instanceof FormTooLargeError)) throw error;
      return fail(ctx, 'The request is too large', error.message, 413);
    }
    logout(
      ctx,
      { encoded: form.SAMLRequest ?? form.SAMLResponse, relayState: form.RelayState, binding: 'post', rawQuery: '' },
      form.SAMLRequest === undefined && form.SAMLResponse !== undefined,
    );
  });

  router.get('/logout', (ctx) => {
    const idp = idpOf(ctx);
    let sp;
    try {
      sp = logoutSp(deps, deps.connections.get(queryValue(ctx, 'connection') ?? ''));
    } catch {
      sp = undefined;
    }
    if (!sp) return fail(ctx, 'Unknown application', 'Name an Orgbench SAML connection: ?connection=<id>.', 404);
    const handle = queryValue(ctx, 'persona')?.trim().toLowerCase();
    const persona = idp.view.personas.find((candidate) => candidate.handle === handle);
    if (!persona) return fail(ctx, 'Unknown persona', `No persona is called “${handle ?? ''}”.`, 404);
    const claims = claimsOf(persona);
    if (typeof claims === 'string') return fail(ctx, 'Persona not usable', claims, 400);
    send(ctx, startIdpLogout(idp, sp, claims, deps.clock.now()));
  });

  return router;
}
