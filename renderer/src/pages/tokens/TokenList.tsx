/**
 * The issued tokens, newest first: kind, application, organization, user, age and a live
 * expiry countdown per row. A listbox: arrows move the selection, which opens the detail.
 */
import { useMemo, useRef, type KeyboardEvent } from 'react';
import type { IssuedTokenRecord } from '../../api/tokens-api';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { ExpiryCountdown } from './ExpiryCountdown';
import { hasFilters, orgLabel, subjectLabel, TOKEN_KIND_LABELS, TOKEN_KIND_SHORT } from './token-filters';
import { formatRelative } from './token-time';
import { useNow } from './use-now';

export function TokenList() {
  const tokens = useAppStore((s) => s.tokens);
  const loaded = useAppStore((s) => s.tokensLoaded);
  const loading = useAppStore((s) => s.tokensLoading);
  const error = useAppStore((s) => s.tokensError);
  const more = useAppStore((s) => s.olderTokensMayExist);
  const filters = useAppStore((s) => s.tokenFilters);
  const selectedId = useAppStore((s) => s.selectedTokenId);
  const selectToken = useAppStore((s) => s.selectToken);
  const loadOlder = useAppStore((s) => s.loadOlderTokens);
  const setFilters = useAppStore((s) => s.setTokenFilters);
  const orgs = useAppStore((s) => s.orgs);
  const clients = useAppStore((s) => s.tokenClients);
  const users = useAppStore((s) => s.tokenUsers);
  const protocolUrl = useAppStore((s) => s.info?.protocolUrl);
  const now = useNow();
  const listRef = useRef<HTMLUListElement>(null);

  const orgNames = useMemo(() => new Map(orgs.map((org) => [org.id, org.name])), [orgs]);
  const clientNames = useMemo(() => new Map(clients.map((client) => [client.clientId, client.name])), [clients]);
  const focusable = tokens.some((token) => token.id === selectedId) ? selectedId : tokens[0]?.id;

  const move = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = tokens.findIndex((token) => token.id === (selectedId ?? focusable));
    const target =
      event.key === 'ArrowDown'
        ? tokens[Math.min(tokens.length - 1, index + 1)]
        : event.key === 'ArrowUp'
          ? tokens[Math.max(0, index - 1)]
          : event.key === 'Home'
            ? tokens[0]
            : event.key === 'End'
              ? tokens.at(-1)
              : undefined;
    if (!target) return;
    event.preventDefault();
    void selectToken(target.id);
    listRef.current?.querySelector<HTMLElement>(`[data-token-id="${target.id}"]`)?.focus();
  };

  if (error && tokens.length === 0) {
    return (
      <p className="form-error" role="alert" data-testid="token-list-error">
        {error}
      </p>
    );
  }
  if (loaded && tokens.length === 0) {
    return hasFilters(filters) ? (
      <div className="tk-token-list-empty" data-testid="token-list-empty">
        <p>No issued token matches these filters.</p>
        <button
          type="button"
          className="button"
          onClick={() => setFilters({ org: '', client: '', user: '', kind: '' })}
        >
          Clear filters
        </button>
      </div>
    ) : (
      <div className="tk-token-list-empty" data-testid="token-list-empty">
        <div className="empty-art tk-small-art" aria-hidden="true">
          <Icon name="tokens" size={32} />
        </div>
        <p>
          <strong>No tokens issued yet.</strong>
        </p>
        <p className="muted small">
          Sign in with the sample app{protocolUrl ? ' at ' : ''}
          {protocolUrl && (
            <a href={`${protocolUrl}/sample`} target="_blank" rel="noreferrer">
              {protocolUrl}/sample
            </a>
          )}
          , or ask a machine-to-machine client for a token: every token the issuers hand out appears here within
          seconds.
        </p>
      </div>
    );
  }

  return (
    <div className="tk-token-list-wrap">
      {error && (
        <p className="form-error small" role="alert">
          {error}
        </p>
      )}
      <ul
        ref={listRef}
        className="tk-token-list"
        role="listbox"
        aria-label="Issued tokens"
        aria-busy={loading}
        data-testid="token-list"
        onKeyDown={move}
      >
        {tokens.map((token) => (
          <TokenRow
            key={token.id}
            token={token}
            selected={token.id === selectedId}
            focusable={token.id === focusable}
            clientName={clientNames.get(token.clientId)}
            org={orgLabel(token.orgId, orgNames)}
            subject={subjectLabel(token, users)}
            age={formatRelative(token.issuedAt, now)}
            onSelect={() => void selectToken(token.id)}
          />
        ))}
      </ul>
      {!loaded && <p className="muted small tk-token-list-loading">Loading issued tokens…</p>}
      {more && (
        <button
          type="button"
          className="button tk-load-older"
          data-testid="token-load-older"
          disabled={loading}
          onClick={() => void loadOlder()}
        >
          Load older tokens
        </button>
      )}
    </div>
  );
}

function TokenRow({
  token,
  selected,
  focusable,
  clientName,
  org,
  subject,
  age,
  onSelect,
}: {
  token: IssuedTokenRecord;
  selected: boolean;
  focusable: boolean;
  clientName: string | undefined;
  org: string;
  subject: string;
  age: string;
  onSelect: () => void;
}) {
  return (
    <li
      role="option"
      aria-selected={selected}
      tabIndex={focusable ? 0 : -1}
      className={`tk-token-row${selected ? ' selected' : ''}`}
      data-testid={`token-row-${token.id}`}
      data-token-id={token.id}
      data-kind={token.kind}
      onClick={onSelect}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect();
        }
      }}
    >
      <span className={`tk-kind-chip tk-kind-${token.kind}`} title={TOKEN_KIND_LABELS[token.kind]}>
        {TOKEN_KIND_SHORT[token.kind]}
      </span>
      <div className="tk-token-row-main">
        <span className="tk-token-row-client" title={token.clientId}>
          <span className="visually-hidden">{TOKEN_KIND_LABELS[token.kind]} for </span>
          {clientName ?? token.clientId}
          {token.format === 'opaque' && <span className="tk-format-tag">opaque</span>}
        </span>
        <div className="tk-token-row-meta">
          <span className={`tk-org-pill${token.orgId ? '' : ' none'}`} data-testid={`token-row-${token.id}-org`}>
            {org}
          </span>
          <span className="tk-token-row-who">
            {subject} · {token.grantType.replace(/_/g, ' ')}
          </span>
        </div>
      </div>
      <div className="tk-token-row-side">
        <span className="tk-token-row-age" title={new Date(token.issuedAt).toLocaleString()}>
          {age}
        </span>
        <ExpiryCountdown expiresAt={token.expiresAt} opaque={token.format === 'opaque'} />
      </div>
    </li>
  );
}
