/**
 * The workspace issuers served on the protocol listener, one per workspace in the
 * database, and one more per org vanity host that serves it (same path, that host's
 * origin as issuer, logins fixed to the org). Providers are created on first use and evicted after a period without
 * requests (or when their workspace's settings change), so a data folder with many
 * tenants does not keep a provider resident for each.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Workspace } from '../model/workspace';
import { createProvider, issuerPath, type IssuerAddress, type IssuerHost } from './create-provider';
import type { ProviderDeps } from './provider-deps';

type Handler = ReturnType<Provider['callback']>;

interface Resident {
  provider: Promise<Provider>;
  handler: Promise<Handler>;
  lastUsed: number;
}

export interface IssuerInfo extends IssuerAddress {
  issuer: string;
}

export class IssuerRegistry {
  readonly #deps: ProviderDeps;
  readonly #resident = new Map<string, Resident>();
  readonly #idleMs: number;

  constructor(deps: ProviderDeps, idleMs = 10 * 60 * 1000) {
    this.#deps = deps;
    this.#idleMs = idleMs;
    deps.tenants.onChange((address) => this.evict(address));
  }

  list(): IssuerInfo[] {
    return this.#deps.tenants
      .listWorkspaces()
      .map((workspace) => ({ tenant: workspace.tenantId, workspace: workspace.id, issuer: workspace.issuer }));
  }

  /** How many providers are in memory right now. */
  residentCount(): number {
    return this.#resident.size;
  }

  /**
   * Serves `req` if its path belongs to a workspace issuer; returns false otherwise. On an
   * org's vanity host (`host`) only its tenant's workspaces answer, with the issuer on that host.
   */
  async handle(req: IncomingMessage, res: ServerResponse, host?: IssuerHost & { tenant: string }): Promise<boolean> {
    const url = req.url ?? '/';
    const [, tenant, workspaceId] = /^\/([a-z0-9-]+)\/([a-z0-9-]+)(?:[/?]|$)/.exec(url) ?? [];
    if (!tenant || !workspaceId || (host && host.tenant !== tenant)) return false;
    const prefix = issuerPath({ tenant, workspace: workspaceId });
    // A resident provider answers without a database lookup (the hot path of every token request).
    let resident = this.#resident.get(residentKey(prefix, host));
    if (resident) resident.lastUsed = Date.now();
    else {
      const workspace = this.#deps.tenants.findWorkspace(tenant, workspaceId);
      if (!workspace) return false;
      resident = this.#residentFor(workspace, host);
    }
    const handler = await resident.handler;
    // The mount convention oidc-provider reads to build its own URLs.
    Object.assign(req, { originalUrl: url });
    req.url = url.slice(prefix.length) || '/';
    await handler(req, res);
    return true;
  }

  /** The provider of a workspace (created if needed), e.g. to validate client metadata. */
  provider(address: IssuerAddress): Promise<Provider> {
    const workspace = this.#deps.tenants.getWorkspace(address.tenant, address.workspace);
    return this.#residentFor(workspace).provider;
  }

  /** Forgets a workspace's providers (on every host); the next request builds them from current settings. */
  evict(address: IssuerAddress): void {
    const prefix = issuerPath(address);
    for (const key of this.#resident.keys()) {
      if (key === prefix || key.endsWith(`:${prefix}`)) this.#resident.delete(key);
    }
  }

  /** Drops providers idle for longer than the idle period. */
  evictIdle(now = Date.now()): number {
    let evicted = 0;
    for (const [key, resident] of this.#resident) {
      if (now - resident.lastUsed > this.#idleMs) {
        this.#resident.delete(key);
        evicted += 1;
      }
    }
    return evicted;
  }

  #residentFor(workspace: Workspace, host?: IssuerHost): Resident {
    const key = residentKey(issuerPath({ tenant: workspace.tenantId, workspace: workspace.id }), host);
    const existing = this.#resident.get(key);
    if (existing) {
      existing.lastUsed = Date.now();
      return existing;
    }
    const provider = createProvider(this.#deps, workspace, host);
    const resident: Resident = { provider, handler: provider.then((p) => p.callback()), lastUsed: Date.now() };
    this.#resident.set(key, resident);
    // A failed start is not cached: the next request tries again.
    provider.catch(() => this.#resident.delete(key));
    return resident;
  }
}

/** One provider per (host, workspace): `/t/w` on loopback, `<org>:<origin>:/t/w` on a vanity host. */
const residentKey = (prefix: string, host: IssuerHost | undefined): string =>
  host ? `${host.orgId}:${host.origin}:${prefix}` : prefix;
