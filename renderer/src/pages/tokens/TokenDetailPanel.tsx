/**
 * The selected issued token: who it was for, then the server's decoding and signature
 * check. From here it can join a comparison or go to the paste box for other keys.
 */
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import type { CompareSide } from '../../store/tokens-slice';
import { InspectionView } from './InspectionView';
import { orgLabel, subjectLabel, TOKEN_KIND_LABELS } from './token-filters';
import { formatRelative } from './token-time';
import { useNow } from './use-now';

export function TokenDetailPanel() {
  const selectedId = useAppStore((s) => s.selectedTokenId);
  const detail = useAppStore((s) => s.tokenDetail);
  const error = useAppStore((s) => s.tokenDetailError);
  const orgs = useAppStore((s) => s.orgs);
  const clients = useAppStore((s) => s.tokenClients);
  const users = useAppStore((s) => s.tokenUsers);
  const slots = useAppStore((s) => s.compareSlots);
  const setCompareSlot = useAppStore((s) => s.setCompareSlot);
  const setPasteDraft = useAppStore((s) => s.setPasteDraft);
  const setTab = useAppStore((s) => s.setTokensTab);
  const notify = useAppStore((s) => s.notify);
  const now = useNow();

  if (selectedId === undefined) {
    return (
      <div className="detail-empty muted" data-testid="token-detail-empty">
        <div className="tk-empty-hint">
          <Icon name="shield-check" size={36} />
          <p>Select a token to decode it and check its signature.</p>
        </div>
      </div>
    );
  }
  if (error) {
    return (
      <p className="form-error" role="alert" data-testid="token-detail-error">
        {error}
      </p>
    );
  }
  if (!detail || detail.token.id !== selectedId) {
    return (
      <div className="detail-empty muted" aria-busy="true">
        Decoding token #{selectedId}…
      </div>
    );
  }

  const { token, inspection } = detail;
  const clientName = clients.find((client) => client.clientId === token.clientId)?.name;
  const org = orgLabel(token.orgId, new Map(orgs.map((item) => [item.id, item.name])));
  const compareAs = (side: CompareSide) => {
    setCompareSlot(side, { source: 'issued', token });
    notify('success', `Token #${token.id} is ${side.toUpperCase()} in the comparison.`);
  };
  const isIn = (side: CompareSide) => {
    const slot = slots[side];
    return slot?.source === 'issued' && slot.token.id === token.id;
  };
  const verifyElsewhere = () => {
    setPasteDraft({ token: token.value });
    setTab('paste');
  };

  return (
    <section data-testid="token-detail" aria-labelledby="token-detail-title">
      <header className="tk-token-detail-head">
        <div>
          <p className="tk-eyebrow">
            <span className={`tk-kind-chip tk-kind-${token.kind}`}>{TOKEN_KIND_LABELS[token.kind]}</span>
            <span className="muted">#{token.id}</span>
            {token.format === 'opaque' && <span className="tk-format-tag">opaque</span>}
          </p>
          <h2 id="token-detail-title">{clientName ?? token.clientId}</h2>
          <dl className="tk-token-facts">
            <div>
              <dt>Organization</dt>
              <dd>
                <span className={`tk-org-pill${token.orgId ? '' : ' none'}`} data-testid="token-detail-org">
                  {org}
                </span>
              </dd>
            </div>
            <div>
              <dt>Subject</dt>
              <dd data-testid="token-detail-subject">{subjectLabel(token, users)}</dd>
            </div>
            <div>
              <dt>Grant</dt>
              <dd>{token.grantType}</dd>
            </div>
            <div>
              <dt>Issued</dt>
              <dd title={new Date(token.issuedAt).toLocaleString()}>{formatRelative(token.issuedAt, now)}</dd>
            </div>
            <div className="wide">
              <dt>Issuer</dt>
              <dd>
                <code>{token.issuer}</code>
              </dd>
            </div>
          </dl>
        </div>
        <div className="tk-token-detail-actions">
          <div className="tk-button-group" role="group" aria-label="Compare this token">
            <span className="tk-button-group-label">
              <Icon name="compare" size={15} /> Compare as
            </span>
            {(['a', 'b'] as const).map((side) => (
              <button
                key={side}
                type="button"
                data-testid={`token-compare-${side}`}
                aria-label={`Compare as ${side.toUpperCase()}`}
                aria-pressed={isIn(side)}
                onClick={() => compareAs(side)}
              >
                {side.toUpperCase()}
              </button>
            ))}
          </div>
          <button type="button" className="button" data-testid="token-verify-elsewhere" onClick={verifyElsewhere}>
            <Icon name="key" size={15} /> Verify with other keys
          </button>
        </div>
      </header>
      <InspectionView inspection={inspection} value={token.value} expiresAt={token.expiresAt} />
    </section>
  );
}
