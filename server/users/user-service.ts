/**
 * The identity pool: users with scrypt-hashed passwords, lockout after repeated
 * failures, and memberships in organizations with org-scoped roles. One user may belong
 * to several organizations.
 */
import {
  createUserSchema,
  membershipSchema,
  updateMembershipSchema,
  updateUserSchema,
  type MemberView,
  type Membership,
  type User,
} from '../model/user';
import { parseInput } from '../model/validation';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { Clock } from '../runtime/clock';
import { newId } from '../runtime/ids';
import type { OrganizationRepository } from '../store/organization-repository';
import type { UserRecord, UserRepository } from '../store/user-repository';
import { hashPassword, verifyPassword } from './password';

export { hashPassword };

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type PasswordCheck =
  | { ok: true; user: User }
  | { ok: false; reason: 'unknown_user' | 'no_password' | 'wrong_password' | 'locked'; lockedUntil?: string };

export class UserService {
  readonly #repo: UserRepository;
  readonly #orgs: OrganizationRepository;
  readonly #clock: Clock;

  constructor(repo: UserRepository, orgs: OrganizationRepository, clock: Clock) {
    this.#repo = repo;
    this.#orgs = orgs;
    this.#clock = clock;
  }

  list(): User[] {
    return this.#repo.list().map(toUser);
  }

  get(id: string): User {
    return toUser(this.#mustFind(id));
  }

  find(id: string): User | undefined {
    const record = this.#repo.find(id);
    return record ? toUser(record) : undefined;
  }

  findByEmail(email: string): User | undefined {
    const record = this.#repo.findByEmail(email.trim().toLowerCase());
    return record ? toUser(record) : undefined;
  }

  async create(input: unknown): Promise<User> {
    const data = parseInput(createUserSchema, input);
    if (this.#repo.findByEmail(data.email)) {
      throw new ConflictError('user_email_taken', `A user with the email ${data.email} exists.`, [
        { path: 'email', message: 'already used by another user' },
      ]);
    }
    const now = this.#clock.now().toISOString();
    const record: UserRecord = {
      id: newId('usr'),
      email: data.email,
      name: data.name,
      givenName: data.givenName ?? null,
      familyName: data.familyName ?? null,
      passwordHash: data.password ? await hashPassword(data.password) : null,
      attributes: data.attributes ?? {},
      failedLogins: 0,
      lockedUntil: null,
      emailVerified: data.emailVerified ?? false,
      createdAt: now,
      updatedAt: now,
    };
    this.#repo.upsert(record);
    return toUser(record);
  }

  /**
   * Creates or updates a user by email from already-validated data with a pre-computed
   * password hash (synchronous, so a config import can run in one transaction).
   */
  saveByEmail(data: {
    email: string;
    name: string;
    givenName?: string | undefined;
    familyName?: string | undefined;
    passwordHash?: string | undefined;
  }): User {
    const existing = this.#repo.findByEmail(data.email);
    const now = this.#clock.now().toISOString();
    const record: UserRecord = {
      id: existing?.id ?? newId('usr'),
      email: data.email,
      name: data.name,
      givenName: data.givenName ?? existing?.givenName ?? null,
      familyName: data.familyName ?? existing?.familyName ?? null,
      passwordHash: data.passwordHash ?? existing?.passwordHash ?? null,
      attributes: existing?.attributes ?? {},
      failedLogins: existing?.failedLogins ?? 0,
      lockedUntil: existing?.lockedUntil ?? null,
      // Workspace files, the demo and an org's IdP vouch for the addresses they bring.
      emailVerified: existing?.emailVerified ?? true,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    this.#repo.upsert(record);
    return toUser(record);
  }

  async update(id: string, input: unknown): Promise<User> {
    const patch = parseInput(updateUserSchema, input);
    const current = this.#mustFind(id);
    const next: UserRecord = {
      ...current,
      name: patch.name ?? current.name,
      givenName: patch.givenName === undefined ? current.givenName : patch.givenName,
      familyName: patch.familyName === undefined ? current.familyName : patch.familyName,
      passwordHash: patch.password ? await hashPassword(patch.password) : current.passwordHash,
      attributes: patch.attributes ?? current.attributes,
      failedLogins: patch.unlock ? 0 : current.failedLogins,
      lockedUntil: patch.unlock ? null : current.lockedUntil,
      emailVerified: patch.emailVerified ?? current.emailVerified,
      updatedAt: this.#clock.now().toISOString(),
    };
    this.#repo.upsert(next);
    return toUser(next);
  }

  delete(id: string): void {
    if (!this.#repo.delete(id)) throw new NotFoundError('user_not_found', `No user has the id "${id}".`);
  }

  /** Checks a password, counting failures; the fifth failure locks the account for 15 minutes. */
  async checkPassword(email: string, password: string): Promise<PasswordCheck> {
    const record = this.#repo.findByEmail(email.trim().toLowerCase());
    if (!record) return { ok: false, reason: 'unknown_user' };
    const now = this.#clock.now();
    if (record.lockedUntil && new Date(record.lockedUntil) > now) {
      return { ok: false, reason: 'locked', lockedUntil: record.lockedUntil };
    }
    if (!record.passwordHash) return { ok: false, reason: 'no_password' };
    if (await verifyPassword(password, record.passwordHash)) {
      this.#repo.recordLoginResult(record.id, 0, null);
      return { ok: true, user: toUser({ ...record, failedLogins: 0, lockedUntil: null }) };
    }
    const failures = record.failedLogins + 1;
    const lockedUntil = failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
    this.#repo.recordLoginResult(record.id, lockedUntil ? 0 : failures, lockedUntil);
    return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'wrong_password' };
  }

  membershipsOf(userId: string): Membership[] {
    return this.#repo.membershipsOfUser(userId);
  }

  membership(orgId: string, userId: string): Membership | undefined {
    return this.#repo.findMembership(orgId, userId);
  }

  members(orgId: string): MemberView[] {
    return this.#repo.membersOfOrg(orgId).map((membership) => {
      const user = this.#repo.find(membership.userId);
      return { ...membership, user: { id: membership.userId, email: user?.email ?? '', name: user?.name ?? '' } };
    });
  }

  addMember(orgId: string, input: unknown): Membership {
    const data = parseInput(membershipSchema, input);
    if (!this.#orgs.find(orgId)) throw new NotFoundError('org_not_found', `No organization has the id "${orgId}".`);
    const user = this.#repo.find(data.userId) ?? this.#repo.findByEmail(data.userId.toLowerCase());
    if (!user) throw new ValidationError([{ path: 'userId', message: `no user "${data.userId}"` }]);
    const membership: Membership = {
      orgId,
      userId: user.id,
      roles: [...new Set(data.roles)],
      createdAt: this.#repo.findMembership(orgId, user.id)?.createdAt ?? this.#clock.now().toISOString(),
    };
    this.#repo.upsertMembership(membership);
    return membership;
  }

  updateMember(orgId: string, userId: string, input: unknown): Membership {
    const { roles } = parseInput(updateMembershipSchema, input);
    const current = this.#repo.findMembership(orgId, userId);
    if (!current) throw new NotFoundError('member_not_found', 'This user is not a member of the organization.');
    const next = { ...current, roles: [...new Set(roles)] };
    this.#repo.upsertMembership(next);
    return next;
  }

  removeMember(orgId: string, userId: string): void {
    if (!this.#repo.deleteMembership(orgId, userId)) {
      throw new NotFoundError('member_not_found', 'This user is not a member of the organization.');
    }
  }

  #mustFind(id: string): UserRecord {
    const record = this.#repo.find(id) ?? this.#repo.findByEmail(id.toLowerCase());
    if (!record) throw new NotFoundError('user_not_found', `No user has the id or email "${id}".`);
    return record;
  }
}

function toUser(record: UserRecord): User {
  return {
    id: record.id,
    email: record.email,
    name: record.name,
    givenName: record.givenName,
    familyName: record.familyName,
    hasPassword: record.passwordHash !== null,
    attributes: record.attributes,
    lockedUntil: record.lockedUntil,
    emailVerified: record.emailVerified,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
