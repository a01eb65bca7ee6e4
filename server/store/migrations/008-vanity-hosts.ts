import type { Migration } from '../migrate';

/** Slot reserved for vanity login hosts (filled in by the change that builds it). */
export const m008VanityHosts: Migration = {
  version: 8,
  name: 'vanity login hosts',
  sql: `SELECT 1;`,
};
