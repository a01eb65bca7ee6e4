/**
 * Admin API calls for notifications: the catalog (kinds, channels, locales, variables),
 * templates and locale choices per scope (`workspace` or an org id), server-rendered
 * previews, the outbox and the SMTP relay.
 */
import type {
  LocaleSettings,
  NotificationChannel,
  NotificationKind,
  NotificationLocale,
  NotificationTemplate,
  OutboxMessage,
  SmtpSettingsInput,
  SmtpSettingsView,
  TemplateContent,
  TemplatePreview,
  TemplateVariable,
} from '../../../server/model/notification';
import type { ApiClient } from './client';

export interface NotificationCatalog {
  kinds: { kind: NotificationKind; label: string; channels: NotificationChannel[]; variables: TemplateVariable[] }[];
  channels: { channel: NotificationChannel; label: string }[];
  locales: { locale: NotificationLocale; label: string }[];
}

export interface TemplateSlot {
  kind: NotificationKind;
  channel: NotificationChannel;
  locale: NotificationLocale;
}

export type LocaleSettingsView = LocaleSettings & { inherited: boolean };

export interface OutboxFilter {
  org?: string;
  to?: string;
  channel?: NotificationChannel;
  limit?: number;
}

export interface OutboxPage {
  messages: OutboxMessage[];
  nextCursor: number | null;
}

/** `workspace` or an org id, as the scope of templates and locales. */
export type Scope = string;

const scopePath = (scope: Scope) => `/api/notifications/scopes/${encodeURIComponent(scope)}`;
const slotPath = (scope: Scope, slot: TemplateSlot) =>
  `${scopePath(scope)}/templates/${slot.kind}/${slot.channel}/${slot.locale}`;

export function getNotificationCatalog(client: ApiClient): Promise<NotificationCatalog> {
  return client.request('Loading the notification catalog', 'GET', '/api/notifications/catalog');
}

export function getLocales(client: ApiClient, scope: Scope): Promise<LocaleSettingsView> {
  return client.request('Loading locales', 'GET', `${scopePath(scope)}/locales`);
}

export function saveLocales(client: ApiClient, scope: Scope, settings: LocaleSettings): Promise<LocaleSettingsView> {
  return client.request('Saving locales', 'PUT', `${scopePath(scope)}/locales`, settings);
}

export function resetLocales(client: ApiClient, scope: Scope): Promise<LocaleSettingsView> {
  return client.request('Resetting locales', 'DELETE', `${scopePath(scope)}/locales`);
}

export async function listOverrides(client: ApiClient, scope: Scope): Promise<TemplateSlot[]> {
  const body = await client.request<{ overrides: TemplateSlot[] }>(
    'Loading templates',
    'GET',
    `${scopePath(scope)}/templates`,
  );
  return body.overrides;
}

export function getTemplate(client: ApiClient, scope: Scope, slot: TemplateSlot): Promise<NotificationTemplate> {
  return client.request('Loading the template', 'GET', slotPath(scope, slot));
}

export function saveTemplate(
  client: ApiClient,
  scope: Scope,
  slot: TemplateSlot,
  content: TemplateContent,
): Promise<NotificationTemplate> {
  return client.request('Saving the template', 'PUT', slotPath(scope, slot), content);
}

export function resetTemplate(client: ApiClient, scope: Scope, slot: TemplateSlot): Promise<NotificationTemplate> {
  return client.request('Resetting the template', 'DELETE', slotPath(scope, slot));
}

export function previewTemplate(
  client: ApiClient,
  scope: Scope,
  slot: TemplateSlot,
  content: TemplateContent,
): Promise<TemplatePreview> {
  return client.request('Rendering the preview', 'POST', `${scopePath(scope)}/preview`, { ...slot, content });
}

export function listOutbox(client: ApiClient, filter: OutboxFilter = {}): Promise<OutboxPage> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== '') query.set(key, String(value));
  const suffix = query.size ? `?${query.toString()}` : '';
  return client.request('Loading the outbox', 'GET', `/api/outbox${suffix}`);
}

export function clearOutbox(client: ApiClient, org?: string): Promise<{ deleted: number }> {
  const suffix = org ? `?${new URLSearchParams({ org }).toString()}` : '';
  return client.request('Clearing the outbox', 'DELETE', `/api/outbox${suffix}`);
}

export function getSmtpSettings(client: ApiClient): Promise<SmtpSettingsView> {
  return client.request('Loading the SMTP relay', 'GET', '/api/notifications/smtp');
}

export function saveSmtpSettings(client: ApiClient, input: SmtpSettingsInput): Promise<SmtpSettingsView> {
  return client.request('Saving the SMTP relay', 'PUT', '/api/notifications/smtp', input);
}

export function sendSmtpTest(client: ApiClient, to: string): Promise<{ sent: true }> {
  return client.request('Sending the test email', 'POST', '/api/notifications/smtp/test', { to });
}
