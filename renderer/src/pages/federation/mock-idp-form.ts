/**
 * The create form of a mock IdP: its draft, the slug suggested from the name, and the
 * check with the server's own schema.
 */
import {
  mockIdpInputSchema,
  type MockIdpInput,
  type ProtocolKind,
  type SamlMockSettings,
  type VendorPreset,
} from '../../../../server/model/federation';
import { pathErrors, zodIssues, type PathErrors } from './path-errors';

export interface MockIdpDraft {
  name: string;
  slug: string;
  /** Once the slug is typed by hand, the name no longer changes it. */
  slugTouched: boolean;
  kind: ProtocolKind;
  preset: VendorPreset;
  saml: SamlMockSettings;
}

export const MOCK_IDP_FIELDS = ['name', 'slug', 'kind', 'preset', 'saml'] as const;

export const DEFAULT_SAML_MOCK: SamlMockSettings = {
  signResponse: true,
  signAssertion: true,
  encryptAssertion: false,
  nameIdFormat: 'emailAddress',
  assertionLifetimeMinutes: 5,
};

export const NAME_ID_FORMATS: { id: SamlMockSettings['nameIdFormat']; label: string; hint: string }[] = [
  { id: 'emailAddress', label: 'Email address', hint: 'the persona’s email' },
  { id: 'persistent', label: 'Persistent', hint: 'a stable opaque ID' },
  { id: 'transient', label: 'Transient', hint: 'a new random ID each login' },
  { id: 'unspecified', label: 'Unspecified', hint: 'the email, format unspecified' },
];

export const emptyMockIdpDraft = (): MockIdpDraft => ({
  name: '',
  slug: '',
  slugTouched: false,
  kind: 'saml',
  preset: 'okta',
  saml: { ...DEFAULT_SAML_MOCK },
});

/** `Acme Okta (EU)` → `acme-okta-eu`. */
export function slugFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

export function toMockIdpInput(draft: MockIdpDraft): MockIdpInput {
  return {
    name: draft.name.trim(),
    slug: draft.slug.trim(),
    kind: draft.kind,
    preset: draft.preset,
    ...(draft.kind === 'saml' ? { saml: draft.saml } : {}),
  };
}

export function validateMockIdp(draft: MockIdpDraft): PathErrors {
  const result = mockIdpInputSchema.safeParse(toMockIdpInput(draft));
  return result.success ? {} : pathErrors(zodIssues(result.error));
}
