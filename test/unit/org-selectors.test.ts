import { describe, expect, it } from 'vitest';
import type { Organization } from '../../server/model/organization';
import {
  buildOrgTree,
  descendantIds,
  filterOrgTree,
  orgPath,
  parentCandidates,
  visibleNodes,
} from '../../renderer/src/store/org-selectors';

const org = (id: string, name: string, parentId: string | null = null, domains: string[] = []): Organization => ({
  id,
  name,
  slug: name.toLowerCase().replace(/\s+/g, '-'),
  parentId,
  domains,
  isolation: 'shared_application',
  attributes: {},
  createdAt: '',
  updatedAt: '',
});

const orgs = [
  org('g', 'Globex'),
  org('a', 'Acme', null, ['acme.com']),
  org('ae', 'Acme Europe', 'a', ['acme.eu']),
  org('aef', 'Acme France', 'ae'),
  org('an', 'acme North America', 'a'),
  org('orphan', 'Orphan', 'missing'),
];

describe('org selectors', () => {
  it('builds a sorted forest and keeps orphans as roots', () => {
    const tree = buildOrgTree(orgs);
    expect(tree.map((node) => node.org.id)).toEqual(['a', 'g', 'orphan']);
    expect(tree[0]?.children.map((node) => node.org.id)).toEqual(['ae', 'an']);
    expect(tree[0]?.children[0]?.children[0]).toMatchObject({ depth: 2, org: { id: 'aef' } });
  });

  it('filters by name, slug or domain and keeps the path to each match', () => {
    const byDomain = filterOrgTree(buildOrgTree(orgs), 'acme.eu');
    expect(byDomain.map((node) => node.org.id)).toEqual(['a']);
    expect(byDomain[0]?.children.map((node) => node.org.id)).toEqual(['ae']);
    expect(filterOrgTree(buildOrgTree(orgs), 'FRANCE')[0]?.children[0]?.children[0]?.org.id).toBe('aef');
    expect(filterOrgTree(buildOrgTree(orgs), 'nothing-like-this')).toEqual([]);
  });

  it('lists visible nodes, skipping collapsed subtrees', () => {
    const tree = buildOrgTree(orgs);
    expect(visibleNodes(tree, new Set()).map((node) => node.org.id)).toEqual(['a', 'ae', 'aef', 'an', 'g', 'orphan']);
    expect(visibleNodes(tree, new Set(['ae'])).map((node) => node.org.id)).toEqual(['a', 'ae', 'an', 'g', 'orphan']);
  });

  it('computes paths, descendants and the parents an org may move under', () => {
    expect(orgPath(orgs, 'aef').map((o) => o.id)).toEqual(['a', 'ae', 'aef']);
    expect([...descendantIds(orgs, 'a')].sort()).toEqual(['ae', 'aef', 'an']);
    expect(parentCandidates(orgs, 'ae').map((o) => o.id)).toEqual(['g', 'a', 'an', 'orphan']);
    expect(parentCandidates(orgs, null)).toHaveLength(orgs.length);
  });
});
