import type { Migration } from '../migrate';

/** Slot reserved for themes, logos and fonts (filled in by the change that builds it). */
export const m005Branding: Migration = {
  version: 5,
  name: 'themes, logos and fonts',
  sql: `SELECT 1;`,
};
