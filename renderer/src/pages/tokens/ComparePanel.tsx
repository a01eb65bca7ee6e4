/**
 * Two tokens' claims side by side, the differences marked: added in B, removed from A,
 * changed. E.g. the ID tokens of one user signed in to two organizations.
 */
import { useId, useMemo, useState } from 'react';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import type { CompareSide, CompareSlot } from '../../store/tokens-slice';
import { claimDate, formatClaimValue, isOrgClaim } from './claim-display';
import { countDiff, diffClaims, PER_TOKEN_CLAIMS, visibleDiffRows, type ClaimDiffRow } from './claim-diff';
import { decodeJwt } from './jwt-parts';
import { tokenTitle, type Directory } from './token-filters';

const PASTE = 'paste';

const STATUS_LABEL: Record<ClaimDiffRow['status'], string> = {
  same: 'same',
  changed: 'changed',
  added: 'only in B',
  removed: 'only in A',
};

function slotValue(slot: CompareSlot | undefined): string | undefined {
  if (!slot) return undefined;
  return slot.source === 'issued' ? slot.token.value : slot.value;
}

export function ComparePanel() {
  const slots = useAppStore((s) => s.compareSlots);
  const orgs = useAppStore((s) => s.orgs);
  const clients = useAppStore((s) => s.tokenClients);
  const users = useAppStore((s) => s.tokenUsers);
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const [hidePerTokenClaims, setHidePerTokenClaims] = useState(true);
  const ids = useId();

  const directory: Directory = useMemo(
    () => ({ orgNames: new Map(orgs.map((org) => [org.id, org.name])), clients, users }),
    [orgs, clients, users],
  );
  const valueA = slotValue(slots.a) ?? '';
  const valueB = slotValue(slots.b) ?? '';
  const a = useMemo(() => decodeJwt(valueA), [valueA]);
  const b = useMemo(() => decodeJwt(valueB), [valueB]);
  const rows = useMemo(() => (a && b ? diffClaims(a.claims, b.claims) : []), [a, b]);
  const counts = countDiff(rows.filter((row) => !(hidePerTokenClaims && PER_TOKEN_CLAIMS.includes(row.claim))));
  const shown = visibleDiffRows(rows, { onlyDifferences, hidePerTokenClaims });

  return (
    <div className="tk-compare" data-testid="compare">
      <div className="tk-compare-pickers">
        <SlotPicker side="a" directory={directory} decoded={a !== undefined} />
        <SlotPicker side="b" directory={directory} decoded={b !== undefined} />
      </div>

      {a && b ? (
        <section className="tk-tokens-card tk-compare-result" aria-labelledby={`${ids}-title`}>
          <div className="tk-compare-toolbar">
            <h3 id={`${ids}-title`}>Claims</h3>
            <p className="tk-diff-summary" data-testid="compare-summary">
              <span className="tk-diff-count changed">{counts.changed} changed</span>
              <span className="tk-diff-count added">{counts.added} only in B</span>
              <span className="tk-diff-count removed">{counts.removed} only in A</span>
              <span className="tk-diff-count same">{counts.same} same</span>
            </p>
            <span className="spacer" />
            <label className="tk-check">
              <input
                type="checkbox"
                data-testid="compare-only-differences"
                checked={onlyDifferences}
                onChange={(e) => setOnlyDifferences(e.target.checked)}
              />
              Only differences
            </label>
            <label className="tk-check" title={PER_TOKEN_CLAIMS.join(', ')}>
              <input
                type="checkbox"
                data-testid="compare-hide-per-token"
                checked={hidePerTokenClaims}
                onChange={(e) => setHidePerTokenClaims(e.target.checked)}
              />
              Hide per-token claims (iat, exp, jti…)
            </label>
          </div>
          <table className="tk-diff-table" data-testid="compare-table">
            <caption className="visually-hidden">Claims of token A and token B</caption>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">A</th>
                <th scope="col">B</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr
                  key={row.claim}
                  className={`tk-diff-${row.status}${isOrgClaim(row.claim, undefined) ? ' tk-org-claim' : ''}`}
                  data-testid={`compare-row-${row.claim}`}
                  data-status={row.status}
                >
                  <th scope="row">
                    <code>{row.claim}</code>
                    {row.status !== 'same' && (
                      <span className={`tk-diff-tag ${row.status}`}>{STATUS_LABEL[row.status]}</span>
                    )}
                  </th>
                  <DiffCell claim={row.claim} value={row.a} present={row.status !== 'added'} />
                  <DiffCell claim={row.claim} value={row.b} present={row.status !== 'removed'} />
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 && (
            <p className="muted tk-compare-same" data-testid="compare-identical">
              No differences{hidePerTokenClaims ? ' besides the per-token claims' : ''}.
            </p>
          )}
        </section>
      ) : (
        <div className="detail-empty muted tk-tokens-card">
          <div className="tk-empty-hint">
            <Icon name="compare" size={36} />
            <p>
              Pick two tokens, from the issued list (“Compare as A / B” in a token’s detail) or pasted, to see their
              claims side by side.
            </p>
          </div>
        </div>
      )}
    </div>
  );
}

function DiffCell({ claim, value, present }: { claim: string; value: unknown; present: boolean }) {
  if (!present) return <td className="tk-diff-absent">—</td>;
  const date = claimDate(claim, value);
  return (
    <td>
      <code>{formatClaimValue(value)}</code>
      {date && <span className="tk-decoded-date">{date.toLocaleString()}</span>}
    </td>
  );
}

function SlotPicker({ side, directory, decoded }: { side: CompareSide; directory: Directory; decoded: boolean }) {
  const slot = useAppStore((s) => s.compareSlots[side]);
  const tokens = useAppStore((s) => s.tokens);
  const setSlot = useAppStore((s) => s.setCompareSlot);
  const ids = useId();
  const label = side.toUpperCase();

  // The picked token stays pickable even when the list's filters no longer show it.
  const options =
    slot?.source === 'issued' && !tokens.some((token) => token.id === slot.token.id) ? [slot.token, ...tokens] : tokens;
  const selectValue = slot === undefined ? '' : slot.source === 'pasted' ? PASTE : String(slot.token.id);

  const choose = (value: string) => {
    if (value === '') return setSlot(side, undefined);
    if (value === PASTE) return setSlot(side, { source: 'pasted', value: '' });
    const token = options.find((candidate) => String(candidate.id) === value);
    if (token) setSlot(side, { source: 'issued', token });
  };

  return (
    <div className={`tk-tokens-card tk-slot tk-slot-${side}`} data-testid={`compare-slot-${side}`}>
      <div className="field">
        <label htmlFor={`${ids}-pick`}>
          <span className={`tk-slot-letter tk-slot-letter-${side}`}>{label}</span> Token {label}
        </label>
        <select
          id={`${ids}-pick`}
          data-testid={`compare-${side}-select`}
          value={selectValue}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">Choose a token…</option>
          <option value={PASTE}>Paste a token…</option>
          {options.map((token) => (
            <option key={token.id} value={String(token.id)}>
              {tokenTitle(token, directory)}
            </option>
          ))}
        </select>
      </div>
      {slot?.source === 'pasted' && (
        <div className="field">
          <label htmlFor={`${ids}-paste`}>Pasted token {label}</label>
          <textarea
            id={`${ids}-paste`}
            className="tk-token-input"
            data-testid={`compare-${side}-paste`}
            rows={4}
            spellCheck={false}
            placeholder="eyJhbGciOi…"
            aria-invalid={slot.value.trim() !== '' && !decoded ? true : undefined}
            value={slot.value}
            onChange={(e) => setSlot(side, { source: 'pasted', value: e.target.value })}
          />
        </div>
      )}
      {slot && !decoded && slotValue(slot)?.trim() && (
        <p className="field-error" data-testid={`compare-${side}-error`}>
          Not a readable JWT: opaque tokens carry no claims to compare.
        </p>
      )}
    </div>
  );
}
