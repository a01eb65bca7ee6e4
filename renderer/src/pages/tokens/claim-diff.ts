/**
 * Side-by-side comparison of two tokens' claims: which were added, removed or changed
 * from A to B, in a reading order that puts the identity and organization claims first.
 */

export type DiffStatus = 'same' | 'changed' | 'added' | 'removed';

export interface ClaimDiffRow {
  claim: string;
  status: DiffStatus;
  /** `undefined` when the claim is absent on that side. */
  a: unknown;
  b: unknown;
}

/** Claims that differ between any two tokens (times, ids, hashes), hideable to see what matters. */
export const PER_TOKEN_CLAIMS: readonly string[] = [
  'iat',
  'exp',
  'nbf',
  'auth_time',
  'jti',
  'nonce',
  'at_hash',
  'c_hash',
  'sid',
];

const READING_ORDER = [
  'iss',
  'sub',
  'aud',
  'azp',
  'client_id',
  'scope',
  'org_id',
  'org_name',
  'org_roles',
  'organization_id',
  'email',
  'email_verified',
  'name',
  'given_name',
  'family_name',
  'acr',
  'amr',
  'auth_time',
  'iat',
  'nbf',
  'exp',
  'jti',
  'sid',
  'nonce',
  'at_hash',
  'c_hash',
];

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` compare equal. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Orders claim names: the well-known ones in `READING_ORDER`, then the rest alphabetically. */
export function compareClaimNames(x: string, y: string): number {
  const rx = READING_ORDER.indexOf(x);
  const ry = READING_ORDER.indexOf(y);
  if (rx !== -1 || ry !== -1) return (rx === -1 ? Infinity : rx) - (ry === -1 ? Infinity : ry);
  return x.localeCompare(y);
}

/** One row per claim present on either side, with how it differs from A to B. */
export function diffClaims(
  a: Record<string, unknown> | undefined,
  b: Record<string, unknown> | undefined,
): ClaimDiffRow[] {
  const left = a ?? {};
  const right = b ?? {};
  const names = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort(compareClaimNames);
  return names.map((claim) => {
    const inA = Object.hasOwn(left, claim);
    const inB = Object.hasOwn(right, claim);
    const status: DiffStatus = !inA
      ? 'added'
      : !inB
        ? 'removed'
        : stableJson(left[claim]) === stableJson(right[claim])
          ? 'same'
          : 'changed';
    return { claim, status, a: inA ? left[claim] : undefined, b: inB ? right[claim] : undefined };
  });
}

export interface DiffView {
  onlyDifferences: boolean;
  hidePerTokenClaims: boolean;
}

/** The rows left after the reader's filters. */
export function visibleDiffRows(rows: readonly ClaimDiffRow[], view: DiffView): ClaimDiffRow[] {
  return rows.filter(
    (row) =>
      !(view.onlyDifferences && row.status === 'same') &&
      !(view.hidePerTokenClaims && PER_TOKEN_CLAIMS.includes(row.claim)),
  );
}

/** How many rows have each status. */
export function countDiff(rows: readonly ClaimDiffRow[]): Record<DiffStatus, number> {
  const counts: Record<DiffStatus, number> = { same: 0, changed: 0, added: 0, removed: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}
