/**
 * Notifications: per-organization templates (email, SMS, voice) for each kind of message,
 * the outbox where every rendered message lands, and the optional SMTP relay. Shared by
 * the server (validation) and the renderer (types), so this file imports nothing from Node.
 */
import { z } from 'zod';

export const NOTIFICATION_KINDS = [
  'invitation',
  'password_reset',
  'email_verification',
  'mfa_code',
  'new_device',
] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const NOTIFICATION_CHANNELS = ['email', 'sms', 'voice'] as const;
export const notificationChannelSchema = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

/** Locales with built-in default templates. */
export const NOTIFICATION_LOCALES = ['en', 'de', 'fr'] as const;
export const notificationLocaleSchema = z.enum(NOTIFICATION_LOCALES);
export type NotificationLocale = z.infer<typeof notificationLocaleSchema>;

export const LOCALE_LABELS: Record<NotificationLocale, string> = { en: 'English', de: 'Deutsch', fr: 'Français' };
export const KIND_LABELS: Record<NotificationKind, string> = {
  invitation: 'Invitation',
  password_reset: 'Password reset',
  email_verification: 'Email verification',
  mfa_code: 'MFA code',
  new_device: 'New-device alert',
};
export const CHANNEL_LABELS: Record<NotificationChannel, string> = { email: 'Email', sms: 'SMS', voice: 'Voice' };

/** The content of one template; which fields apply depends on the channel. */
export interface TemplateContent {
  /** Email only. */
  subject?: string;
  /** Email only: the HTML body (placed inside the org's themed frame). */
  html?: string;
  /** Email (plain-text part) and SMS. */
  text?: string;
  /** Voice only: the text-to-speech script. */
  script?: string;
}

const templateField = z.string().max(20_000, 'must be at most 20000 characters');

export const emailContentSchema = z.strictObject({
  subject: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  html: templateField.min(1, 'must not be empty'),
  text: templateField.min(1, 'must not be empty'),
});
export const smsContentSchema = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty').max(1600, 'must be at most 1600 characters'),
});
export const voiceContentSchema = z.strictObject({
  script: z.string().trim().min(1, 'must not be empty').max(5000, 'must be at most 5000 characters'),
});

/** A template as stored or built in. `orgId` null is the workspace-level default. */
export interface NotificationTemplate {
  orgId: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  locale: NotificationLocale;
  content: TemplateContent;
  /** Where it comes from: an org (this one or a parent), the workspace default, or the built-in text. */
  source: 'org' | 'workspace' | 'builtin';
  /** The org whose template this is, when `source` is `org` (differs from `orgId` when inherited). */
  fromOrgId: string | null;
  updatedAt: string | null;
}

/** An org's (or the workspace's) locale choice. */
export const localeSettingsSchema = z
  .strictObject({
    enabledLocales: z.array(notificationLocaleSchema).min(1, 'must enable at least one locale').max(10),
    defaultLocale: notificationLocaleSchema,
  })
  .superRefine((value, ctx) => {
    if (!value.enabledLocales.includes(value.defaultLocale)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLocale'], message: 'must be one of the enabled locales' });
    }
    if (new Set(value.enabledLocales).size !== value.enabledLocales.length) {
      ctx.addIssue({ code: 'custom', path: ['enabledLocales'], message: 'lists a locale twice' });
    }
  });
export type LocaleSettings = z.infer<typeof localeSettingsSchema>;

/** What the SMTP relay did with a message. */
export type RelayStatus = 'not_configured' | 'pending' | 'sent' | 'failed';

/** One rendered notification, as stored in the outbox. */
export interface OutboxMessage {
  id: string;
  orgId: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  to: string;
  locale: NotificationLocale;
  /** Email only. */
  subject: string | null;
  /** Email only: the complete themed HTML document. */
  html: string | null;
  /** Plain text: the email's text part, the SMS text or the voice script. */
  text: string;
  /** Every http(s) link found in the message, in order, without duplicates. */
  links: string[];
  createdAt: string;
  relayStatus: RelayStatus;
  /** Why the relay failed (no secrets), when it did. */
  relayError: string | null;
}

/** The input of `services.notifications.send(...)`. */
export interface SendNotificationInput {
  orgId: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  to: string;
  locale?: string;
  variables: Record<string, string>;
}

export const smtpTlsModeSchema = z.enum(['none', 'starttls', 'tls']);
export type SmtpTlsMode = z.infer<typeof smtpTlsModeSchema>;

/** The SMTP relay as the admin API shows it: the password is never returned. */
export interface SmtpSettingsView {
  enabled: boolean;
  host: string;
  port: number;
  tls: SmtpTlsMode;
  username: string;
  passwordSet: boolean;
  from: string;
}

export const smtpSettingsInputSchema = z.strictObject({
  enabled: z.boolean(),
  host: z.string().trim().max(253).default(''),
  port: z.number().int().min(1, 'must be a port number').max(65535, 'must be a port number'),
  tls: smtpTlsModeSchema,
  username: z.string().trim().max(300).default(''),
  /** Absent keeps the stored password; empty string clears it. */
  password: z.string().max(1000).optional(),
  from: z.string().trim().max(300).default(''),
});
export type SmtpSettingsInput = z.input<typeof smtpSettingsInputSchema>;

/** One documented template variable. */
export interface TemplateVariable {
  name: string;
  description: string;
  example: string;
}

/** A preview rendered by the server (the same renderer `send` uses). */
export interface TemplatePreview {
  subject: string | null;
  html: string | null;
  text: string;
  /** SMS only: characters and segments. */
  sms: { characters: number; segments: number; encoding: 'GSM-7' | 'UCS-2' } | null;
}
