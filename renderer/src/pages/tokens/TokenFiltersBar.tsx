/** Filters over the issued-token list: organization, client, user and kind. */
import { useEffect, useId, useMemo, useState } from 'react';
import type { TokenKind } from '../../api/tokens-api';
import { useAppStore } from '../../store/app-store';
import { orgPath } from '../../store/org-selectors';
import { EMPTY_TOKEN_FILTERS, hasFilters, TOKEN_KIND_LABELS } from './token-filters';

const USER_DEBOUNCE_MS = 350;

export function TokenFiltersBar() {
  const filters = useAppStore((s) => s.tokenFilters);
  const setFilters = useAppStore((s) => s.setTokenFilters);
  const orgs = useAppStore((s) => s.orgs);
  const clients = useAppStore((s) => s.tokenClients);
  const users = useAppStore((s) => s.tokenUsers);
  const [userText, setUserText] = useState(filters.user);
  const ids = useId();

  // Typing a user filters after a pause, not on every keystroke.
  useEffect(() => {
    if (userText === filters.user) return undefined;
    const timer = setTimeout(() => setFilters({ user: userText }), USER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [userText, filters.user, setFilters]);

  const orgOptions = useMemo(
    () =>
      orgs
        .map((org) => ({
          id: org.id,
          label: orgPath(orgs, org.id)
            .map((step) => step.name)
            .join(' › '),
        }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [orgs],
  );

  const clear = () => {
    setUserText('');
    setFilters(EMPTY_TOKEN_FILTERS);
  };

  return (
    <div className="tk-token-filters" role="search" aria-label="Filter issued tokens">
      <div className="field">
        <label htmlFor={`${ids}-org`}>Organization</label>
        <select
          id={`${ids}-org`}
          data-testid="token-filter-org"
          value={filters.org}
          onChange={(e) => setFilters({ org: e.target.value })}
        >
          <option value="">Any organization</option>
          {orgOptions.map((org) => (
            <option key={org.id} value={org.id}>
              {org.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-client`}>Application</label>
        <select
          id={`${ids}-client`}
          data-testid="token-filter-client"
          value={filters.client}
          onChange={(e) => setFilters({ client: e.target.value })}
        >
          <option value="">Any application</option>
          {clients.map((client) => (
            <option key={client.clientId} value={client.clientId}>
              {client.name} ({client.clientId})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-user`}>User</label>
        <input
          id={`${ids}-user`}
          data-testid="token-filter-user"
          type="search"
          list={`${ids}-users`}
          placeholder="Email or subject"
          value={userText}
          onChange={(e) => setUserText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setFilters({ user: userText });
          }}
        />
        <datalist id={`${ids}-users`}>
          {users.map((user) => (
            <option key={user.id} value={user.email}>
              {user.name ?? user.email}
            </option>
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-kind`}>Kind</label>
        <select
          id={`${ids}-kind`}
          data-testid="token-filter-kind"
          value={filters.kind}
          onChange={(e) => setFilters({ kind: e.target.value as TokenKind | '' })}
        >
          <option value="">Any kind</option>
          {(Object.keys(TOKEN_KIND_LABELS) as TokenKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {TOKEN_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      {hasFilters(filters) && (
        <button type="button" className="link tk-clear-filters" data-testid="token-filter-clear" onClick={clear}>
          Clear filters
        </button>
      )}
    </div>
  );
}
