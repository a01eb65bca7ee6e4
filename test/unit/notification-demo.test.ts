// The demo customers' templates pass the save-time checks, land once, and keep user edits.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotifications } from '../../server/notifications/create-notifications';
import { applyDemoNotifications } from '../../server/notifications/demo-templates';
import { OrganizationService } from '../../server/organizations/organization-service';
import { OrganizationRepository } from '../../server/store/organization-repository';
import { openDatabase, type Db } from '../../server/store/open-database';
import { frozenClock, makeTempDir } from '../helpers/temp-dir';

describe('applyDemoNotifications', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase({ file: join(dir.path, 'orgbench.db') });
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('gives acme, globex and initech their own locales and templates, once', () => {
    const clock = frozenClock();
    const orgs = new OrganizationService(new OrganizationRepository(db), clock);
    const notifications = createNotifications({ db, clock, orgs });
    const ids = Object.fromEntries(
      ['acme', 'globex', 'initech'].map((slug) => [slug, orgs.create({ name: slug, slug }).id]),
    );
    applyDemoNotifications({ orgs, notifications });

    expect(notifications.templates.locales(ids.globex ?? '')).toMatchObject({ defaultLocale: 'de', inherited: false });
    const reset = notifications.send({
      orgId: ids.globex ?? '',
      kind: 'password_reset',
      channel: 'email',
      to: 'bob@globex.test',
      variables: { 'user.name': 'Bob', link: 'https://login.globex.localhost/r', expires_in: '1 Stunde' },
    });
    expect(reset).toMatchObject({ locale: 'de', subject: 'Globex: Neues Passwort für Bob' });
    const voice = notifications.send({
      orgId: ids.initech ?? '',
      kind: 'mfa_code',
      channel: 'voice',
      to: '+1',
      variables: { code: '42' },
    });
    expect(voice.text).toMatch(/^This is the Initech security line\. Your verification code is 42\./);

    const edited = { text: 'Edited {{code}}' };
    const slot = { kind: 'mfa_code', channel: 'sms', locale: 'en' } as const;
    notifications.templates.save(ids.acme ?? '', slot, edited);
    applyDemoNotifications({ orgs, notifications });
    expect(notifications.templates.get(ids.acme ?? '', slot).content).toEqual(edited);
    expect(notifications.templates.overrides(ids.acme ?? '')).toHaveLength(2);
  });
});
