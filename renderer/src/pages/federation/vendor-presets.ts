/**
 * What each vendor preset of a mock IdP imitates, in the words an IdP admin would use:
 * the attribute or claim names it sends, its NameID and signing habits. Shown while
 * choosing a preset, and used to prefill a connection's mapping from its mock IdP.
 */
import type { ProtocolKind, VendorPreset } from '../../../../server/model/federation';

export const VENDOR_PRESETS: readonly VendorPreset[] = ['okta', 'entra', 'ping', 'google', 'secureauth', 'generic'];

/** The names under which an IdP sends the usual user fields. */
export interface AttributeNames {
  email: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  groups?: string;
}

export interface PresetInfo {
  label: string;
  /** One line: what an admin recognises of the vendor. */
  summary: string;
  /** The vendor's habits, one short phrase each. */
  habits: string[];
  saml: AttributeNames;
  oidc: AttributeNames;
}

export const PRESET_INFO: Record<VendorPreset, PresetInfo> = {
  okta: {
    label: 'Okta',
    summary: 'Short attribute names, saml2: prefixes, signs the response and the assertion.',
    habits: [
      'Attributes Email, FirstName, LastName, groups (xs:string values)',
      'Issuer marked Format=entity; NameID usually the email',
      'NotBefore five minutes in the past',
    ],
    saml: { email: 'Email', givenName: 'FirstName', familyName: 'LastName', groups: 'groups' },
    oidc: { email: 'email', name: 'name', givenName: 'given_name', familyName: 'family_name', groups: 'groups' },
  },
  entra: {
    label: 'Microsoft Entra ID',
    summary: 'Claim URIs under schemas.xmlsoap.org and microsoft.com, groups as object IDs.',
    habits: [
      'Attributes such as …/claims/emailaddress and …/claims/groups, no NameFormat',
      'Signs the assertion only; pairwise OIDC subject per app',
      'Single logout over HTTP-Redirect only',
    ],
    saml: {
      email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
      name: 'http://schemas.microsoft.com/identity/claims/displayname',
      givenName: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
      familyName: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
      groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
    },
    oidc: { email: 'email', name: 'name', groups: 'groups' },
  },
  ping: {
    label: 'Ping Identity',
    summary: 'Basic attribute names (email, firstName, memberOf); no certificate in KeyInfo.',
    habits: [
      'Attributes email, firstName, lastName, memberOf (basic NameFormat)',
      'NameID format unspecified in most setups',
      'OIDC groups in memberOfGroupNames',
    ],
    saml: { email: 'email', givenName: 'firstName', familyName: 'lastName', groups: 'memberOf' },
    oidc: { email: 'email', givenName: 'given_name', familyName: 'family_name', groups: 'memberOfGroupNames' },
  },
  google: {
    label: 'Google Workspace',
    summary: 'Primary email as NameID, few attributes, no groups claim in OIDC, no single logout.',
    habits: [
      'NameID emailAddress with the primary email',
      'Signs the assertion or the response, not both',
      'OIDC sub is a long number; hd names the domain',
    ],
    saml: { email: 'email', givenName: 'firstName', familyName: 'lastName', groups: 'groups' },
    oidc: { email: 'email', name: 'name', givenName: 'given_name', familyName: 'family_name' },
  },
  secureauth: {
    label: 'SecureAuth',
    summary: 'LDAP-style OID attribute names (urn:oid:…) with the URI NameFormat.',
    habits: [
      'Attributes urn:oid:0.9.2342.19200300.100.1.3 (mail), urn:oid:2.5.4.42 (givenName)…',
      'Signs the assertion; NotBefore one minute back',
      'No single logout',
    ],
    saml: {
      email: 'urn:oid:0.9.2342.19200300.100.1.3',
      name: 'urn:oid:2.16.840.1.113730.3.1.241',
      givenName: 'urn:oid:2.5.4.42',
      familyName: 'urn:oid:2.5.4.4',
      groups: 'urn:oid:1.3.6.1.4.1.5923.1.5.1.1',
    },
    oidc: { email: 'email', name: 'name', givenName: 'given_name', familyName: 'family_name', groups: 'groups' },
  },
  generic: {
    label: 'Generic',
    summary: 'Plain OIDC-style names (email, name, given_name, groups) over both protocols.',
    habits: ['Attributes email, name, given_name, family_name, groups', 'Signs the response and the assertion'],
    saml: { email: 'email', name: 'name', givenName: 'given_name', familyName: 'family_name', groups: 'groups' },
    oidc: { email: 'email', name: 'name', givenName: 'given_name', familyName: 'family_name', groups: 'groups' },
  },
};

/** The attribute (SAML) or claim (OIDC) names a preset sends. */
export const presetNames = (preset: VendorPreset, kind: ProtocolKind): AttributeNames => PRESET_INFO[preset][kind];

export const KIND_LABEL: Record<ProtocolKind, string> = { saml: 'SAML', oidc: 'OIDC' };
