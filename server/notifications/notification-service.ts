/**
 * Sends a notification the way Orgbench sends everything: render the org's template
 * (falling back to its parent orgs', the workspace's, then the built-in one) in the
 * requested or the org's default locale, theme the HTML email, store the result in the
 * outbox, and hand email to the SMTP relay when one is enabled. `send` is synchronous and
 * never fails because of the relay: the relay runs afterwards and records its outcome on
 * the stored message.
 */
import { z } from 'zod';
import {
  NOTIFICATION_LOCALES,
  notificationChannelSchema,
  notificationKindSchema,
  type NotificationLocale,
  type OutboxMessage,
  type SendNotificationInput,
  type TemplatePreview,
} from '../model/notification';
import { parseInput } from '../model/validation';
import type { Clock } from '../runtime/clock';
import { newId } from '../runtime/ids';
import { exampleVariables } from './catalog';
import type { EmailThemeResolver } from './email-frame';
import { extractLinks } from './extract-links';
import { normalizeRecipient, type OutboxService } from './outbox-service';
import { renderMessage } from './render-message';
import type { SmtpRelay } from './smtp-relay';
import type { TemplateService, TemplateSlot } from './template-service';

/** The product name used when the caller passes no `app.name`. */
export const DEFAULT_APP_NAME = 'Orgbench';

const sendSchema = z.strictObject({
  orgId: z.string().min(1).nullable(),
  kind: notificationKindSchema,
  channel: notificationChannelSchema,
  to: z.string().trim().min(1, 'must not be empty').max(320, 'must be at most 320 characters'),
  locale: z.string().trim().max(35).optional(),
  variables: z.record(z.string().max(100), z.string().max(4000)).default({}),
});

export interface NotificationServiceDeps {
  templates: TemplateService;
  outbox: OutboxService;
  smtp: SmtpRelay;
  theme: EmailThemeResolver;
  clock: Clock;
}

/** A preview request: a slot of a scope, optionally a draft content and some variable values. */
export interface PreviewInput {
  orgId: string | null;
  slot: TemplateSlot;
  content?: unknown;
  variables?: Record<string, string>;
}

export class NotificationService {
  readonly templates: TemplateService;
  readonly outbox: OutboxService;
  readonly smtp: SmtpRelay;
  readonly #theme: EmailThemeResolver;
  readonly #clock: Clock;
  readonly #relaying = new Map<string, Promise<OutboxMessage>>();

  constructor(deps: NotificationServiceDeps) {
    this.templates = deps.templates;
    this.outbox = deps.outbox;
    this.smtp = deps.smtp;
    this.#theme = deps.theme;
    this.#clock = deps.clock;
  }

  /** Renders, stores and (for email, when the relay is enabled) relays one notification; returns what was stored. */
  send(input: SendNotificationInput): OutboxMessage {
    const request = parseInput(sendSchema, input);
    // An org id or slug; an unknown one is a 404 (`org_not_found`), before anything is stored.
    const orgId = request.orgId === null ? null : this.templates.scopeId(request.orgId);
    const locale = this.#pickLocale(orgId, request.locale);
    const slot: TemplateSlot = { kind: request.kind, channel: request.channel, locale };
    const template = this.templates.get(orgId, slot);
    const theme = this.#theme(orgId);
    const variables = withDefaults(request.variables, {
      'org.name': theme.displayName,
      'app.name': DEFAULT_APP_NAME,
      ...(request.channel === 'email' ? { 'user.email': normalizeRecipient(request.to) } : {}),
    });
    const rendered = renderMessage({ channel: request.channel, locale, content: template.content, variables, theme });
    const relay = request.channel === 'email' && this.smtp.enabled;
    const message: OutboxMessage = {
      id: newId('msg'),
      orgId,
      kind: request.kind,
      channel: request.channel,
      to: normalizeRecipient(request.to),
      locale,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      links: extractLinks(rendered.html, rendered.text),
      createdAt: this.#clock.now().toISOString(),
      relayStatus: relay ? 'pending' : 'not_configured',
      relayError: null,
    };
    this.outbox.record(message);
    if (relay) this.#relay(message);
    return message;
  }

  /** The message once its relay attempt (if any) has finished. */
  async relayed(id: string): Promise<OutboxMessage> {
    return (await this.#relaying.get(id)) ?? this.outbox.get(id);
  }

  /** Renders a scope's template (or a draft of it) with example values, exactly as `send` would. */
  preview(input: PreviewInput): TemplatePreview {
    const content =
      input.content === undefined
        ? this.templates.get(input.orgId, input.slot).content
        : this.templates.validate(input.slot, input.content);
    const theme = this.#theme(input.orgId);
    const variables = {
      ...exampleVariables(input.slot.kind),
      'org.name': theme.displayName,
      ...input.variables,
    };
    return renderMessage({ channel: input.slot.channel, locale: input.slot.locale, content, variables, theme });
  }

  /** Sends a fixed test email through the relay, waiting for the answer. */
  async sendTestEmail(to: string): Promise<void> {
    const recipient = parseInput(z.strictObject({ to: z.email('must be an email address') }), { to }).to;
    await this.smtp.send({
      to: recipient,
      subject: 'Orgbench SMTP relay test',
      text: 'This test message shows that Orgbench can relay notifications through this SMTP server.',
      html: '<p>This test message shows that Orgbench can relay notifications through this SMTP server.</p>',
    });
  }

  #relay(message: OutboxMessage): void {
    const attempt = this.smtp
      .send({ to: message.to, subject: message.subject ?? '', html: message.html ?? '', text: message.text })
      .then(
        () => this.outbox.setRelayStatus(message.id, 'sent', null),
        (error: unknown) =>
          this.outbox.setRelayStatus(message.id, 'failed', error instanceof Error ? error.message : 'relay failed'),
      )
      .catch(() => message) // the message may have been cleared from the outbox meanwhile
      .finally(() => this.#relaying.delete(message.id));
    this.#relaying.set(message.id, attempt);
  }

  /** The requested locale (or its language, `de-CH` → `de`) when the org enables it, else the org's default. */
  #pickLocale(orgId: string | null, requested: string | undefined): NotificationLocale {
    const settings = this.templates.locales(orgId);
    const language = requested?.toLowerCase().split(/[-_]/)[0];
    const match = NOTIFICATION_LOCALES.find((locale) => locale === language);
    return match && settings.enabledLocales.includes(match) ? match : settings.defaultLocale;
  }
}

/** The caller's values, with `defaults` filling what the caller left out or left empty. */
function withDefaults(values: Record<string, string>, defaults: Record<string, string>): Record<string, string> {
  const merged = { ...defaults, ...values };
  for (const [name, value] of Object.entries(defaults)) if (!merged[name]) merged[name] = value;
  return merged;
}
