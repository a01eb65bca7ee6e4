/**
 * Pure functions over applications and workspaces: filtering, labels, durations. No
 * React, no store: tested on plain arrays.
 */
import type { Application, ApplicationKind } from '../../../server/model/application';
import type { Organization } from '../../../server/model/organization';
import type { Workspace } from '../../../server/model/workspace';

export type KindFilter = ApplicationKind | 'all';

export const APP_KINDS: readonly ApplicationKind[] = ['web', 'spa', 'native', 'm2m'];

export const KIND_LABELS: Record<ApplicationKind, string> = {
  web: 'Web',
  spa: 'SPA',
  native: 'Native',
  m2m: 'Machine-to-machine',
};

/** True when `app` has the kind and its name, client_id or issuer contains the query. */
export function appMatches(app: Application, query: string, kind: KindFilter, orgs: readonly Organization[]): boolean {
  if (kind !== 'all' && app.kind !== kind) return false;
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const owner = ownerLabel(app.ownerOrgId, orgs).toLowerCase();
  return [app.name.toLowerCase(), app.clientId.toLowerCase(), app.issuer.toLowerCase(), owner].some((text) =>
    text.includes(q),
  );
}

/** The applications a filter keeps, sorted by name. */
export function filterApps(
  apps: readonly Application[],
  query: string,
  kind: KindFilter,
  orgs: readonly Organization[],
): Application[] {
  return apps
    .filter((app) => appMatches(app, query, kind, orgs))
    .sort(
      (a, b) =>
        a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.clientId.localeCompare(b.clientId),
    );
}

/** How many applications there are of each kind (for the filter chips). */
export function countByKind(apps: readonly Application[]): Record<KindFilter, number> {
  const counts: Record<KindFilter, number> = { all: apps.length, web: 0, spa: 0, native: 0, m2m: 0 };
  for (const app of apps) counts[app.kind] += 1;
  return counts;
}

/** "Shared by all orgs" or the owner's name (its id when the org is gone). */
export function ownerLabel(ownerOrgId: string | null, orgs: readonly Organization[]): string {
  if (ownerOrgId === null) return 'Shared by all orgs';
  return orgs.find((org) => org.id === ownerOrgId)?.name ?? ownerOrgId;
}

/** `tenant/workspace`, the value of a workspace select. */
export const workspaceKey = (workspace: Pick<Workspace, 'tenantId' | 'id'>): string =>
  `${workspace.tenantId}/${workspace.id}`;

/** Splits a `tenant/workspace` key back into its parts. */
export function parseWorkspaceKey(key: string): { tenantId: string; workspaceId: string } {
  const slash = key.indexOf('/');
  return slash < 0
    ? { tenantId: key, workspaceId: 'default' }
    : { tenantId: key.slice(0, slash), workspaceId: key.slice(slash + 1) };
}

/** An issuer as its origin and its path (`/tenant/workspace`), the part that tells workspaces apart. */
export function splitIssuer(issuer: string): { origin: string; path: string } {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/]+)(.*)$/i.exec(issuer);
  return match ? { origin: match[1] ?? issuer, path: match[2] ?? '' } : { origin: '', path: issuer };
}

/** The OpenID discovery document of an issuer. */
export const discoveryUrl = (issuer: string): string => `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;

/** URIs typed one per line; blank lines dropped. Spaces inside a line are kept for the server to judge. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export const DURATION_UNITS = [
  { unit: 'days', seconds: 86400 },
  { unit: 'hours', seconds: 3600 },
  { unit: 'minutes', seconds: 60 },
  { unit: 'seconds', seconds: 1 },
] as const;

export type DurationUnit = (typeof DURATION_UNITS)[number]['unit'];

/** The largest unit that expresses `seconds` as a whole number: 1209600 → 14 days. */
export function toDuration(seconds: number): { value: number; unit: DurationUnit } {
  for (const { unit, seconds: size } of DURATION_UNITS) {
    if (seconds >= size && seconds % size === 0) return { value: seconds / size, unit };
  }
  return { value: seconds, unit: 'seconds' };
}

export const unitSeconds = (unit: DurationUnit): number =>
  DURATION_UNITS.find((candidate) => candidate.unit === unit)?.seconds ?? 1;

/** "14 days", "1 hour", "90 seconds". */
export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '—';
  const { value, unit } = toDuration(seconds);
  return `${value} ${value === 1 ? unit.slice(0, -1) : unit}`;
}
