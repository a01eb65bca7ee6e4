// Notification templates, the outbox and the SMTP relay through the admin API of a real
// server (real SQLite file, real HTTP), with a real SMTP server on a loopback port.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxMessage } from '../../server/model/notification';
import type { Organization } from '../../server/model/organization';
import { serverPerTest } from '../helpers/server';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP server that requires a login and keeps what it receives. */
async function startSmtp(credentials = { user: 'relay', pass: 's3cret-relay-pass' }) {
  const received: Received[] = [];
  const arrivals: ((mail: Received) => void)[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        received.push(mail);
        arrivals.splice(0).forEach((resolve) => resolve(mail));
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    next: () => new Promise<Received>((resolve) => arrivals.push(resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('notifications API', () => {
  const ctx = serverPerTest();
  const smtpServers: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(smtpServers.splice(0).map((smtp) => smtp.close()));
  });

  const api = (method: string, path: string, body?: unknown) => ctx.server.api(method, path, body);
  const createOrg = async (body: unknown) => (await api('POST', '/api/orgs', body)).body as Organization;
  const send = async (body: unknown) => {
    const response = await api('POST', '/api/outbox', body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as OutboxMessage;
  };

  it('lists the catalog with documented variables for every kind', async () => {
    const { body } = await api('GET', '/api/notifications/catalog');
    const catalog = body as { kinds: { kind: string; variables: { name: string }[] }[]; locales: { locale: string }[] };
    expect(catalog.kinds.map((kind) => kind.kind)).toEqual([
      'invitation',
      'password_reset',
      'email_verification',
      'mfa_code',
      'new_device',
    ]);
    expect(catalog.kinds[0]?.variables.map((v) => v.name)).toContain('inviter.name');
    expect(catalog.locales.map((l) => l.locale)).toEqual(['en', 'de', 'fr']);
  });

  it('saves an org template, refuses bad ones with field paths and changes nothing', async () => {
    await createOrg({ name: 'Acme Corporation', slug: 'acme' });
    const path = '/api/notifications/scopes/acme/templates/password_reset/email/en';
    expect((await api('GET', path)).body).toMatchObject({ source: 'builtin' });

    const good = { subject: 'Acme reset', html: '<p><a href="{{link}}">Reset</a></p>', text: 'Reset: {{link}}' };
    expect((await api('PUT', path, good)).body).toMatchObject({ source: 'org', content: good });

    const bad = await api('PUT', path, { subject: 'x', html: '<p>\n{{coupon}}</p>', text: '{{#link}}' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: {
        code: 'validation_failed',
        fields: [
          { path: 'email.html', message: expect.stringMatching(/^line 2: unknown variable "coupon"/) as string },
          { path: 'email.text', message: 'line 1: unclosed section "link"' },
        ],
      },
    });
    expect((await api('PUT', '/api/notifications/scopes/acme/templates/nope/fax/xx', good)).body).toMatchObject({
      error: { fields: [{ path: 'kind' }, { path: 'channel' }, { path: 'locale' }] },
    });
    expect((await api('GET', path)).body).toMatchObject({ content: good });
    expect((await api('GET', '/api/notifications/scopes/acme/templates')).body).toEqual({
      overrides: [{ kind: 'password_reset', channel: 'email', locale: 'en' }],
    });
    expect((await api('DELETE', path)).body).toMatchObject({ source: 'builtin' });
    expect((await api('GET', '/api/notifications/scopes/nobody/locales')).status).toBe(404);
  });

  it('previews a draft on the server, with the error beside the field', async () => {
    await createOrg({ name: 'Globex', slug: 'globex' });
    const ok = await api('POST', '/api/notifications/scopes/globex/preview', {
      kind: 'mfa_code',
      channel: 'sms',
      locale: 'de',
      content: { text: '{{org.name}}: {{code}}' },
    });
    expect(ok.body).toEqual({
      subject: null,
      html: null,
      text: 'Globex: 482913',
      sms: { characters: 14, segments: 1, encoding: 'GSM-7' },
    });
    const bad = await api('POST', '/api/notifications/scopes/globex/preview', {
      kind: 'mfa_code',
      channel: 'voice',
      locale: 'de',
      content: { script: '{{code}} {{device}}' },
    });
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'voice.script' }] } } });
  });

  it('stores what send renders, returns the latest to a recipient and its link can be followed', async () => {
    const globex = await createOrg({ name: 'Globex', slug: 'globex' });
    const put = await api('PUT', '/api/notifications/scopes/globex/locales', {
      enabledLocales: ['de', 'en'],
      defaultLocale: 'de',
    });
    expect(put.body).toEqual({ enabledLocales: ['de', 'en'], defaultLocale: 'de', inherited: false });

    const link = `${ctx.server.protocolUrl}/healthz`;
    const first = await send({
      org: 'globex',
      kind: 'email_verification',
      channel: 'email',
      to: 'bob@globex.test',
      variables: { 'user.name': 'Bob <b>', link },
    });
    expect(first).toMatchObject({ orgId: globex.id, locale: 'de', links: [link] });
    expect(first.subject).toBe('Bestätigen Sie Ihre E-Mail-Adresse für Globex');
    expect(first.html).toContain('Bob &lt;b&gt;');
    const second = await send({
      org: globex.id,
      kind: 'mfa_code',
      channel: 'sms',
      to: 'bob@globex.test',
      locale: 'en',
      variables: { code: '777' },
    });
    await send({ org: null, kind: 'mfa_code', channel: 'voice', to: '+15550100', variables: { code: '1' } });

    expect((await api('GET', `/api/outbox/${first.id}`)).body).toEqual(first);
    const latest = (await api('GET', '/api/outbox/latest?to=BOB@globex.test')).body as OutboxMessage;
    expect(latest).toEqual(second);
    const latestEmail = (await api('GET', '/api/outbox/latest?to=bob@globex.test&channel=email')).body as OutboxMessage;
    expect(latestEmail.id).toBe(first.id);
    const followed = await fetch(latestEmail.links[0] ?? '');
    expect(followed.status).toBe(200);

    const listed = (await api('GET', '/api/outbox?org=globex&limit=1')).body as {
      messages: OutboxMessage[];
      nextCursor: number;
    };
    expect(listed.messages.map((m) => m.id)).toEqual([second.id]);
    const older = (await api('GET', `/api/outbox?org=globex&limit=1&cursor=${listed.nextCursor}`)).body as {
      messages: OutboxMessage[];
      nextCursor: number | null;
    };
    expect(older).toEqual({ messages: [first], nextCursor: null });
    expect((await api('GET', '/api/outbox?channel=fax')).status).toBe(400);
    expect((await api('GET', '/api/outbox/latest?to=nobody@x.test')).status).toBe(404);

    expect((await api('DELETE', '/api/outbox?org=globex')).body).toEqual({ deleted: 2 });
    expect(((await api('GET', '/api/outbox')).body as { messages: unknown[] }).messages).toHaveLength(1);
  });

  it('relays email to a real SMTP server, never returns the password, and records failures', async () => {
    const smtp = await startSmtp();
    smtpServers.push(smtp);
    await createOrg({ name: 'Initech', slug: 'initech' });
    const settings = {
      enabled: true,
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      username: 'relay',
      password: 's3cret-relay-pass',
      from: 'no-reply@orgbench.test',
    };
    const saved = await api('PUT', '/api/notifications/smtp', settings);
    expect(saved.body).toEqual({ ...settings, password: undefined, passwordSet: true });
    expect(JSON.stringify((await api('GET', '/api/notifications/smtp')).body)).not.toContain('s3cret');

    const arrival = smtp.next();
    const message = await send({
      org: 'initech',
      kind: 'mfa_code',
      channel: 'email',
      to: 'carol@initech.test',
      variables: { code: '246810' },
    });
    expect(message.relayStatus).toBe('pending');
    const mail = await arrival;
    expect(mail).toMatchObject({ from: 'no-reply@orgbench.test', to: ['carol@initech.test'] });
    expect(mail.raw).toContain('Subject: Your Initech sign-in code: 246810');
    await vi.waitFor(async () => {
      expect((await api('GET', `/api/outbox/${message.id}`)).body).toMatchObject({
        relayStatus: 'sent',
        relayError: null,
      });
    });

    const test = smtp.next();
    expect((await api('POST', '/api/notifications/smtp/test', { to: 'ops@orgbench.test' })).body).toEqual({
      sent: true,
    });
    expect((await test).to).toEqual(['ops@orgbench.test']);

    // A wrong password: the message is stored anyway and the failure recorded, without the secret.
    await api('PUT', '/api/notifications/smtp', { ...settings, password: 'wrong-password-xyz' });
    const failing = await send({
      org: 'initech',
      kind: 'mfa_code',
      channel: 'email',
      to: 'carol@initech.test',
      variables: { code: '1' },
    });
    await vi.waitFor(async () => {
      const stored = (await api('GET', `/api/outbox/${failing.id}`)).body as OutboxMessage;
      expect(stored.relayStatus).toBe('failed');
      expect(stored.relayError).toMatch(/SMTP relay failed/);
      expect(stored.relayError).not.toContain('wrong-password-xyz');
    });
    const failedTest = await api('POST', '/api/notifications/smtp/test', { to: 'ops@orgbench.test' });
    expect(failedTest).toMatchObject({ status: 502, body: { error: { code: 'smtp_send_failed' } } });

    const invalid = await api('PUT', '/api/notifications/smtp', { ...settings, host: '', from: 'nobody' });
    expect(invalid).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'host' }, { path: 'from' }] } } });
    expect((await api('GET', '/api/notifications/smtp')).body).toMatchObject({ host: '127.0.0.1', passwordSet: true });
    expect(smtp.received).toHaveLength(2);
  });
});
