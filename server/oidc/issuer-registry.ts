/**
 * The workspace issuers served on the protocol listener. Providers are created on
 * first use and evicted after a period without requests, so a data folder with many
 * tenants and workspaces does not keep a provider resident for each.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { createProvider, issuerPath, type CreateProviderOptions, type IssuerAddress } from './create-provider';

type Handler = ReturnType<Provider['callback']>;

interface Resident {
  handler: Promise<Handler>;
  lastUsed: number;
}

export interface IssuerInfo extends IssuerAddress {
  issuer: string;
}

export class IssuerRegistry {
  readonly #options: Omit<CreateProviderOptions, 'address'>;
  readonly #known: IssuerAddress[];
  readonly #resident = new Map<string, Resident>();
  readonly #idleMs: number;

  constructor(options: Omit<CreateProviderOptions, 'address'>, known: IssuerAddress[], idleMs = 10 * 60 * 1000) {
    this.#options = options;
    this.#known = known;
    this.#idleMs = idleMs;
  }

  list(): IssuerInfo[] {
    return this.#known.map((address) => ({ ...address, issuer: `${this.#options.origin}${issuerPath(address)}` }));
  }

  /** How many providers are in memory right now. */
  residentCount(): number {
    return this.#resident.size;
  }

  /** Serves `req` if its path belongs to a known issuer; returns false otherwise. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = req.url ?? '/';
    const address = this.#known.find((candidate) => {
      const prefix = issuerPath(candidate);
      return url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);
    });
    if (!address) return false;
    const prefix = issuerPath(address);
    const handler = await this.#handlerFor(address);
    // The mount convention oidc-provider reads to build its own URLs.
    Object.assign(req, { originalUrl: url });
    req.url = url.slice(prefix.length) || '/';
    await handler(req, res);
    return true;
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

  #handlerFor(address: IssuerAddress): Promise<Handler> {
    const key = issuerPath(address);
    const existing = this.#resident.get(key);
    if (existing) {
      existing.lastUsed = Date.now();
      return existing.handler;
    }
    const handler = createProvider({ ...this.#options, address }).then((provider) => provider.callback());
    this.#resident.set(key, { handler, lastUsed: Date.now() });
    // A failed start is not cached: the next request tries again.
    handler.catch(() => this.#resident.delete(key));
    return handler;
  }
}
