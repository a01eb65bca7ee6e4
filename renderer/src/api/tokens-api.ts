/**
 * The token inspector's calls to the admin API: the log of issued tokens, one token
 * decoded and verified, and any pasted token checked against a chosen key source.
 */
import type {
  IssuedTokenRecord,
  KeySource,
  SignatureStatus,
  TokenInspection,
  TokenKind,
} from '../../../server/model/token';
import type { ApiClient } from './client';

export type { IssuedTokenRecord, KeySource, SignatureStatus, TokenInspection, TokenKind };

export interface TokenDetail {
  token: IssuedTokenRecord;
  inspection: TokenInspection;
}

export interface TokenListQuery {
  org?: string;
  client?: string;
  subject?: string;
  kind?: TokenKind;
  limit?: number;
  before?: number;
}

/** Who a token can be for, as the filters and list rows name them. */
export interface ClientSummary {
  clientId: string;
  name: string;
}

export interface UserSummary {
  id: string;
  email: string;
  name: string | null;
}

/** The newest issued tokens matching `query`, newest first. */
export async function listIssuedTokens(client: ApiClient, query: TokenListQuery): Promise<IssuedTokenRecord[]> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  const body = await client.request<{ tokens: IssuedTokenRecord[] }>(
    'Loading issued tokens',
    'GET',
    `/api/tokens${search ? `?${search}` : ''}`,
  );
  return body.tokens;
}

/** One recorded token with the server's decoding and signature check. */
export function getIssuedToken(client: ApiClient, id: number): Promise<TokenDetail> {
  return client.request('Loading the token', 'GET', `/api/tokens/${encodeURIComponent(String(id))}`);
}

/** Decodes any token and verifies its signature with the keys `keys` points at. */
export function inspectToken(client: ApiClient, token: string, keys: KeySource): Promise<TokenInspection> {
  return client.request('Checking the token', 'POST', '/api/tokens/inspect', { token, keys });
}

/** Applications, reduced to what the token filters need. */
export async function listClientSummaries(client: ApiClient): Promise<ClientSummary[]> {
  const body = await client.request<{ applications: ClientSummary[] }>('Loading applications', 'GET', '/api/apps');
  return body.applications.map(({ clientId, name }) => ({ clientId, name }));
}

/** Users, reduced to what is needed to show and filter tokens by person. */
export async function listUserSummaries(client: ApiClient): Promise<UserSummary[]> {
  const body = await client.request<{ users: UserSummary[] }>('Loading users', 'GET', '/api/users');
  return body.users.map(({ id, email, name }) => ({ id, email, name }));
}
