/**
 * "This persona would become this user, in these orgs, with these roles" — the steps of
 * completeFederatedLogin() run read-only, for a persona of the connection's mock IdP or
 * for pasted attributes:
 *
 *   1. sent     what the IdP sends (the mock IdP's own builders) or what was pasted
 *   2. fields   mapProfile(), and the attribute each field came from
 *   3. JIT      linked identity, or the user with that email, judged per the JIT mode
 *   4. roles    rolesFor(), with each group rule and whether it fired
 *
 * Nothing is written: no user, link, membership or trace.
 */
import { ValidationError } from '../errors';
import type { Connection, MockIdp } from '../model/federation';
import type { MappingPreview, PreviewField, PreviewFieldValue, PreviewUser } from '../model/mapping-preview';
import { previewInputSchema } from '../model/mapping-preview';
import type { User } from '../model/user';
import { parseInput } from '../model/validation';
import { entraGroupId } from '../mock-idp/oidc/vendor-claims';
import { allValues, readAttribute } from './attribute-defaults';
import { mapProfile, rolesFor, type MappedProfile } from './complete-federated-login';
import { FederationError, type ExternalProfile } from './contracts';
import { sentByMock } from './preview-sent-attributes';

/** The read-only lookups a preview needs. */
export interface PreviewDeps {
  now: Date;
  org: { id: string; slug: string; name: string };
  /** The connection's mock IdP with its personas, when it has one. */
  mockIdp: MockIdp | undefined;
  findUser(id: string): User | undefined;
  findUserByEmail(email: string): User | undefined;
  linkedUser(connectionId: string, subject: string): string | undefined;
  membershipRoles(orgId: string, userId: string): string[] | undefined;
}

const FIELDS: PreviewField[] = ['email', 'name', 'givenName', 'familyName', 'groups'];

/** What the connection would make of `input` at sign-in, without writing anything. */
export function previewMapping(deps: PreviewDeps, connection: Connection, input: unknown): MappingPreview {
  const { sent, source } = resolveSent(deps, connection, parseInput(previewInputSchema, input));
  const fields = fieldsOf(connection, sent.profile.attributes);
  let mapped: MappedProfile | undefined;
  let failure: MappingPreview['failure'] = null;
  try {
    mapped = mapProfile(connection, sent.profile);
  } catch (error) {
    if (!(error instanceof FederationError)) throw error;
    failure = { rule: 'mapping_email', message: error.message };
  }
  if (mapped) fields.name.value = mapped.name;
  const jit = mapped ? judgeJit(deps, connection, sent.profile.subject, mapped) : null;
  if (jit?.failure) failure = jit.failure;

  const groups = mapped?.groups ?? [];
  const rules = connection.mapping.groupRoles.map((rule) => ({
    group: rule.group,
    roles: rule.roles,
    fired: groups.includes(rule.group),
    hint: entraHint(deps.mockIdp, connection, rule.group, groups),
  }));
  const existing = jit?.verdict.existing;
  return {
    connection: { id: connection.id, name: connection.name, kind: connection.kind, jit: connection.mapping.jit },
    source,
    sent: {
      subject: sent.profile.subject,
      subjectNote: sent.subjectNote,
      attributes: sent.profile.attributes,
      fromUserinfo: sent.fromUserinfo,
    },
    fields,
    jit: jit?.verdict ?? null,
    org: deps.org,
    roles: {
      rules,
      defaultRoles: connection.mapping.defaultRoles,
      result: failure ? [] : rolesFor(connection, groups),
      current: existing ? (deps.membershipRoles(connection.orgId, existing.id) ?? null) : null,
    },
    failure,
  };
}

function resolveSent(deps: PreviewDeps, connection: Connection, input: ReturnType<typeof previewInputSchema.parse>) {
  if (input.persona === undefined) {
    const profile: ExternalProfile = {
      subject: input.subject ?? '',
      attributes: input.attributes ?? {},
      persona: null,
    };
    return {
      sent: { profile, subjectNote: null, fromUserinfo: [] as string[] },
      source: { kind: 'pasted' as const },
    };
  }
  const idp = deps.mockIdp;
  if (!idp) {
    throw new ValidationError([
      { path: 'persona', message: 'this connection’s IdP is not a mock IdP here; paste a subject and attributes' },
    ]);
  }
  const persona = idp.personas.find((candidate) => candidate.handle === input.persona);
  if (!persona) {
    const handles = idp.personas.map((candidate) => candidate.handle).join(', ');
    throw new ValidationError([
      { path: 'persona', message: `${idp.name} has no persona "${input.persona}" (it has: ${handles || 'none'})` },
    ]);
  }
  return {
    sent: sentByMock(connection, idp, persona, deps.now),
    source: {
      kind: 'persona' as const,
      handle: persona.handle,
      displayName: persona.displayName,
      mockIdp: idp.name,
      preset: idp.preset,
    },
  };
}

function fieldsOf(
  connection: Connection,
  attributes: Record<string, string | string[]>,
): Record<PreviewField, PreviewFieldValue> {
  const names = connection.mapping.attributes;
  const entries = FIELDS.map((field): [PreviewField, PreviewFieldValue] => {
    const found = readAttribute(attributes, field, names[field]);
    const value = found ? (field === 'groups' ? allValues(found.value) : allValues(found.value)[0]) : undefined;
    return [field, { value: value ?? null, from: found?.name ?? null, mappedName: names[field] ?? null }];
  });
  return Object.fromEntries(entries) as Record<PreviewField, PreviewFieldValue>;
}

/** Step 3 of completeFederatedLogin(), as a verdict instead of writes. */
function judgeJit(deps: PreviewDeps, connection: Connection, subject: string, mapped: MappedProfile) {
  const mode = connection.mapping.jit;
  const linkedId = deps.linkedUser(connection.id, subject);
  const linked = linkedId ? deps.findUser(linkedId) : undefined;
  const verdict = (
    action: NonNullable<MappingPreview['jit']>['action'],
    existing: User | undefined,
    linkedBy: 'subject' | 'email' | null,
    updates: boolean,
  ): NonNullable<MappingPreview['jit']> => ({
    action,
    existing: existing ? userView(existing) : null,
    linkedBy,
    changes: existing && updates ? changesOf(existing, mapped) : [],
  });

  if (linked) {
    const update = mode === 'create_and_update';
    return { verdict: verdict(update ? 'update' : 'sign_in', linked, 'subject', update), failure: null };
  }
  if (mode === 'deny') {
    return {
      verdict: verdict('deny', deps.findUserByEmail(mapped.email), null, false),
      failure: {
        rule: 'jit_denied' as const,
        message: `${mapped.email} has never signed in through this connection, and it admits no new users.`,
      },
    };
  }
  const existing = deps.findUserByEmail(mapped.email);
  if (!existing) {
    if (mode === 'link_by_email') {
      return {
        verdict: verdict('deny', undefined, null, false),
        failure: {
          rule: 'jit_no_user' as const,
          message: `No Orgbench user has the email ${mapped.email}, and this connection only links existing users.`,
        },
      };
    }
    return { verdict: verdict('create', undefined, null, false), failure: null };
  }
  return { verdict: verdict('link', existing, 'email', mode === 'create_and_update'), failure: null };
}

function changesOf(user: User, mapped: MappedProfile): NonNullable<MappingPreview['jit']>['changes'] {
  // saveByEmail keeps the stored given / family name when the IdP sends none.
  const next = {
    name: mapped.name,
    givenName: mapped.givenName ?? user.givenName,
    familyName: mapped.familyName ?? user.familyName,
  };
  return (['name', 'givenName', 'familyName'] as const)
    .filter((field) => (next[field] ?? null) !== user[field])
    .map((field) => ({ field, from: user[field], to: next[field] ?? null }));
}

const userView = (user: User): PreviewUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  givenName: user.givenName,
  familyName: user.familyName,
});

/** Entra sends group object ids: a rule naming the group may need its id instead. */
function entraHint(
  idp: MockIdp | undefined,
  connection: Connection,
  group: string,
  groups: readonly string[],
): string | null {
  if (!idp || idp.preset !== 'entra' || connection.kind !== 'oidc' || groups.includes(group)) return null;
  const id = entraGroupId(idp.id, group);
  return groups.includes(id) ? `Entra sends this group as its object id ${id}; name that in the rule.` : null;
}
