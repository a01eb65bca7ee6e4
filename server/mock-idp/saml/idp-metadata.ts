/** The SAML metadata of a mock IdP: entity ID, signing certificate, SSO (and, per vendor, SLO) endpoints. */
import type { SamlMockSettings, VendorPreset } from '../../model/federation';
import { BINDINGS, NAMEID_FORMATS, NS } from '../../federation/saml/saml-vocabulary';
import { attrs, esc } from './xml-text';
import { SAML_VENDOR_SHAPES } from './vendor-shapes';

export interface IdpMetadataInput {
  entityId: string;
  ssoUrl: string;
  sloUrl: string;
  certificatePem: string;
  preset: VendorPreset;
  settings: SamlMockSettings;
}

export function idpMetadataXml(input: IdpMetadataInput): string {
  const certificate = input.certificatePem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const logout = SAML_VENDOR_SHAPES[input.preset].logout;
  const sloBindings =
    logout === 'none' ? [] : logout === 'redirect-only' ? [BINDINGS.redirect] : [BINDINGS.redirect, BINDINGS.post];
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<md:EntityDescriptor xmlns:md="${NS.metadata}" xmlns:ds="${NS.dsig}"${attrs({ entityID: input.entityId })}>`,
    `  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${NS.protocol}">`,
    `    <md:KeyDescriptor use="signing">`,
    `      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>`,
    `    </md:KeyDescriptor>`,
    ...sloBindings.map(
      (binding) => `    <md:SingleLogoutService${attrs({ Binding: binding, Location: input.sloUrl })}/>`,
    ),
    `    <md:NameIDFormat>${esc(NAMEID_FORMATS[input.settings.nameIdFormat])}</md:NameIDFormat>`,
    `    <md:SingleSignOnService${attrs({ Binding: BINDINGS.redirect, Location: input.ssoUrl })}/>`,
    `    <md:SingleSignOnService${attrs({ Binding: BINDINGS.post, Location: input.ssoUrl })}/>`,
    `  </md:IDPSSODescriptor>`,
    `</md:EntityDescriptor>`,
    '',
  ].join('\n');
}
