/** Built-in templates for every kind × channel in every supported locale (the last fallback). */
import type { NotificationChannel, NotificationKind, NotificationLocale, TemplateContent } from '../model/notification';
import { DE } from './defaults/de';
import { EN } from './defaults/en';
import { FR } from './defaults/fr';
import type { LocaleTemplates } from './defaults/types';

const BUILT_IN: Record<NotificationLocale, LocaleTemplates> = { en: EN, de: DE, fr: FR };

/** The built-in content of one template slot (a fresh copy). */
export function builtInTemplate(
  kind: NotificationKind,
  channel: NotificationChannel,
  locale: NotificationLocale,
): TemplateContent {
  return { ...BUILT_IN[locale][kind][channel] };
}
