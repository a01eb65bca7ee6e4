// Workspace files (`orgbench serve --config`): applied whole or not at all, every error
// named by path, safe against hostile YAML and JSON, and idempotent.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyConfigFile } from '../../server/config-files/apply-config-file';
import { ValidationError } from '../../server/errors';
import { createServices } from '../../server/services';
import { openDatabase } from '../../server/store/open-database';
import { assertCliBuilt, runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const fixture = (name: string) => join(fileURLToPath(new URL('../fixtures/workspace-files/', import.meta.url)), name);

/** Services on a fresh database; the client-metadata validator is the server's default (none). */
function freshServices() {
  const dir = makeTempDir();
  const db = openDatabase({ file: join(dir.path, 'orgbench.db') });
  const services = createServices(db, { now: () => new Date('2026-05-01T12:00:00Z') }, () => 'http://127.0.0.1:4100');
  const snapshot = () =>
    JSON.stringify({
      orgs: services.orgs.list(),
      users: services.users.list(),
      apps: services.apps.list(),
      tenants: services.tenants.listTenants(),
    });
  return { services, snapshot, close: () => (db.close(), dir.remove()) };
}

async function errorOf(work: Promise<unknown>): Promise<ValidationError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('workspace files', () => {
  it('applies a valid file, and applying it again changes nothing', async () => {
    const { services, snapshot, close } = freshServices();
    try {
      const result = await applyConfigFile(services, fixture('valid-two-customers.yaml'));
      expect(result).toEqual({ organizations: 3, users: 1, applications: 2, apis: 1 });
      expect(services.orgs.get('umbrella-research').parentId).toBe(services.orgs.get('umbrella').id);
      const gavin = services.users.findByEmail('gavin@hooli.test');
      expect(services.users.membershipsOf(gavin?.id ?? '').map((m) => m.roles)).toEqual([['admin'], ['auditor']]);
      expect(services.apps.get('hooli-batch')).toMatchObject({
        kind: 'm2m',
        ownerOrgId: services.orgs.get('hooli').id,
      });
      expect(services.apps.revealSecret('hooli-batch')).toBe('hooli-batch-secret-0123456789');
      // Per-organization isolation provisioned the org's own client.
      expect(
        services.apps.list().some((app) => app.ownerOrgId === services.orgs.get('hooli').id && app.kind === 'web'),
      ).toBe(true);
      const before = snapshot();
      await applyConfigFile(services, fixture('valid-two-customers.yaml'));
      // Same clock, same file: byte-for-byte the same state.
      expect(snapshot()).toBe(before);
    } finally {
      close();
    }
  });

  it('reports every error with its path and changes nothing', async () => {
    const { services, snapshot, close } = freshServices();
    try {
      const before = snapshot();
      const error = await errorOf(applyConfigFile(services, fixture('invalid-many-errors.yaml')));
      const paths = error.fields?.map((field) => field.path) ?? [];
      expect(paths).toEqual(
        expect.arrayContaining([
          'organizations[1].slug',
          'organizations[1].name',
          'users[0].email',
          'users[0].password',
          'applications[1].kind',
        ]),
      );
      expect(snapshot()).toBe(before);

      // With the shape fixed, the references are checked: each named, still nothing changed.
      const { parseWorkspaceText } = await import('../../server/config-files/parse-workspace-file');
      const { applyWorkspaceDocument } = await import('../../server/config-files/apply-config-file');
      const refs = await errorOf(
        applyWorkspaceDocument(
          services,
          parseWorkspaceText(
            `organizations:\n  - { slug: orphan, name: Orphan, parent: missing-parent }\nusers:\n  - { email: ok@example.test, name: Ok, memberships: [{ org: nowhere }] }\napplications:\n  - { clientId: svc-x, name: X, kind: m2m, owner: ghost-org }\n`,
            'yaml',
          ),
        ),
      );
      expect(refs.fields?.map((field) => field.path)).toEqual([
        'organizations[0].parent',
        'users[0].memberships[0].org',
        'applications[0].owner',
      ]);
      expect(snapshot()).toBe(before);
    } finally {
      close();
    }
  });

  it('refuses __proto__ keys, custom tags and alias bombs quickly', async () => {
    const { services, snapshot, close } = freshServices();
    try {
      const before = snapshot();
      const proto = await errorOf(applyConfigFile(services, fixture('invalid-prototype-keys.json')));
      expect(proto.fields?.[0]?.path).toBe('organizations[0].attributes.__proto__');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();

      await expect(applyConfigFile(services, fixture('invalid-custom-tag.yaml'))).rejects.toThrow(ValidationError);

      const started = Date.now();
      const bomb = await errorOf(applyConfigFile(services, fixture('invalid-alias-bomb.yaml')));
      expect(Date.now() - started).toBeLessThan(1000);
      expect(bomb.fields?.[0]?.message).toMatch(/alias/i);
      expect(snapshot()).toBe(before);
    } finally {
      close();
    }
  });

  it('serve --config applies the file; an invalid file stops start-up with every path', async () => {
    assertCliBuilt();
    const dir = makeTempDir();
    try {
      const bad = runCli([
        'serve',
        '--data',
        dir.path,
        '--port',
        '0',
        '--admin-port',
        '0',
        '--config',
        fixture('invalid-many-errors.yaml'),
      ]);
      expect((await bad.exited).code).toBe(1);
      expect(bad.stderr()).toContain('organizations[1].slug');
      expect(bad.stderr()).toContain('users[0].password');
    } finally {
      dir.remove();
    }
  });
});
