/**
 * Tokens and Traces: every token the local OpenID provider issued (refreshed every few
 * seconds while open), a paste box to verify any JWT, and a side-by-side comparison.
 */
import { useEffect } from 'react';
import { Icon, type IconName } from '../../components/icons';
import { panelId, TabList, tabId, type TabItem } from '../../components/TabList';
import { useAppStore } from '../../store/app-store';
import type { TokensTab } from '../../store/tokens-slice';
import { ComparePanel } from './ComparePanel';
import { PastePanel } from './PastePanel';
import { TokenDetailPanel } from './TokenDetailPanel';
import { TokenFiltersBar } from './TokenFiltersBar';
import { TokenList } from './TokenList';
import { formatRelative } from './token-time';
import { useNow } from './use-now';
import { TracesPanel } from '../traces/TracesPanel';
import './tokens.css';

/** How often the open page asks for newly issued tokens. */
export const AUTO_REFRESH_MS = 4000;

const TABS: { id: TokensTab; label: string; icon: IconName }[] = [
  { id: 'issued', label: 'Issued tokens', icon: 'tokens' },
  { id: 'traces', label: 'Login traces', icon: 'connections' },
  { id: 'paste', label: 'Paste and verify', icon: 'key' },
  { id: 'compare', label: 'Compare', icon: 'compare' },
];

const TAB_PREFIX = 'tokens';

export function TokensPage() {
  const tab = useAppStore((s) => s.tokensTab);
  const setTab = useAppStore((s) => s.setTokensTab);
  const loadTokens = useAppStore((s) => s.loadTokens);
  const loadDirectory = useAppStore((s) => s.loadTokenDirectory);
  const loadOrgs = useAppStore((s) => s.loadOrgs);
  const count = useAppStore((s) => s.tokens.length);
  const more = useAppStore((s) => s.olderTokensMayExist);
  const slots = useAppStore((s) => s.compareSlots);

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

  const picked = (slots.a ? 1 : 0) + (slots.b ? 1 : 0);
  const badge = (id: TokensTab) =>
    id === 'issued' ? `${count}${more ? '+' : ''}` : id === 'compare' && picked > 0 ? `${picked}/2` : undefined;
  const tabs: TabItem<TokensTab>[] = TABS.map((item) => ({
    id: item.id,
    testId: `tokens-tab-${item.id}`,
    label: (
      <>
        <Icon name={item.icon} size={16} />
        <span>{item.label}</span>
        {badge(item.id) !== undefined && <span className="badge">{badge(item.id)}</span>}
      </>
    ),
  }));

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

      <TabList label="Token tools" idPrefix={TAB_PREFIX} items={tabs} value={tab} onChange={setTab} />

      {/* Panels stay mounted so half-typed input survives a look at another tab. */}
      <div
        role="tabpanel"
        id={panelId(TAB_PREFIX, 'issued')}
        aria-labelledby={tabId(TAB_PREFIX, 'issued')}
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
      <div
        role="tabpanel"
        id={panelId(TAB_PREFIX, 'traces')}
        aria-labelledby={tabId(TAB_PREFIX, 'traces')}
        hidden={tab !== 'traces'}
      >
        {tab === 'traces' && <TracesPanel />}
      </div>
      <div
        role="tabpanel"
        id={panelId(TAB_PREFIX, 'paste')}
        aria-labelledby={tabId(TAB_PREFIX, 'paste')}
        hidden={tab !== 'paste'}
      >
        <PastePanel />
      </div>
      <div
        role="tabpanel"
        id={panelId(TAB_PREFIX, 'compare')}
        aria-labelledby={tabId(TAB_PREFIX, 'compare')}
        hidden={tab !== 'compare'}
      >
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
