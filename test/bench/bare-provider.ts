/**
 * The baseline for `npm run bench`: a bare oidc-provider (memory adapter, generated
 * keys, an interaction handler that logs a fixed user in and grants at once, with no
 * pages) with the same kinds of clients as the Orgbench demo run. Prints one JSON line
 * with its URL, then serves.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { BARE_M2M, BARE_RESOURCE, BARE_WEB } from './bare-clients';

async function main(): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rsa = await exportJWK((await generateKeyPair('RS256', { extractable: true })).privateKey);
  const ec = await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey);
  const provider = new Provider(url, {
    jwks: {
      keys: [
        { ...rsa, alg: 'RS256', use: 'sig', kid: 'rsa' },
        { ...ec, alg: 'ES256', use: 'sig', kid: 'ec' },
      ] as never,
    },
    clients: [
      {
        client_id: BARE_M2M.clientId,
        client_secret: BARE_M2M.secret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
      {
        client_id: BARE_WEB.clientId,
        client_secret: BARE_WEB.secret,
        grant_types: ['authorization_code', 'refresh_token'],
        redirect_uris: [`${url}/cb`],
      },
    ],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'read',
          audience: BARE_RESOURCE,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    },
    cookies: { keys: ['bench-cookie-key-0123456789abcdef'] },
    pkce: { required: () => true },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      ClientCredentials: 600,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: 86400,
      Session: 86400,
      Grant: 86400,
    },
  });
  const handle = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return void handle(req, res);
    void finishInteraction(provider, req, res).catch(() => res.writeHead(500).end());
  });
  process.stdout.write(`${JSON.stringify({ url })}\n`);
}

/** Logs `bench-user` in and grants what was asked, with no page in between. */
async function finishInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: 'bench-user' } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const grant = new provider.Grant({ accountId: 'bench-user', clientId: String(details.params.client_id) });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

void main();
