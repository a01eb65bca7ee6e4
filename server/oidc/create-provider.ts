/**
 * Builds the oidc-provider instance of one workspace issuer from the workspace's
 * settings: SQLite storage (clients from the applications table), the tenant's
 * persisted keys, PKCE for every client, refresh-token rotation, org claims in tokens,
 * JWT access tokens for registered APIs, Dynamic Client Registration behind an initial
 * access token, and Orgbench's own login pages. No development interactions or keys.
 */
import { randomBytes } from 'node:crypto';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Workspace } from '../model/workspace';
import { clientAdapterFor } from './client-adapter';
import { createFindAccount, orgOfToken } from './find-account';
import { interactionPolicy } from './interaction-policy';
import { mountInteractions } from './interactions/routes';
import { logoutSource, postLogoutSuccessSource, renderError } from './interactions/provider-pages';
import { orgClaimNames, orgClaims } from './org-claims';
import type { ProviderDeps } from './provider-deps';
import { sqliteAdapterFor } from './sqlite-adapter';
import { ensureTenantKeys } from './signing-keys';
import { recordTokenResponses } from './token-recorder';
import { installUpstreamLogout } from './upstream-logout';

export interface IssuerAddress {
  tenant: string;
  workspace: string;
}

/** An org's vanity host serving a workspace: the issuer's origin, and the org its logins are fixed to. */
export interface IssuerHost {
  /** `http://login.acme.localhost:4100` */
  origin: string;
  orgId: string;
}

/** URL path of a workspace issuer: `/{tenant}/{workspace}`. */
export function issuerPath({ tenant, workspace }: IssuerAddress): string {
  return `/${tenant}/${workspace}`;
}

export async function createProvider(deps: ProviderDeps, workspace: Workspace, host?: IssuerHost): Promise<Provider> {
  const address = { tenant: workspace.tenantId, workspace: workspace.id };
  const path = issuerPath(address);
  const issuer = `${host?.origin ?? deps.origin}${path}`;
  const { settings } = workspace;
  const jwks = await ensureTenantKeys(deps.keys, address.tenant, deps.clock);
  const cookieKeys = [
    deps.keys.secret(
      `cookie-key:${address.tenant}`,
      () => randomBytes(32).toString('base64url'),
      deps.clock.now().toISOString(),
    ),
  ];
  const Payloads = sqliteAdapterFor(deps.db, issuer);
  const Clients = clientAdapterFor(deps, address.tenant, address.workspace);

  const configuration: Configuration = {
    adapter: (name: string) => (name === 'Client' ? new Clients() : new Payloads(name)),
    jwks: { keys: jwks as NonNullable<Configuration['jwks']>['keys'] },
    cookies: {
      keys: cookieKeys,
      // Distinct names: cookies are shared across ports on one host (RFC 6265 §8.5),
      // so Orgbench's provider must not collide with mock IdPs on the same host.
      names: { session: '_ob_session', interaction: '_ob_interaction', resume: '_ob_resume' },
    },
    claims: {
      // amr: how the user signed in (pwd, otp + mfa, fed), in every ID token.
      openid: ['sub', 'amr', ...orgClaimNames(settings)],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
    },
    conformIdTokenClaims: false,
    extraParams: ['organization'],
    extraClientMetadata: {
      properties: ['organization_id', 'require_organization'],
      validator: (_ctx, key, value, metadata) => {
        if (key === 'organization_id' && value !== undefined) {
          const org = typeof value === 'string' ? deps.orgs.find(value) : undefined;
          if (!org) throw new errors.InvalidClientMetadata(`organization_id: no organization "${String(value)}"`);
          metadata.organization_id = org.id;
        }
        if (key === 'require_organization' && value !== undefined && typeof value !== 'boolean') {
          throw new errors.InvalidClientMetadata('require_organization must be a boolean');
        }
      },
    },
    features: {
      devInteractions: { enabled: false },
      // A client may introspect or revoke only the tokens issued to it; confidential
      // clients of the same organization (an org's API) may also introspect its tokens.
      introspection: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => {
          if (token.clientId === client.clientId) return true;
          if (client.clientAuthMethod === 'none') return false;
          const callerOrg = deps.appRepo.find(client.clientId)?.ownerOrgId;
          return (
            callerOrg !== null &&
            callerOrg !== undefined &&
            deps.appRepo.find(String(token.clientId))?.ownerOrgId === callerOrg
          );
        },
      },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => {
          if (token.clientId === client.clientId) return true;
          if (client.clientAuthMethod === 'none') return false;
          throw new errors.InvalidRequest('client is not authorized to revoke the presented token');
        },
      },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      clientCredentials: { enabled: true },
      registration: {
        enabled: true,
        initialAccessToken: deps.adminToken,
        idFactory: () => `dcr_${randomBytes(12).toString('base64url')}`,
        secretFactory: () => randomBytes(32).toString('base64url'),
      },
      registrationManagement: { enabled: true, rotateRegistrationAccessToken: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, _client, oneOf) => (oneOf ? oneOf[0] : undefined),
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          const resource = deps.appRepo
            .resources(address.tenant, address.workspace)
            .find((candidate) => candidate.identifier === indicator);
          if (!resource) throw new errors.InvalidTarget(`unknown resource indicator ${indicator}`);
          return {
            scope: resource.scopes.join(' '),
            audience: resource.identifier,
            accessTokenTTL: settings.ttl.accessToken,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
    },
    interactions: {
      url: (_ctx, interaction) => `${path}/interaction/${interaction.uid}`,
      policy: interactionPolicy(deps, issuer),
    },
    pkce: { required: () => true },
    rotateRefreshToken: () => settings.rotateRefreshTokens,
    // Apps allowed the refresh_token grant get one without asking for offline_access:
    // B2B sessions are long-lived and rotation with reuse detection keeps them safe.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: settings.ttl.accessToken,
      AuthorizationCode: settings.ttl.authorizationCode,
      ClientCredentials: settings.ttl.accessToken,
      IdToken: settings.ttl.idToken,
      Interaction: 60 * 60,
      RefreshToken: settings.ttl.refreshToken,
      Session: settings.ttl.session,
      Grant: settings.ttl.refreshToken,
      RegistrationAccessToken: 30 * 86400,
    },
    clientDefaults: { id_token_signed_response_alg: 'RS256', token_endpoint_auth_method: 'client_secret_basic' },
    findAccount: createFindAccount(deps, issuer, settings),
    extraTokenClaims: async (ctx: KoaContextWithOIDC, token) => {
      const org = orgOfToken(deps, issuer, ctx, token);
      const roles =
        org && 'accountId' in token && typeof token.accountId === 'string'
          ? (deps.users.membership(org.id, token.accountId)?.roles ?? [])
          : undefined;
      return orgClaims(org, roles, settings);
    },
    renderError,
  };

  const provider = new Provider(issuer, configuration);
  provider.on('server_error', (_ctx, error) => deps.logger.error('oidc server_error', { issuer, error }));
  installUpstreamLogout(provider, (userId, next) => deps.federation.upstreamLogout(userId, next), deps.logger);
  recordTokenResponses(provider, deps, issuer);
  mountInteractions(provider, deps, { issuer, path, workspace, vanityOrgId: host?.orgId });
  return provider;
}
