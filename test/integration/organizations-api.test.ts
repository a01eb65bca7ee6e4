// Organizations through the admin API: CRUD, hierarchy rules, validation, persistence.
import { describe, expect, it } from 'vitest';
import type { Organization } from '../../server/model/organization';
import { serverPerTest } from '../helpers/server';

describe('organizations API', () => {
  const ctx = serverPerTest();

  const create = async (body: unknown) => {
    const response = await ctx.server.api('POST', '/api/orgs', body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as Organization;
  };
  const list = async () =>
    ((await ctx.server.api('GET', '/api/orgs')).body as { organizations: Organization[] }).organizations;

  it('creates, reads, renames, moves and deletes', async () => {
    const acme = await create({ name: 'Acme Corporation', slug: 'acme', domains: ['acme.com'] });
    expect(acme).toMatchObject({ name: 'Acme Corporation', slug: 'acme', parentId: null, domains: ['acme.com'] });
    expect(acme.id).toMatch(/^org_[0-9a-f]{16}$/);

    const europe = await create({ name: 'Acme Europe', parentId: acme.id, domains: ['acme.eu'] });
    expect((await ctx.server.api('GET', `/api/orgs/${europe.id}`)).body).toMatchObject({ parentId: acme.id });
    expect((await ctx.server.api('GET', '/api/orgs/acme')).body).toMatchObject({ id: acme.id });

    const renamed = await ctx.server.api('PATCH', `/api/orgs/${europe.id}`, { name: 'Acme EMEA' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Acme EMEA', parentId: acme.id, domains: ['acme.eu'] });

    const moved = await ctx.server.api('PATCH', `/api/orgs/${europe.id}`, { parentId: null });
    expect(moved.body).toMatchObject({ parentId: null });

    const removed = await ctx.server.api('DELETE', `/api/orgs/${europe.id}`);
    expect(removed).toMatchObject({ status: 200, body: { deleted: [europe.id], reparented: [] } });
    expect((await ctx.server.api('GET', `/api/orgs/${europe.id}`)).status).toBe(404);
    expect((await list()).map((org) => org.id)).toEqual([acme.id]);
  });

  it('rejects bad bodies with 400, every field path, and changes nothing', async () => {
    await create({ name: 'Acme', domains: ['acme.com'] });
    const before = await list();
    const cases: [unknown, string[]][] = [
      [{}, ['name']],
      [{ name: '' }, ['name']],
      [{ name: 'Ok', slug: 'Bad Slug' }, ['slug']],
      [{ name: 'Ok', domains: ['fine.com', 'not a domain'] }, ['domains[1]']],
      [{ name: 'Ok', domains: 'acme.io' }, ['domains']],
      [{ name: 'Ok', parentId: 42 }, ['parentId']],
      [{ name: 'Ok', role: 'admin' }, ['']],
      [[], ['']],
    ];
    for (const [body, paths] of cases) {
      const response = await ctx.server.api('POST', '/api/orgs', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = (response.body as { error: { code: string; fields: { path: string }[]; message: string } }).error;
      expect(error.code).toBe('validation_failed');
      expect(error.fields.map((field) => field.path)).toEqual(paths);
      expect(JSON.stringify(response.body)).not.toMatch(/node_modules|\.ts:\d+/);
    }
    expect(await list()).toEqual(before);
  });

  it('keeps the hierarchy acyclic and parents real', async () => {
    const a = await create({ name: 'Alpha' });
    const b = await create({ name: 'Beta', parentId: a.id });
    const c = await create({ name: 'Gamma', parentId: b.id });
    const before = await list();

    const cycle = await ctx.server.api('PATCH', `/api/orgs/${a.id}`, { parentId: c.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body).toMatchObject({ error: { fields: [{ path: 'parentId' }] } });
    expect((await ctx.server.api('PATCH', `/api/orgs/${a.id}`, { parentId: a.id })).status).toBe(400);
    expect((await ctx.server.api('POST', '/api/orgs', { name: 'X', parentId: 'org_nope' })).status).toBe(400);
    expect(await list()).toEqual(before);
  });

  it('keeps email domains unique across organizations (409 naming the field)', async () => {
    await create({ name: 'Acme', domains: ['acme.com'] });
    const clash = await ctx.server.api('POST', '/api/orgs', { name: 'Copycat', domains: ['copycat.com', 'ACME.com'] });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({
      error: { code: 'org_domain_taken', fields: [{ path: 'domains[1]', message: expect.stringContaining('Acme') }] },
    });
    expect((await list()).map((org) => org.name)).toEqual(['Acme']);
  });

  it('asks what to do with children on delete: refuse, reparent or cascade', async () => {
    const root = await create({ name: 'Root' });
    const mid = await create({ name: 'Mid', parentId: root.id });
    const leaf = await create({ name: 'Leaf', parentId: mid.id });

    const refused = await ctx.server.api('DELETE', `/api/orgs/${mid.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'org_has_children' } });
    expect((await ctx.server.api('DELETE', `/api/orgs/${mid.id}?children=maybe`)).status).toBe(400);
    expect(await list()).toHaveLength(3);

    const reparented = await ctx.server.api('DELETE', `/api/orgs/${mid.id}?children=reparent`);
    expect(reparented.body).toEqual({ deleted: [mid.id], reparented: [leaf.id] });
    expect((await ctx.server.api('GET', `/api/orgs/${leaf.id}`)).body).toMatchObject({ parentId: root.id });

    const cascaded = await ctx.server.api('DELETE', `/api/orgs/${root.id}?children=cascade`);
    expect((cascaded.body as { deleted: string[] }).deleted.sort()).toEqual([leaf.id, root.id].sort());
    expect(await list()).toEqual([]);
  });

  it('persists across a restart on the same data folder', async () => {
    const acme = await create({ name: 'Acme', domains: ['acme.com'] });
    await create({ name: 'Acme Labs', parentId: acme.id });
    const before = await list();
    await ctx.restart();
    expect(await list()).toEqual(before);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await ctx.server.api('GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'not_found' } });
  });
});
