import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrganizationService } from '../../server/organizations/organization-service';
import { OrganizationRepository } from '../../server/store/organization-repository';
import { openDatabase, type Db } from '../../server/store/open-database';
import { frozenClock, makeTempDir } from '../helpers/temp-dir';

describe('OrganizationService', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let orgs: OrganizationService;
  const clock = frozenClock();

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase({ file: join(dir.path, 'orgbench.db') });
    orgs = new OrganizationService(new OrganizationRepository(db), clock);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const snapshot = () => JSON.stringify(orgs.list());

  it('creates orgs with derived slugs, stamps times and finds them by id or slug', () => {
    const acme = orgs.create({ name: 'Acme Corp', domains: ['Acme.com'] });
    expect(acme).toMatchObject({ slug: 'acme-corp', parentId: null, domains: ['acme.com'] });
    expect(acme.createdAt).toBe('2026-01-15T10:00:00.000Z');
    expect(orgs.get('acme-corp').id).toBe(acme.id);
    expect(orgs.create({ name: 'Acme Corp' }).slug).toBe('acme-corp-2');
  });

  it('nests sub-organizations to any depth', () => {
    const a = orgs.create({ name: 'A' + 'a' });
    const b = orgs.create({ name: 'Bb', parentId: a.id });
    const c = orgs.create({ name: 'Cc', parentId: b.id });
    const d = orgs.create({ name: 'Dd', parentId: c.id });
    expect(orgs.get(d.id).parentId).toBe(c.id);
  });

  it('refuses a missing parent, self-parenting and cycles, changing nothing', () => {
    const a = orgs.create({ name: 'Alpha' });
    const b = orgs.create({ name: 'Beta', parentId: a.id });
    const c = orgs.create({ name: 'Gamma', parentId: b.id });
    const before = snapshot();
    expect(() => orgs.create({ name: 'X', parentId: 'org_missing' })).toThrow(/parentId/);
    expect(() => orgs.update(a.id, { parentId: a.id })).toThrow(/own parent/);
    expect(() => orgs.update(a.id, { parentId: c.id, name: 'Renamed' })).toThrow(/cycle/);
    expect(snapshot()).toBe(before);
  });

  it('keeps email domains unique across organizations', () => {
    const a = orgs.create({ name: 'Alpha', domains: ['alpha.com'] });
    const b = orgs.create({ name: 'Beta', domains: ['beta.com'] });
    const before = snapshot();
    expect(() => orgs.update(b.id, { domains: ['beta.com', 'alpha.com'], name: 'B2' })).toThrow(
      expect.objectContaining({ code: 'org_domain_taken', fields: [expect.objectContaining({ path: 'domains[1]' })] }),
    );
    expect(snapshot()).toBe(before);
    // An org may keep its own domains when saved again.
    expect(orgs.update(a.id, { domains: ['alpha.com', 'alpha.io'] }).domains).toEqual(['alpha.com', 'alpha.io']);
  });

  it('refuses a taken slug', () => {
    orgs.create({ name: 'Alpha', slug: 'alpha' });
    const b = orgs.create({ name: 'Beta' });
    expect(() => orgs.update(b.id, { slug: 'alpha' })).toThrow(expect.objectContaining({ code: 'org_slug_taken' }));
  });

  it('refuses to delete an org with children unless told what to do with them', () => {
    const a = orgs.create({ name: 'Alpha' });
    orgs.create({ name: 'Beta', parentId: a.id });
    const before = snapshot();
    expect(() => orgs.delete(a.id)).toThrow(expect.objectContaining({ code: 'org_has_children', status: 409 }));
    expect(() => orgs.delete(a.id, 'sideways')).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(snapshot()).toBe(before);
  });

  it('reparents children to the grandparent', () => {
    const root = orgs.create({ name: 'Root' });
    const mid = orgs.create({ name: 'Mid', parentId: root.id, domains: ['mid.com'] });
    const leaf1 = orgs.create({ name: 'Leaf one', parentId: mid.id });
    const leaf2 = orgs.create({ name: 'Leaf two', parentId: mid.id });
    clock.advance(1000);
    const result = orgs.delete(mid.id, 'reparent');
    expect(result.deleted).toEqual([mid.id]);
    expect(result.reparented.sort()).toEqual([leaf1.id, leaf2.id].sort());
    expect(orgs.get(leaf1.id).parentId).toBe(root.id);
    // The deleted org's domain is free again.
    expect(orgs.create({ name: 'Newcomer', domains: ['mid.com'] }).domains).toEqual(['mid.com']);
  });

  it('cascades through the whole subtree', () => {
    const root = orgs.create({ name: 'Root' });
    const mid = orgs.create({ name: 'Mid', parentId: root.id });
    const leaf = orgs.create({ name: 'Leaf', parentId: mid.id });
    const other = orgs.create({ name: 'Other' });
    const result = orgs.delete(root.id, 'cascade');
    expect(result.deleted.sort()).toEqual([root.id, mid.id, leaf.id].sort());
    expect(orgs.list().map((org) => org.id)).toEqual([other.id]);
  });

  it('reports unknown ids as org_not_found', () => {
    expect(() => orgs.get('nope')).toThrow(expect.objectContaining({ code: 'org_not_found', status: 404 }));
    expect(() => orgs.update('nope', { name: 'X' })).toThrow(expect.objectContaining({ code: 'org_not_found' }));
    expect(() => orgs.delete('nope')).toThrow(expect.objectContaining({ code: 'org_not_found' }));
  });
});
