// The mapping preview over real HTTP on the demo: what Acme's mock Okta and Globex's mock
// Entra ID would make of their personas, pasted attributes, the JIT verdict before and
// after a real login — and that previewing writes nothing. Then SAML metadata import: the
// mock IdP's own metadata URL, and a certificate change refused until confirmed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../server/model/federation';
import type { IdpMetadata } from '../../server/model/idp-metadata';
import type { MappingPreview } from '../../server/model/mapping-preview';
import { serverPerTest, type TestServer } from '../helpers/server';

async function connectionOf(server: TestServer, org: string): Promise<Connection> {
  const { connections } = (await server.api('GET', `/api/orgs/${org}/connections`)).body as {
    connections: Connection[];
  };
  const [connection] = connections;
  if (!connection) throw new Error(`the demo has no ${org} connection`);
  return connection;
}

async function preview(server: TestServer, connection: Connection, body: unknown): Promise<MappingPreview> {
  const response = await server.api('POST', `/api/connections/${connection.id}/preview`, body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as MappingPreview;
}

/** Every user with their memberships, to compare before and after. */
async function snapshot(server: TestServer): Promise<unknown> {
  const { users } = (await server.api('GET', '/api/users')).body as { users: { id: string }[] };
  const members = await Promise.all(
    ['acme', 'globex'].map(async (org) => (await server.api('GET', `/api/orgs/${org}/members`)).body),
  );
  return { users, members };
}

const metadataFixture = (name: string) =>
  readFileSync(join(__dirname, '..', 'fixtures', 'saml-metadata', name), 'utf8');

describe('mapping preview', () => {
  const ctx = serverPerTest({ demo: true });

  it('shows what Acme’s mock Okta sends for jane, the fields, a new user and her org roles', async () => {
    const acme = await connectionOf(ctx.server, 'acme');
    const result = await preview(ctx.server, acme, { persona: 'jane' });
    expect(result.source).toMatchObject({ kind: 'persona', handle: 'jane', preset: 'okta' });
    expect(result.sent.attributes).toMatchObject({ Email: 'jane@acme.test', groups: ['acme-admins', 'Everyone'] });
    expect(result.fields.email).toMatchObject({ value: 'jane@acme.test', from: 'Email' });
    expect(result.jit).toMatchObject({ action: 'create', existing: null });
    expect(result.org).toMatchObject({ slug: 'acme', name: 'Acme Corporation' });
    expect(result.roles.rules.filter((rule) => rule.fired).map((rule) => rule.group)).toEqual([
      'acme-admins',
      'Everyone',
    ]);
    expect(result.roles.result.sort()).toEqual(['admin', 'member']);
    expect(result.failure).toBeNull();
  });

  it('maps Globex’s Entra group ids to roles for priya (OIDC)', async () => {
    const globex = await connectionOf(ctx.server, 'globex');
    const result = await preview(ctx.server, globex, { persona: 'priya' });
    expect(result.connection.kind).toBe('oidc');
    expect(result.fields.email).toMatchObject({ value: 'priya@globex.test', from: 'email' });
    expect(result.roles.result).toEqual(['admin']);
  });

  it('changes nothing, and after a real login says the linked user would be updated', async () => {
    const acme = await connectionOf(ctx.server, 'acme');
    const before = await snapshot(ctx.server);
    await preview(ctx.server, acme, { persona: 'jane' });
    await preview(ctx.server, acme, { subject: 'x-1', attributes: { email: 'new@acme.test' } });
    expect(await snapshot(ctx.server)).toEqual(before);

    const login = await ctx.server.api('POST', '/api/logins', { org: 'acme', persona: 'jane' });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const after = await preview(ctx.server, acme, { persona: 'jane' });
    expect(after.jit).toMatchObject({ action: 'update', linkedBy: 'subject', existing: { email: 'jane@acme.test' } });
    expect(after.roles.current?.sort()).toEqual(['admin', 'member']);
  });

  it('explains why pasted attributes and JIT modes would fail', async () => {
    const acme = await connectionOf(ctx.server, 'acme');
    const noEmail = await preview(ctx.server, acme, { subject: 'abc', attributes: { FirstName: 'Ann' } });
    expect(noEmail.failure).toMatchObject({ rule: 'mapping_email' });

    await ctx.server.api('PATCH', `/api/connections/${acme.id}`, { mapping: { jit: 'deny' } });
    const denied = await preview(ctx.server, acme, { persona: 'sam' });
    expect(denied.failure).toEqual({
      rule: 'jit_denied',
      message: 'sam@acme.test has never signed in through this connection, and it admits no new users.',
    });
    await ctx.server.api('PATCH', `/api/connections/${acme.id}`, { mapping: { jit: 'link_by_email' } });
    expect((await preview(ctx.server, acme, { persona: 'lee' })).failure?.rule).toBe('jit_no_user');
    // alice exists in the demo: link_by_email links her.
    const alice = await preview(ctx.server, acme, { subject: 'a', attributes: { email: 'alice@acme.test' } });
    expect(alice.jit).toMatchObject({ action: 'link', linkedBy: 'email', existing: { email: 'alice@acme.test' } });
    expect(alice.roles.current).toEqual(['admin']);
  });

  it('answers 400 with the field path for bad input and 404 for an unknown connection', async () => {
    const acme = await connectionOf(ctx.server, 'acme');
    const unknown = await ctx.server.api('POST', `/api/connections/${acme.id}/preview`, { persona: 'nobody' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      error: {
        code: 'validation_failed',
        fields: [{ path: 'persona', message: expect.stringContaining('jane, sam, lee') }],
      },
    });
    const badValue = await ctx.server.api('POST', `/api/connections/${acme.id}/preview`, {
      subject: 's',
      attributes: { groups: [{ nested: true }] },
    });
    expect(badValue.body).toMatchObject({ error: { fields: [{ path: 'attributes.groups' }] } });
    expect((await ctx.server.api('POST', '/api/connections/con_nope/preview', { persona: 'jane' })).status).toBe(404);
  });
});

describe('SAML IdP metadata import', () => {
  const ctx = serverPerTest({ demo: true });

  it('reads the mock IdP’s own metadata from its URL', async () => {
    const url = `${ctx.server.protocolUrl}/mock/saml/acme-okta/metadata`;
    const response = await ctx.server.api('POST', '/api/connections/metadata/parse', { url });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const metadata = response.body as IdpMetadata;
    const idp = (await ctx.server.api('GET', '/api/mock-idps/acme-okta')).body as { fingerprint: string };
    expect(metadata).toMatchObject({
      entityId: `${ctx.server.protocolUrl}/mock/saml/acme-okta`,
      ssoUrl: `${ctx.server.protocolUrl}/mock/saml/acme-okta/sso`,
      ssoBinding: 'redirect',
    });
    expect(metadata.certificates.map((certificate) => certificate.fingerprint)).toEqual([idp.fingerprint]);
  });

  it('applies same-certificate metadata directly, and a certificate change only when confirmed', async () => {
    const acme = await connectionOf(ctx.server, 'acme');
    const url = `${ctx.server.protocolUrl}/mock/saml/acme-okta/metadata`;
    const same = await ctx.server.api('POST', `/api/connections/${acme.id}/metadata`, { url });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body).toMatchObject({ certificateChange: null });
    const trusted = (await connectionOf(ctx.server, 'acme')).saml;
    expect(trusted?.idpSloUrl).toBe(`${ctx.server.protocolUrl}/mock/saml/acme-okta/slo`);

    const xml = metadataFixture('entra-style-two-certs-rollover.xml');
    const refused = await ctx.server.api('POST', `/api/connections/${acme.id}/metadata`, { xml });
    expect(refused.status).toBe(409);
    const idp = (await ctx.server.api('GET', '/api/mock-idps/acme-okta')).body as { fingerprint: string };
    const error = (refused.body as { error: { code: string; details: { current: string[]; incoming: string[] } } })
      .error;
    expect(error.code).toBe('certificate_change_unconfirmed');
    expect(error.details.current).toEqual([idp.fingerprint]);
    expect(error.details.incoming).toHaveLength(2);
    expect((await connectionOf(ctx.server, 'acme')).saml).toEqual(trusted);

    const applied = await ctx.server.api('POST', `/api/connections/${acme.id}/metadata`, {
      xml,
      confirmCertificateChange: true,
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const saml = (await connectionOf(ctx.server, 'acme')).saml;
    expect(saml).toMatchObject({
      idpEntityId: 'https://sts.windows.net/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/',
      idpSloUrl: 'https://login.microsoftonline.com/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/saml2',
      binding: 'redirect',
    });
    expect(saml?.idpCertificates).toHaveLength(2);
  });

  it('refuses bad metadata, unreachable URLs and OIDC connections with a clear 400', async () => {
    const bad = await ctx.server.api('POST', '/api/connections/metadata/parse', {
      xml: metadataFixture('doctype-entity.xml'),
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { code: 'metadata_invalid', message: expect.stringContaining('DOCTYPE') },
    });

    const missing = await ctx.server.api('POST', '/api/connections/metadata/parse', {
      url: `${ctx.server.protocolUrl}/mock/saml/nobody/metadata`,
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: 'metadata_invalid', fields: [{ path: 'url' }] } });

    const scheme = await ctx.server.api('POST', '/api/connections/metadata/parse', { url: 'file:///etc/passwd' });
    expect(scheme.body).toMatchObject({ error: { code: 'validation_failed', fields: [{ path: 'url' }] } });

    const globex = await connectionOf(ctx.server, 'globex');
    const oidc = await ctx.server.api('POST', `/api/connections/${globex.id}/metadata`, {
      xml: metadataFixture('okta-style.xml'),
    });
    expect(oidc.body).toMatchObject({ error: { code: 'connection_not_saml' } });
  });
});
