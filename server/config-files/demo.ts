/**
 * `orgbench serve --demo`: three customers on the three isolation models, ready to
 * present and to script against. Applied like any workspace file, so running it again
 * changes nothing.
 *
 *   acme     shared application            sub-orgs Acme Europe › Acme France, Acme Labs;
 *                                          signs in through a mock Okta (SAML)
 *   globex   per-organization application  sub-org Globex EMEA; a mock Entra ID (OIDC)
 *   initech  dedicated tenant              its own issuer and keys; its identity pool
 */
import type { Services } from '../services';
import { seedDemoVanityHosts } from '../vanity/demo-vanity';
import { applyDemoNotifications } from '../notifications/demo-templates';
import { applyDemoThemes } from '../branding/demo-themes';
import { entraGroupId } from '../mock-idp/oidc/vendor-claims';
import { applyWorkspaceDocument } from './apply-config-file';
import type { WorkspaceFileInput } from './workspace-file';

export const DEMO_PASSWORD = 'orgbench-demo';
export const DEMO_M2M_CLIENT = { clientId: 'acme-reporting', secret: 'orgbench-demo-acme-reporting-secret' };
export const DEMO_API = 'urn:orgbench:demo:invoices';

export const DEMO_WORKSPACE: WorkspaceFileInput = {
  organizations: [
    {
      slug: 'acme',
      name: 'Acme Corporation',
      domains: ['acme.test'],
      isolation: 'shared_application',
      attributes: { plan: 'enterprise', seats: 250 },
    },
    { slug: 'acme-europe', name: 'Acme Europe', parent: 'acme', domains: ['eu.acme.test'] },
    { slug: 'acme-france', name: 'Acme France', parent: 'acme-europe' },
    { slug: 'acme-labs', name: 'Acme Labs', parent: 'acme' },
    {
      slug: 'globex',
      name: 'Globex',
      domains: ['globex.test'],
      isolation: 'per_organization_application',
      attributes: { plan: 'growth' },
    },
    { slug: 'globex-emea', name: 'Globex EMEA', parent: 'globex' },
    {
      slug: 'initech',
      name: 'Initech',
      domains: ['initech.test'],
      isolation: 'dedicated_tenant',
      attributes: { plan: 'enterprise' },
    },
  ],
  users: [
    {
      email: 'alice@acme.test',
      name: 'Alice Anders',
      givenName: 'Alice',
      familyName: 'Anders',
      password: DEMO_PASSWORD,
      memberships: [
        { org: 'acme', roles: ['admin'] },
        { org: 'globex', roles: ['viewer'] },
      ],
    },
    {
      email: 'bob@globex.test',
      name: 'Bob Brandt',
      password: DEMO_PASSWORD,
      memberships: [{ org: 'globex', roles: ['admin'] }],
    },
    {
      email: 'carol@initech.test',
      name: 'Carol Chen',
      password: DEMO_PASSWORD,
      memberships: [{ org: 'initech', roles: ['admin', 'billing'] }],
    },
    {
      email: 'dave@eu.acme.test',
      name: 'Dave Dupont',
      password: DEMO_PASSWORD,
      memberships: [{ org: 'acme-europe', roles: ['member'] }],
    },
    {
      email: 'erin@consult.test',
      name: 'Erin Evans',
      password: DEMO_PASSWORD,
      memberships: [
        { org: 'acme', roles: ['consultant'] },
        { org: 'globex', roles: ['consultant'] },
      ],
    },
  ],
  applications: [
    {
      clientId: DEMO_M2M_CLIENT.clientId,
      name: 'Acme reporting job',
      kind: 'm2m',
      owner: 'acme',
      secret: DEMO_M2M_CLIENT.secret,
    },
  ],
  apis: [{ identifier: DEMO_API, name: 'Invoices API', scopes: ['invoices:read', 'invoices:write'] }],
};

/** The customers' own IdPs, imitated here, with a handful of personas in different groups. */
export const DEMO_FEDERATION = [
  {
    org: 'acme',
    mockIdp: { slug: 'acme-okta', name: 'Acme Okta', kind: 'saml', preset: 'okta' },
    personas: [
      {
        handle: 'jane',
        displayName: 'Jane Okafor',
        email: 'jane@acme.test',
        givenName: 'Jane',
        familyName: 'Okafor',
        groups: ['acme-admins', 'Everyone'],
      },
      {
        handle: 'sam',
        displayName: 'Sam Rivera',
        email: 'sam@acme.test',
        givenName: 'Sam',
        familyName: 'Rivera',
        groups: ['Everyone'],
      },
      {
        handle: 'lee',
        displayName: 'Lee Contractor',
        email: 'lee@acme.test',
        givenName: 'Lee',
        familyName: 'Chen',
        groups: ['contractors'],
      },
    ],
    connection: {
      name: 'Acme Okta',
      kind: 'saml',
      mapping: {
        groupRoles: [
          { group: 'acme-admins', roles: ['admin'] },
          { group: 'Everyone', roles: ['member'] },
          { group: 'contractors', roles: ['contractor'] },
        ],
      },
    },
  },
  {
    org: 'globex',
    mockIdp: { slug: 'globex-entra', name: 'Globex Entra ID', kind: 'oidc', preset: 'entra' },
    personas: [
      {
        handle: 'priya',
        displayName: 'Priya Natarajan',
        email: 'priya@globex.test',
        givenName: 'Priya',
        familyName: 'Natarajan',
        groups: ['Globex Admins'],
      },
      {
        handle: 'tom',
        displayName: 'Tom Weber',
        email: 'tom@globex.test',
        givenName: 'Tom',
        familyName: 'Weber',
        groups: ['Globex Users'],
      },
    ],
    connection: {
      name: 'Globex Entra ID',
      kind: 'oidc',
      mapping: {
        groupRoles: [
          { group: 'Globex Admins', roles: ['admin'] },
          { group: 'Globex Users', roles: ['member'] },
        ],
      },
    },
  },
] as const;

export async function seedDemo(services: Services): Promise<void> {
  await applyWorkspaceDocument(services, DEMO_WORKSPACE);
  applyDemoThemes(services);
  applyDemoNotifications(services);
  for (const entry of DEMO_FEDERATION) {
    const idp =
      services.mockIdps.record(entry.mockIdp.slug) !== undefined
        ? services.mockIdps.get(entry.mockIdp.slug)
        : await services.mockIdps.create(entry.mockIdp, [...entry.personas]);
    const org = services.orgs.get(entry.org);
    if (services.connections.ofOrg(org.id).some((connection) => connection.name === entry.connection.name)) continue;
    await services.connections.create(org.id, {
      ...entry.connection,
      mockIdp: idp.id,
      mapping: {
        ...entry.connection.mapping,
        // Entra ID sends group object ids, not names: the rules name the ids it will send.
        groupRoles: entry.connection.mapping.groupRoles.map((rule) => ({
          group: idp.preset === 'entra' && idp.kind === 'oidc' ? entraGroupId(idp.id, rule.group) : rule.group,
          roles: [...rule.roles],
        })),
      },
    });
  }
  seedDemoVanityHosts(services);
}
