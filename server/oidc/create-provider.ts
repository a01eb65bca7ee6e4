/**
 * Builds one oidc-provider instance for one workspace issuer: SQLite storage, the
 * tenant's persisted keys, persisted cookie keys, PKCE for every client and explicit
 * lifetimes. Development interactions are off; login pages arrive with the
 * interaction routes.
 */
import { randomBytes } from 'node:crypto';
import Provider, { type Configuration } from 'oidc-provider';
import type { Db } from '../store/open-database';
import type { KeyRepository } from '../store/key-repository';
import type { Clock } from '../runtime/clock';
import { sqliteAdapterFor } from './sqlite-adapter';
import { renderError } from './render-error';
import { ensureTenantKeys } from './signing-keys';

export interface IssuerAddress {
  tenant: string;
  workspace: string;
}

export interface CreateProviderOptions {
  db: Db;
  keys: KeyRepository;
  clock: Clock;
  /** Protocol listener origin, e.g. `http://127.0.0.1:4100`. */
  origin: string;
  address: IssuerAddress;
}

/** URL path of a workspace issuer: `/{tenant}/{workspace}`. */
export function issuerPath({ tenant, workspace }: IssuerAddress): string {
  return `/${tenant}/${workspace}`;
}

const TTL_SECONDS = {
  AccessToken: 60 * 60,
  AuthorizationCode: 60,
  ClientCredentials: 10 * 60,
  IdToken: 60 * 60,
  Interaction: 60 * 60,
  RefreshToken: 14 * 24 * 60 * 60,
  Session: 14 * 24 * 60 * 60,
  Grant: 14 * 24 * 60 * 60,
} as const;

export async function createProvider(options: CreateProviderOptions): Promise<Provider> {
  const { db, keys, clock, origin, address } = options;
  const path = issuerPath(address);
  const issuer = `${origin}${path}`;
  const jwks = await ensureTenantKeys(keys, address.tenant, clock);
  const cookieKeys = [
    keys.secret(`cookie-key:${address.tenant}`, () => randomBytes(32).toString('base64url'), clock.now().toISOString()),
  ];

  const configuration: Configuration = {
    adapter: sqliteAdapterFor(db, issuer),
    jwks: { keys: jwks as NonNullable<Configuration['jwks']>['keys'] },
    cookies: {
      keys: cookieKeys,
      // Distinct names: cookies are shared across ports on one host (RFC 6265 §8.5),
      // so Orgbench's provider must not collide with mock IdPs on the same host.
      names: { session: '_ob_session', interaction: '_ob_interaction', resume: '_ob_resume' },
    },
    features: {
      devInteractions: { enabled: false },
      introspection: { enabled: true },
      revocation: { enabled: true },
    },
    interactions: { url: (_ctx, interaction) => `${path}/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: { ...TTL_SECONDS },
    clients: [],
    findAccount: async () => undefined,
    renderError,
  };

  const provider = new Provider(issuer, configuration);
  return provider;
}
