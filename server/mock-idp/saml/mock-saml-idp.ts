/** One mock SAML IdP as its endpoints need it: its view, signing identity and page look. */
import { NotFoundError } from '../../errors';
import type { FederationDeps } from '../../federation/federation-deps';
import type { MockIdp } from '../../model/federation';
import type { SamlIdpIdentity } from './build-saml-response';
import type { IdpLook } from './mock-idp-pages';

export interface Idp {
  view: MockIdp;
  identity: SamlIdpIdentity;
  look: IdpLook;
}

/** The SAML mock IdP `slug`; mock_idp_not_found when there is none (or it speaks OIDC). */
export function mockSamlIdp(deps: FederationDeps, slug: string): Idp {
  const view = deps.mockIdps.get(slug);
  const record = deps.mockIdps.record(view.id);
  if (view.kind !== 'saml' || !view.saml || !record)
    throw new NotFoundError('mock_idp_not_found', `${view.name} is not a SAML IdP.`);
  return {
    view,
    identity: {
      id: view.id,
      entityId: view.entityId,
      preset: view.preset,
      settings: view.saml,
      key: { privateKeyPem: record.privateKeyPem, certificatePem: record.certificatePem },
    },
    look: { slug: view.slug, name: view.name, preset: view.preset, customer: deps.customerBranding?.(view.id) },
  };
}
