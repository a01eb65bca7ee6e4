/**
 * Vanity login hosts per organization: the automatic `login.<slug>.localhost` and the
 * custom names users add. Answers which org (and which tenant's issuer) a `Host` header
 * on the protocol listener belongs to.
 */
import { ConflictError, NotFoundError } from '../errors';
import type { Organization } from '../model/organization';
import { parseInput } from '../model/validation';
import {
  addVanityHostSchema,
  automaticHost,
  type HostSetup,
  type OrgVanityHosts,
  type VanityHost,
} from '../model/vanity-host';
import { DEFAULT_TENANT, DEFAULT_WORKSPACE } from '../model/workspace';
import type { OrganizationService } from '../organizations/organization-service';
import type { Clock } from '../runtime/clock';
import type { VanityHostRepository } from '../store/vanity-host-repository';
import type { TenantService } from '../tenants/tenant-service';
import { classifyHost, resolvesToLoopbackByItself } from './resolve-host';

/** Where a request on a vanity host goes: the org, and its tenant's issuers on that host. */
export interface VanityTarget {
  host: string;
  /** `http://<host>:<protocol port>` */
  origin: string;
  org: Organization;
  tenant: string;
}

export type HostResolution =
  { kind: 'default' } | { kind: 'vanity'; target: VanityTarget } | { kind: 'unknown'; host: string };

export class VanityHostService {
  readonly #repo: VanityHostRepository;
  readonly #orgs: OrganizationService;
  readonly #tenants: TenantService;
  readonly #clock: Clock;
  readonly #protocolOrigin: () => string;

  constructor(
    repo: VanityHostRepository,
    orgs: OrganizationService,
    tenants: TenantService,
    clock: Clock,
    protocolOrigin: () => string,
  ) {
    this.#repo = repo;
    this.#orgs = orgs;
    this.#tenants = tenants;
    this.#clock = clock;
    this.#protocolOrigin = protocolOrigin;
  }

  /** Every org with its hosts, in the org list's order. */
  list(): OrgVanityHosts[] {
    return this.#orgs.list().map((org) => this.#view(org));
  }

  ofOrg(idOrSlug: string): OrgVanityHosts {
    return this.#view(this.#orgs.get(idOrSlug));
  }

  /** Adds a custom host to an org; a bad or taken name changes nothing. */
  add(idOrSlug: string, input: unknown): OrgVanityHosts {
    const org = this.#orgs.get(idOrSlug);
    const { host } = parseInput(addVanityHostSchema, input);
    const owner = this.#repo.find(host);
    if (owner) {
      const ownerName = owner.orgId === org.id ? org.name : (this.#orgs.find(owner.orgId)?.name ?? owner.orgId);
      throw new ConflictError(
        'vanity_host_taken',
        `host: ${host} is already a login host of ${ownerName}`,
        [{ path: 'host', message: `is already a login host of ${ownerName}` }],
        { orgId: owner.orgId },
      );
    }
    this.#repo.insert({ host, orgId: org.id, createdAt: this.#clock.now().toISOString() });
    return this.#view(org);
  }

  remove(idOrSlug: string, host: string): OrgVanityHosts {
    const org = this.#orgs.get(idOrSlug);
    const name = host.trim().toLowerCase();
    if (!this.#repo.delete(org.id, name)) {
      throw new NotFoundError('vanity_host_not_found', `${org.name} has no custom login host ${name}.`);
    }
    return this.#view(org);
  }

  /** The org, tenant and origin a `Host` header names; `default` keeps path-only routing. */
  resolve(hostHeader: string | undefined): HostResolution {
    const named = classifyHost(hostHeader);
    if (named.kind === 'loopback' || named.kind === 'mock_idp') return { kind: 'default' };
    const org = named.kind === 'automatic' ? this.#orgOfSlug(named.slug) : this.#orgOfCustom(named.host);
    if (org) return { kind: 'vanity', target: this.#target(named.host, org) };
    return named.kind === 'named' ? { kind: 'default' } : { kind: 'unknown', host: named.host };
  }

  /** The loopback issuer a vanity issuer URL serves (same tenant keys), or undefined for other URLs. */
  loopbackIssuerOf(issuer: string): string | undefined {
    if (!URL.canParse(issuer)) return undefined;
    const url = new URL(issuer);
    return this.resolve(url.host).kind === 'vanity' ? `${this.#protocolOrigin()}${url.pathname}` : undefined;
  }

  /** The org's issuer tenant: its dedicated tenant when it has that model, else the shared one. */
  tenantOf(org: Organization): string {
    if (org.isolation !== 'dedicated_tenant') return DEFAULT_TENANT;
    return this.#tenants.dedicatedTenantOf(org.id)?.id ?? DEFAULT_TENANT;
  }

  /** What to paste so browsers reach the custom names (the `*.localhost` ones need nothing). */
  setup(): HostSetup {
    const custom = this.#repo
      .list()
      .map((record) => record.host)
      .filter((host) => !resolvesToLoopbackByItself(host));
    return {
      hostsFile: custom.map((host) => `127.0.0.1 ${host}`),
      resolverRules: custom.length
        ? `--host-resolver-rules="${custom.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}"`
        : null,
      port: this.#port(),
    };
  }

  /** Every custom host with its org id (for the URL doctor). */
  allCustom(): { host: string; orgId: string }[] {
    return this.#repo.list().map(({ host, orgId }) => ({ host, orgId }));
  }

  #orgOfSlug(slug: string): Organization | undefined {
    const org = this.#orgs.find(slug);
    return org?.slug === slug ? org : undefined;
  }

  #orgOfCustom(host: string): Organization | undefined {
    const record = this.#repo.find(host);
    return record ? this.#orgs.find(record.orgId) : undefined;
  }

  #port(): number {
    return Number(new URL(this.#protocolOrigin()).port);
  }

  #origin(host: string): string {
    return `http://${host}:${this.#port()}`;
  }

  #target(host: string, org: Organization): VanityTarget {
    return { host, origin: this.#origin(host), org, tenant: this.tenantOf(org) };
  }

  #view(org: Organization): OrgVanityHosts {
    const issuerPath = `/${this.tenantOf(org)}/${DEFAULT_WORKSPACE}`;
    const host = (name: string, kind: VanityHost['kind'], createdAt: string | null): VanityHost => {
      const origin = this.#origin(name);
      const issuer = `${origin}${issuerPath}`;
      return {
        host: name,
        kind,
        origin,
        issuer,
        discoveryUrl: `${issuer}/.well-known/openid-configuration`,
        loginUrl: `${this.#protocolOrigin()}/sample/start?host=${encodeURIComponent(name)}`,
        resolvesByItself: resolvesToLoopbackByItself(name),
        createdAt,
      };
    };
    return {
      orgId: org.id,
      slug: org.slug,
      name: org.name,
      parentId: org.parentId,
      issuerPath,
      loopbackIssuer: `${this.#protocolOrigin()}${issuerPath}`,
      hosts: [
        host(automaticHost(org.slug), 'automatic', null),
        ...this.#repo.ofOrg(org.id).map((record) => host(record.host, 'custom', record.createdAt)),
      ],
    };
  }
}
