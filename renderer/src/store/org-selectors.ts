/**
 * Pure functions over the organization list: the tree, search and paths. No React, no
 * store: tested on plain arrays.
 */
import type { Organization } from '../../../server/model/organization';

export interface OrgNode {
  org: Organization;
  children: OrgNode[];
  depth: number;
}

/** Builds the forest of organizations, each level sorted by name. */
export function buildOrgTree(orgs: readonly Organization[]): OrgNode[] {
  const byParent = new Map<string | null, Organization[]>();
  const ids = new Set(orgs.map((org) => org.id));
  for (const org of orgs) {
    // An org whose parent is missing from the list is shown as a root rather than lost.
    const parent = org.parentId !== null && ids.has(org.parentId) ? org.parentId : null;
    const siblings = byParent.get(parent) ?? [];
    siblings.push(org);
    byParent.set(parent, siblings);
  }
  const build = (parent: string | null, depth: number): OrgNode[] =>
    (byParent.get(parent) ?? [])
      .slice()
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id))
      .map((org) => ({ org, depth, children: build(org.id, depth + 1) }));
  return build(null, 0);
}

/** True when `org` matches a search: name, slug or any email domain contains the query. */
export function orgMatches(org: Organization, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return org.name.toLowerCase().includes(q) || org.slug.includes(q) || org.domains.some((domain) => domain.includes(q));
}

/** Keeps matching nodes and the ancestors that lead to them. */
export function filterOrgTree(tree: readonly OrgNode[], query: string): OrgNode[] {
  if (!query.trim()) return tree.slice();
  const out: OrgNode[] = [];
  for (const node of tree) {
    const children = filterOrgTree(node.children, query);
    if (children.length > 0 || orgMatches(node.org, query)) out.push({ ...node, children });
  }
  return out;
}

/** The nodes a reader sees, top to bottom, skipping children of collapsed nodes. */
export function visibleNodes(tree: readonly OrgNode[], collapsed: ReadonlySet<string>): OrgNode[] {
  const out: OrgNode[] = [];
  const walk = (nodes: readonly OrgNode[]) => {
    for (const node of nodes) {
      out.push(node);
      if (!collapsed.has(node.org.id)) walk(node.children);
    }
  };
  walk(tree);
  return out;
}

/** The chain from the root down to `id` (inclusive); empty when unknown. */
export function orgPath(orgs: readonly Organization[], id: string): Organization[] {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const path: Organization[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return path;
}

/** Ids of every descendant of `id`. */
export function descendantIds(orgs: readonly Organization[], id: string): Set<string> {
  const out = new Set<string>();
  const queue = [id];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const org of orgs) {
      if (org.parentId === parent && !out.has(org.id)) {
        out.add(org.id);
        queue.push(org.id);
      }
    }
  }
  return out;
}

/** Organizations that may become the parent of `id` (not itself, not its descendants). */
export function parentCandidates(orgs: readonly Organization[], id: string | null): Organization[] {
  if (id === null) return orgs.slice();
  const excluded = descendantIds(orgs, id);
  excluded.add(id);
  return orgs.filter((org) => !excluded.has(org.id));
}
