/**
 * The single source of truth for notification kinds, the channels each is sent on and the
 * variables each template may use (with a description and an example). Save-time checks,
 * previews, the UI's variable list and the tests all read this table.
 */
import type { NotificationChannel, NotificationKind, TemplateVariable } from '../model/notification';

const COMMON: TemplateVariable[] = [
  { name: 'org.name', description: 'The organization’s display name', example: 'Acme Corporation' },
  { name: 'user.name', description: 'The recipient’s full name', example: 'Jane Doe' },
  { name: 'user.email', description: 'The recipient’s email address', example: 'jane@acme.com' },
  { name: 'app.name', description: 'The product the user signs in to', example: 'Orgbench Sample App' },
];

const LINK_EXPIRY = { name: 'expires_in', description: 'How long the link stays valid', example: '24 hours' };

/** Variables each kind adds to the common ones, in display order. */
const BY_KIND: Record<NotificationKind, TemplateVariable[]> = {
  invitation: [
    { name: 'inviter.name', description: 'Who sent the invitation', example: 'Sam Admin' },
    {
      name: 'link',
      description: 'Link that accepts the invitation',
      example: 'https://login.acme.localhost/invite/abc123',
    },
    { ...LINK_EXPIRY, example: '7 days' },
  ],
  password_reset: [
    {
      name: 'link',
      description: 'Link to choose a new password',
      example: 'https://login.acme.localhost/reset/abc123',
    },
    { ...LINK_EXPIRY, example: '1 hour' },
  ],
  email_verification: [
    {
      name: 'link',
      description: 'Link that confirms the address',
      example: 'https://login.acme.localhost/verify/abc123',
    },
  ],
  mfa_code: [
    { name: 'code', description: 'The one-time code', example: '482913' },
    { name: 'expires_in', description: 'How long the code stays valid', example: '10 minutes' },
  ],
  new_device: [
    { name: 'device', description: 'Browser and operating system of the new sign-in', example: 'Firefox on Windows' },
    { name: 'ip', description: 'IP address of the new sign-in', example: '203.0.113.7' },
    { name: 'time', description: 'When the sign-in happened', example: '27 Nov 2026, 14:05 UTC' },
    { name: 'link', description: 'Link to review account activity', example: 'https://login.acme.localhost/activity' },
  ],
};

/** Channels every kind can be sent on (all three today; kept per kind so one can be dropped). */
export const CHANNELS_BY_KIND: Record<NotificationKind, readonly NotificationChannel[]> = {
  invitation: ['email', 'sms', 'voice'],
  password_reset: ['email', 'sms', 'voice'],
  email_verification: ['email', 'sms', 'voice'],
  mfa_code: ['email', 'sms', 'voice'],
  new_device: ['email', 'sms', 'voice'],
};

/** The documented variables of one kind (common ones first). */
export function variablesFor(kind: NotificationKind): TemplateVariable[] {
  return [...COMMON, ...BY_KIND[kind]];
}

/** The names a template of `kind` may use. */
export function variableNames(kind: NotificationKind): Set<string> {
  return new Set(variablesFor(kind).map((variable) => variable.name));
}

/** Example values for every variable of `kind`, used by previews and tests. */
export function exampleVariables(kind: NotificationKind): Record<string, string> {
  return Object.fromEntries(variablesFor(kind).map((variable) => [variable.name, variable.example]));
}
