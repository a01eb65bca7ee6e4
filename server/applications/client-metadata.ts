/**
 * From an application to the client metadata oidc-provider understands, and back for
 * clients created through Dynamic Client Registration. One table per kind, so the
 * difference between a web app, an SPA, a native app and an M2M client reads at a glance.
 */
import type { ApplicationKind } from '../model/application';
import type { AppRecord } from '../store/application-repository';

interface KindProfile {
  applicationType: 'web' | 'native';
  authMethod: 'client_secret_basic' | 'none';
  grantTypes: string[];
  responseTypes: string[];
}

export const KIND_PROFILES: Record<ApplicationKind, KindProfile> = {
  web: {
    applicationType: 'web',
    authMethod: 'client_secret_basic',
    grantTypes: ['authorization_code', 'refresh_token'],
    responseTypes: ['code'],
  },
  spa: {
    applicationType: 'web',
    authMethod: 'none',
    grantTypes: ['authorization_code', 'refresh_token'],
    responseTypes: ['code'],
  },
  native: {
    applicationType: 'native',
    authMethod: 'none',
    grantTypes: ['authorization_code', 'refresh_token'],
    responseTypes: ['code'],
  },
  m2m: {
    applicationType: 'web',
    authMethod: 'client_secret_basic',
    grantTypes: ['client_credentials'],
    responseTypes: [],
  },
};

export const kindNeedsSecret = (kind: ApplicationKind): boolean => KIND_PROFILES[kind].authMethod !== 'none';

/** The metadata oidc-provider is given for `app` (snake_case, as in RFC 7591). */
export function toClientMetadata(app: AppRecord): Record<string, unknown> {
  const profile = KIND_PROFILES[app.kind];
  return {
    ...app.metadata,
    client_id: app.clientId,
    client_name: app.name,
    application_type: profile.applicationType,
    token_endpoint_auth_method: app.metadata.token_endpoint_auth_method ?? profile.authMethod,
    grant_types: profile.grantTypes,
    response_types: profile.responseTypes,
    redirect_uris: app.redirectUris,
    post_logout_redirect_uris: app.postLogoutRedirectUris,
    ...(app.clientSecret ? { client_secret: app.clientSecret } : {}),
    ...(app.ownerOrgId ? { organization_id: app.ownerOrgId } : {}),
    require_organization: app.requireOrganization,
  };
}

/** Reads the kind of a dynamically registered client from its metadata. */
export function kindFromMetadata(metadata: Record<string, unknown>): ApplicationKind {
  const grants = Array.isArray(metadata.grant_types) ? (metadata.grant_types as string[]) : ['authorization_code'];
  if (grants.length > 0 && grants.every((grant) => grant === 'client_credentials')) return 'm2m';
  if (metadata.application_type === 'native') return 'native';
  return metadata.token_endpoint_auth_method === 'none' ? 'spa' : 'web';
}
