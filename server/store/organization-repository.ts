/** SQL for organizations and their email domains. No rules here: see organizations/. */
import type { IsolationModel, Organization } from '../model/organization';
import { statement, type Db } from './open-database';

interface OrgRow {
  id: string;
  slug: string;
  name: string;
  parent_id: string | null;
  isolation: IsolationModel;
  attributes: string;
  created_at: string;
  updated_at: string;
}

interface DomainRow {
  domain: string;
  org_id: string;
}

export interface OrgRecord {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  isolation: IsolationModel;
  attributes: Record<string, string | number | boolean>;
  createdAt: string;
  updatedAt: string;
}

export class OrganizationRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  list(): Organization[] {
    const rows = statement<[], OrgRow>(this.#db, 'SELECT * FROM organizations ORDER BY name COLLATE NOCASE, id').all();
    const domains = statement<[], DomainRow>(
      this.#db,
      'SELECT domain, org_id FROM organization_domains ORDER BY org_id, position',
    ).all();
    const byOrg = new Map<string, string[]>();
    for (const { domain, org_id } of domains) {
      const list = byOrg.get(org_id) ?? [];
      list.push(domain);
      byOrg.set(org_id, list);
    }
    return rows.map((row) => toOrganization(row, byOrg.get(row.id) ?? []));
  }

  find(id: string): Organization | undefined {
    const row = statement<[string], OrgRow>(this.#db, 'SELECT * FROM organizations WHERE id = ?').get(id);
    return row ? toOrganization(row, this.#domainsOf(row.id)) : undefined;
  }

  findBySlug(slug: string): Organization | undefined {
    const row = statement<[string], OrgRow>(this.#db, 'SELECT * FROM organizations WHERE slug = ?').get(slug);
    return row ? toOrganization(row, this.#domainsOf(row.id)) : undefined;
  }

  /** Owners of any of `domains`, other than `exceptOrgId`. */
  domainOwners(domains: readonly string[], exceptOrgId: string | null): { domain: string; orgId: string }[] {
    if (domains.length === 0) return [];
    const placeholders = domains.map(() => '?').join(', ');
    return statement<unknown[], DomainRow>(
      this.#db,
      `SELECT domain, org_id FROM organization_domains WHERE domain IN (${placeholders}) AND org_id IS NOT ?`,
    )
      .all(...domains, exceptOrgId)
      .map((row) => ({ domain: row.domain, orgId: row.org_id }));
  }

  childrenOf(id: string): string[] {
    return statement<[string], { id: string }>(this.#db, 'SELECT id FROM organizations WHERE parent_id = ? ORDER BY id')
      .all(id)
      .map((row) => row.id);
  }

  /** Ids of every ancestor of `id`, nearest first. */
  ancestorsOf(id: string): string[] {
    return statement<[string], { id: string }>(
      this.#db,
      `WITH RECURSIVE up(id, parent_id, depth) AS (
           SELECT id, parent_id, 0 FROM organizations WHERE id = ?
           UNION ALL
           SELECT o.id, o.parent_id, up.depth + 1 FROM organizations o JOIN up ON o.id = up.parent_id
         )
         SELECT id FROM up WHERE depth > 0 ORDER BY depth`,
    )
      .all(id)
      .map((row) => row.id);
  }

  /** Ids of every descendant of `id`, deepest first (a safe order to delete in). */
  descendantsOf(id: string): string[] {
    return statement<[string], { id: string }>(
      this.#db,
      `WITH RECURSIVE down(id, depth) AS (
           SELECT id, 0 FROM organizations WHERE parent_id = ?
           UNION ALL
           SELECT o.id, down.depth + 1 FROM organizations o JOIN down ON o.parent_id = down.id
         )
         SELECT id FROM down ORDER BY depth DESC, id`,
    )
      .all(id)
      .map((row) => row.id);
  }

  insert(record: OrgRecord, domains: readonly string[]): void {
    statement(
      this.#db,
      `INSERT INTO organizations (id, slug, name, parent_id, isolation, attributes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      record.id,
      record.slug,
      record.name,
      record.parentId,
      record.isolation,
      JSON.stringify(record.attributes),
      record.createdAt,
      record.updatedAt,
    );
    this.replaceDomains(record.id, domains);
  }

  update(record: OrgRecord): void {
    statement(
      this.#db,
      'UPDATE organizations SET slug = ?, name = ?, parent_id = ?, isolation = ?, attributes = ?, updated_at = ? WHERE id = ?',
    ).run(
      record.slug,
      record.name,
      record.parentId,
      record.isolation,
      JSON.stringify(record.attributes),
      record.updatedAt,
      record.id,
    );
  }

  replaceDomains(id: string, domains: readonly string[]): void {
    statement(this.#db, 'DELETE FROM organization_domains WHERE org_id = ?').run(id);
    const insert = statement(this.#db, 'INSERT INTO organization_domains (domain, org_id, position) VALUES (?, ?, ?)');
    domains.forEach((domain, position) => insert.run(domain, id, position));
  }

  reparentChildren(id: string, newParentId: string | null, updatedAt: string): void {
    statement(this.#db, 'UPDATE organizations SET parent_id = ?, updated_at = ? WHERE parent_id = ?').run(
      newParentId,
      updatedAt,
      id,
    );
  }

  delete(id: string): void {
    statement(this.#db, 'DELETE FROM organizations WHERE id = ?').run(id);
  }

  /** Organizations whose email domains include `domain`. */
  findByDomain(domain: string): Organization | undefined {
    const row = statement<[string], { org_id: string }>(
      this.#db,
      'SELECT org_id FROM organization_domains WHERE domain = ?',
    ).get(domain.toLowerCase());
    return row ? this.find(row.org_id) : undefined;
  }

  count(): number {
    return statement<[], { n: number }>(this.#db, 'SELECT COUNT(*) AS n FROM organizations').get()?.n ?? 0;
  }

  /** Runs `work` in one transaction: all of it lands, or none. */
  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  #domainsOf(id: string): string[] {
    return statement<[string], { domain: string }>(
      this.#db,
      'SELECT domain FROM organization_domains WHERE org_id = ? ORDER BY position',
    )
      .all(id)
      .map((row) => row.domain);
  }
}

function toOrganization(row: OrgRow, domains: string[]): Organization {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    parentId: row.parent_id,
    domains,
    isolation: row.isolation,
    attributes: JSON.parse(row.attributes) as Organization['attributes'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
