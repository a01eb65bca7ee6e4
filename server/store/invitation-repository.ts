/** SQL for invitations to organizations; the accept token is stored only as a hash. */
import type { Invitation } from '../model/account';
import { statement, type Db } from './open-database';

export interface InvitationRecord extends Omit<Invitation, 'status'> {
  status: 'pending' | 'accepted' | 'revoked';
  tokenHash: string;
}

interface InvitationRow {
  id: string;
  org_id: string;
  email: string;
  roles: string;
  inviter_name: string | null;
  token_hash: string;
  status: InvitationRecord['status'];
  user_id: string | null;
  created_at: string;
  sent_at: string;
  sends: number;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export class InvitationRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  insert(record: InvitationRecord): void {
    statement(
      this.#db,
      `INSERT INTO invitations (id, org_id, email, roles, inviter_name, token_hash, status, user_id, created_at, sent_at,
           sends, expires_at, accepted_at, revoked_at)
         VALUES (@id, @orgId, @email, @roles, @inviterName, @tokenHash, @status, @userId, @createdAt, @sentAt, @sends,
           @expiresAt, @acceptedAt, @revokedAt)`,
    ).run({ ...record, roles: JSON.stringify(record.roles) });
  }

  find(id: string): InvitationRecord | undefined {
    const row = statement<[string], InvitationRow>(this.#db, 'SELECT * FROM invitations WHERE id = ?').get(id);
    return row ? toRecord(row) : undefined;
  }

  findByToken(tokenHash: string): InvitationRecord | undefined {
    const row = statement<[string], InvitationRow>(this.#db, 'SELECT * FROM invitations WHERE token_hash = ?').get(
      tokenHash,
    );
    return row ? toRecord(row) : undefined;
  }

  findPending(orgId: string, email: string): InvitationRecord | undefined {
    const row = statement<[string, string], InvitationRow>(
      this.#db,
      "SELECT * FROM invitations WHERE org_id = ? AND email = ? AND status = 'pending'",
    ).get(orgId, email);
    return row ? toRecord(row) : undefined;
  }

  listOf(orgId: string): InvitationRecord[] {
    return statement<[string], InvitationRow>(
      this.#db,
      'SELECT * FROM invitations WHERE org_id = ? ORDER BY created_at DESC',
    )
      .all(orgId)
      .map(toRecord);
  }

  /** A new link for a pending invitation: the old one stops working. */
  reissue(id: string, tokenHash: string, sentAt: string, expiresAt: string): boolean {
    return (
      statement(
        this.#db,
        `UPDATE invitations SET token_hash = ?, sent_at = ?, expires_at = ?, sends = sends + 1
           WHERE id = ? AND status = 'pending'`,
      ).run(tokenHash, sentAt, expiresAt, id).changes === 1
    );
  }

  revoke(id: string, now: string): boolean {
    return (
      statement(
        this.#db,
        "UPDATE invitations SET status = 'revoked', revoked_at = ? WHERE id = ? AND status = 'pending'",
      ).run(now, id).changes === 1
    );
  }

  /** Claims a live invitation by its token for `userId`; false when used, revoked, expired or unknown. */
  accept(tokenHash: string, userId: string, now: string): boolean {
    return (
      statement(
        this.#db,
        `UPDATE invitations SET status = 'accepted', accepted_at = ?, user_id = ?
           WHERE token_hash = ? AND status = 'pending' AND expires_at > ?`,
      ).run(now, userId, tokenHash, now).changes === 1
    );
  }

  /** Frees the (org, email) slot of an expired pending invitation so a new one can be sent. */
  expire(id: string, now: string): void {
    statement(
      this.#db,
      "UPDATE invitations SET status = 'revoked', revoked_at = ? WHERE id = ? AND status = 'pending' AND expires_at <= ?",
    ).run(now, id, now);
  }
}

function toRecord(row: InvitationRow): InvitationRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    roles: JSON.parse(row.roles) as string[],
    inviterName: row.inviter_name,
    tokenHash: row.token_hash,
    status: row.status,
    userId: row.user_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    sends: row.sends,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}
