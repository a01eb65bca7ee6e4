/** SQL for identity-pool users and their org memberships. */
import type { Membership } from '../model/user';
import { statement, type Db } from './open-database';

interface UserRow {
  id: string;
  email: string;
  name: string;
  given_name: string | null;
  family_name: string | null;
  password_hash: string | null;
  attributes: string;
  failed_logins: number;
  locked_until: string | null;
  email_verified: number;
  created_at: string;
  updated_at: string;
}

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  passwordHash: string | null;
  attributes: Record<string, string | number | boolean>;
  failedLogins: number;
  lockedUntil: string | null;
  /** Whether the user proved the email address (a verification, reset or invitation link). */
  emailVerified: boolean;
  createdAt: string;
  updatedAt: string;
}

interface MembershipRow {
  org_id: string;
  user_id: string;
  roles: string;
  created_at: string;
}

export class UserRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  list(): UserRecord[] {
    return statement<[], UserRow>(this.#db, 'SELECT * FROM users ORDER BY email').all().map(toRecord);
  }

  find(id: string): UserRecord | undefined {
    const row = statement<[string], UserRow>(this.#db, 'SELECT * FROM users WHERE id = ?').get(id);
    return row ? toRecord(row) : undefined;
  }

  findByEmail(email: string): UserRecord | undefined {
    const row = statement<[string], UserRow>(this.#db, 'SELECT * FROM users WHERE email = ?').get(email);
    return row ? toRecord(row) : undefined;
  }

  upsert(user: UserRecord): void {
    statement(
      this.#db,
      `INSERT INTO users (id, email, name, given_name, family_name, password_hash, attributes, failed_logins,
           locked_until, email_verified, created_at, updated_at)
         VALUES (@id, @email, @name, @givenName, @familyName, @passwordHash, @attributes, @failedLogins, @lockedUntil,
           @emailVerified, @createdAt, @updatedAt)
         ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name, given_name = excluded.given_name,
           family_name = excluded.family_name, password_hash = excluded.password_hash, attributes = excluded.attributes,
           failed_logins = excluded.failed_logins, locked_until = excluded.locked_until,
           email_verified = excluded.email_verified, updated_at = excluded.updated_at`,
    ).run({ ...user, attributes: JSON.stringify(user.attributes), emailVerified: user.emailVerified ? 1 : 0 });
  }

  recordLoginResult(id: string, failedLogins: number, lockedUntil: string | null): void {
    statement(this.#db, 'UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?').run(
      failedLogins,
      lockedUntil,
      id,
    );
  }

  delete(id: string): boolean {
    return statement(this.#db, 'DELETE FROM users WHERE id = ?').run(id).changes > 0;
  }

  membershipsOfUser(userId: string): Membership[] {
    return statement<[string], MembershipRow>(
      this.#db,
      'SELECT * FROM memberships WHERE user_id = ? ORDER BY created_at',
    )
      .all(userId)
      .map(toMembership);
  }

  membersOfOrg(orgId: string): Membership[] {
    return statement<[string], MembershipRow>(
      this.#db,
      'SELECT * FROM memberships WHERE org_id = ? ORDER BY created_at',
    )
      .all(orgId)
      .map(toMembership);
  }

  findMembership(orgId: string, userId: string): Membership | undefined {
    const row = statement<[string, string], MembershipRow>(
      this.#db,
      'SELECT * FROM memberships WHERE org_id = ? AND user_id = ?',
    ).get(orgId, userId);
    return row ? toMembership(row) : undefined;
  }

  upsertMembership(membership: Membership): void {
    statement(
      this.#db,
      `INSERT INTO memberships (org_id, user_id, roles, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (org_id, user_id) DO UPDATE SET roles = excluded.roles`,
    ).run(membership.orgId, membership.userId, JSON.stringify(membership.roles), membership.createdAt);
  }

  deleteMembership(orgId: string, userId: string): boolean {
    return (
      statement(this.#db, 'DELETE FROM memberships WHERE org_id = ? AND user_id = ?').run(orgId, userId).changes > 0
    );
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    givenName: row.given_name,
    familyName: row.family_name,
    passwordHash: row.password_hash,
    attributes: JSON.parse(row.attributes) as UserRecord['attributes'],
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    emailVerified: row.email_verified === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toMembership(row: MembershipRow): Membership {
  return {
    orgId: row.org_id,
    userId: row.user_id,
    roles: JSON.parse(row.roles) as string[],
    createdAt: row.created_at,
  };
}
