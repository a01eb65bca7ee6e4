/**
 * Pure helpers of the Themes tab: what a draft sets, where an inherited value comes from,
 * the scopes to choose from, and the field errors of a refused save or preview.
 */
import type { Organization } from '../../../../../server/model/organization';
import { type ThemeOverrides, type ThemeScope, type ThemeSource } from '../../../../../server/model/theme';
import { readPath } from '../../../../../server/model/theme-resolve';
import type { Workspace } from '../../../../../server/model/workspace';
import type { FieldIssue } from '../../../api/client';

/** One choice of the scope picker: a workspace or an org (indented under its parent). */
export interface ScopeOption {
  key: string;
  scope: ThemeScope;
  label: string;
  hint: string;
  depth: number;
}

export const scopeKey = (scope: ThemeScope): string =>
  scope.kind === 'org' ? `org:${scope.orgId}` : `ws:${scope.tenantId}/${scope.workspaceId}`;

/** Workspaces first, then orgs in tree order; `query` filters by name or slug. */
export function scopeOptions(
  workspaces: readonly Workspace[],
  orgs: readonly Organization[],
  query = '',
): ScopeOption[] {
  const out: ScopeOption[] = workspaces.map((workspace) => ({
    key: scopeKey({ kind: 'workspace', tenantId: workspace.tenantId, workspaceId: workspace.id }),
    scope: { kind: 'workspace', tenantId: workspace.tenantId, workspaceId: workspace.id },
    label: workspace.name,
    hint: `workspace ${workspace.tenantId}/${workspace.id}`,
    depth: 0,
  }));
  const known = new Set(orgs.map((org) => org.id));
  const visit = (parentId: string | null, depth: number) => {
    for (const org of orgs.filter((candidate) => (candidate.parentId ?? null) === parentId)) {
      out.push({
        key: scopeKey({ kind: 'org', orgId: org.id }),
        scope: { kind: 'org', orgId: org.id },
        label: org.name,
        hint: org.slug,
        depth,
      });
      visit(org.id, depth + 1);
    }
  };
  visit(null, 0);
  for (const org of orgs) {
    if (org.parentId && !known.has(org.parentId)) {
      out.push({
        key: scopeKey({ kind: 'org', orgId: org.id }),
        scope: { kind: 'org', orgId: org.id },
        label: org.name,
        hint: org.slug,
        depth: 0,
      });
    }
  }
  const needle = query.trim().toLowerCase();
  if (!needle) return out;
  return out
    .filter((option) => option.label.toLowerCase().includes(needle) || option.hint.toLowerCase().includes(needle))
    .map((option) => ({ ...option, depth: 0 }));
}

/** Whether the draft sets the leaf at `path` itself (rather than inheriting it). */
export const isSet = (draft: ThemeOverrides, path: string): boolean => readPath(draft, path) !== undefined;

/** "built-in default", "workspace default/default", "Acme Corporation". */
export function sourceLabel(source: ThemeSource | undefined): string {
  if (!source || source.kind === 'default') return 'built-in default';
  if (source.kind === 'workspace') return `workspace ${source.id}`;
  return source.name;
}

/** The short form beside a field: "default", "workspace", "from Acme Corporation". */
export function shortSourceLabel(source: ThemeSource | undefined): string {
  if (!source || source.kind === 'default') return 'default';
  if (source.kind === 'workspace') return 'workspace';
  return `from ${source.name}`;
}

/** Whether two drafts hold the same values (key order aside). */
export function sameDraft(a: ThemeOverrides, b: ThemeOverrides): boolean {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Field errors by path (`draft.` dropped, so preview and save errors read alike). */
export function errorsByPath(fields: readonly FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const path = field.path.replace(/^draft\./, '');
    out[path] = out[path] ? `${out[path]}; ${field.message}` : field.message;
  }
  return out;
}

/** The first error at `path` or under it (`texts.legalLinks` covers `texts.legalLinks[1].url`). */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  const key = Object.keys(errors).find(
    (candidate) => candidate === path || candidate.startsWith(`${path}[`) || candidate.startsWith(`${path}.`),
  );
  return key
    ? key === path
      ? errors[key]
      : `${key.slice(path.length).replace(/^\./, '')}: ${errors[key]}`
    : undefined;
}
