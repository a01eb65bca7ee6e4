/**
 * The issued-token list's filters and labels: what the reader picked turned into the
 * API's query, and ids (org, client, user) turned back into names for the rows.
 */
import type { ClientSummary, IssuedTokenRecord, TokenKind, TokenListQuery, UserSummary } from '../../api/tokens-api';

export interface TokenFilters {
  /** Organization id, or '' for any. */
  org: string;
  /** Client id, or '' for any. */
  client: string;
  /** Free text: a user's email (matched to their id) or a subject as issued. */
  user: string;
  kind: TokenKind | '';
}

export const EMPTY_TOKEN_FILTERS: TokenFilters = { org: '', client: '', user: '', kind: '' };

export const TOKEN_KIND_LABELS: Record<TokenKind, string> = {
  access_token: 'Access token',
  id_token: 'ID token',
  refresh_token: 'Refresh token',
};

/** Short labels for the kind chip in a list row. */
export const TOKEN_KIND_SHORT: Record<TokenKind, string> = {
  access_token: 'AT',
  id_token: 'ID',
  refresh_token: 'RT',
};

/** The subject to filter by: the id of the user whose email was typed, else the text itself. */
export function subjectFor(text: string, users: readonly UserSummary[]): string | undefined {
  const typed = text.trim();
  if (!typed) return undefined;
  const byEmail = users.find((user) => user.email.toLowerCase() === typed.toLowerCase());
  return byEmail ? byEmail.id : typed;
}

/** The `GET /api/tokens` query for `filters`. */
export function tokenListQuery(
  filters: TokenFilters,
  users: readonly UserSummary[],
  page: { limit: number; before?: number },
): TokenListQuery {
  const subject = subjectFor(filters.user, users);
  return {
    ...(filters.org ? { org: filters.org } : {}),
    ...(filters.client ? { client: filters.client } : {}),
    ...(subject ? { subject } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    limit: page.limit,
    ...(page.before !== undefined ? { before: page.before } : {}),
  };
}

/** True when any filter is set. */
export function hasFilters(filters: TokenFilters): boolean {
  return Boolean(filters.org || filters.client || filters.user.trim() || filters.kind);
}

export interface Directory {
  orgNames: ReadonlyMap<string, string>;
  clients: readonly ClientSummary[];
  users: readonly UserSummary[];
}

/** Who a token was for, in words: the user's email, the client for machine tokens, or the raw subject. */
export function subjectLabel(token: Pick<IssuedTokenRecord, 'subject' | 'clientId'>, users: readonly UserSummary[]) {
  if (!token.subject) return 'no subject';
  if (token.subject === token.clientId) return 'the client itself';
  return users.find((user) => user.id === token.subject)?.email ?? token.subject;
}

/** The organization's name, its id when unknown (deleted), or "no organization". */
export function orgLabel(orgId: string | null, orgNames: ReadonlyMap<string, string>): string {
  if (!orgId) return 'no organization';
  return orgNames.get(orgId) ?? orgId;
}

/** One line naming a token, for pickers: "#12 ID token · orgbench-sample · Acme · alice@acme.test". */
export function tokenTitle(token: IssuedTokenRecord, directory: Directory): string {
  return [
    `#${token.id} ${TOKEN_KIND_LABELS[token.kind]}`,
    token.clientId,
    orgLabel(token.orgId, directory.orgNames),
    subjectLabel(token, directory.users),
  ].join(' · ');
}
