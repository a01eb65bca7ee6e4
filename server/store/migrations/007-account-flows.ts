import type { Migration } from '../migrate';

/** Slot reserved for invitations, password reset, email verification, MFA and known devices (filled in by the change that builds it). */
export const m007AccountFlows: Migration = {
  version: 7,
  name: 'invitations, password reset, email verification, MFA and known devices',
  sql: `SELECT 1;`,
};
