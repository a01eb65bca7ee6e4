import type { Migration } from '../migrate';

/** Slot reserved for notification templates and the outbox (filled in by the change that builds it). */
export const m006Notifications: Migration = {
  version: 6,
  name: 'notification templates and the outbox',
  sql: `SELECT 1;`,
};
