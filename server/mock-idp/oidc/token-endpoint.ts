/**
 * The mock IdP's token endpoint: authorization_code only; client authentication by
 * client_secret_basic, client_secret_post, or none (PKCE S256 is checked either way).
 * The ID token is the vendor's shape with this login's claim and encoding faults; the
 * `replay` fault leaves the code redeemable and sends an earlier ID token, `slow` waits.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { sendJson, type MockOidc, type ResolvedIdp } from './mock-oidc-context';
import type { IssuedCode } from './mock-oidc-memory';
import { findClient, registeredClients, secretMatches } from './registered-clients';
import { signingMaterial, unknownSigningKey } from './signing-keys';
import { applyClaimFaults, encodeIdToken, slowDelayMs, type FaultSwitches } from './token-faults';
import { vendorIdTokenClaims, vendorIdTokenHeader, vendorUserinfo } from './vendor-claims';

const ACCESS_TOKEN_SECONDS = 3600;

interface ClientCredentials {
  clientId: string;
  secret: string | undefined;
  method: 'client_secret_basic' | 'client_secret_post' | 'none';
}

/** The client's credentials from the Authorization header or the body, or an error message. */
export function clientCredentials(
  authorization: string,
  form: Record<string, string>,
): ClientCredentials | { error: string } {
  if (authorization) {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
    const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    if (colon < 1) return { error: 'The Authorization header is not valid Basic credentials.' };
    if (form.client_secret !== undefined) return { error: 'Use one client authentication method, not two.' };
    // RFC 6749 §2.3.1: both halves are form-urlencoded before being joined.
    const decode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));
    let clientId: string;
    let secret: string;
    try {
      clientId = decode(decoded.slice(0, colon));
      secret = decode(decoded.slice(colon + 1));
    } catch {
      return { error: 'The Basic credentials are not form-urlencoded.' };
    }
    if (form.client_id !== undefined && form.client_id !== clientId)
      return { error: 'client_id differs from the Basic credentials.' };
    return { clientId, secret, method: 'client_secret_basic' };
  }
  if (!form.client_id) return { error: 'client_id is missing.' };
  return form.client_secret !== undefined
    ? { clientId: form.client_id, secret: form.client_secret, method: 'client_secret_post' }
    : { clientId: form.client_id, secret: undefined, method: 'none' };
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

function delay(ctx: Context, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    // A client that gave up should not keep the timer (or the server's shutdown) waiting.
    ctx.res.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function handleToken(
  ctx: Context,
  mock: MockOidc,
  idp: ResolvedIdp,
  form: Record<string, string>,
): Promise<void> {
  const error = (status: number, code: string, description: string) => {
    if (status === 401) ctx.set('WWW-Authenticate', 'Basic realm="mock-idp"');
    sendJson(ctx, status, { error: code, error_description: description });
  };
  const credentials = clientCredentials(ctx.get('authorization'), form);
  if ('error' in credentials) return error(401, 'invalid_client', credentials.error);
  if (form.grant_type !== 'authorization_code')
    return error(400, 'unsupported_grant_type', 'Only authorization_code is supported.');
  if (!form.code || !form.redirect_uri) return error(400, 'invalid_request', 'code and redirect_uri are required.');

  const client = findClient(
    registeredClients(mock.deps, { id: idp.record.id, issuer: idp.issuer }),
    credentials.clientId,
    form.redirect_uri,
  );
  if (!client) return error(401, 'invalid_client', 'Unknown client, or not with this redirect_uri.');
  if (
    client.secret !== undefined &&
    (credentials.secret === undefined || !secretMatches(client.secret, credentials.secret))
  ) {
    return error(401, 'invalid_client', 'Client authentication failed.');
  }

  const code = mock.memory.codes.get(form.code);
  if (!code || code.idpId !== idp.record.id)
    return error(400, 'invalid_grant', 'The code is unknown, expired or already used.');
  if (code.clientId !== credentials.clientId || code.redirectUri !== form.redirect_uri) {
    return error(400, 'invalid_grant', 'The code was issued to another client or redirect_uri.');
  }
  if (!form.code_verifier || s256(form.code_verifier) !== code.codeChallenge) {
    return error(400, 'invalid_grant', 'The PKCE code_verifier does not match the code_challenge.');
  }
  if (!code.faults.replay) mock.memory.codes.take(form.code);

  await delay(ctx, slowDelayMs(code.faults));
  const accessToken = randomBytes(32).toString('base64url');
  const { idToken, claims } = await issueIdToken(mock, idp, code, accessToken);
  mock.memory.accessTokens.set(accessToken, {
    idpId: idp.record.id,
    userinfo: vendorUserinfo(idp.record.preset, claims, code.persona),
  });
  sendJson(ctx, 200, {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    scope: code.scopes.join(' '),
    id_token: idToken,
  });
}

async function issueIdToken(mock: MockOidc, idp: ResolvedIdp, code: IssuedCode, accessToken: string) {
  const preset = idp.record.preset;
  const now = Math.floor(mock.deps.clock.now().getTime() / 1000);
  const context = { preset, issuer: idp.issuer, clientId: code.clientId, now };
  const claims = applyClaimFaults(
    vendorIdTokenClaims({
      ...context,
      idpId: idp.record.id,
      persona: code.persona,
      scopes: code.scopes,
      nonce: code.nonce,
      authTime: code.authTime,
      accessToken,
    }),
    code.faults,
    context,
  );
  const key = await signingMaterial(idp.record, idp.issuer);
  const header = vendorIdTokenHeader(preset, key.kid);
  const keys = { idp: key, unknown: unknownSigningKey };
  const lastKey = `${idp.record.id} ${code.clientId}`;
  if (code.faults.replay) {
    // The ID token of an earlier sign-in; with none yet, one as it was five minutes ago.
    const earlier = mock.memory.lastIdTokens.get(lastKey);
    const stale = { ...claims, iat: now - 300, nonce: randomBytes(16).toString('base64url') };
    return { idToken: earlier ?? (await encodeIdToken(stale, header, keys, {})), claims };
  }
  const idToken = await encodeIdToken(claims, header, keys, code.faults);
  if (isClean(code.faults)) mock.memory.lastIdTokens.set(lastKey, idToken);
  return { idToken, claims };
}

const isClean = (faults: FaultSwitches) => Object.keys(faults).length === 0;
