/** Shared facts about the demo data (`--demo`) for tests. */
import { decodeJwt } from 'jose';
import { login, type LoginOptions, type LoginResult } from './browser-client';
import type { TestServer } from './server';

export const DEMO_PASSWORD = 'orgbench-demo';
export const M2M = { clientId: 'acme-reporting', secret: 'orgbench-demo-acme-reporting-secret' };
export const DEMO_API = 'urn:orgbench:demo:invoices';

export async function secretOf(server: TestServer, clientId: string): Promise<string> {
  const response = await server.api('GET', `/api/apps/${clientId}/secret`);
  return (response.body as { clientSecret: string }).clientSecret;
}

export async function orgId(server: TestServer, slug: string): Promise<string> {
  return ((await server.api('GET', `/api/orgs/${slug}`)).body as { id: string }).id;
}

export const claimsOf = (jwt: string | undefined): Record<string, unknown> => decodeJwt(jwt ?? '');

export const sampleRedirect = (server: TestServer) => `${server.protocolUrl}/sample/callback`;
export const defaultIssuer = (server: TestServer) => `${server.protocolUrl}/default/default`;

/** alice@acme.test signs in to the sample app through the hosted pages; `options` changes who and how. */
export async function demoLogin(server: TestServer, options: Partial<LoginOptions> = {}): Promise<LoginResult> {
  return login({
    issuer: defaultIssuer(server),
    clientId: 'orgbench-sample',
    clientSecret: await secretOf(server, 'orgbench-sample'),
    redirectUri: sampleRedirect(server),
    email: 'alice@acme.test',
    password: DEMO_PASSWORD,
    ...options,
  });
}
