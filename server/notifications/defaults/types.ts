/** The built-in texts of one locale: every kind on every channel. */
import type { NotificationKind } from '../../model/notification';

export interface LocaleDefaults {
  email: { subject: string; html: string; text: string };
  sms: { text: string };
  voice: { script: string };
}

export type LocaleTemplates = Record<NotificationKind, LocaleDefaults>;
