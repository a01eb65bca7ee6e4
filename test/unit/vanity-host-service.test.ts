// The vanity host service over a real SQLite file: which org a Host header names, the
// demo's custom hosts (idempotent), and hosts following an org's slug and deletion.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../server/services';
import { openDatabase, type Db } from '../../server/store/open-database';
import { seedDemoVanityHosts } from '../../server/vanity/demo-vanity';
import { frozenClock, makeTempDir } from '../helpers/temp-dir';

describe('vanity host service', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let services: Services;

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase({ file: join(dir.path, 'orgbench.db') });
    services = createServices(db, frozenClock(), () => 'http://127.0.0.1:4100');
    for (const slug of ['acme', 'globex']) services.orgs.create({ name: slug.toUpperCase(), slug });
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const kindOf = (host: string) => {
    const resolved = services.vanity.resolve(host);
    return resolved.kind === 'vanity' ? `${resolved.target.org.slug} ${resolved.target.origin}` : resolved.kind;
  };

  it('names the org of an automatic or custom host, and nothing else', () => {
    services.vanity.add('globex', { host: 'sso.globex.test' });
    expect(kindOf('login.acme.localhost:4100')).toBe('acme http://login.acme.localhost:4100');
    expect(kindOf('SSO.Globex.test')).toBe('globex http://sso.globex.test:4100');
    expect(kindOf('login.nobody.localhost')).toBe('unknown');
    expect(kindOf('app.acme.localhost')).toBe('unknown');
    expect(kindOf('idp.acme-okta.localhost')).toBe('default');
    expect(kindOf('127.0.0.1:4100')).toBe('default');
    expect(kindOf('unmapped.example')).toBe('default');
  });

  it('follows a slug change and forgets a deleted org’s hosts', () => {
    services.vanity.add('acme', { host: 'login.acme.test' });
    services.orgs.update(services.orgs.get('acme').id, { slug: 'acme-corp' });
    expect(kindOf('login.acme.localhost')).toBe('unknown');
    expect(kindOf('login.acme-corp.localhost')).toContain('acme-corp');
    services.orgs.delete(services.orgs.get('acme-corp').id);
    expect(kindOf('login.acme.test')).toBe('default');
    expect(services.vanity.allCustom()).toEqual([]);
  });

  it('maps a vanity issuer back to the loopback issuer with the same keys', () => {
    expect(services.vanity.loopbackIssuerOf('http://login.acme.localhost:4100/default/default')).toBe(
      'http://127.0.0.1:4100/default/default',
    );
    expect(services.vanity.loopbackIssuerOf('http://elsewhere.example/default/default')).toBeUndefined();
  });

  it('gives the demo orgs that exist their custom host, once', () => {
    expect(seedDemoVanityHosts(services)).toEqual(['login.acme.test', 'login.globex.test']);
    expect(seedDemoVanityHosts(services)).toEqual([]);
    expect(services.vanity.ofOrg('acme').hosts.map((host) => host.host)).toEqual([
      'login.acme.localhost',
      'login.acme.test',
    ]);
    expect(services.vanity.setup().hostsFile).toEqual(['127.0.0.1 login.acme.test', '127.0.0.1 login.globex.test']);
  });
});
