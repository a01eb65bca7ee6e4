/**
 * Renders one template's content into a message: subject and text as plain text, the HTML
 * body escaped and wrapped in the org's themed frame. Previews and `send` both use this.
 */
import type { NotificationChannel, TemplateContent, TemplatePreview } from '../model/notification';
import { frameEmail, type EmailTheme } from './email-frame';
import { renderTemplate } from './render-template';
import { smsLength } from './sms-segments';

export interface RenderInput {
  channel: NotificationChannel;
  locale: string;
  content: TemplateContent;
  variables: Record<string, string>;
  theme: EmailTheme;
}

/** The rendered subject, HTML document and text (SMS: with its length and segments). */
export function renderMessage(input: RenderInput): TemplatePreview {
  const { content, variables } = input;
  if (input.channel === 'email') {
    const subject = singleLine(renderTemplate(content.subject ?? '', variables, false));
    const body = renderTemplate(content.html ?? '', variables, true);
    return {
      subject,
      html: frameEmail({ body, subject, locale: input.locale, theme: input.theme }),
      text: renderTemplate(content.text ?? '', variables, false),
      sms: null,
    };
  }
  if (input.channel === 'sms') {
    const text = renderTemplate(content.text ?? '', variables, false).trim();
    return { subject: null, html: null, text, sms: smsLength(text) };
  }
  return { subject: null, html: null, text: renderTemplate(content.script ?? '', variables, false).trim(), sms: null };
}

/** A subject is one line: a value with a line break must not start new mail headers. */
function singleLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
