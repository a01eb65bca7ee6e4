/**
 * The connection form's draft (create and edit) and what it becomes on the wire: the
 * create body, the settings patch and the mapping patch. Checks use the server's own
 * schemas with the server's paths (`saml.idpSsoUrl`, `mapping.groupRoles[0].group`).
 */
import {
  connectionInputSchema,
  mappingSchema,
  oidcConnectionSchema,
  samlConnectionSchema,
  type Connection,
  type ConnectionInput,
  type JitMode,
  type Mapping,
  type ProtocolKind,
  type SamlConnectionConfig,
} from '../../../../server/model/federation';
import type { FieldIssue } from '../../api/client';
import type { ConnectionPatch } from '../../api/federation-api';
import { pathErrors, zodIssues, type PathErrors } from './path-errors';
import { splitPems } from './pem';
import type { AttributeNames } from './vendor-presets';

export type SamlOptions = Omit<SamlConnectionConfig, 'idpEntityId' | 'idpSsoUrl' | 'idpSloUrl' | 'idpCertificates'>;

export interface SamlOptionsDraft extends Omit<SamlOptions, 'clockSkewSeconds'> {
  clockSkewSeconds: string;
}

export interface GroupRoleRow {
  /** Stable React key for the row. */
  key: number;
  group: string;
  roles: string[];
}

export interface MappingDraft {
  attributes: Record<keyof AttributeNames, string>;
  groupRoles: GroupRoleRow[];
  defaultRoles: string[];
  jit: JitMode;
}

export interface ConnectionDraft {
  orgId: string;
  name: string;
  kind: ProtocolKind;
  /** A mock IdP hosted here, or a real one described by hand. */
  source: 'mock' | 'real';
  mockIdp: string;
  idpEntityId: string;
  idpSsoUrl: string;
  /** Optional; empty sends none. */
  idpSloUrl: string;
  /** One or more PEM blocks. */
  certificates: string;
  issuer: string;
  clientId: string;
  /** Empty on edit keeps the stored secret. */
  clientSecret: string;
  samlOptions: SamlOptionsDraft;
  mapping: MappingDraft;
  enabled: boolean;
}

export const JIT_MODES: { id: JitMode; label: string; explain: string }[] = [
  {
    id: 'create_and_update',
    label: 'Create and update',
    explain: 'New users are created at their first login; name and email are refreshed from the IdP at every login.',
  },
  {
    id: 'create_only',
    label: 'Create only',
    explain: 'New users are created at their first login; later logins never overwrite what Orgbench stores.',
  },
  {
    id: 'link_by_email',
    label: 'Link by email',
    explain: 'No one is created: a login links to the existing user with the same email, or is refused.',
  },
  {
    id: 'deny',
    label: 'Deny new users',
    explain: 'Only identities linked through this connection before may sign in; everyone else is refused.',
  },
];

export const DEFAULT_SAML_OPTIONS: SamlOptionsDraft = {
  wantAssertionsSigned: true,
  wantResponseSigned: false,
  allowSha1: false,
  signAuthnRequests: true,
  nameIdFormat: 'emailAddress',
  idpInitiated: false,
  binding: 'redirect',
  clockSkewSeconds: '60',
};

/** The fields of the mapping editor, labelled as an admin reads them. */
export const MAPPED_FIELDS: { id: keyof AttributeNames; label: string; required?: boolean }[] = [
  { id: 'email', label: 'Email', required: true },
  { id: 'name', label: 'Display name' },
  { id: 'givenName', label: 'Given name' },
  { id: 'familyName', label: 'Family name' },
  { id: 'groups', label: 'Groups' },
];

let rowKey = 0;
export const nextRowKey = (): number => (rowKey += 1);

export const mappingDraftFrom = (mapping: Mapping): MappingDraft => ({
  attributes: {
    email: mapping.attributes.email,
    name: mapping.attributes.name ?? '',
    givenName: mapping.attributes.givenName ?? '',
    familyName: mapping.attributes.familyName ?? '',
    groups: mapping.attributes.groups ?? '',
  },
  groupRoles: mapping.groupRoles.map((rule) => ({ key: nextRowKey(), group: rule.group, roles: [...rule.roles] })),
  defaultRoles: [...mapping.defaultRoles],
  jit: mapping.jit,
});

/** Attribute names for the mapping from what the IdP sends (a preset's names). */
export const mappingAttributesFrom = (names: AttributeNames): MappingDraft['attributes'] => ({
  email: names.email,
  name: names.name ?? '',
  givenName: names.givenName ?? '',
  familyName: names.familyName ?? '',
  groups: names.groups ?? '',
});

export const emptyConnectionDraft = (orgId: string): ConnectionDraft => ({
  orgId,
  name: '',
  kind: 'saml',
  source: 'mock',
  mockIdp: '',
  idpEntityId: '',
  idpSsoUrl: '',
  idpSloUrl: '',
  certificates: '',
  issuer: '',
  clientId: '',
  clientSecret: '',
  samlOptions: { ...DEFAULT_SAML_OPTIONS },
  mapping: {
    attributes: { email: 'email', name: '', givenName: '', familyName: '', groups: '' },
    groupRoles: [],
    defaultRoles: [],
    jit: 'create_and_update',
  },
  enabled: true,
});

export function draftFromConnection(connection: Connection): ConnectionDraft {
  const saml = connection.saml;
  const { idpEntityId = '', idpSsoUrl = '', idpCertificates = [], idpSloUrl = '', ...options } = saml ?? {};
  return {
    ...emptyConnectionDraft(connection.orgId),
    name: connection.name,
    kind: connection.kind,
    source: connection.mockIdpId ? 'mock' : 'real',
    mockIdp: connection.mockIdpId ?? '',
    idpEntityId,
    idpSsoUrl,
    idpSloUrl,
    certificates: idpCertificates.join('\n'),
    issuer: connection.oidc?.issuer ?? '',
    clientId: connection.oidc?.clientId ?? '',
    samlOptions: saml
      ? { ...(options as SamlOptions), clockSkewSeconds: String(saml.clockSkewSeconds) }
      : { ...DEFAULT_SAML_OPTIONS },
    mapping: mappingDraftFrom(connection.mapping),
    enabled: connection.enabled,
  };
}

const trimmed = (value: string) => value.trim();

/** Certificates as the API wants them; text without a PEM block is sent as typed so it is refused by name. */
function certificatesOf(text: string): string[] {
  const pems = splitPems(text);
  if (pems.length > 0) return pems;
  return text.trim() ? [text.trim()] : [];
}

function samlOptionsOf(draft: SamlOptionsDraft): SamlOptions {
  const skew = draft.clockSkewSeconds.trim();
  return { ...draft, clockSkewSeconds: skew === '' ? Number.NaN : Number(skew) };
}

export function toMapping(draft: MappingDraft): Mapping {
  const attributes: Mapping['attributes'] = { email: draft.attributes.email.trim() };
  for (const field of ['name', 'givenName', 'familyName', 'groups'] as const) {
    const value = draft.attributes[field].trim();
    if (value) attributes[field] = value;
  }
  return {
    attributes,
    groupRoles: draft.groupRoles.map((row) => ({ group: row.group.trim(), roles: row.roles })),
    defaultRoles: draft.defaultRoles,
    jit: draft.jit,
  };
}

/** The IdP side of a connection to a real IdP (a mock IdP fills it itself). */
function idpSide(draft: ConnectionDraft): Pick<ConnectionInput, 'saml' | 'oidc'> {
  if (draft.kind === 'saml') {
    const idp =
      draft.source === 'real'
        ? {
            idpEntityId: trimmed(draft.idpEntityId),
            idpSsoUrl: trimmed(draft.idpSsoUrl),
            ...(trimmed(draft.idpSloUrl) ? { idpSloUrl: trimmed(draft.idpSloUrl) } : {}),
            idpCertificates: certificatesOf(draft.certificates),
          }
        : {};
    return { saml: { ...idp, ...samlOptionsOf(draft.samlOptions) } };
  }
  if (draft.source === 'mock') return {};
  const secret = draft.clientSecret.trim();
  return {
    oidc: {
      issuer: trimmed(draft.issuer),
      clientId: trimmed(draft.clientId),
      // An empty secret keeps the stored one (edit) or makes a public client (create).
      ...(secret ? { clientSecret: secret } : {}),
    },
  };
}

export function toCreateInput(draft: ConnectionDraft): ConnectionInput {
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    ...(draft.source === 'mock' && draft.mockIdp ? { mockIdp: draft.mockIdp } : {}),
    ...idpSide(draft),
    mapping: toMapping(draft.mapping),
    enabled: draft.enabled,
  };
}

/** The settings tab's patch: name and the protocol settings (not the mapping). */
export function toSettingsPatch(draft: ConnectionDraft): ConnectionPatch {
  const side = idpSide(draft);
  // An emptied single logout URL is removed, not kept.
  if (side.saml && draft.source === 'real' && !trimmed(draft.idpSloUrl)) {
    return { name: draft.name.trim(), ...side, saml: { ...side.saml, idpSloUrl: null } };
  }
  return { name: draft.name.trim(), ...side };
}

export const toMappingPatch = (draft: MappingDraft): ConnectionPatch => ({ mapping: toMapping(draft) });

/** Client-side check of a draft with the server's schemas; keys are the server's paths. */
export function validateConnection(draft: ConnectionDraft, editing = false): PathErrors {
  const issues: FieldIssue[] = [];
  const input = toCreateInput(draft);
  const base = connectionInputSchema.safeParse(editing ? { ...input, mockIdp: undefined } : input);
  if (!base.success) issues.push(...zodIssues(base.error));
  if (!editing && draft.source === 'mock' && !draft.mockIdp) {
    issues.push({ path: 'mockIdp', message: 'choose a mock IdP, or describe a real IdP' });
  }
  if (draft.source === 'real') {
    const side = idpSide(draft);
    const [schema, value, prefix] =
      draft.kind === 'saml'
        ? ([samlConnectionSchema, side.saml, 'saml'] as const)
        : ([
            editing ? oidcConnectionSchema.partial({ clientSecret: true }) : oidcConnectionSchema,
            side.oidc,
            'oidc',
          ] as const);
    const full = schema.safeParse(value);
    if (!full.success) {
      issues.push(...zodIssues(full.error).map((issue) => ({ ...issue, path: `${prefix}.${issue.path}` })));
    }
    if (draft.kind === 'saml' && draft.certificates.trim() && splitPems(draft.certificates).length === 0) {
      issues.push({ path: 'saml.idpCertificates', message: 'paste a PEM certificate (-----BEGIN CERTIFICATE-----…)' });
    }
  }
  return pathErrors(issues);
}

/** Client-side check of the mapping alone, with `mapping.` paths. */
export function validateMapping(draft: MappingDraft): PathErrors {
  const result = mappingSchema.safeParse(toMapping(draft));
  if (result.success) return {};
  return pathErrors(zodIssues(result.error).map((issue) => ({ ...issue, path: `mapping.${issue.path}` })));
}
