/**
 * How each vendor's SAML answers look (vendor-idp-shapes.md): namespace prefixes, ID
 * style, attribute names and formats, validity windows, where the certificate goes, and
 * which logout bindings exist. The mock IdP's own settings still decide what is signed,
 * encrypted and which NameID format is used.
 */
import type { VendorPreset } from '../../model/federation';
import { AUTHN_CONTEXT } from '../../federation/saml/saml-vocabulary';

export interface AttributeNames {
  email: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  groups?: string;
}

export interface SamlVendorShape {
  /** Namespace prefixes: protocol (`samlp`), assertion (`saml`, or '' for a default namespace). */
  prefixes: { protocol: string; assertion: string };
  idStyle: 'okta' | 'entra' | 'plain';
  attributes: AttributeNames;
  /** The `NameFormat` of each Attribute, or null to leave it out (Entra). */
  attributeNameFormat: string | null;
  /** `xsi:type` of each AttributeValue, or null for none. */
  valueType: string | null;
  /** Okta marks its Issuer with `Format=…:entity`. */
  issuerFormat: boolean;
  /** Conditions/NotBefore relative to IssueInstant (Okta and Ping: 5 minutes back; Entra: none). */
  notBeforeSeconds: number;
  /** SubjectConfirmationData/NotOnOrAfter after IssueInstant. */
  confirmationMinutes: number;
  /** Exclusive c14n InclusiveNamespaces PrefixList of the signature reference (Okta: `xs`). */
  inclusivePrefixes: string[];
  /** Put the signing certificate in KeyInfo (PingFederate leaves it out). */
  certificateInKeyInfo: boolean;
  authnContext: string;
  /** Which single-logout bindings the vendor serves. */
  logout: 'redirect-and-post' | 'redirect-only' | 'none';
}

const UNSPECIFIED = 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified';
const BASIC = 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic';
const URI = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri';

export const SAML_VENDOR_SHAPES: Record<VendorPreset, SamlVendorShape> = {
  okta: {
    prefixes: { protocol: 'saml2p', assertion: 'saml2' },
    idStyle: 'okta',
    attributes: { email: 'Email', givenName: 'FirstName', familyName: 'LastName', groups: 'groups' },
    attributeNameFormat: UNSPECIFIED,
    valueType: 'xs:string',
    issuerFormat: true,
    notBeforeSeconds: -300,
    confirmationMinutes: 5,
    inclusivePrefixes: ['xs'],
    certificateInKeyInfo: true,
    authnContext: AUTHN_CONTEXT.passwordProtectedTransport,
    logout: 'redirect-and-post',
  },
  entra: {
    prefixes: { protocol: 'samlp', assertion: '' },
    idStyle: 'entra',
    attributes: {
      email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
      name: 'http://schemas.microsoft.com/identity/claims/displayname',
      givenName: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
      familyName: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
      groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
    },
    attributeNameFormat: null,
    valueType: null,
    issuerFormat: false,
    notBeforeSeconds: 0,
    confirmationMinutes: 5,
    inclusivePrefixes: [],
    certificateInKeyInfo: true,
    authnContext: AUTHN_CONTEXT.password,
    logout: 'redirect-only',
  },
  ping: {
    prefixes: { protocol: 'samlp', assertion: 'saml' },
    idStyle: 'plain',
    attributes: { email: 'email', givenName: 'firstName', familyName: 'lastName', groups: 'memberOf' },
    attributeNameFormat: BASIC,
    valueType: 'xs:string',
    issuerFormat: false,
    notBeforeSeconds: -300,
    confirmationMinutes: 5,
    inclusivePrefixes: [],
    certificateInKeyInfo: false,
    authnContext: AUTHN_CONTEXT.passwordProtectedTransport,
    logout: 'redirect-and-post',
  },
  google: {
    prefixes: { protocol: 'saml2p', assertion: 'saml2' },
    idStyle: 'plain',
    attributes: { email: 'email', givenName: 'firstName', familyName: 'lastName', groups: 'groups' },
    attributeNameFormat: UNSPECIFIED,
    valueType: 'xs:anyType',
    issuerFormat: false,
    notBeforeSeconds: -300,
    confirmationMinutes: 5,
    inclusivePrefixes: [],
    certificateInKeyInfo: true,
    authnContext: AUTHN_CONTEXT.passwordProtectedTransport,
    logout: 'none',
  },
  secureauth: {
    prefixes: { protocol: 'samlp', assertion: 'saml' },
    idStyle: 'plain',
    attributes: {
      email: 'urn:oid:0.9.2342.19200300.100.1.3',
      name: 'urn:oid:2.16.840.1.113730.3.1.241',
      givenName: 'urn:oid:2.5.4.42',
      familyName: 'urn:oid:2.5.4.4',
      groups: 'urn:oid:1.3.6.1.4.1.5923.1.5.1.1',
    },
    attributeNameFormat: URI,
    valueType: null,
    issuerFormat: false,
    notBeforeSeconds: -60,
    confirmationMinutes: 5,
    inclusivePrefixes: [],
    certificateInKeyInfo: true,
    authnContext: AUTHN_CONTEXT.passwordProtectedTransport,
    logout: 'none',
  },
  generic: {
    prefixes: { protocol: 'samlp', assertion: 'saml' },
    idStyle: 'plain',
    attributes: { email: 'email', name: 'name', givenName: 'given_name', familyName: 'family_name', groups: 'groups' },
    attributeNameFormat: BASIC,
    valueType: null,
    issuerFormat: false,
    notBeforeSeconds: -60,
    confirmationMinutes: 5,
    inclusivePrefixes: [],
    certificateInKeyInfo: true,
    authnContext: AUTHN_CONTEXT.passwordProtectedTransport,
    logout: 'redirect-and-post',
  },
};

/** The attribute names a preset uses (for default attribute mappings of connections). */
export const SAML_ATTRIBUTE_NAMES: Record<VendorPreset, AttributeNames> = Object.fromEntries(
  Object.entries(SAML_VENDOR_SHAPES).map(([preset, shape]) => [preset, shape.attributes]),
) as Record<VendorPreset, AttributeNames>;

/** How the picker page looks and speaks, per vendor (colours, not logos). */
export interface PickerLook {
  /** Shown as the page's brand line: "Okta (Orgbench mock)". */
  brand: string;
  heading: string;
  /** Sub-heading; `{sp}` becomes the requesting SP. */
  lead: string;
  button: string;
  cancel: string;
}

export const PICKER_LOOKS: Record<VendorPreset, PickerLook> = {
  okta: {
    brand: 'Okta',
    heading: 'Sign In',
    lead: 'Choose who signs in to {sp}',
    button: 'Sign In',
    cancel: 'Back to sign in',
  },
  entra: {
    brand: 'Microsoft Entra ID',
    heading: 'Pick an account',
    lead: 'to continue to {sp}',
    button: 'Sign in',
    cancel: 'Cancel',
  },
  ping: {
    brand: 'Ping Identity',
    heading: 'Sign On',
    lead: 'Select an identity for {sp}',
    button: 'Sign On',
    cancel: 'Cancel',
  },
  google: {
    brand: 'Google Workspace',
    heading: 'Choose an account',
    lead: 'to continue to {sp}',
    button: 'Continue',
    cancel: 'Cancel',
  },
  secureauth: {
    brand: 'SecureAuth',
    heading: 'Sign in',
    lead: 'Select an identity to continue to {sp}',
    button: 'Submit',
    cancel: 'Cancel',
  },
  generic: {
    brand: 'Mock IdP',
    heading: 'Sign in',
    lead: 'Choose a persona for {sp}',
    button: 'Sign in',
    cancel: 'Cancel',
  },
};
