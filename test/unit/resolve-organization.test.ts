import { describe, expect, it } from 'vitest';
import type { Organization } from '../../server/model/organization';
import { resolveOrganization, type OrgResolutionInput } from '../../server/oidc/interactions/resolve-organization';

const org = (slug: string, domains: string[] = []): Organization => ({
  id: `org_${slug}`,
  slug,
  name: slug.toUpperCase(),
  parentId: null,
  domains,
  isolation: 'shared_application',
  attributes: {},
  createdAt: '',
  updatedAt: '',
});
const acme = org('acme', ['acme.test']);
const globex = org('globex', ['globex.test']);
const initech = org('initech');
const all = [acme, globex, initech];

const input = (overrides: Partial<OrgResolutionInput>): OrgResolutionInput => ({
  requested: undefined,
  clientOwner: undefined,
  clientName: 'Portal',
  picked: undefined,
  federatedOrg: undefined,
  emailDomain: undefined,
  requireOrganization: false,
  findOrg: (key) => all.find((candidate) => candidate.id === key || candidate.slug === key),
  orgOfDomain: (domain) => all.find((candidate) => candidate.domains.includes(domain)),
  memberOf: [acme, globex],
  ...overrides,
});

describe('resolveOrganization', () => {
  it('takes the authorize parameter first and enforces membership', () => {
    expect(resolveOrganization(input({ requested: 'globex', clientOwner: 'acme' }))).toMatchObject({
      kind: 'resolved',
      org: globex,
      via: 'parameter',
    });
    expect(resolveOrganization(input({ requested: 'initech' }))).toMatchObject({
      kind: 'denied',
      message: expect.stringContaining('not a member of INITECH'),
    });
    expect(resolveOrganization(input({ requested: 'nope' }))).toMatchObject({
      kind: 'denied',
      message: expect.stringContaining('does not exist'),
    });
  });

  it('then the client owner', () => {
    expect(resolveOrganization(input({ clientOwner: 'org_acme' }))).toMatchObject({
      kind: 'resolved',
      org: acme,
      via: 'client',
    });
    expect(resolveOrganization(input({ clientOwner: 'org_initech' }))).toMatchObject({ kind: 'denied' });
  });

  it('then the picker choice', () => {
    expect(resolveOrganization(input({ picked: 'org_globex' }))).toMatchObject({
      kind: 'resolved',
      org: globex,
      via: 'picker',
    });
    expect(resolveOrganization(input({ picked: 'org_initech' }))).toMatchObject({ kind: 'denied' });
  });

  it('then the email domain, when the user is a member of the org that owns it', () => {
    expect(resolveOrganization(input({ emailDomain: 'globex.test' }))).toMatchObject({
      kind: 'resolved',
      org: globex,
      via: 'email_domain',
    });
    expect(resolveOrganization(input({ emailDomain: 'globex.test', memberOf: [acme, initech] }))).toEqual({
      kind: 'choose',
      orgs: [acme, initech],
    });
  });

  it('then memberships: one resolves, several ask, none is allowed unless required', () => {
    expect(resolveOrganization(input({ memberOf: [globex] }))).toMatchObject({
      kind: 'resolved',
      org: globex,
      via: 'membership',
    });
    expect(resolveOrganization(input({ emailDomain: 'consult.test' }))).toEqual({
      kind: 'choose',
      orgs: [acme, globex],
    });
    expect(resolveOrganization(input({ memberOf: [] }))).toEqual({ kind: 'none' });
    expect(resolveOrganization(input({ memberOf: [], requireOrganization: true }))).toMatchObject({ kind: 'denied' });
  });
});
