/** SQL for notification templates, per-org locale choices and notification settings (key → JSON). */
import type { LocaleSettings, NotificationChannel, NotificationKind, TemplateContent } from '../model/notification';
import { statement, type Db } from './open-database';

interface TemplateRow {
  org_id: string | null;
  kind: string;
  channel: string;
  locale: string;
  content: string;
  updated_at: string;
}

/** A stored template override; `orgId` null is the workspace-level default. */
export interface TemplateRecord {
  orgId: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  locale: string;
  content: TemplateContent;
  updatedAt: string;
}

/** Identifies one template slot. */
export interface TemplateKey {
  orgId: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  locale: string;
}

const SCOPE = "ifnull(org_id, '') = ifnull(@orgId, '')";

export class TemplateRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  find(key: TemplateKey): TemplateRecord | undefined {
    const row = statement<[TemplateKey], TemplateRow>(
      this.#db,
      `SELECT * FROM notification_templates
         WHERE ${SCOPE} AND kind = @kind AND channel = @channel AND locale = @locale`,
    ).get(key);
    return row ? toRecord(row) : undefined;
  }

  /** Every override of one scope (an org, or the workspace when `orgId` is null). */
  ofScope(orgId: string | null): TemplateRecord[] {
    return statement<[{ orgId: string | null }], TemplateRow>(
      this.#db,
      `SELECT * FROM notification_templates WHERE ${SCOPE} ORDER BY kind, channel, locale`,
    )
      .all({ orgId })
      .map(toRecord);
  }

  upsert(record: TemplateRecord): void {
    statement(
      this.#db,
      `INSERT INTO notification_templates (org_id, kind, channel, locale, content, updated_at)
         VALUES (@orgId, @kind, @channel, @locale, @content, @updatedAt)
         ON CONFLICT (ifnull(org_id, ''), kind, channel, locale)
         DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at`,
    ).run({ ...record, content: JSON.stringify(record.content) });
  }

  /** Removes one override; returns whether there was one. */
  delete(key: TemplateKey): boolean {
    return (
      statement(
        this.#db,
        `DELETE FROM notification_templates
           WHERE ${SCOPE} AND kind = @kind AND channel = @channel AND locale = @locale`,
      ).run(key).changes > 0
    );
  }

  localesOf(orgId: string): LocaleSettings | undefined {
    const row = statement<[string], { enabled_locales: string; default_locale: string }>(
      this.#db,
      'SELECT enabled_locales, default_locale FROM notification_locales WHERE org_id = ?',
    ).get(orgId);
    if (!row) return undefined;
    return {
      enabledLocales: JSON.parse(row.enabled_locales) as LocaleSettings['enabledLocales'],
      defaultLocale: row.default_locale as LocaleSettings['defaultLocale'],
    };
  }

  setLocales(orgId: string, settings: LocaleSettings): void {
    statement(
      this.#db,
      `INSERT INTO notification_locales (org_id, enabled_locales, default_locale) VALUES (?, ?, ?)
         ON CONFLICT (org_id) DO UPDATE SET enabled_locales = excluded.enabled_locales,
           default_locale = excluded.default_locale`,
    ).run(orgId, JSON.stringify(settings.enabledLocales), settings.defaultLocale);
  }

  clearLocales(orgId: string): void {
    statement(this.#db, 'DELETE FROM notification_locales WHERE org_id = ?').run(orgId);
  }

  /** A workspace-wide setting (workspace locales, the SMTP relay), stored as JSON. */
  setting<T>(key: string): T | undefined {
    const row = statement<[string], { value: string }>(
      this.#db,
      'SELECT value FROM notification_settings WHERE key = ?',
    ).get(key);
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  setSetting(key: string, value: unknown): void {
    statement(
      this.#db,
      `INSERT INTO notification_settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(key, JSON.stringify(value));
  }
}

function toRecord(row: TemplateRow): TemplateRecord {
  return {
    orgId: row.org_id,
    kind: row.kind as NotificationKind,
    channel: row.channel as NotificationChannel,
    locale: row.locale,
    content: JSON.parse(row.content) as TemplateContent,
    updatedAt: row.updated_at,
  };
}
