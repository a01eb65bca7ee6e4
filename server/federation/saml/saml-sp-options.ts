/**
 * node-saml for one connection, with every unsafe default overridden (security.md §1):
 * InResponseTo always checked against Orgbench's SQLite cache with a 10-minute window,
 * audience = this SP's entity ID, clock skew from the connection (never -1), at least one
 * of response/assertion signature required, SHA-256 for what this SP signs.
 */
import { randomBytes } from 'node:crypto';
import type { CacheItem, CacheProvider, SamlConfig } from '@node-saml/node-saml';
import { ValidateInResponseTo } from '@node-saml/node-saml';
import type { Connection, SamlConnectionConfig } from '../../model/federation';
import type { Clock } from '../../runtime/clock';
import type { SamlCacheRepository } from '../../store/saml-cache-repository';
import { FederationError } from '../contracts';
import { NAMEID_FORMATS } from './saml-vocabulary';

/** How long an AuthnRequest waits for its answer. */
export const REQUEST_TTL_MS = 10 * 60 * 1000;

const MAX_SKEW_SECONDS = 300;

/** This SP's own key and certificate for one connection. */
export interface SpKeys {
  spPrivateKeyPem: string;
  spCertificatePem: string;
}

/** A new AuthnRequest ID; it doubles as the RelayState handle. */
export function newRequestId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}

/** True when `value` has the shape of a handle `newRequestId` makes (anything else is ignored). */
export function isRequestHandle(value: string | undefined): value is string {
  return typeof value === 'string' && /^_[0-9a-f]{40}$/.test(value);
}

/** The connection's SAML settings, refused when they would switch a protection off. */
export function samlSettings(connection: Connection): SamlConnectionConfig {
  const saml = connection.saml;
  if (connection.kind !== 'saml' || !saml) {
    throw new FederationError('saml_config', `The connection “${connection.name}” is not a SAML connection.`, 404);
  }
  if (!saml.wantAssertionsSigned && !saml.wantResponseSigned) {
    throw new FederationError(
      'saml_config',
      `The connection “${connection.name}” requires neither a signed response nor a signed assertion; one must be required.`,
      500,
    );
  }
  if (
    !Number.isInteger(saml.clockSkewSeconds) ||
    saml.clockSkewSeconds < 0 ||
    saml.clockSkewSeconds > MAX_SKEW_SECONDS
  ) {
    throw new FederationError('saml_config', `The clock skew must be 0–${MAX_SKEW_SECONDS} seconds.`, 500);
  }
  if (saml.idpCertificates.length === 0) {
    throw new FederationError('saml_config', `The connection “${connection.name}” trusts no IdP certificate.`, 500);
  }
  return saml;
}

export interface SpOptionsInput {
  connection: Connection;
  keys: SpKeys;
  cache: CacheProvider;
  /** Unsolicited (IdP-initiated) responses carry no InResponseTo; only then is it not demanded. */
  unsolicited?: boolean;
  /** The ID the next AuthnRequest gets. */
  requestId?: string;
}

/** node-saml options for the connection. */
export function spSamlConfig(input: SpOptionsInput): SamlConfig {
  const { connection, keys } = input;
  const saml = samlSettings(connection);
  const audience = connection.sp.entityId;
  if (!audience)
    throw new FederationError('saml_config', 'The connection has no SP entity ID to check the audience against.', 500);
  return {
    issuer: connection.sp.entityId,
    callbackUrl: connection.sp.acsUrl,
    audience,
    entryPoint: saml.idpSsoUrl,
    idpCert: saml.idpCertificates,
    idpIssuer: saml.idpEntityId,
    wantAssertionsSigned: saml.wantAssertionsSigned,
    wantAuthnResponseSigned: saml.wantResponseSigned,
    acceptedClockSkewMs: saml.clockSkewSeconds * 1000,
    validateInResponseTo:
      input.unsolicited && saml.idpInitiated ? ValidateInResponseTo.ifPresent : ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: REQUEST_TTL_MS,
    cacheProvider: input.cache,
    decryptionPvk: keys.spPrivateKeyPem,
    ...(saml.signAuthnRequests ? { privateKey: keys.spPrivateKeyPem, publicCert: keys.spCertificatePem } : {}),
    signatureAlgorithm: 'sha256',
    digestAlgorithm: 'sha256',
    identifierFormat: NAMEID_FORMATS[saml.nameIdFormat],
    // Many IdPs refuse a RequestedAuthnContext their login did not meet (NoAuthnContext).
    disableRequestedAuthnContext: true,
    ...(input.requestId ? { generateUniqueId: () => input.requestId as string } : {}),
  };
}

/**
 * node-saml's request-ID cache, backed by SQLite so in-flight logins survive a restart.
 * `remove` does nothing on purpose: node-saml removes the ID on *any* failed validation
 * (security.md §6), so one forged post could cancel a real login in progress. Orgbench
 * uses the request up itself, once, when a response passed every rule.
 */
export class SqliteRequestCache implements CacheProvider {
  readonly #cache: SamlCacheRepository;
  readonly #clock: Clock;
  readonly #connectionId: string;
  readonly #sending: { interactionUid: string; issuerPath: string } | undefined;

  constructor(
    cache: SamlCacheRepository,
    clock: Clock,
    connectionId: string,
    sending?: { interactionUid: string; issuerPath: string },
  ) {
    this.#cache = cache;
    this.#clock = clock;
    this.#connectionId = connectionId;
    this.#sending = sending;
  }

  async saveAsync(key: string, value: string): Promise<CacheItem | null> {
    if (!this.#sending) return null;
    const createdAt = this.#clock.now().getTime();
    this.#cache.saveRequest({
      id: key,
      connectionId: this.#connectionId,
      interactionUid: this.#sending.interactionUid,
      issuerPath: this.#sending.issuerPath,
      createdAt,
      expiresAt: createdAt + REQUEST_TTL_MS,
    });
    return { value, createdAt };
  }

  async getAsync(key: string): Promise<string | null> {
    const request = this.#cache.findRequest(key, this.#connectionId, this.#clock.now().getTime());
    return request ? new Date(request.createdAt).toISOString() : null;
  }

  async removeAsync(key: string | null): Promise<string | null> {
    return key;
  }
}
