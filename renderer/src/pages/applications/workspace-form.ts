/**
 * The workspace settings form's draft: lifetimes as a number and a unit, claim lists as
 * text. Checked with the server's own schema; the server's `settings.ttl.idToken` paths
 * land on the same fields.
 */
import { workspaceSettingsSchema, type WorkspaceSettings } from '../../../../server/model/workspace';
import { formatPath } from '../../../../server/model/validation';
import type { FieldIssue } from '../../api/client';
import { toDuration, unitSeconds, type DurationUnit } from '../../store/apps-selectors';

export type TtlKey = keyof WorkspaceSettings['ttl'];
export type ClaimKey = keyof WorkspaceSettings['claimNames'];

export const TTL_FIELDS: { key: TtlKey; label: string; hint: string }[] = [
  { key: 'accessToken', label: 'Access token', hint: 'How long an API accepts an access token.' },
  { key: 'idToken', label: 'ID token', hint: 'Lifetime of the token that tells the app who signed in.' },
  { key: 'authorizationCode', label: 'Authorization code', hint: 'Time to redeem a code; at most 10 minutes.' },
  { key: 'refreshToken', label: 'Refresh token', hint: 'How long an app can keep getting tokens without a login.' },
  { key: 'session', label: 'Login session', hint: 'How long users stay signed in at the provider.' },
];

export const CLAIM_FIELDS: { key: ClaimKey; label: string }[] = [
  { key: 'orgId', label: 'Organization ID claim' },
  { key: 'orgName', label: 'Organization name claim' },
  { key: 'orgRoles', label: 'Roles claim' },
];

export interface DurationDraft {
  value: string;
  unit: DurationUnit;
}

export interface WorkspaceDraft {
  orgClaims: boolean;
  claimNames: Record<ClaimKey, string>;
  attributeClaims: string;
  rotateRefreshTokens: boolean;
  ttl: Record<TtlKey, DurationDraft>;
}

/** Error keys: `claimNames.orgId`, `ttl.session`, `attributeClaims`, …; `form` for the rest. */
export type WorkspaceErrors = Record<string, string | undefined>;

const durationDraft = (seconds: number): DurationDraft => {
  const { value, unit } = toDuration(seconds);
  return { value: String(value), unit };
};

export function draftFromSettings(settings: WorkspaceSettings): WorkspaceDraft {
  return {
    orgClaims: settings.orgClaims,
    claimNames: { ...settings.claimNames },
    attributeClaims: settings.attributeClaims.join(', '),
    rotateRefreshTokens: settings.rotateRefreshTokens,
    ttl: {
      accessToken: durationDraft(settings.ttl.accessToken),
      idToken: durationDraft(settings.ttl.idToken),
      authorizationCode: durationDraft(settings.ttl.authorizationCode),
      refreshToken: durationDraft(settings.ttl.refreshToken),
      session: durationDraft(settings.ttl.session),
    },
  };
}

/** Seconds for a duration draft; NaN when the number is not one. */
export function draftSeconds(duration: DurationDraft): number {
  const text = duration.value.trim();
  const value = text === '' ? Number.NaN : Number(text);
  return value * unitSeconds(duration.unit);
}

/** Claim names or scopes typed separated by commas, spaces or lines. */
export const splitList = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((claim) => claim.trim())
    .filter(Boolean);

export function toSettings(draft: WorkspaceDraft): WorkspaceSettings {
  return {
    orgClaims: draft.orgClaims,
    claimNames: {
      orgId: draft.claimNames.orgId.trim(),
      orgName: draft.claimNames.orgName.trim(),
      orgRoles: draft.claimNames.orgRoles.trim(),
    },
    attributeClaims: splitList(draft.attributeClaims),
    rotateRefreshTokens: draft.rotateRefreshTokens,
    ttl: {
      accessToken: draftSeconds(draft.ttl.accessToken),
      idToken: draftSeconds(draft.ttl.idToken),
      authorizationCode: draftSeconds(draft.ttl.authorizationCode),
      refreshToken: draftSeconds(draft.ttl.refreshToken),
      session: draftSeconds(draft.ttl.session),
    },
  };
}

/** Maps issues (zod's or the server's, with or without `settings.`) to the form's keys. */
export function workspaceErrorsFrom(issues: readonly FieldIssue[], draft: WorkspaceDraft): WorkspaceErrors {
  const errors: WorkspaceErrors = {};
  const claims = splitList(draft.attributeClaims);
  for (const issue of issues) {
    const path = issue.path.replace(/^settings\.?/, '');
    const match = /^(claimNames\.\w+|ttl\.\w+|attributeClaims|orgClaims|rotateRefreshTokens)(?:\[(\d+)\])?/.exec(path);
    const key = match?.[1] ?? 'form';
    if (errors[key]) continue;
    const claim = match?.[2] === undefined ? undefined : claims[Number(match[2])];
    let message = claim ? `${claim}: ${issue.message}` : issue.message;
    // zod says "expected number, received NaN" for an empty box; say it plainly.
    if (key.startsWith('ttl.') && /NaN|expected number/i.test(message)) message = 'must be a number';
    errors[key] = key === 'form' && path ? `${path}: ${message}` : message;
  }
  return errors;
}

/** Client-side check with the server's schema; empty when the draft is valid. */
export function validateWorkspaceDraft(draft: WorkspaceDraft): WorkspaceErrors {
  const result = workspaceSettingsSchema.safeParse(toSettings(draft));
  if (result.success) return {};
  return workspaceErrorsFrom(
    result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    draft,
  );
}
