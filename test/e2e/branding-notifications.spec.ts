// Branding → Templates and Outbox on the demo workspace: choose an org's locales, edit a
// template with a live server preview (a wrong variable is shown beside its field), then
// watch messages land in the outbox, open an email and follow its link, filter, clear; set
// the SMTP relay to a real local SMTP server and see mail relayed.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import type { NotificationTemplate, OutboxMessage } from '../../server/model/notification';
import { adminGet, expect, scrollToTop, snap, test } from './fixtures';

test.use({ demo: true });

async function openTab(app: Page, tab: 'templates' | 'outbox'): Promise<void> {
  await app.getByTestId('nav-branding').click();
  await app.getByTestId(`branding-tab-${tab}`).click();
  await expect(app.getByTestId(`branding-panel-${tab}`)).toBeVisible();
}

/** Sends a notification through the admin API, as the login flows do through the service. */
async function adminSend(
  app: Page,
  server: { adminUrl: string; dataDir: string },
  body: unknown,
): Promise<OutboxMessage> {
  const token = readFileSync(join(server.dataDir, 'admin-token'), 'utf8').trim();
  const response = await app.request.post(`${server.adminUrl}/api/outbox`, {
    headers: { authorization: `Bearer ${token}` },
    data: body,
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as OutboxMessage;
}

test('templates: locales, a refused variable beside its field, insert, save, live preview', async ({ app, server }) => {
  await openTab(app, 'templates');
  // Globex EMEA: a sub-org, so its locales are inherited (from Globex or the workspace) until it saves its own.
  const { id: emeaId } = await adminGet<{ id: string }>(app, server, '/api/orgs/globex-emea');
  await app.getByTestId('ntf-scope').selectOption(emeaId);
  await expect(app.getByTestId('ntf-locales-inherited')).toBeVisible();

  // Its own locales (the demo's Globex has German and English): German and French, German by default.
  await app.getByTestId('ntf-locale-de').check();
  await app.getByTestId('ntf-locale-fr').check();
  await app.getByTestId('ntf-locale-en').uncheck();
  await app.getByTestId('ntf-default-locale').selectOption('de');
  await app.getByTestId('ntf-locales-save').click();
  await expect(app.getByTestId('ntf-locales-inherited')).toHaveCount(0);
  await expect(app.getByTestId('ntf-locale-tab-de')).toHaveAttribute('aria-pressed', 'true');
  await expect(app.getByTestId('ntf-locale-tab-en')).toHaveCount(0);

  await app.getByTestId('ntf-kind').selectOption('email_verification');
  await expect(app.getByTestId('ntf-source')).toHaveText('Built-in default');
  const frame = app.frameLocator('[data-testid="ntf-preview-frame"]');
  await expect(frame.getByRole('link', { name: 'Adresse bestätigen' })).toBeVisible();
  await expect(app.getByTestId('ntf-preview-subject')).toHaveText(
    'Subject Bestätigen Sie Ihre E-Mail-Adresse für Globex EMEA',
  );

  // A misspelt variable: refused by the server's check, shown beside the subject field.
  const subject = app.getByTestId('ntf-field-subject');
  await subject.fill('Globex EMEA: Willkommen {{user.nmae}}');
  await expect(app.getByTestId('ntf-error-subject')).toContainText('line 1: unknown variable "user.nmae"');
  await expect(app.getByTestId('ntf-preview-stale')).toBeVisible();
  await snap(app, 'notifications-template-error');

  // Fixed by inserting the documented variable at the cursor.
  await subject.fill('Globex EMEA: Willkommen ');
  await app.getByTestId('ntf-var-user.name').click();
  await expect(subject).toHaveValue('Globex EMEA: Willkommen {{user.name}}');
  await expect(app.getByTestId('ntf-error-subject')).toHaveCount(0);
  await expect(app.getByTestId('ntf-preview-subject')).toContainText('Globex EMEA: Willkommen Jane Doe');
  await app.getByTestId('ntf-save').click();
  await expect(app.getByTestId('ntf-source')).toHaveText('Customized');
  const saved = await adminGet<NotificationTemplate>(
    app,
    server,
    '/api/notifications/scopes/globex-emea/templates/email_verification/email/de',
  );
  expect(saved).toMatchObject({ source: 'org', content: { subject: 'Globex EMEA: Willkommen {{user.name}}' } });
  await expect(app.getByTestId('ntf-preview-subject')).toContainText('Globex EMEA: Willkommen Jane Doe');
  await scrollToTop(app.getByTestId('ntf-templates'));
  await snap(app, 'notifications-templates');

  // SMS: the text with its length in characters and segments.
  await app.getByTestId('ntf-kind').selectOption('new_device');
  await app.getByTestId('ntf-channel-sms').click();
  await expect(app.getByTestId('ntf-preview-text')).toHaveText(
    'Globex EMEA: Neue Anmeldung von Firefox on Windows (203.0.113.7) um 27 Nov 2026, 14:05 UTC. Nicht Sie? https://login.acme.localhost/activity',
  );
  await expect(app.getByTestId('ntf-preview-sms-length')).toContainText('1 segment · GSM-7');
  await scrollToTop(app.getByTestId('ntf-templates'));
  await snap(app, 'notifications-templates-sms');
  await app.getByTestId('theme-toggle').click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await snap(app, 'notifications-templates-dark');
  await app.getByTestId('theme-toggle').click();

  await app.setViewportSize({ width: 600, height: 800 });
  await app.getByTestId('ntf-channel-email').click();
  await expect(app.frameLocator('[data-testid="ntf-preview-frame"]').getByText('Firefox on Windows')).toBeVisible();
  await snap(app, 'notifications-templates-narrow');
});

test('outbox: empty state, live arrivals, an email with a followable link, filters, play, clear', async ({
  app,
  server,
}) => {
  await openTab(app, 'outbox');
  await expect(app.getByTestId('ntf-outbox-empty')).toContainText('Nothing sent yet');
  await snap(app, 'notifications-outbox-empty');

  const link = `${server.protocolUrl}/healthz`;
  const email = await adminSend(app, server, {
    org: 'acme',
    kind: 'password_reset',
    channel: 'email',
    to: 'jane@acme.test',
    variables: { 'user.name': 'Jane Okafor', link, expires_in: '1 hour' },
  });
  const sms = await adminSend(app, server, {
    org: 'globex',
    kind: 'new_device',
    channel: 'sms',
    to: '+4915112345678',
    locale: 'de',
    variables: {
      device: 'Safari auf iPhone',
      ip: '198.51.100.4',
      time: '14:05',
      link: 'https://login.globex.localhost/a',
    },
  });
  const voice = await adminSend(app, server, {
    org: 'initech',
    kind: 'password_reset',
    channel: 'voice',
    to: '+15550100',
    variables: { 'user.name': 'Carol', expires_in: '30 minutes' },
  });

  // The tab refreshes by itself: the three rows arrive, newest first.
  const rows = app.getByTestId('ntf-outbox-list').getByRole('button');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toHaveAttribute('data-testid', `ntf-outbox-row-${voice.id}`);

  await app.getByTestId(`ntf-outbox-row-${email.id}`).click();
  await expect(app.getByTestId('ntf-message-title')).toHaveText('Reset your Acme Corporation password');
  const frame = app.frameLocator('[data-testid="ntf-message-frame"]');
  await expect(frame.getByText('Hello Jane Okafor,')).toBeVisible();
  await snap(app, 'notifications-outbox');
  const [popup] = await Promise.all([
    app.waitForEvent('popup'),
    frame.getByRole('link', { name: 'Choose a new password' }).click(),
  ]);
  await popup.waitForLoadState();
  expect(popup.url()).toBe(link);
  await expect(popup.locator('body')).toContainText('"status":"ok"');
  await popup.close();
  await app.getByTestId('ntf-message-part-text').click();
  await expect(app.getByTestId('ntf-message-text')).toContainText(`Choose a new password: ${link}`);

  // Filters: channel, then recipient.
  await app.getByTestId('ntf-outbox-channel-sms').click();
  await expect(rows).toHaveCount(1);
  await expect(app.getByTestId('ntf-message-text')).toHaveText(
    'Globex: Neue Anmeldung von Safari auf iPhone (198.51.100.4) um 14:05. Nicht Sie? https://login.globex.localhost/a',
  );
  await app.getByTestId('ntf-outbox-channel-all').click();
  await app.getByTestId('ntf-outbox-to').fill('+15550100');
  await expect(rows).toHaveCount(1);
  await expect(app.getByTestId('ntf-message-text')).toContainText(
    'Hello Carol. This is Initech. A password reset was requested',
  );
  const canSpeak = await app.evaluate(() => 'speechSynthesis' in window);
  if (canSpeak) await expect(app.getByTestId('ntf-message-play')).toBeEnabled();
  else await expect(app.getByTestId('ntf-message-play-reason')).toContainText('cannot speak');
  await snap(app, 'notifications-outbox-voice');
  await app.getByTestId('theme-toggle').click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await snap(app, 'notifications-outbox-dark');
  await app.getByTestId('theme-toggle').click();
  await app.getByTestId('ntf-outbox-to').fill('');
  await expect(rows).toHaveCount(3);

  await app.setViewportSize({ width: 600, height: 800 });
  await app.getByTestId(`ntf-outbox-row-${sms.id}`).click();
  await expect(app.getByTestId('ntf-message-to')).toHaveText('+4915112345678');
  await snap(app, 'notifications-outbox-narrow');
  await scrollToTop(app.getByTestId('ntf-message'));
  await snap(app, 'notifications-outbox-narrow-message');
  await app.setViewportSize({ width: 1280, height: 800 });

  await app.getByTestId('ntf-outbox-clear').click();
  await app.getByTestId('ntf-outbox-clear-dialog-confirm').click();
  await expect(app.getByTestId('ntf-outbox-empty')).toBeVisible();
  const after = await adminGet<{ messages: unknown[] }>(app, server, '/api/outbox');
  expect(after.messages).toEqual([]);
});

test('smtp relay: errors beside the fields, a stored password never shown, test email and relayed mail', async ({
  app,
  server,
}) => {
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        received.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
        callback();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  const { port } = smtp.server.address() as AddressInfo;
  try {
    await openTab(app, 'outbox');
    await app.getByTestId('ntf-smtp').locator('summary').click();
    await app.getByTestId('ntf-smtp-enabled').check();
    await app.getByTestId('ntf-smtp-from').fill('nobody');
    await app.getByTestId('ntf-smtp-save').click();
    await expect(app.getByTestId('ntf-smtp-error-host')).toHaveText('must be set to enable the relay');
    await expect(app.getByTestId('ntf-smtp-error-from')).toContainText('must be an email address');
    await scrollToTop(app.getByTestId('ntf-smtp'));
    await snap(app, 'notifications-smtp-errors');

    await app.getByTestId('ntf-smtp-host').fill('127.0.0.1');
    await app.getByTestId('ntf-smtp-port').fill(String(port));
    await app.getByTestId('ntf-smtp-tls').selectOption('none');
    await app.getByTestId('ntf-smtp-from').fill('no-reply@orgbench.test');
    await app.getByTestId('ntf-smtp-username').fill('relay');
    await app.getByTestId('ntf-smtp-password').fill('e2e-relay-secret');
    await app.getByTestId('ntf-smtp-save').click();
    await expect(app.getByTestId('ntf-smtp-state')).toHaveText(`on · 127.0.0.1:${port}`);
    await expect(app.getByTestId('ntf-smtp-password')).toHaveValue('');
    await expect(app.getByTestId('ntf-smtp-password')).toHaveAttribute('placeholder', /stored/);
    const view = await adminGet<Record<string, unknown>>(app, server, '/api/notifications/smtp');
    expect(view).toMatchObject({ passwordSet: true, username: 'relay' });
    expect(JSON.stringify(view)).not.toContain('e2e-relay-secret');

    // This server refuses every login: with a username set, the test send fails and says why.
    await app.getByTestId('ntf-smtp-test-to').fill('ops@orgbench.test');
    await app.getByTestId('ntf-smtp-test').click();
    await expect(app.getByTestId('toast').filter({ hasText: 'SMTP relay failed' })).toBeVisible();
    await app.getByTestId('ntf-smtp-username').fill('');
    await app.getByTestId('ntf-smtp-save').click();
    await app.getByTestId('ntf-smtp-test').click();
    await expect(
      app.getByTestId('toast').filter({ hasText: 'The SMTP server accepted a test email to ops@orgbench.test.' }),
    ).toBeVisible();
    expect(received).toEqual(['ops@orgbench.test']);

    const message = await adminSend(app, server, {
      org: 'acme',
      kind: 'email_verification',
      channel: 'email',
      to: 'sam@acme.test',
      variables: { link: `${server.protocolUrl}/healthz` },
    });
    await app.getByTestId(`ntf-outbox-row-${message.id}`).click();
    await expect(app.getByTestId('ntf-message-relay')).toHaveText('relayed');
    expect(received).toEqual(['ops@orgbench.test', 'sam@acme.test']);
    await snap(app, 'notifications-outbox-relayed');
  } finally {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
});
