/**
 * Federation: mock customer IdPs (with personas and fault switches) and each org's
 * connections to an upstream IdP (SAML or OIDC), with attribute mapping, group → role
 * mapping and just-in-time provisioning. Shared by the server and the renderer.
 */
import { z } from 'zod';
import { orgSlugSchema } from './organization';
import { rolesSchema } from './user';

export const protocolKindSchema = z.enum(['saml', 'oidc']);
export type ProtocolKind = z.infer<typeof protocolKindSchema>;

/** The vendors a mock IdP can imitate (claim names, attribute URIs, NameID habits, signing). */
export const vendorPresetSchema = z.enum(['okta', 'entra', 'ping', 'google', 'secureauth', 'generic']);
export type VendorPreset = z.infer<typeof vendorPresetSchema>;

export const VENDOR_LABELS: Record<VendorPreset, string> = {
  okta: 'Okta',
  entra: 'Microsoft Entra ID',
  ping: 'Ping Identity',
  google: 'Google Workspace',
  secureauth: 'SecureAuth',
  generic: 'Generic',
};

const attributeValue = z.union([z.string().max(2000), z.array(z.string().max(2000)).max(100)]);

export const personaInputSchema = z.strictObject({
  /** Short handle used by `login_hint` deep links and `--persona`: `jane`, `admin-1`. */
  handle: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be lowercase letters, digits, . _ - (e.g. jane.doe)'),
  displayName: z.string().trim().min(1, 'must not be empty').max(200),
  email: z.string().trim().toLowerCase().email('must be an email address'),
  givenName: z.string().trim().max(100).optional(),
  familyName: z.string().trim().max(100).optional(),
  /** Stable subject at the IdP; generated when absent. */
  subject: z.string().trim().min(1).max(200).optional(),
  groups: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  /** Any further attributes (by the name the IdP sends them under). */
  attributes: z.record(z.string().min(1).max(300), attributeValue).default({}),
});
export type PersonaInput = z.input<typeof personaInputSchema>;

export interface Persona {
  id: string;
  mockIdpId: string;
  handle: string;
  displayName: string;
  email: string;
  givenName: string | null;
  familyName: string | null;
  subject: string;
  groups: string[];
  attributes: Record<string, string | string[]>;
  position: number;
}

export const samlMockSettingsSchema = z.strictObject({
  signResponse: z.boolean(),
  signAssertion: z.boolean(),
  encryptAssertion: z.boolean(),
  nameIdFormat: z.enum(['emailAddress', 'persistent', 'transient', 'unspecified']),
  /** Minutes an assertion stays valid. */
  assertionLifetimeMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
export type SamlMockSettings = z.infer<typeof samlMockSettingsSchema>;

export const mockIdpInputSchema = z.strictObject({
  slug: orgSlugSchema,
  name: z.string().trim().min(1, 'must not be empty').max(100),
  kind: protocolKindSchema,
  preset: vendorPresetSchema.default('generic'),
  saml: samlMockSettingsSchema.partial().optional(),
});
export type MockIdpInput = z.input<typeof mockIdpInputSchema>;

export interface MockIdp {
  id: string;
  slug: string;
  name: string;
  kind: ProtocolKind;
  preset: VendorPreset;
  /** SAML entity ID, or OIDC issuer. */
  entityId: string;
  /** SAML metadata URL, or OIDC discovery URL. */
  metadataUrl: string;
  saml: SamlMockSettings | null;
  /** PEM certificate the IdP signs with (SAML and OIDC). */
  certificate: string;
  /** SHA-256 fingerprint of the certificate, colon-separated hex. */
  fingerprint: string;
  personas: Persona[];
  createdAt: string;
  updatedAt: string;
}

/** Every fault a mock IdP or connection can be switched to, with what it breaks. */
export const FAULTS = {
  expired: { kinds: ['saml', 'oidc'], label: 'Expired assertion or token' },
  not_yet_valid: { kinds: ['saml', 'oidc'], label: 'Not yet valid (NotBefore / iat in the future)' },
  wrong_audience: { kinds: ['saml', 'oidc'], label: 'Wrong audience' },
  wrong_recipient: { kinds: ['saml'], label: 'Wrong Recipient in SubjectConfirmationData' },
  wrong_destination: { kinds: ['saml'], label: 'Wrong Response Destination' },
  wrong_issuer: { kinds: ['saml', 'oidc'], label: 'Wrong issuer' },
  unsigned: { kinds: ['saml', 'oidc'], label: 'Unsigned (signature stripped / alg none)' },
  unknown_key: { kinds: ['saml', 'oidc'], label: 'Signed by an unknown key' },
  tampered: { kinds: ['saml', 'oidc'], label: 'A value changed after signing' },
  sha1: { kinds: ['saml'], label: 'SHA-1 signature' },
  missing_attribute: { kinds: ['saml', 'oidc'], label: 'Email attribute missing' },
  wrong_nameid_format: { kinds: ['saml'], label: 'Wrong NameID format' },
  replay: { kinds: ['saml', 'oidc'], label: 'Replayed response' },
  clock_skew: { kinds: ['saml', 'oidc'], label: 'Clock skew of ±N minutes' },
  idp_error: { kinds: ['saml', 'oidc'], label: 'The IdP answers with an error' },
  consent_denied: { kinds: ['saml', 'oidc'], label: 'The user refuses consent' },
  slow: { kinds: ['saml', 'oidc'], label: 'Slow IdP (delay before answering)' },
  wrong_nonce: { kinds: ['oidc'], label: 'Wrong nonce in the ID token' },
  wrong_state: { kinds: ['oidc'], label: 'Wrong state on the callback' },
} as const satisfies Record<string, { kinds: readonly ProtocolKind[]; label: string }>;

export type FaultName = keyof typeof FAULTS;
export const faultNameSchema = z.enum(Object.keys(FAULTS) as [FaultName, ...FaultName[]]);

export const faultInputSchema = z.strictObject({
  fault: faultNameSchema,
  /** `next`: the next login only; `always`: until switched off. */
  mode: z.enum(['next', 'always']).default('next'),
  /** For clock_skew: minutes (negative = IdP clock behind); for slow: milliseconds. */
  amount: z
    .number()
    .int()
    .min(-24 * 60)
    .max(60_000)
    .optional(),
});
export type FaultInput = z.input<typeof faultInputSchema>;

export interface ActiveFault {
  id: string;
  mockIdpId: string;
  fault: FaultName;
  mode: 'next' | 'always';
  amount: number | null;
  createdAt: string;
}

/** How IdP data becomes an Orgbench user. */
export const jitModeSchema = z.enum(['create_and_update', 'create_only', 'link_by_email', 'deny']);
export type JitMode = z.infer<typeof jitModeSchema>;

export const mappingSchema = z.strictObject({
  /** Orgbench user field → name of the IdP attribute or claim that fills it. */
  attributes: z.strictObject({
    email: z.string().min(1).max(300),
    name: z.string().min(1).max(300).optional(),
    givenName: z.string().min(1).max(300).optional(),
    familyName: z.string().min(1).max(300).optional(),
    groups: z.string().min(1).max(300).optional(),
  }),
  /** IdP group → org roles. */
  groupRoles: z
    .array(z.strictObject({ group: z.string().min(1).max(300), roles: rolesSchema }))
    .max(200)
    .default([]),
  /** Roles every user of this connection gets. */
  defaultRoles: rolesSchema.default([]),
  jit: jitModeSchema.default('create_and_update'),
});
/** A change to a mapping: only the parts given are replaced (no defaults fill the rest). */
export const mappingPatchSchema = z
  .strictObject({
    attributes: mappingSchema.shape.attributes,
    groupRoles: mappingSchema.shape.groupRoles.unwrap(),
    defaultRoles: mappingSchema.shape.defaultRoles.unwrap(),
    jit: mappingSchema.shape.jit.unwrap(),
  })
  .partial();

export type Mapping = z.infer<typeof mappingSchema>;

export const samlConnectionSchema = z.strictObject({
  idpEntityId: z.string().min(1).max(1000),
  idpSsoUrl: z.string().url('must be a URL'),
  idpSloUrl: z.string().url('must be a URL').optional(),
  /** PEM certificates the IdP may sign with (two during a rollover). */
  idpCertificates: z.array(z.string().min(1)).min(1, 'at least one certificate is needed').max(4),
  wantAssertionsSigned: z.boolean().default(true),
  wantResponseSigned: z.boolean().default(false),
  allowSha1: z.boolean().default(false),
  signAuthnRequests: z.boolean().default(true),
  nameIdFormat: z.enum(['emailAddress', 'persistent', 'transient', 'unspecified']).default('emailAddress'),
  idpInitiated: z.boolean().default(false),
  binding: z.enum(['redirect', 'post']).default('redirect'),
  clockSkewSeconds: z.number().int().min(0).max(300).default(60),
});
export type SamlConnectionConfig = z.infer<typeof samlConnectionSchema>;

export const oidcConnectionSchema = z.strictObject({
  issuer: z.string().url('must be a URL'),
  clientId: z.string().min(1).max(300),
  clientSecret: z.string().min(1).max(500).optional(),
  scopes: z.array(z.string().min(1)).default(['openid', 'email', 'profile']),
});
export type OidcConnectionConfig = z.infer<typeof oidcConnectionSchema>;

export const connectionInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  kind: protocolKindSchema,
  /** Use a mock IdP hosted here (its metadata/discovery fills saml/oidc). */
  mockIdp: z.string().min(1).optional(),
  saml: samlConnectionSchema.partial().optional(),
  oidc: oidcConnectionSchema.partial().optional(),
  mapping: mappingSchema.partial().optional(),
  enabled: z.boolean().default(true),
});
export type ConnectionInput = z.input<typeof connectionInputSchema>;

export interface Connection {
  id: string;
  orgId: string;
  name: string;
  kind: ProtocolKind;
  mockIdpId: string | null;
  saml: SamlConnectionConfig | null;
  /** The client secret is never returned by the API. */
  oidc: (Omit<OidcConnectionConfig, 'clientSecret'> & { hasClientSecret: boolean }) | null;
  mapping: Mapping;
  enabled: boolean;
  /** This SP's own URLs for the IdP admin: entity ID, ACS / redirect URI, metadata. */
  sp: {
    entityId: string;
    acsUrl: string;
    metadataUrl: string | null;
    /** SAML single logout (Redirect and POST); null for OIDC connections. */
    sloUrl: string | null;
    redirectUri: string | null;
  };
  createdAt: string;
  updatedAt: string;
}

/** A login as recorded for the trace view. */
export type TraceLane = 'browser' | 'app' | 'orgbench' | 'idp';

export interface TraceStep {
  seq: number;
  at: string;
  from: TraceLane;
  to: TraceLane;
  title: string;
  status: 'ok' | 'fail' | 'info';
  /** Validation rule the step checked (e.g. `saml_audience`), when it is a check. */
  rule: string | null;
  /** Decoded content: pretty-printed XML, decoded JWT, parameters. */
  detail: Record<string, unknown> | null;
  durationMs: number | null;
}

export interface Trace {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  orgId: string | null;
  connectionId: string | null;
  clientId: string | null;
  persona: string | null;
  outcome: 'pending' | 'success' | 'failure';
  /** The rule that rejected the login, and one sentence explaining it. */
  failedRule: string | null;
  summary: string | null;
  steps: TraceStep[];
}
