/**
 * Pure helpers of the template editor: which fields a channel has, the field paths the
 * server names in its errors (`email.html`), and inserting a variable at the cursor.
 * No React: tested on plain values.
 */
import type {
  LocaleSettings,
  NotificationChannel,
  NotificationLocale,
  TemplateContent,
} from '../../../../../server/model/notification';

export type TemplateField = 'subject' | 'html' | 'text' | 'script';

export interface FieldSpec {
  field: TemplateField;
  label: string;
  hint: string;
  rows: number;
}

const FIELDS: Record<NotificationChannel, FieldSpec[]> = {
  email: [
    { field: 'subject', label: 'Subject', hint: 'One line; values are inserted as plain text.', rows: 1 },
    {
      field: 'html',
      label: 'HTML body',
      hint: 'Placed inside the org’s themed frame. Values are HTML-escaped; a link with class="button" becomes a button.',
      rows: 9,
    },
    { field: 'text', label: 'Plain-text body', hint: 'For mail clients that do not show HTML.', rows: 7 },
  ],
  sms: [{ field: 'text', label: 'SMS text', hint: 'Keep it within one or two segments.', rows: 4 }],
  voice: [
    {
      field: 'script',
      label: 'Voice script',
      hint: 'Read aloud by text-to-speech: write numbers as they should be spoken.',
      rows: 5,
    },
  ],
};

export function fieldsOf(channel: NotificationChannel): FieldSpec[] {
  return FIELDS[channel];
}

/** The server's path for a field of a channel, e.g. `email.html`. */
export function fieldPath(channel: NotificationChannel, field: TemplateField): string {
  return `${channel}.${field}`;
}

/** Only the fields that belong to `channel`, each a string. */
export function contentFor(channel: NotificationChannel, content: TemplateContent): TemplateContent {
  return Object.fromEntries(FIELDS[channel].map(({ field }) => [field, content[field] ?? '']));
}

/** Error messages by field path; messages for paths no field shows are collected under ''. */
export function errorsByPath(
  channel: NotificationChannel,
  issues: readonly { path: string; message: string }[],
): Record<string, string[]> {
  const known = new Set(FIELDS[channel].map(({ field }) => fieldPath(channel, field)));
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = known.has(issue.path) ? issue.path : '';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** `value` with `{{name}}` put in place of the selection; returns the new caret position too. */
export function insertVariable(
  value: string,
  name: string,
  selection: { start: number; end: number } = { start: value.length, end: value.length },
): { value: string; caret: number } {
  const tag = `{{${name}}}`;
  const start = Math.max(0, Math.min(selection.start, value.length));
  const end = Math.max(start, Math.min(selection.end, value.length));
  return { value: value.slice(0, start) + tag + value.slice(end), caret: start + tag.length };
}

/** True when two contents have the same fields and values. */
export function sameContent(a: TemplateContent, b: TemplateContent): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as TemplateField[]);
  return [...keys].every((key) => (a[key] ?? '') === (b[key] ?? ''));
}

/** The locale to edit: the chosen one while the scope enables it, else the scope's default. */
export function effectiveLocale(choice: NotificationLocale | null, settings: LocaleSettings): NotificationLocale {
  return choice && settings.enabledLocales.includes(choice) ? choice : settings.defaultLocale;
}
