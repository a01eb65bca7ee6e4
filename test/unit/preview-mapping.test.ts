// The mapping preview: what a connection makes of a persona (built by the mock IdPs' own
// code) or of pasted attributes — fields and where they came from, the JIT verdict per
// mode, the group rules that fire — and the failure rule and sentence when it would fail.
import { describe, expect, it } from 'vitest';
import { previewMapping, type PreviewDeps } from '../../server/federation/preview-mapping';
import type { Connection, JitMode, Mapping, MockIdp, Persona } from '../../server/model/federation';
import type { User } from '../../server/model/user';
import { entraGroupId } from '../../server/mock-idp/oidc/vendor-claims';

const NOW = new Date('2026-03-01T10:00:00Z');

const persona = (handle: string, groups: string[], extra: Partial<Persona> = {}): Persona => ({
  id: `per_${handle}`,
  mockIdpId: 'idp_1',
  handle,
  displayName: `${handle[0]?.toUpperCase()}${handle.slice(1)} Okafor`,
  email: `${handle}@acme.test`,
  givenName: handle[0]?.toUpperCase() + handle.slice(1),
  familyName: 'Okafor',
  subject: `subject-${handle}`,
  groups,
  attributes: {},
  position: 0,
  ...extra,
});

function mockIdp(kind: 'saml' | 'oidc', preset: MockIdp['preset']): MockIdp {
  return {
    id: 'idp_1',
    slug: 'acme-idp',
    name: 'Acme IdP',
    kind,
    preset,
    entityId: `http://127.0.0.1:4100/mock/${kind}/acme-idp`,
    metadataUrl: '',
    saml:
      kind === 'saml'
        ? {
            signResponse: true,
            signAssertion: true,
            encryptAssertion: false,
            nameIdFormat: 'emailAddress',
            assertionLifetimeMinutes: 5,
          }
        : null,
    certificate: '',
    fingerprint: '',
    personas: [persona('jane', ['acme-admins', 'Everyone']), persona('lee', ['contractors'])],
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

function connection(kind: 'saml' | 'oidc', mapping: Partial<Mapping> = {}): Connection {
  return {
    id: 'con_1',
    orgId: 'org_acme',
    name: 'Acme IdP',
    kind,
    mockIdpId: 'idp_1',
    saml: null,
    oidc:
      kind === 'oidc'
        ? {
            issuer: 'http://127.0.0.1:4100/mock/oidc/acme-idp',
            clientId: 'orgbench-con_1',
            scopes: ['openid', 'email', 'profile'],
            hasClientSecret: true,
          }
        : null,
    mapping: {
      attributes: { email: 'email' },
      groupRoles: [
        { group: 'acme-admins', roles: ['admin'] },
        { group: 'Everyone', roles: ['member'] },
        { group: 'contractors', roles: ['contractor'] },
      ],
      defaultRoles: [],
      jit: 'create_and_update',
      ...mapping,
    },
    enabled: true,
    sp: { entityId: '', acsUrl: '', metadataUrl: null, sloUrl: null, redirectUri: null },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

const user = (email: string, name: string): User => ({
  id: `usr_${email.split('@')[0]}`,
  email,
  name,
  givenName: null,
  familyName: null,
  hasPassword: false,
  emailVerified: false,
  attributes: {},
  lockedUntil: null,
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
});

function deps(
  idp: MockIdp | undefined,
  world: { users?: User[]; links?: Record<string, string>; roles?: Record<string, string[]> } = {},
): PreviewDeps {
  const users = world.users ?? [];
  return {
    now: NOW,
    org: { id: 'org_acme', slug: 'acme', name: 'Acme Corporation' },
    mockIdp: idp,
    findUser: (id) => users.find((candidate) => candidate.id === id),
    findUserByEmail: (email) => users.find((candidate) => candidate.email === email),
    linkedUser: (_connection, subject) => world.links?.[subject],
    membershipRoles: (_org, userId) => world.roles?.[userId],
  };
}

describe('mapping preview', () => {
  it('shows what a mock Okta sends for a persona, the fields it maps to, a new user and the rules that fire', () => {
    const preview = previewMapping(deps(mockIdp('saml', 'okta')), connection('saml'), { persona: 'jane' });
    expect(preview.source).toMatchObject({ kind: 'persona', handle: 'jane', preset: 'okta' });
    expect(preview.sent.subject).toBe('jane@acme.test');
    expect(preview.sent.attributes).toMatchObject({
      Email: 'jane@acme.test',
      FirstName: 'Jane',
      LastName: 'Okafor',
      groups: ['acme-admins', 'Everyone'],
    });
    expect(preview.fields.email).toEqual({ value: 'jane@acme.test', from: 'Email', mappedName: 'email' });
    expect(preview.fields.givenName).toMatchObject({ value: 'Jane', from: 'FirstName' });
    expect(preview.fields.name).toMatchObject({ value: 'Jane Okafor', from: null });
    expect(preview.jit).toEqual({ action: 'create', existing: null, linkedBy: null, changes: [] });
    expect(preview.roles.rules.map((rule) => [rule.group, rule.fired])).toEqual([
      ['acme-admins', true],
      ['Everyone', true],
      ['contractors', false],
    ]);
    expect(preview.roles.result).toEqual(['admin', 'member']);
    expect(preview.failure).toBeNull();
  });

  it('judges the JIT mode against the linked identity or the user with that email', () => {
    const jane = user('jane@acme.test', 'Jane Old');
    const linked = deps(mockIdp('saml', 'okta'), {
      users: [jane],
      links: { 'jane@acme.test': jane.id },
      roles: { [jane.id]: ['member'] },
    });
    const update = previewMapping(linked, connection('saml'), { persona: 'jane' });
    expect(update.jit).toMatchObject({ action: 'update', linkedBy: 'subject', existing: { email: 'jane@acme.test' } });
    expect(update.jit?.changes).toContainEqual({ field: 'name', from: 'Jane Old', to: 'Jane Okafor' });
    expect(update.roles.current).toEqual(['member']);

    const createOnly = previewMapping(linked, connection('saml', { jit: 'create_only' }), { persona: 'jane' });
    expect(createOnly.jit).toMatchObject({ action: 'sign_in', changes: [] });

    const byEmail = deps(mockIdp('saml', 'okta'), { users: [jane] });
    const modes: [JitMode, string][] = [
      ['create_and_update', 'link'],
      ['link_by_email', 'link'],
      ['deny', 'deny'],
    ];
    for (const [jit, action] of modes) {
      const preview = previewMapping(byEmail, connection('saml', { jit }), { persona: 'jane' });
      expect(preview.jit?.action, jit).toBe(action);
    }
    const denied = previewMapping(byEmail, connection('saml', { jit: 'deny' }), { persona: 'jane' });
    expect(denied.failure).toEqual({
      rule: 'jit_denied',
      message: 'jane@acme.test has never signed in through this connection, and it admits no new users.',
    });
    expect(denied.roles.result).toEqual([]);
  });

  it('refuses link_by_email without a user, and pasted attributes without an email', () => {
    const noUser = previewMapping(deps(mockIdp('saml', 'okta')), connection('saml', { jit: 'link_by_email' }), {
      persona: 'lee',
    });
    expect(noUser.failure?.rule).toBe('jit_no_user');
    expect(noUser.failure?.message).toContain('No Orgbench user has the email lee@acme.test');

    const pasted = previewMapping(deps(undefined), connection('saml', { attributes: { email: 'mail' } }), {
      subject: 'abc',
      attributes: { displayName: 'No Mail', groups: ['Everyone'] },
    });
    expect(pasted.source).toEqual({ kind: 'pasted' });
    expect(pasted.failure?.rule).toBe('mapping_email');
    expect(pasted.failure?.message).toContain('looked for "mail"');
    expect(pasted.jit).toBeNull();
    expect(pasted.fields.name).toMatchObject({ value: 'No Mail', from: 'displayName' });
  });

  it('shows Entra’s pairwise sub and group object ids, and hints when a rule names the group instead', () => {
    const idp = mockIdp('oidc', 'entra');
    const preview = previewMapping(deps(idp), connection('oidc'), { persona: 'jane' });
    expect(preview.sent.subject).not.toBe('subject-jane');
    expect(preview.sent.subjectNote).toMatch(/own user id/);
    const adminsId = entraGroupId(idp.id, 'acme-admins');
    expect(preview.fields.groups.value).toContain(adminsId);
    const rule = preview.roles.rules.find((candidate) => candidate.group === 'acme-admins');
    expect(rule).toMatchObject({ fired: false, hint: expect.stringContaining(adminsId) });

    const byId = connection('oidc', { groupRoles: [{ group: adminsId, roles: ['admin'] }] });
    expect(previewMapping(deps(idp), byId, { persona: 'jane' }).roles.result).toEqual(['admin']);
  });

  it('names the field when the input is wrong', () => {
    const run = (input: unknown, idp: MockIdp | null = mockIdp('saml', 'okta')) => {
      try {
        previewMapping(deps(idp ?? undefined), connection('saml'), input);
      } catch (error) {
        return (error as { fields: { path: string; message: string }[] }).fields;
      }
      throw new Error('expected a validation error');
    };
    expect(run({ persona: 'nobody' })).toEqual([
      { path: 'persona', message: 'Acme IdP has no persona "nobody" (it has: jane, lee)' },
    ]);
    expect(run({ persona: 'jane' }, null)[0]?.path).toBe('persona');
    expect(run({ subject: 'x' })).toEqual([{ path: 'attributes', message: 'give the attributes the IdP sends' }]);
    expect(run({ subject: 'x', attributes: { groups: [1] } })[0]?.path).toBe('attributes.groups');
  });
});
