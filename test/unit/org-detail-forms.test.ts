import { describe, expect, it } from 'vitest';
import type { User } from '../../server/model/user';
import type { UserDetail } from '../../renderer/src/api/users-api';
import {
  attributeErrorsFrom,
  attributesChanged,
  retype,
  rowsFrom,
  toAttributes,
  validateRows,
  type AttributeRow,
} from '../../renderer/src/pages/org-detail/attributes-form';
import { differingClaims, urlBreaks } from '../../renderer/src/pages/org-detail/claims';
import { errorsFrom } from '../../renderer/src/pages/org-detail/field-errors';
import { roleSuggestions, rolesProblem } from '../../renderer/src/pages/org-detail/roles';
import { toPatch, validateNewUser, validateUserEdit } from '../../renderer/src/pages/users/user-form';
import { filterUsers, lockedUntil, matchUsers, poolSummary } from '../../renderer/src/pages/users/user-selectors';

const row = (key: string, type: AttributeRow['type'], value: string, id = 0): AttributeRow => ({
  id,
  key,
  type,
  value,
});

const user = (email: string, name: string, extra: Partial<UserDetail> = {}): UserDetail => ({
  id: `usr_${email}`,
  email,
  name,
  givenName: null,
  familyName: null,
  hasPassword: true,
  attributes: {},
  lockedUntil: null,
  emailVerified: true,
  createdAt: '2026-01-15T10:00:00.000Z',
  updatedAt: '2026-01-15T10:00:00.000Z',
  memberships: [],
  ...extra,
});

describe('attribute rows', () => {
  it('round-trip an attributes object, keeping each value’s type', () => {
    const rows = rowsFrom({ plan: 'enterprise', seats: 250, sso: true });
    expect(rows.map(({ key, type, value }) => [key, type, value])).toEqual([
      ['plan', 'string', 'enterprise'],
      ['seats', 'number', '250'],
      ['sso', 'boolean', 'true'],
    ]);
    expect(toAttributes(rows)).toEqual({ plan: 'enterprise', seats: 250, sso: true });
    expect(attributesChanged(rows, { sso: true, seats: 250, plan: 'enterprise' })).toBe(false);
  });

  it('ignore rows left empty and notice real changes', () => {
    const rows = [...rowsFrom({ plan: 'growth' }), row('', 'string', '', 99)];
    expect(toAttributes(rows)).toEqual({ plan: 'growth' });
    expect(attributesChanged(rows, { plan: 'growth' })).toBe(false);
    expect(attributesChanged([row('plan', 'string', 'enterprise')], { plan: 'growth' })).toBe(true);
  });

  it('name the row at fault: bad name, duplicate, not a number', () => {
    const errors = validateRows([
      row('plan', 'string', 'a', 1),
      row('2fa', 'boolean', 'true', 2),
      row('plan', 'string', 'b', 3),
      row('seats', 'number', 'many', 4),
      row('', 'number', '3', 5),
    ]);
    expect(errors.rows[1]).toBeUndefined();
    expect(errors.rows[2]?.key).toMatch(/letters, digits and _/);
    expect(errors.rows[3]?.key).toBe('“plan” is listed twice.');
    expect(errors.rows[4]?.value).toMatch(/must be a number/i);
    expect(errors.rows[5]?.key).toBe('Give the attribute a name.');
  });

  it('turn a value into a yes/no without losing a false', () => {
    expect(retype(row('sso', 'string', 'false'), 'boolean').value).toBe('false');
    expect(retype(row('sso', 'string', 'maybe'), 'boolean').value).toBe('true');
  });

  it('place server issues on the row with that name', () => {
    const rows = [row('plan', 'string', 'x', 7)];
    const errors = attributeErrorsFrom(
      [
        { path: 'attributes.plan', message: 'too long' },
        { path: 'attributes', message: 'at most 50 attributes' },
        { path: 'name', message: 'ignored here' },
      ],
      rows,
    );
    expect(errors).toEqual({ rows: { 7: { value: 'too long' } }, general: 'at most 50 attributes' });
  });
});

describe('roles', () => {
  it('suggest the common roles and those already used in the org', () => {
    const member = { orgId: 'o', userId: 'u', createdAt: '', user: { id: 'u', email: '', name: '' } };
    expect(roleSuggestions([{ ...member, roles: ['support', 'admin'] }])).toEqual([
      'admin',
      'member',
      'viewer',
      'billing',
      'support',
    ]);
  });

  it('name the role that is not a valid role name', () => {
    expect(rolesProblem(['admin', 'billing:read'])).toBeUndefined();
    expect(rolesProblem(['admin', 'no spaces'])).toMatch(/^“no spaces” must be a role name/);
  });
});

describe('user forms', () => {
  it('check a new user with the server’s rules; the password is optional', () => {
    expect(validateNewUser({ email: 'erin@acme.test', name: 'Erin', password: '' })).toEqual({});
    expect(validateNewUser({ email: 'nope', name: '', password: 'short' })).toEqual({
      email: 'must be an email address',
      name: 'must not be empty',
      password: 'must be at least 8 characters',
    });
  });

  it('send only what changed when editing', () => {
    const bob: User = user('bob@globex.test', 'Bob');
    expect(toPatch({ email: bob.email, name: 'Bob', password: '' }, bob)).toEqual({});
    expect(toPatch({ email: bob.email, name: ' Robert ', password: 'a-new-password' }, bob)).toEqual({
      name: 'Robert',
      password: 'a-new-password',
    });
    expect(validateUserEdit({ email: bob.email, name: 'Bob', password: 'short' }, bob)).toEqual({
      password: 'must be at least 8 characters',
    });
  });

  it('key field issues by their top-level field', () => {
    expect(
      errorsFrom(
        [
          { path: 'roles[1]', message: 'bad role' },
          { path: 'roles[2]', message: 'second' },
          { path: 'other', message: 'x' },
        ],
        ['roles', 'userId'],
      ),
    ).toEqual({ roles: 'bad role' });
  });
});

describe('identity pool selectors', () => {
  const now = Date.parse('2026-01-15T12:00:00.000Z');
  const users = [
    user('dave@eu.acme.test', 'Dave Dupont', { lockedUntil: '2026-01-15T12:10:00.000Z' }),
    user('alice@acme.test', 'Alice Anders', {
      memberships: [
        {
          orgId: 'o1',
          userId: 'u',
          roles: ['admin'],
          createdAt: '',
          org: { id: 'o1', name: 'Globex', slug: 'globex' },
        },
      ],
    }),
    user('carol@initech.test', 'Carol Chen', { lockedUntil: '2026-01-15T11:00:00.000Z' }),
  ];

  it('search by email, name or organization, sorted by email', () => {
    expect(filterUsers(users, '').map((u) => u.email)).toEqual([
      'alice@acme.test',
      'carol@initech.test',
      'dave@eu.acme.test',
    ]);
    expect(filterUsers(users, 'globex').map((u) => u.email)).toEqual(['alice@acme.test']);
    expect(filterUsers(users, 'CHEN').map((u) => u.email)).toEqual(['carol@initech.test']);
    expect(matchUsers(users, 'acme').map((u) => u.email)).toEqual(['alice@acme.test', 'dave@eu.acme.test']);
  });

  it('count a lockout only until it ends', () => {
    expect(lockedUntil(users[0] as UserDetail, now)?.toISOString()).toBe('2026-01-15T12:10:00.000Z');
    expect(lockedUntil(users[2] as UserDetail, now)).toBeUndefined();
    expect(poolSummary(users, now)).toBe('3 users · 1 locked');
  });
});

describe('isolation claims', () => {
  it('mark the claims whose value differs between the models', () => {
    const differing = differingClaims([
      { iss: 'https://a/default/default', aud: 'sample', org_id: 'org_1' },
      { iss: 'https://a/default/default', aud: 'acme-app', org_id: 'org_1' },
      { iss: 'https://a/acme/default', aud: 'acme-dedicated', org_id: 'org_1' },
    ]);
    expect([...differing].sort()).toEqual(['aud', 'iss']);
  });

  it('break URLs after path slashes, not inside the scheme', () => {
    expect(urlBreaks('http://127.0.0.1:1/acme/default')).toEqual(['http://', '127.0.0.1:1/', 'acme/', 'default']);
  });
});
