/**
 * An openid-client Configuration for one connection's upstream IdP, with Orgbench's
 * stance built in: the issuer rule (#27), discovery issuer check (#28, by the library),
 * ID token signatures verified even from the token endpoint (#26), the ID token `alg`
 * pinned (#25), our clock, and a bounded timeout.
 */
import * as oidc from 'openid-client';
import type { Connection } from '../../model/federation';
import type { Clock } from '../../runtime/clock';
import { FederationError } from '../contracts';
import type { FederationDeps } from '../federation-deps';
import { classifyOidcError, OIDC_RULES } from './classify-oidc-error';
import { upstreamFetch } from './upstream-fetch';
import { checkUpstreamIssuer } from './upstream-issuer';

/** Seconds any one request to an upstream IdP may take. */
export const UPSTREAM_TIMEOUT_SECONDS = 10;
/** Seconds of clock difference tolerated on `exp`, `nbf` and `iat`. */
export const CLOCK_TOLERANCE_SECONDS = 60;

const ASYMMETRIC_ALGS = [
  'RS256',
  'PS256',
  'ES256',
  'RS384',
  'PS384',
  'ES384',
  'RS512',
  'PS512',
  'ES512',
  'EdDSA',
  'Ed25519',
];

export interface Upstream {
  config: oidc.Configuration;
  issuer: string;
  /** The IdP says it puts `iss` on every authorization response (RFC 9207). */
  sendsIssParameter: boolean;
  idTokenAlg: string;
}

/** The ID token `alg` to insist on: RS256 (the registration default), else the IdP's first asymmetric one. */
export function pinnedIdTokenAlg(advertised: readonly string[] | undefined): string | undefined {
  if (!advertised || advertised.includes('RS256')) return 'RS256';
  return advertised.find((alg) => ASYMMETRIC_ALGS.includes(alg));
}

/** Picks client_secret_basic unless the IdP only takes client_secret_post. */
function secretAuth(secret: string): oidc.ClientAuth {
  const basic = oidc.ClientSecretBasic(secret);
  const post = oidc.ClientSecretPost(secret);
  return (as, client, body, headers) => {
    const methods = as.token_endpoint_auth_methods_supported;
    const usePost =
      methods !== undefined && !methods.includes('client_secret_basic') && methods.includes('client_secret_post');
    (usePost ? post : basic)(as, client, body, headers);
  };
}

/** openid-client reads `Date.now()`; this skew makes it see Orgbench's (possibly frozen) clock. */
const skewSeconds = (clock: Clock) => Math.round((clock.now().getTime() - Date.now()) / 1000);

/** Discovers the IdP of `connection` and returns a Configuration ready for the code flow. */
export async function discoverUpstream(
  deps: Pick<FederationDeps, 'connections' | 'clock'>,
  connection: Connection,
  fetchImpl: oidc.CustomFetch = upstreamFetch,
): Promise<Upstream> {
  if (!connection.oidc)
    throw new FederationError(OIDC_RULES.discovery, `${connection.name} is not an OIDC connection.`, 500);
  const verdict = checkUpstreamIssuer(connection.oidc.issuer);
  if (!verdict.ok) throw new FederationError(OIDC_RULES.insecureIssuer, verdict.reason);
  const secret = (deps.connections.record(connection.id).config as { clientSecret?: unknown }).clientSecret;
  const auth = typeof secret === 'string' && secret ? secretAuth(secret) : oidc.None();

  let discovered: oidc.Configuration;
  try {
    discovered = await oidc.discovery(verdict.url, connection.oidc.clientId, undefined, auth, {
      [oidc.customFetch]: fetchImpl,
      timeout: UPSTREAM_TIMEOUT_SECONDS,
      ...(verdict.insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
  } catch (error) {
    const classified = classifyOidcError(error);
    if (classified.rule === OIDC_RULES.discoveryIssuer || classified.rule === OIDC_RULES.insecureIssuer)
      throw classified;
    throw new FederationError(
      OIDC_RULES.discovery,
      `Discovery at ${connection.oidc.issuer} failed: ${classified.message}`,
      classified.status === 400 ? 502 : classified.status,
    );
  }

  const server = discovered.serverMetadata();
  const idTokenAlg = pinnedIdTokenAlg(server.id_token_signing_alg_values_supported);
  if (!idTokenAlg) {
    throw new FederationError(
      OIDC_RULES.discovery,
      `The IdP signs ID tokens only with ${server.id_token_signing_alg_values_supported?.join(', ')}; Orgbench needs an asymmetric algorithm.`,
      502,
    );
  }
  if (!server.jwks_uri)
    throw new FederationError(
      OIDC_RULES.discovery,
      'The IdP publishes no jwks_uri, so its ID tokens cannot be verified.',
      502,
    );

  // A second Configuration: the pinned alg and our clock are client metadata, known only now.
  const config = new oidc.Configuration(
    server,
    connection.oidc.clientId,
    {
      id_token_signed_response_alg: idTokenAlg,
      [oidc.clockSkew]: skewSeconds(deps.clock),
      [oidc.clockTolerance]: CLOCK_TOLERANCE_SECONDS,
    },
    auth,
  );
  config[oidc.customFetch] = fetchImpl;
  config.timeout = UPSTREAM_TIMEOUT_SECONDS;
  if (verdict.insecure) oidc.allowInsecureRequests(config);
  oidc.enableNonRepudiationChecks(config);
  return {
    config,
    issuer: server.issuer,
    sendsIssParameter: server.authorization_response_iss_parameter_supported === true,
    idTokenAlg,
  };
}
