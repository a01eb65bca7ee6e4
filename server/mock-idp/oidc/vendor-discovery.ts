/**
 * A mock IdP's discovery document, shaped like the vendor's where that harms no RP
 * (vendor-idp-shapes.md: Entra's pairwise subjects and extra fields, Okta's response
 * modes, Google without an end-session endpoint). The endpoints are always the mock's
 * own, and every mock advertises RFC 9207 `iss` on authorization responses.
 */
import type { VendorPreset } from '../../model/federation';

/** The paths under the issuer, for the routes and the document alike. */
export const MOCK_OIDC_PATHS = {
  discovery: '/.well-known/openid-configuration',
  jwks: '/jwks',
  authorize: '/authorize',
  answer: '/answer',
  token: '/token',
  userinfo: '/userinfo',
  logout: '/logout',
  revoke: '/revoke',
  theme: '/theme.css',
} as const;

const STANDARD_CLAIMS = [
  'sub',
  'iss',
  'aud',
  'exp',
  'iat',
  'nonce',
  'auth_time',
  'name',
  'given_name',
  'family_name',
  'email',
  'email_verified',
];

export function discoveryDocument(preset: VendorPreset, issuer: string): Record<string, unknown> {
  const at = (path: string) => `${issuer}${path}`;
  const base: Record<string, unknown> = {
    issuer,
    authorization_endpoint: at(MOCK_OIDC_PATHS.authorize),
    token_endpoint: at(MOCK_OIDC_PATHS.token),
    userinfo_endpoint: at(MOCK_OIDC_PATHS.userinfo),
    jwks_uri: at(MOCK_OIDC_PATHS.jwks),
    end_session_endpoint: at(MOCK_OIDC_PATHS.logout),
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'profile', 'email'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    claims_supported: [...STANDARD_CLAIMS, 'groups', 'preferred_username'],
    code_challenge_methods_supported: ['S256'],
    authorization_response_iss_parameter_supported: true,
  };
  switch (preset) {
    case 'entra':
      return {
        ...base,
        subject_types_supported: ['pairwise'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        claims_supported: [
          'sub',
          'iss',
          'cloud_instance_name',
          'cloud_instance_host_name',
          'cloud_graph_host_name',
          'msgraph_host',
          'aud',
          'exp',
          'iat',
          'auth_time',
          'acr',
          'nonce',
          'preferred_username',
          'name',
          'tid',
          'ver',
          'at_hash',
          'c_hash',
          'email',
        ],
        frontchannel_logout_supported: true,
        http_logout_supported: true,
        request_uri_parameter_supported: false,
        tenant_region_scope: 'EU',
        cloud_instance_name: 'microsoftonline.com',
        cloud_graph_host_name: 'graph.windows.net',
        msgraph_host: 'graph.microsoft.com',
        rbac_url: 'https://pas.windows.net',
      };
    case 'okta':
      return {
        ...base,
        response_modes_supported: ['query', 'okta_post_message'],
        scopes_supported: ['openid', 'email', 'profile', 'groups'],
        claims_supported: [
          'iss',
          'ver',
          'sub',
          'aud',
          'iat',
          'exp',
          'jti',
          'auth_time',
          'amr',
          'idp',
          'nonce',
          'name',
          'nickname',
          'preferred_username',
          'given_name',
          'middle_name',
          'family_name',
          'email',
          'email_verified',
          'profile',
          'zoneinfo',
          'locale',
          'address',
          'phone_number',
          'picture',
          'website',
          'gender',
          'birthdate',
          'updated_at',
          'at_hash',
          'c_hash',
        ],
        request_parameter_supported: false,
      };
    case 'ping':
      return {
        ...base,
        end_session_endpoint: at('/signoff'),
        claims_parameter_supported: false,
        claims_supported: [...STANDARD_CLAIMS, 'preferred_username', 'acr', 'amr', 'sid', 'env', 'org', 'p1.region'],
      };
    case 'google': {
      const { end_session_endpoint: _none, ...google } = base;
      return {
        ...google,
        revocation_endpoint: at(MOCK_OIDC_PATHS.revoke),
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        // Google lists no `hd` and no groups among its claims.
        claims_supported: [
          'aud',
          'email',
          'email_verified',
          'exp',
          'family_name',
          'given_name',
          'iat',
          'iss',
          'name',
          'sub',
        ],
      };
    }
    case 'secureauth':
      return {
        ...base,
        subject_types_supported: ['public', 'pairwise'],
        claims_supported: [...STANDARD_CLAIMS, 'groups', 'acr', 'amr', 'idp'],
        backchannel_logout_supported: false,
      };
    default:
      return base;
  }
}
