/**
 * Notification templates and locale choices per scope: an organization, or the workspace
 * (`orgId` null). A template or locale choice not set on an org is inherited from its parent
 * orgs, then the workspace, then the built-in defaults. Saving checks every field (syntax,
 * known variables) and changes nothing when one is wrong.
 */
import { ValidationError, type FieldIssue } from '../errors';
import {
  emailContentSchema,
  localeSettingsSchema,
  NOTIFICATION_LOCALES,
  notificationChannelSchema,
  notificationKindSchema,
  notificationLocaleSchema,
  smsContentSchema,
  voiceContentSchema,
  type LocaleSettings,
  type NotificationChannel,
  type NotificationKind,
  type NotificationLocale,
  type NotificationTemplate,
  type TemplateContent,
} from '../model/notification';
import { formatPath, parseInput } from '../model/validation';
import type { OrganizationService } from '../organizations/organization-service';
import type { Clock } from '../runtime/clock';
import type { TemplateRepository } from '../store/template-repository';
import { variableNames } from './catalog';
import { builtInTemplate } from './default-templates';
import { checkTemplate } from './render-template';

const WORKSPACE_LOCALES_KEY = 'workspace_locales';
const BUILT_IN_LOCALES: LocaleSettings = { enabledLocales: [...NOTIFICATION_LOCALES], defaultLocale: 'en' };

/** One template slot, validated. */
export interface TemplateSlot {
  kind: NotificationKind;
  channel: NotificationChannel;
  locale: NotificationLocale;
}

/** An org's locale choice, and whether it is inherited (from a parent org or the workspace). */
export type LocaleSettingsView = LocaleSettings & { inherited: boolean };

export class TemplateService {
  readonly #repo: TemplateRepository;
  readonly #orgs: OrganizationService;
  readonly #clock: Clock;

  constructor(repo: TemplateRepository, orgs: OrganizationService, clock: Clock) {
    this.#repo = repo;
    this.#orgs = orgs;
    this.#clock = clock;
  }

  /** `workspace` → null; an org id or slug → the org's id (404 when unknown). */
  scopeId(scope: string): string | null {
    return scope === 'workspace' ? null : this.#orgs.get(scope).id;
  }

  /** Validates a slot given as strings (from a URL), naming the bad part. */
  slot(kind: unknown, channel: unknown, locale: unknown): TemplateSlot {
    const fields: FieldIssue[] = [];
    const k = notificationKindSchema.safeParse(kind);
    const c = notificationChannelSchema.safeParse(channel);
    const l = notificationLocaleSchema.safeParse(locale);
    if (!k.success)
      fields.push({ path: 'kind', message: `must be one of ${notificationKindSchema.options.join(', ')}` });
    if (!c.success) fields.push({ path: 'channel', message: 'must be email, sms or voice' });
    if (!l.success) fields.push({ path: 'locale', message: `must be one of ${NOTIFICATION_LOCALES.join(', ')}` });
    if (!k.success || !c.success || !l.success) throw new ValidationError(fields);
    return { kind: k.data, channel: c.data, locale: l.data };
  }

  locales(orgId: string | null): LocaleSettingsView {
    if (orgId !== null) {
      const own = this.#repo.localesOf(orgId);
      if (own) return { ...own, inherited: false };
    }
    for (const ancestor of this.#ancestors(orgId)) {
      const settings = this.#repo.localesOf(ancestor);
      if (settings) return { ...settings, inherited: true };
    }
    const workspace = this.#repo.setting<LocaleSettings>(WORKSPACE_LOCALES_KEY) ?? BUILT_IN_LOCALES;
    return { ...workspace, inherited: orgId !== null };
  }

  setLocales(orgId: string | null, input: unknown): LocaleSettingsView {
    const settings = parseInput(localeSettingsSchema, input);
    if (orgId === null) this.#repo.setSetting(WORKSPACE_LOCALES_KEY, settings);
    else this.#repo.setLocales(orgId, settings);
    return this.locales(orgId);
  }

  /** Makes an org inherit its locales again. */
  resetLocales(orgId: string): LocaleSettingsView {
    this.#repo.clearLocales(orgId);
    return this.locales(orgId);
  }

  /** The template `send` would use for a slot: the scope's own, else the nearest inherited one. */
  get(orgId: string | null, slot: TemplateSlot): NotificationTemplate {
    const chain: (string | null)[] = orgId === null ? [null] : [orgId, ...this.#ancestors(orgId), null];
    for (const scope of chain) {
      const record = this.#repo.find({ orgId: scope, ...slot });
      if (record) {
        return {
          ...slot,
          orgId,
          content: record.content,
          source: scope === null ? 'workspace' : 'org',
          fromOrgId: scope,
          updatedAt: record.updatedAt,
        };
      }
    }
    const content = builtInTemplate(slot.kind, slot.channel, slot.locale);
    return { ...slot, orgId, content, source: 'builtin', fromOrgId: null, updatedAt: null };
  }

  /** Which slots a scope overrides itself. */
  overrides(orgId: string | null): TemplateSlot[] {
    return this.#repo
      .ofScope(orgId)
      .map(({ kind, channel, locale }) => ({ kind, channel, locale: locale as NotificationLocale }));
  }

  /** Checks and stores a scope's own template for a slot. */
  save(orgId: string | null, slot: TemplateSlot, input: unknown): NotificationTemplate {
    const content = this.validate(slot, input);
    this.#repo.upsert({ orgId, ...slot, content, updatedAt: this.#clock.now().toISOString() });
    return this.get(orgId, slot);
  }

  /** Drops a scope's own template, so the slot inherits again. */
  reset(orgId: string | null, slot: TemplateSlot): NotificationTemplate {
    this.#repo.delete({ orgId, ...slot });
    return this.get(orgId, slot);
  }

  /** Parses content for a channel and checks every field's template; field paths read `email.html`. */
  validate(slot: TemplateSlot, input: unknown): TemplateContent {
    const schema =
      slot.channel === 'email' ? emailContentSchema : slot.channel === 'sms' ? smsContentSchema : voiceContentSchema;
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      throw new ValidationError(
        parsed.error.issues.map((issue) => ({
          path: [slot.channel, formatPath(issue.path)].filter(Boolean).join('.'),
          message: issue.message,
        })),
      );
    }
    const content: TemplateContent = parsed.data;
    const allowed = variableNames(slot.kind);
    const fields = Object.entries(content).flatMap(([field, source]) =>
      checkTemplate(String(source), { path: `${slot.channel}.${field}`, allowed, html: field === 'html' }),
    );
    if (fields.length) throw new ValidationError(fields);
    return content;
  }

  /** The org's parents, nearest first (stops on a cycle, which the org service forbids anyway). */
  #ancestors(orgId: string | null): string[] {
    const chain: string[] = [];
    let parent = orgId === null ? null : (this.#orgs.find(orgId)?.parentId ?? null);
    while (parent !== null && !chain.includes(parent)) {
      chain.push(parent);
      parent = this.#orgs.find(parent)?.parentId ?? null;
    }
    return chain;
  }
}
