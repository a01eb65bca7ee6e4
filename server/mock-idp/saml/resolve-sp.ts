/**
 * Who is asking a mock IdP: the SP's entity ID and ACS from the request, and — when the
 * ACS (or entity ID) is an Orgbench connection's, `/federation/saml/<connectionId>/…` —
 * that connection, whose certificate the IdP encrypts to and checks signatures with.
 */
import type { FederationDeps } from '../../federation/federation-deps';
import type { Connection } from '../../model/federation';
import {
  SamlRequestError,
  verifyEmbeddedSignature,
  verifyQuerySignature,
  type AuthnRequestFacts,
} from './parse-saml-request';
import type { LogoutSp } from './single-logout';

export interface SpTarget {
  acsUrl: string;
  /** The SP's entity ID (the response's Audience). */
  audience: string;
  connection: Connection | undefined;
  spCertificatePem: string | null;
  /** How the SP is named on the picker. */
  name: string;
}

const ACS_PATH = /^\/federation\/saml\/([^/]+)\/acs$/;
const ENTITY_PATH = /^\/federation\/saml\/([^/]+)$/;

/** The SP of a request naming `acsUrl` (maybe none) and issued by `entityId`. */
export function resolveSp(deps: FederationDeps, acsUrl: string | null, entityId: string): SpTarget {
  const connection =
    orgbenchConnection(deps, acsUrl, ACS_PATH, (found) => found.sp.acsUrl === acsUrl) ??
    orgbenchConnection(deps, entityId, ENTITY_PATH, (found) => found.sp.entityId === entityId);
  const acs = acsUrl ?? connection?.sp.acsUrl;
  if (!acs)
    throw new SamlRequestError(
      'The AuthnRequest names no AssertionConsumerServiceURL, and the SP is not an Orgbench connection.',
    );
  if (!/^https?:\/\/[^\s]+$/i.test(acs)) throw new SamlRequestError(`The ACS URL ${acs} is not an http(s) URL.`);
  return {
    acsUrl: acs,
    audience: entityId,
    connection,
    spCertificatePem: connection ? deps.connections.record(connection.id).spCertificatePem : null,
    name: connection ? `${connection.name} (Orgbench)` : entityId,
  };
}

/** The Orgbench connection whose SP entity ID is `entityId`, as the SP of a logout. */
export function logoutSpByEntityId(deps: FederationDeps, entityId: string): LogoutSp | undefined {
  const connection = orgbenchConnection(deps, entityId, ENTITY_PATH, (found) => found.sp.entityId === entityId);
  return connection ? logoutSp(deps, connection) : undefined;
}

/** An Orgbench SAML connection as the SP of a logout (its SLO URL and certificate). */
export function logoutSp(deps: FederationDeps, connection: Connection): LogoutSp | undefined {
  if (connection.kind !== 'saml' || !connection.sp.sloUrl) return undefined;
  return {
    connection,
    sloUrl: connection.sp.sloUrl,
    certificatePem: deps.connections.record(connection.id).spCertificatePem,
  };
}

/** The SP target of an IdP-initiated login to an Orgbench connection. */
export function connectionTarget(deps: FederationDeps, connectionId: string): SpTarget {
  const connection = findConnection(deps, connectionId);
  if (!connection || connection.kind !== 'saml')
    throw new SamlRequestError(`No SAML connection has the id "${connectionId}".`);
  return {
    acsUrl: connection.sp.acsUrl,
    audience: connection.sp.entityId,
    connection,
    spCertificatePem: deps.connections.record(connection.id).spCertificatePem,
    name: `${connection.name} (Orgbench)`,
  };
}

function orgbenchConnection(
  deps: FederationDeps,
  url: string | null,
  pattern: RegExp,
  matches: (connection: Connection) => boolean,
): Connection | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== new URL(deps.protocolUrl).origin) return undefined;
  const id = pattern.exec(parsed.pathname)?.[1];
  const connection = id ? findConnection(deps, decodeURIComponent(id)) : undefined;
  return connection && connection.kind === 'saml' && matches(connection) ? connection : undefined;
}

function findConnection(deps: FederationDeps, id: string): Connection | undefined {
  try {
    return deps.connections.get(id);
  } catch {
    return undefined;
  }
}

/**
 * The AuthnRequest's signature, checked when the SP is an Orgbench connection (its
 * certificate is known): `valid`, `invalid`, `unsigned`, or not checked.
 */
export function checkRequestSignature(
  sp: SpTarget,
  request: AuthnRequestFacts,
  binding: 'redirect' | 'post',
  rawQuery: string,
): 'valid' | 'invalid' | 'unsigned' | 'not checked (unknown SP)' {
  if (!sp.spCertificatePem) return 'not checked (unknown SP)';
  if (binding === 'redirect') {
    const valid = verifyQuerySignature(rawQuery, sp.spCertificatePem);
    return valid === undefined ? 'unsigned' : valid ? 'valid' : 'invalid';
  }
  if (!request.embeddedSignature) return 'unsigned';
  return verifyEmbeddedSignature(request.xml, sp.spCertificatePem) ? 'valid' : 'invalid';
}
