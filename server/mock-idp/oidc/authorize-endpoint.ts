/**
 * The mock IdP's authorization endpoint and the picker's answer:
 *
 *   /authorize  client and redirect URI must be registered (else an error page, never a
 *               redirect); then code flow with PKCE S256 only; `login_hint` (a persona's
 *               handle or email) skips the picker
 *   /answer     the chosen persona (edited for this login) → a code, or `access_denied`
 *               on Cancel; `idp_error`, `consent_denied` and `wrong_state` faults act here
 *
 * Responses carry `iss` (RFC 9207), errors included.
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import type { Persona } from '../../model/federation';
import { redirect303, sendPage, type MockOidc, type ResolvedIdp } from './mock-oidc-context';
import type { PendingAuthorization } from './mock-oidc-memory';
import { mockErrorPage, personaPickerPage } from './persona-picker';
import { findClient, registeredClients } from './registered-clients';
import { toSwitches } from './token-faults';
import type { PersonaSnapshot } from './vendor-claims';

/** The authorization response URL: the redirect URI with `params` and `iss` added. */
export function authorizationResponse(
  redirectUri: string,
  params: Record<string, string | undefined>,
  issuer: string,
): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  url.searchParams.set('iss', issuer);
  return url.href;
}

const single = (params: URLSearchParams, name: string): string | undefined => {
  const values = params.getAll(name);
  return values.length === 1 ? values[0] : undefined;
};

/** The persona as edited on the picker for this login, or a message naming the bad field. */
export function editedPersona(persona: Persona, form: Record<string, string>): PersonaSnapshot | { error: string } {
  const field = (name: string) => form[`${name}.${persona.handle}`]?.trim();
  const name = field('name') || persona.displayName;
  const email = (field('email') || persona.email).toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 300) {
    return { error: `“${email}” is not an email address.` };
  }
  const groupsField = field('groups');
  const groups =
    groupsField === undefined
      ? persona.groups
      : groupsField
          .split(/[,\n]/)
          .map((group) => group.trim())
          .filter(Boolean)
          .slice(0, 200);
  const renamed = name !== persona.displayName;
  const [given, ...family] = name.split(/\s+/);
  return {
    handle: persona.handle,
    displayName: name.slice(0, 200),
    email,
    givenName: renamed ? (given ?? null) : persona.givenName,
    familyName: renamed ? family.join(' ') || null : persona.familyName,
    subject: persona.subject,
    groups,
    attributes: persona.attributes,
  };
}

export function handleAuthorize(ctx: Context, mock: MockOidc, idp: ResolvedIdp, params: URLSearchParams): void {
  const clients = registeredClients(mock.deps, { id: idp.record.id, issuer: idp.issuer });
  const clientId = single(params, 'client_id');
  const redirectUri = single(params, 'redirect_uri');
  if (!clientId || !findClient(clients, clientId)) {
    sendPage(
      ctx,
      400,
      mockErrorPage(
        idp.frame,
        'Unknown application',
        `No connection uses this IdP with client_id “${clientId ?? ''}”.`,
      ),
    );
    return;
  }
  const client = redirectUri ? findClient(clients, clientId, redirectUri) : undefined;
  if (!client || !redirectUri) {
    sendPage(
      ctx,
      400,
      mockErrorPage(
        idp.frame,
        'Redirect URI mismatch',
        `“${redirectUri ?? ''}” is not the redirect URI registered for ${clientId}.`,
      ),
    );
    return;
  }
  const state = single(params, 'state');
  const fail = (error: string, description: string) =>
    redirect303(ctx, authorizationResponse(redirectUri, { error, error_description: description, state }, idp.issuer));

  if (single(params, 'response_type') !== 'code')
    return fail('unsupported_response_type', 'Only response_type=code is supported.');
  const responseMode = single(params, 'response_mode');
  if (responseMode && responseMode !== 'query')
    return fail('invalid_request', 'Only response_mode=query is supported.');
  const scopes = (single(params, 'scope') ?? '').split(' ').filter(Boolean);
  if (!scopes.includes('openid')) return fail('invalid_scope', 'The openid scope is required.');
  const codeChallenge = single(params, 'code_challenge');
  if (!codeChallenge || !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge))
    return fail('invalid_request', 'PKCE is required: send an S256 code_challenge.');
  if (single(params, 'code_challenge_method') !== 'S256')
    return fail('invalid_request', 'Only code_challenge_method=S256 is supported.');

  const pending: PendingAuthorization = {
    idpId: idp.record.id,
    clientId,
    redirectUri,
    state,
    nonce: single(params, 'nonce'),
    codeChallenge,
    scopes,
    loginHint: single(params, 'login_hint'),
    appName: client.name,
  };
  const personas = mock.deps.mockIdps.personas(idp.record.id);
  const hint = pending.loginHint?.trim().toLowerCase();
  const hinted = hint ? personas.find((persona) => persona.handle === hint || persona.email === hint) : undefined;
  if (hinted) return answer(ctx, mock, idp, pending, hinted);
  // The mock keeps no session, so it can never answer without showing its picker.
  const prompt = (single(params, 'prompt') ?? '').split(' ');
  if (prompt.includes('none')) return fail('login_required', 'The mock IdP keeps no session; sign in with its picker.');

  const requestId = randomBytes(18).toString('base64url');
  mock.memory.pending.set(requestId, pending);
  sendPage(
    ctx,
    200,
    personaPickerPage(idp.frame, {
      requestId,
      appName: client.name,
      clientId,
      idpId: idp.record.id,
      scopes,
      personas,
      ...(hint ? { notice: `No persona matches the login hint “${hint}”; choose one.` } : {}),
    }),
  );
}

export function handleAnswer(ctx: Context, mock: MockOidc, idp: ResolvedIdp, form: Record<string, string>): void {
  const requestId = form.request ?? '';
  const pending = mock.memory.pending.take(requestId);
  if (!pending || pending.idpId !== idp.record.id) {
    sendPage(
      ctx,
      400,
      mockErrorPage(idp.frame, 'This sign-in has expired', 'Return to the application and sign in again.'),
    );
    return;
  }
  if (form.action === 'cancel') {
    redirect303(
      ctx,
      authorizationResponse(
        pending.redirectUri,
        { error: 'access_denied', error_description: 'The user cancelled the sign-in.', state: pending.state },
        idp.issuer,
      ),
    );
    return;
  }
  const personas = mock.deps.mockIdps.personas(idp.record.id);
  const persona = personas.find((candidate) => candidate.handle === form.persona);
  const edited = persona ? editedPersona(persona, form) : { error: 'Choose one of the personas.' };
  if ('error' in edited || !persona) {
    mock.memory.pending.set(requestId, pending);
    const error = 'error' in edited ? edited.error : 'Choose one of the personas.';
    sendPage(
      ctx,
      400,
      personaPickerPage(idp.frame, {
        requestId,
        appName: pending.appName,
        clientId: pending.clientId,
        idpId: idp.record.id,
        scopes: pending.scopes,
        personas,
        error,
      }),
    );
    return;
  }
  answer(ctx, mock, idp, pending, edited);
}

/** Issues the code for `persona`, unless this login's faults make the IdP say no. */
function answer(
  ctx: Context,
  mock: MockOidc,
  idp: ResolvedIdp,
  pending: PendingAuthorization,
  persona: PersonaSnapshot,
): void {
  const faults = toSwitches(mock.deps.mockIdps.takeFaults(idp.record.id));
  if (Object.keys(faults).length > 0) {
    mock.deps.logger.info('mock OIDC IdP answers with faults', { idp: idp.record.slug, faults: Object.keys(faults) });
  }
  const state = faults.wrong_state ? randomBytes(16).toString('base64url') : pending.state;
  const respond = (params: Record<string, string | undefined>) =>
    redirect303(ctx, authorizationResponse(pending.redirectUri, { ...params, state }, idp.issuer));
  if (faults.consent_denied) {
    return respond({
      error: 'access_denied',
      error_description: 'The user declined to consent (mock fault consent_denied).',
    });
  }
  if (faults.idp_error) {
    return respond({
      error: 'server_error',
      error_description: 'The IdP failed to process the request (mock fault idp_error).',
    });
  }
  const code = randomBytes(32).toString('base64url');
  mock.memory.codes.set(code, {
    idpId: idp.record.id,
    clientId: pending.clientId,
    redirectUri: pending.redirectUri,
    codeChallenge: pending.codeChallenge,
    nonce: pending.nonce,
    scopes: pending.scopes,
    persona,
    faults,
    authTime: Math.floor(mock.deps.clock.now().getTime() / 1000),
  });
  respond({ code });
}
