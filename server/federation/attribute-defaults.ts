/**
 * Where the usual user fields hide in what real IdPs send (vendor-idp-shapes.md): when a
 * connection's mapping does not name an attribute, or names one the IdP did not send,
 * these names are tried in order.
 */
export const ATTRIBUTE_FALLBACKS = {
  email: [
    'email',
    'mail',
    'Email',
    'emailaddress',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
    'urn:oid:0.9.2342.19200300.100.1.3',
    'preferred_username',
    'upn',
  ],
  name: [
    'name',
    'displayName',
    'http://schemas.microsoft.com/identity/claims/displayname',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
    'urn:oid:2.16.840.1.113730.3.1.241',
  ],
  givenName: [
    'given_name',
    'givenName',
    'FirstName',
    'firstName',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
    'urn:oid:2.5.4.42',
  ],
  familyName: [
    'family_name',
    'LastName',
    'surname',
    'sn',
    'lastName',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
    'urn:oid:2.5.4.4',
  ],
  groups: [
    'groups',
    'memberOf',
    'memberOfGroupNames',
    'urn:oid:1.3.6.1.4.1.5923.1.5.1.1',
    'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
    'group',
    'roles',
  ],
} as const;

export type MappedField = keyof typeof ATTRIBUTE_FALLBACKS;

/** The first value found for `field`: the mapped name first, then the usual names. */
export function readAttribute(
  attributes: Record<string, string | string[]>,
  field: MappedField,
  mapped: string | undefined,
): { name: string; value: string | string[] } | undefined {
  const names = [...(mapped ? [mapped] : []), ...ATTRIBUTE_FALLBACKS[field]];
  for (const name of names) {
    const value = attributes[name];
    if (value !== undefined && (Array.isArray(value) ? value.length > 0 : value !== '')) return { name, value };
  }
  return undefined;
}

export const firstValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

export const allValues = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
