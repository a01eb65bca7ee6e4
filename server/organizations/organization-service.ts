/**
 * The rules of the organization tree: unique slugs and email domains, parents that
 * exist, no cycles, and an explicit choice about children when an org is deleted.
 * Every change runs in one transaction, so a refused change leaves nothing behind.
 */
import {
  childrenPolicySchema,
  createOrganizationSchema,
  slugify,
  updateOrganizationSchema,
  type ChildrenPolicy,
  type DeleteOrganizationResult,
  type Organization,
} from '../model/organization';
import { parseInput } from '../model/validation';
import { ConflictError, NotFoundError, OrgbenchError, ValidationError } from '../errors';
import type { OrganizationRepository } from '../store/organization-repository';
import type { Clock } from '../runtime/clock';
import { newId } from '../runtime/ids';

export class OrganizationService {
  readonly #repo: OrganizationRepository;
  readonly #clock: Clock;

  constructor(repo: OrganizationRepository, clock: Clock) {
    this.#repo = repo;
    this.#clock = clock;
  }

  list(): Organization[] {
    return this.#repo.list();
  }

  /** Finds an org by id or slug. */
  get(idOrSlug: string): Organization {
    const org = this.#repo.find(idOrSlug) ?? this.#repo.findBySlug(idOrSlug);
    if (!org) throw new NotFoundError('org_not_found', `No organization has the id or slug "${idOrSlug}".`);
    return org;
  }

  create(input: unknown): Organization {
    const data = parseInput(createOrganizationSchema, input);
    return this.#repo.transaction(() => {
      const id = newId('org');
      const slug = data.slug ?? this.#freeSlug(slugify(data.name));
      this.#assertSlugFree(slug, null);
      const parentId = data.parentId ?? null;
      if (parentId !== null) this.#assertParentExists(parentId);
      const domains = data.domains ?? [];
      this.#assertDomainsFree(domains, null);
      const now = this.#clock.now().toISOString();
      this.#repo.insert(
        {
          id,
          slug,
          name: data.name,
          parentId,
          isolation: data.isolation ?? 'shared_application',
          attributes: data.attributes ?? {},
          createdAt: now,
          updatedAt: now,
        },
        domains,
      );
      return this.get(id);
    });
  }

  update(id: string, input: unknown): Organization {
    const patch = parseInput(updateOrganizationSchema, input);
    return this.#repo.transaction(() => {
      const current = this.#mustFind(id);
      const slug = patch.slug ?? current.slug;
      if (slug !== current.slug) this.#assertSlugFree(slug, id);
      const parentId = patch.parentId === undefined ? current.parentId : patch.parentId;
      if (parentId !== current.parentId && parentId !== null) this.#assertValidParent(id, parentId);
      if (patch.domains) {
        this.#assertDomainsFree(patch.domains, id);
        this.#repo.replaceDomains(id, patch.domains);
      }
      const now = this.#clock.now().toISOString();
      this.#repo.update({
        ...current,
        slug,
        name: patch.name ?? current.name,
        parentId,
        isolation: patch.isolation ?? current.isolation,
        attributes: patch.attributes ?? current.attributes,
        updatedAt: now,
      });
      return this.get(id);
    });
  }

  /**
   * Deletes an org. With sub-organizations, `children` decides: `refuse` (the default)
   * fails with `org_has_children`, `reparent` moves them to the deleted org's parent,
   * `cascade` deletes the whole subtree.
   */
  delete(id: string, children: unknown = 'refuse'): DeleteOrganizationResult {
    const policy: ChildrenPolicy = parseInput(childrenPolicySchema, children);
    return this.#repo.transaction(() => {
      const org = this.#mustFind(id);
      const directChildren = this.#repo.childrenOf(id);
      if (directChildren.length > 0 && policy === 'refuse') {
        throw new ConflictError(
          'org_has_children',
          `"${org.name}" has ${directChildren.length} sub-organization(s); choose children=reparent or children=cascade.`,
        );
      }
      if (policy === 'cascade') {
        const subtree = this.#repo.descendantsOf(id);
        for (const descendant of subtree) this.#repo.delete(descendant);
        this.#repo.delete(id);
        return { deleted: [...subtree, id], reparented: [] };
      }
      this.#repo.reparentChildren(id, org.parentId, this.#clock.now().toISOString());
      this.#repo.delete(id);
      return { deleted: [id], reparented: directChildren };
    });
  }

  /** The organization owning an email domain, if any (home-realm discovery). */
  findByEmailDomain(domain: string): Organization | undefined {
    return this.#repo.findByDomain(domain);
  }

  find(idOrSlug: string): Organization | undefined {
    return this.#repo.find(idOrSlug) ?? this.#repo.findBySlug(idOrSlug);
  }

  #mustFind(id: string): Organization {
    const org = this.#repo.find(id);
    if (!org) throw new NotFoundError('org_not_found', `No organization has the id "${id}".`);
    return org;
  }

  #assertParentExists(parentId: string): void {
    if (!this.#repo.find(parentId)) {
      throw new ValidationError([{ path: 'parentId', message: `no organization has the id "${parentId}"` }]);
    }
  }

  #assertValidParent(id: string, parentId: string): void {
    if (parentId === id) {
      throw new ValidationError([{ path: 'parentId', message: 'an organization cannot be its own parent' }]);
    }
    this.#assertParentExists(parentId);
    if (this.#repo.ancestorsOf(parentId).includes(id)) {
      throw new ValidationError([
        { path: 'parentId', message: 'would create a cycle: the new parent is a sub-organization of this one' },
      ]);
    }
  }

  #assertSlugFree(slug: string, exceptId: string | null): void {
    const holder = this.#repo.findBySlug(slug);
    if (holder && holder.id !== exceptId) {
      throw new ConflictError('org_slug_taken', `The slug "${slug}" is already used by "${holder.name}".`, [
        { path: 'slug', message: `already used by "${holder.name}"` },
      ]);
    }
  }

  #assertDomainsFree(domains: readonly string[], exceptId: string | null): void {
    const owners = this.#repo.domainOwners(domains, exceptId);
    if (owners.length === 0) return;
    const fields = owners.map(({ domain, orgId }) => ({
      path: `domains[${domains.indexOf(domain)}]`,
      message: `${domain} already belongs to "${this.#repo.find(orgId)?.name ?? orgId}"`,
    }));
    throw new ConflictError(
      'org_domain_taken',
      `Email domain ${owners[0]?.domain} already belongs to another organization.`,
      fields,
    );
  }

  /** `base`, or `base-2`, `base-3`, … whichever is free first. */
  #freeSlug(base: string): string {
    if (!this.#repo.findBySlug(base)) return base;
    for (let n = 2; n < 10_000; n += 1) {
      const candidate = `${base.slice(0, 58)}-${n}`;
      if (!this.#repo.findBySlug(candidate)) return candidate;
    }
    throw new OrgbenchError('org_slug_exhausted', `No free slug near "${base}"; choose one explicitly.`, {
      status: 409,
    });
  }
}
