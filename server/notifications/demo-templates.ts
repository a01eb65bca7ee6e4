/**
 * The demo customers' own notification templates and locales (`orgbench serve --demo`):
 * acme writes in English (French enabled), globex in German first, initech in English only
 * with its own voice script. A slot or locale choice the org already has is left alone, so
 * seeding again changes nothing and keeps the user's edits.
 */
import type { LocaleSettings, TemplateContent } from '../model/notification';
import type { OrganizationService } from '../organizations/organization-service';
import type { NotificationService } from './notification-service';
import type { TemplateSlot } from './template-service';

interface DemoNotifications {
  org: string;
  locales: LocaleSettings;
  templates: (TemplateSlot & { content: TemplateContent })[];
}

export const DEMO_NOTIFICATIONS: readonly DemoNotifications[] = [
  {
    org: 'acme',
    locales: { enabledLocales: ['en', 'fr'], defaultLocale: 'en' },
    templates: [
      {
        kind: 'invitation',
        channel: 'email',
        locale: 'en',
        content: {
          subject: 'Welcome aboard, {{user.name}}: join Acme on {{app.name}}',
          html: `<p>Hi {{user.name}},</p>
<p>{{inviter.name}} added you to the <strong>{{org.name}}</strong> workspace. Everything Acme builds starts here.</p>
<p><a class="button" href="{{link}}">Join Acme</a></p>
<p>This link works for {{expires_in}}. Questions? Reply to this email and the Acme IT desk will help.</p>`,
          text: `Hi {{user.name}},

{{inviter.name}} added you to the {{org.name}} workspace. Everything Acme builds starts here.

Join Acme: {{link}}

This link works for {{expires_in}}. Questions? Reply to this email and the Acme IT desk will help.`,
        },
      },
      {
        kind: 'mfa_code',
        channel: 'sms',
        locale: 'en',
        content: { text: 'Acme: {{code}} is your sign-in code ({{expires_in}}). Acme staff will never ask for it.' },
      },
    ],
  },
  {
    org: 'globex',
    locales: { enabledLocales: ['de', 'en'], defaultLocale: 'de' },
    templates: [
      {
        kind: 'password_reset',
        channel: 'email',
        locale: 'de',
        content: {
          subject: 'Globex: Neues Passwort für {{user.name}}',
          html: `<p>Guten Tag {{user.name}},</p>
<p>Sie haben ein neues Passwort für Ihr Globex-Konto angefordert.</p>
<p><a class="button" href="{{link}}">Passwort jetzt festlegen</a></p>
<p>Der Link ist {{expires_in}} gültig. Nicht angefordert? Dann wenden Sie sich bitte an den Globex-Service-Desk.</p>`,
          text: `Guten Tag {{user.name}},

Sie haben ein neues Passwort für Ihr Globex-Konto angefordert.

Passwort jetzt festlegen: {{link}}

Der Link ist {{expires_in}} gültig. Nicht angefordert? Dann wenden Sie sich bitte an den Globex-Service-Desk.`,
        },
      },
      {
        kind: 'mfa_code',
        channel: 'sms',
        locale: 'de',
        content: { text: 'Globex-Code: {{code}} (gültig {{expires_in}}). Niemals weitergeben.' },
      },
    ],
  },
  {
    org: 'initech',
    locales: { enabledLocales: ['en'], defaultLocale: 'en' },
    templates: [
      {
        kind: 'new_device',
        channel: 'email',
        locale: 'en',
        content: {
          subject: 'Initech security notice: new sign-in from {{device}}',
          html: `<p>{{user.name}},</p>
<p>Initech Security noticed a sign-in to {{app.name}} from a device we have not seen before.</p>
<p><strong>{{device}}</strong> · {{ip}} · {{time}}</p>
<p>Not you? <a class="button" href="{{link}}">Secure my account</a></p>`,
          text: `{{user.name}},

Initech Security noticed a sign-in to {{app.name}} from a device we have not seen before.

{{device}} · {{ip}} · {{time}}

Not you? Secure your account: {{link}}`,
        },
      },
      {
        kind: 'mfa_code',
        channel: 'voice',
        locale: 'en',
        content: {
          script:
            'This is the Initech security line. Your verification code is {{code}}. Once more: {{code}}. Have a great day, {{user.name}}.',
        },
      },
    ],
  },
];

/** Gives acme, globex and initech their locales and templates where they have none yet. */
export function applyDemoNotifications(services: {
  orgs: OrganizationService;
  notifications: NotificationService;
}): void {
  const { templates } = services.notifications;
  for (const demo of DEMO_NOTIFICATIONS) {
    const org = services.orgs.find(demo.org);
    if (!org) continue;
    if (templates.locales(org.id).inherited) templates.setLocales(org.id, demo.locales);
    const existing = templates.overrides(org.id);
    for (const { content, ...slot } of demo.templates) {
      const taken = existing.some(
        (other) => other.kind === slot.kind && other.channel === slot.channel && other.locale === slot.locale,
      );
      if (!taken) templates.save(org.id, slot, content);
    }
  }
}
