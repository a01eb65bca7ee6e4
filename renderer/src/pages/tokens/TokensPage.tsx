/**
 * Tokens and Traces: every token the local OpenID provider issued (refreshed every few
 * seconds while open), a paste box to verify any JWT, and a side-by-side comparison.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import type { TokensTab } from '../../store/tokens-slice';
import { ComparePanel } from './ComparePanel';
import { PastePanel } from './PastePanel';
import { TokenDetailPanel } from './TokenDetailPanel';
import { TokenFiltersBar } from './TokenFiltersBar';
import { TokenList } from './TokenList';
import { formatRelative } from './token-time';
import { useNow } from './use-now';
import './tokens.css';

/** How often the open page asks for newly issued tokens. */
export const AUTO_REFRESH_MS = 4000;

const TABS: { id: TokensTab; label: string; icon: string }[] = [
  { id: 'issued', label: 'Issued tokens', icon: 'tokens' },
  { id: 'paste', label: 'Paste and verify', icon: 'key' },
  { id: 'compare', label: 'Compare', icon: 'compare' },
];

export function TokensPage() {
  const tab = useAppStore((s) => s.tokensTab);
  const setTab = useAppStore((s) => s.setTokensTab);
  const loadTokens = useAppStore((s) => s.loadTokens);
  const loadDirectory = useAppStore((s) => s.loadTokenDirectory);
  const loadOrgs = useAppStore((s) => s.loadOrgs);
  const count = useAppStore((s) => s.tokens.length);
  const more = useAppStore((s) => s.olderTokensMayExist);
  const slots = useAppStore((s) => s.compareSlots);
  const tabRefs = useRef<Partial<Record<TokensTab, HTMLButtonElement | null>>>({});

  useEffect(() => {
    void loadTokens();
    void loadDirectory();
    const timer = setInterval(() => {
      // A hidden window has no reader: skip the poll, the next visible tick catches up.
      if (!document.hidden) void loadTokens();
    }, AUTO_REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadTokens, loadDirectory]);

  const refresh = () => {
    void loadTokens();
    void loadDirectory();
    void loadOrgs();
  };

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((item) => item.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (!next) return;
    setTab(next.id);
    tabRefs.current[next.id]?.focus();
  };

  const picked = (slots.a ? 1 : 0) + (slots.b ? 1 : 0);
  const badge = (id: TokensTab) =>
    id === 'issued' ? `${count}${more ? '+' : ''}` : id === 'compare' && picked > 0 ? `${picked}/2` : undefined;

  return (
    <div className="page tokens-page" data-testid="page-tokens">
      <header className="page-header">
        <div>
          <h1>Tokens and Traces</h1>
          <p className="muted">Every token the local OpenID provider issued, decoded and verified.</p>
        </div>
        <div className="tk-tokens-refresh">
          <UpdatedAgo />
          <button
            type="button"
            className="button"
            data-testid="tokens-refresh"
            onClick={refresh}
            aria-label="Refresh the token list"
          >
            <Icon name="refresh" size={16} />
            <span className="hide-narrow">Refresh</span>
          </button>
        </div>
      </header>

      <div className="tk-tabs" role="tablist" aria-label="Token tools" onKeyDown={onTabKey}>
        {TABS.map((item) => (
          <button
            key={item.id}
            ref={(element) => {
              tabRefs.current[item.id] = element;
            }}
            type="button"
            role="tab"
            id={`tokens-tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls={`tokens-panel-${item.id}`}
            tabIndex={tab === item.id ? 0 : -1}
            className={`tk-tab${tab === item.id ? ' active' : ''}`}
            data-testid={`tokens-tab-${item.id}`}
            onClick={() => setTab(item.id)}
          >
            <Icon name={item.icon} size={16} />
            <span>{item.label}</span>
            {badge(item.id) !== undefined && <span className="badge">{badge(item.id)}</span>}
          </button>
        ))}
      </div>

      {/* Panels stay mounted so half-typed input survives a look at another tab. */}
      <div
        role="tabpanel"
        id="tokens-panel-issued"
        aria-labelledby="tokens-tab-issued"
        hidden={tab !== 'issued'}
        className="tk-tokens-issued"
      >
        <div className="tk-tokens-card tk-token-list-panel">
          <TokenFiltersBar />
          <TokenList />
        </div>
        <div className="detail-panel tk-token-detail-panel">
          <TokenDetailPanel />
        </div>
      </div>
      <div role="tabpanel" id="tokens-panel-paste" aria-labelledby="tokens-tab-paste" hidden={tab !== 'paste'}>
        <PastePanel />
      </div>
      <div role="tabpanel" id="tokens-panel-compare" aria-labelledby="tokens-tab-compare" hidden={tab !== 'compare'}>
        <ComparePanel />
      </div>
    </div>
  );
}

function UpdatedAgo() {
  const updatedAt = useAppStore((s) => s.tokensUpdatedAt);
  const now = useNow();
  return (
    <span className="muted small hide-narrow" data-testid="tokens-updated">
      {updatedAt === undefined
        ? 'Loading…'
        : `Updated ${formatRelative(new Date(updatedAt).toISOString(), now)} · refreshes every ${AUTO_REFRESH_MS / 1000} s`}
    </span>
  );
}
