import { describe, expect, it } from 'vitest';
import type { Organization } from '../../server/model/organization';
import { addVanityHostSchema, hostNameProblem } from '../../server/model/vanity-host';
import { resolveOrganization, type OrgResolutionInput } from '../../server/oidc/interactions/resolve-organization';
import { classifyHost, hostName } from '../../server/vanity/resolve-host';

describe('custom host names', () => {
  it.each([
    ['login.acme.test', undefined],
    ['sso.acme.example.com', undefined],
    ['acme.localhost', undefined],
    ['', /must not be empty/],
    ['login.acme.test:8443', /port/],
    ['192.168.0.10', /IP address/],
    ['[::1]', /admin listener/],
    ['fe80::1', /IP address/],
    ['localhost', /admin listener/],
    ['127.0.0.1', /admin listener/],
    ['https://login.acme.test', /without scheme or path/],
    ['login.acme.test/path', /without scheme or path/],
    ['*.acme.test', /letters, digits/],
    ['-bad.acme.test', /letters, digits/],
    ['acme', /two labels/],
    ['login.acme.123', /end in a name/],
    ['login.acme.localhost', /reserved/],
    ['idp.okta.localhost', /reserved/],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.test`, /253/],
  ])('%s', (host, problem) => {
    const found = hostNameProblem(host);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });

  it('trims and lower-cases before storing', () => {
    expect(addVanityHostSchema.parse({ host: '  Login.ACME.Test ' })).toEqual({ host: 'login.acme.test' });
    expect(addVanityHostSchema.safeParse({ host: 'x', port: 1 }).success).toBe(false);
  });
});

describe('classifying a Host header', () => {
  it.each([
    ['127.0.0.1:4100', 'loopback'],
    ['localhost:4100', 'loopback'],
    ['[::1]:4100', 'loopback'],
    [undefined, 'loopback'],
    ['login.acme.localhost:4100', 'automatic'],
    ['LOGIN.Acme.localhost.', 'automatic'],
    ['idp.acme-okta.localhost:4100', 'mock_idp'],
    ['app.acme.localhost', 'localhost'],
    ['login.acme.test:4100', 'named'],
  ])('%s → %s', (header, kind) => {
    expect(classifyHost(header).kind).toBe(kind);
  });

  it('strips the port and the trailing dot', () => {
    expect(hostName('Login.Acme.Test.:4100')).toBe('login.acme.test');
    expect(hostName('[::1]:80')).toBe('[::1]');
  });
});

const org = (slug: string): Organization => ({
  id: `org_${slug}`,
  slug,
  name: slug.toUpperCase(),
  parentId: null,
  domains: [`${slug}.test`],
  isolation: 'shared_application',
  attributes: {},
  createdAt: '',
  updatedAt: '',
});
const acme = org('acme');
const globex = org('globex');

const input = (overrides: Partial<OrgResolutionInput>): OrgResolutionInput => ({
  requested: undefined,
  clientOwner: undefined,
  clientName: 'Portal',
  picked: undefined,
  federatedOrg: undefined,
  emailDomain: undefined,
  requireOrganization: false,
  findOrg: (key) => [acme, globex].find((candidate) => candidate.id === key || candidate.slug === key),
  orgOfDomain: () => undefined,
  memberOf: [acme, globex],
  vanityOrg: acme,
  ...overrides,
});

describe('the vanity host fixes the organization', () => {
  it('resolves to the host’s org without a picker for a member of several orgs', () => {
    expect(resolveOrganization(input({}))).toMatchObject({ kind: 'resolved', org: acme, via: 'vanity_host' });
  });

  it('refuses a non-member', () => {
    expect(resolveOrganization(input({ memberOf: [globex] }))).toMatchObject({
      kind: 'denied',
      message: expect.stringMatching(/not a member of ACME, which this sign-in address belongs to/),
    });
  });

  it.each([
    ['requested', { requested: 'globex' }],
    ['clientOwner', { clientOwner: 'org_globex' }],
    ['federatedOrg', { federatedOrg: 'org_globex' }],
  ])('refuses another org named by %s', (_name, overrides) => {
    expect(resolveOrganization(input(overrides))).toMatchObject({
      kind: 'denied',
      message: expect.stringMatching(/This sign-in address belongs to ACME, but GLOBEX/),
    });
  });

  it('accepts the same org named by the parameter', () => {
    expect(resolveOrganization(input({ requested: 'acme' }))).toMatchObject({ kind: 'resolved', via: 'parameter' });
  });
});
