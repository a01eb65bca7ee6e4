import type { Migration } from '../migrate';

/**
 * Notification templates per organization (org_id NULL: the workspace-level default) for
 * each kind × channel × locale, locale choices and the SMTP relay settings (key → JSON),
 * and the outbox where every rendered message lands (seq orders it and pages it).
 */
export const m006Notifications: Migration = {
  version: 6,
  name: 'notification templates and the outbox',
  sql: `
CREATE TABLE notification_templates (
  org_id TEXT REFERENCES organizations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'voice')),
  locale TEXT NOT NULL,
  content TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX notification_templates_key
  ON notification_templates(ifnull(org_id, ''), kind, channel, locale);

CREATE TABLE notification_locales (
  org_id TEXT PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  enabled_locales TEXT NOT NULL,
  default_locale TEXT NOT NULL
) STRICT;

CREATE TABLE notification_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT REFERENCES organizations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'voice')),
  recipient TEXT NOT NULL,
  locale TEXT NOT NULL,
  subject TEXT,
  html TEXT,
  text TEXT NOT NULL,
  links TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  relay_status TEXT NOT NULL CHECK (relay_status IN ('not_configured', 'pending', 'sent', 'failed')),
  relay_error TEXT
) STRICT;
CREATE INDEX outbox_recipient ON outbox(recipient, seq);
CREATE INDEX outbox_org ON outbox(org_id, seq);
`,
};
