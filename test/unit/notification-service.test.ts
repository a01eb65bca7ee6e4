// NotificationService over a real SQLite file: template inheritance (org → parent →
// workspace → built-in), locale choice, refusals that change nothing, the outbox and retention.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../server/errors';
import { createNotifications } from '../../server/notifications/create-notifications';
import type { NotificationService } from '../../server/notifications/notification-service';
import { OrganizationService } from '../../server/organizations/organization-service';
import { OrganizationRepository } from '../../server/store/organization-repository';
import { openDatabase, type Db } from '../../server/store/open-database';
import { frozenClock, makeTempDir } from '../helpers/temp-dir';

describe('NotificationService', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let orgs: OrganizationService;
  let notifications: NotificationService;
  const clock = frozenClock();

  const open = (retention?: number) => {
    orgs = new OrganizationService(new OrganizationRepository(db), clock);
    notifications = createNotifications({
      db,
      clock,
      orgs,
      theme: (orgId) => ({
        displayName: orgId ? orgs.get(orgId).name : 'Workspace',
        primaryColor: orgId ? '#c2410c' : '#4f46e5',
        fontFamily: 'Lato',
      }),
      ...(retention ? { retention } : {}),
    });
  };

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase({ file: join(dir.path, 'orgbench.db') });
    open();
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const smsSlot = { kind: 'mfa_code', channel: 'sms', locale: 'en' } as const;

  it('sends with the built-in template, the org theme and the caller variables, and stores it', () => {
    const acme = orgs.create({ name: 'Acme', slug: 'acme' });
    const message = notifications.send({
      orgId: acme.id,
      kind: 'password_reset',
      channel: 'email',
      to: ' Jane@Acme.test ',
      variables: {
        'user.name': 'Jane <Doe>',
        link: 'https://login.acme.localhost/reset/1?a=1&b=2',
        expires_in: '1 hour',
      },
    });
    expect(message).toMatchObject({
      orgId: acme.id,
      to: 'jane@acme.test',
      locale: 'en',
      subject: 'Reset your Acme password',
      relayStatus: 'not_configured',
      links: ['https://login.acme.localhost/reset/1?a=1&b=2'],
      createdAt: '2026-01-15T10:00:00.000Z',
    });
    expect(message.html).toContain('Jane &lt;Doe&gt;');
    expect(message.html).toContain('href="https://login.acme.localhost/reset/1?a=1&amp;b=2"');
    expect(message.html).toContain('#c2410c');
    expect(message.html).toContain('font-family: Lato');
    expect(message.text).toContain('Jane <Doe>');
    expect(message.text).toContain('jane@acme.test'); // user.email defaults to the recipient
    expect(notifications.outbox.get(message.id)).toEqual(message);
    expect(notifications.outbox.latest({ to: 'JANE@acme.test' })).toEqual(message);
  });

  it('leaves out the greeting name when the caller knows none', () => {
    const message = notifications.send({
      orgId: null,
      kind: 'mfa_code',
      channel: 'email',
      to: 'x@y.test',
      variables: { code: '1' },
    });
    expect(message.text).toMatch(/^Hello,\n/);
    expect(message.html).toContain('<p>Hello,</p>');
    const named = notifications.send({
      orgId: null,
      kind: 'new_device',
      channel: 'sms',
      to: '+1',
      variables: { 'org.name': '' },
    });
    expect(named.text).toMatch(/^Workspace: new sign-in/);
  });

  it('inherits templates from parent orgs, then the workspace, then the built-in text', () => {
    const acme = orgs.create({ name: 'Acme', slug: 'acme' });
    const europe = orgs.create({ name: 'Acme Europe', parentId: acme.id });
    expect(notifications.templates.get(europe.id, smsSlot).source).toBe('builtin');

    notifications.templates.save(null, smsSlot, { text: 'Workspace code {{code}}' });
    expect(notifications.templates.get(europe.id, smsSlot)).toMatchObject({ source: 'workspace', fromOrgId: null });

    notifications.templates.save(acme.id, smsSlot, { text: '{{org.name}} code {{code}}' });
    expect(notifications.templates.get(europe.id, smsSlot)).toMatchObject({ source: 'org', fromOrgId: acme.id });
    const sent = notifications.send({ orgId: europe.id, ...smsSlot, to: '+4915100000', variables: { code: '123456' } });
    expect(sent.text).toBe('Acme Europe code 123456');

    notifications.templates.reset(acme.id, smsSlot);
    expect(notifications.templates.get(europe.id, smsSlot).source).toBe('workspace');
    expect(notifications.templates.overrides(null)).toEqual([smsSlot]);
  });

  it('refuses a bad template with the field path and line, and changes nothing', () => {
    const acme = orgs.create({ name: 'Acme', slug: 'acme' });
    const slot = { kind: 'invitation', channel: 'email', locale: 'de' } as const;
    notifications.templates.save(acme.id, slot, {
      subject: 'Hallo {{user.name}}',
      html: '<p>{{link}}</p>',
      text: '{{link}}',
    });
    const before = notifications.templates.get(acme.id, slot);
    let error: unknown;
    try {
      notifications.templates.save(acme.id, slot, {
        subject: 'Hi {{user.name',
        html: '<p>ok</p>\n<p>{{coupon}}</p>',
        text: 'fine',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual([
      { path: 'email.subject', message: 'line 1: unclosed tag' },
      { path: 'email.html', message: expect.stringMatching(/^line 2: unknown variable "coupon"/) as string },
    ]);
    expect(() => notifications.templates.save(acme.id, slot, { subject: 'x', html: '' })).toThrow(
      /email.html: must not be empty/,
    );
    expect(notifications.templates.get(acme.id, slot)).toEqual(before);
  });

  it('picks the requested locale when the org enables it, else the org default', () => {
    const globex = orgs.create({ name: 'Globex', slug: 'globex' });
    expect(() =>
      notifications.templates.setLocales(globex.id, { enabledLocales: ['en'], defaultLocale: 'de' }),
    ).toThrow(/defaultLocale/);
    notifications.templates.setLocales(globex.id, { enabledLocales: ['de', 'en'], defaultLocale: 'de' });
    const send = (locale?: string) =>
      notifications.send({
        orgId: globex.id,
        kind: 'mfa_code',
        channel: 'sms',
        to: '+49151',
        ...(locale ? { locale } : {}),
        variables: { code: '1' },
      }).locale;
    expect([send(), send('en-US'), send('fr'), send('xx')]).toEqual(['de', 'en', 'de', 'de']);
    const sub = orgs.create({ name: 'Globex EMEA', parentId: globex.id });
    expect(notifications.templates.locales(sub.id)).toEqual({
      enabledLocales: ['de', 'en'],
      defaultLocale: 'de',
      inherited: true,
    });
  });

  it('refuses a bad send request', () => {
    expect(() =>
      notifications.send({ orgId: null, kind: 'fax' as 'mfa_code', channel: 'sms', to: 'x', variables: {} }),
    ).toThrow(ValidationError);
    expect(() => notifications.send({ orgId: null, ...smsSlot, to: '  ', variables: {} })).toThrow(
      /to: must not be empty/,
    );
    expect(() => notifications.send({ orgId: 'org_missing', ...smsSlot, to: '+1', variables: {} })).toThrow(
      expect.objectContaining({ code: 'org_not_found' }) as Error,
    );
    expect(notifications.outbox.list().messages).toEqual([]);
  });

  it('keeps only the newest messages past the retention bound, and pages newest first', () => {
    open(3);
    const ids = Array.from({ length: 5 }, (_, index) => {
      clock.advance(1000);
      return notifications.send({ orgId: null, ...smsSlot, to: `+${index}`, variables: { code: `${index}` } }).id;
    });
    const first = notifications.outbox.list({ limit: 2 });
    expect(first.messages.map((message) => message.id)).toEqual([ids[4], ids[3]]);
    const second = notifications.outbox.list({ limit: 2, cursor: first.nextCursor ?? 0 });
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.messages.map((message) => message.id)).toEqual([ids[2]]);
    expect(notifications.outbox.clear({ to: '+4' })).toBe(1);
    expect(notifications.outbox.list().messages).toHaveLength(2);
  });

  it('previews a draft exactly as send renders it, with example values', () => {
    const acme = orgs.create({ name: 'Acme', slug: 'acme' });
    const slot = { kind: 'mfa_code', channel: 'email', locale: 'fr' } as const;
    const preview = notifications.preview({ orgId: acme.id, slot });
    expect(preview.subject).toBe('Votre code de connexion Acme : 482913');
    expect(preview.html).toContain('482913');
    const draft = notifications.preview({ orgId: acme.id, slot: smsSlot, content: { text: '{{code}} ✓' } });
    expect(draft).toMatchObject({ text: '482913 ✓', sms: { characters: 8, segments: 1, encoding: 'UCS-2' } });
    expect(() => notifications.preview({ orgId: acme.id, slot: smsSlot, content: { text: '{{nope}}' } })).toThrow(
      /sms.text: line 1: unknown variable "nope"/,
    );
  });
});
