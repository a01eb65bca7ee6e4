/**
 * Invitations: an admin invites an email address to an org with roles; the `invitation`
 * email carries an accept link (7 days, single use, revocable, stored hashed). Accepting
 * gives an existing identity-pool user the membership, or creates the user (name and
 * password) with it; either way the address counts as verified.
 */
import { z } from 'zod';
import { createInvitationSchema, type Invitation } from '../model/account';
import type { Organization } from '../model/organization';
import { PASSWORD_MIN } from '../model/user';
import { parseInput } from '../model/validation';
import { ConflictError, NotFoundError, OrgbenchError } from '../errors';
import { newId } from '../runtime/ids';
import type { InvitationRecord } from '../store/invitation-repository';
import { hashPassword } from '../users/password';
import { accountLink, baseVariables, issuerPathOf, type AccountDeps } from './account-deps';
import { describeDuration, hashToken, isWellFormedToken, newSecretToken } from './account-tokens';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const newAccountSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    password: z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`).max(200),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, { path: ['confirm'], message: 'does not match the password' });

/** What the accept page shows about a live invitation. */
export interface InvitationPreview {
  org: Organization;
  email: string;
  roles: string[];
  inviterName: string | null;
  /** Whether the address already has an account in the identity pool. */
  existingUser: boolean;
}

export class InvitationService {
  readonly #deps: AccountDeps;

  constructor(deps: AccountDeps) {
    this.#deps = deps;
  }

  list(orgIdOrSlug: string): Invitation[] {
    const org = this.#deps.orgs.get(orgIdOrSlug);
    return this.#deps.invitations.listOf(org.id).map((record) => this.#view(record));
  }

  /** Creates an invitation and sends its email. */
  create(orgIdOrSlug: string, input: unknown): Invitation {
    const org = this.#deps.orgs.get(orgIdOrSlug);
    const data = parseInput(createInvitationSchema, input);
    const deps = this.#deps;
    const existing = deps.userRepo.findByEmail(data.email);
    if (existing && deps.users.membership(org.id, existing.id)) {
      throw new ConflictError('invitation_already_member', `${data.email} is already a member of ${org.name}.`, [
        { path: 'email', message: 'already a member of this organization' },
      ]);
    }
    const now = deps.clock.now();
    const pending = deps.invitations.findPending(org.id, data.email);
    if (pending) {
      deps.invitations.expire(pending.id, now.toISOString());
      if (deps.invitations.findPending(org.id, data.email)) {
        throw new ConflictError(
          'invitation_pending',
          `${data.email} already has a pending invitation to ${org.name}.`,
          [{ path: 'email', message: 'already invited: resend or revoke that invitation' }],
        );
      }
    }
    const token = newSecretToken();
    const record: InvitationRecord = {
      id: newId('inv'),
      orgId: org.id,
      email: data.email,
      roles: [...new Set(data.roles)],
      inviterName: data.inviterName || null,
      tokenHash: hashToken(token),
      status: 'pending',
      userId: null,
      createdAt: now.toISOString(),
      sentAt: now.toISOString(),
      sends: 1,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
      acceptedAt: null,
      revokedAt: null,
    };
    deps.repo.transaction(() => {
      deps.invitations.insert(record);
      this.#send(org, record, token, data.locale);
    });
    return this.#view(record);
  }

  /** Sends a new link (the previous one stops working) and a fresh 7 days. */
  resend(orgIdOrSlug: string, id: string): Invitation {
    const { org, record } = this.#find(orgIdOrSlug, id);
    if (this.#status(record) !== 'pending') {
      throw new ConflictError('invitation_not_pending', `This invitation is ${this.#status(record)}; send a new one.`);
    }
    const deps = this.#deps;
    const now = deps.clock.now();
    const token = newSecretToken();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS).toISOString();
    deps.repo.transaction(() => {
      deps.invitations.reissue(record.id, hashToken(token), now.toISOString(), expiresAt);
      this.#send(org, record, token);
    });
    return this.#view(deps.invitations.find(record.id) ?? record);
  }

  revoke(orgIdOrSlug: string, id: string): Invitation {
    const { record } = this.#find(orgIdOrSlug, id);
    if (record.status !== 'pending') {
      throw new ConflictError('invitation_not_pending', `This invitation is ${record.status} and cannot be revoked.`);
    }
    this.#deps.invitations.revoke(record.id, this.#deps.clock.now().toISOString());
    return this.#view(this.#deps.invitations.find(record.id) ?? record);
  }

  /** The live invitation a link names, or undefined (unknown, used, revoked or expired). */
  inspect(token: unknown): InvitationPreview | undefined {
    const record = this.#live(token);
    const org = record ? this.#deps.orgs.find(record.orgId) : undefined;
    if (!record || !org) return undefined;
    return {
      org,
      email: record.email,
      roles: record.roles,
      inviterName: record.inviterName,
      existingUser: this.#deps.userRepo.findByEmail(record.email) !== undefined,
    };
  }

  /**
   * Accepts an invitation: an existing user gets the membership; otherwise `input` (name,
   * password, confirm) creates the user. Throws `invitation_link_invalid` when the link is dead.
   */
  async accept(token: unknown, input: unknown): Promise<{ org: Organization; email: string; created: boolean }> {
    const deps = this.#deps;
    const live = this.#live(token);
    if (!live || typeof token !== 'string') throw linkInvalid();
    const existing = deps.userRepo.findByEmail(live.email);
    const account = existing ? undefined : parseInput(newAccountSchema, input);
    const passwordHash = account ? await hashPassword(account.password) : undefined;
    const tokenHash = hashToken(token);
    return deps.repo.transaction(() => {
      const now = deps.clock.now().toISOString();
      const record = deps.invitations.findByToken(tokenHash);
      const org = record ? deps.orgs.find(record.orgId) : undefined;
      if (!record || !org) throw linkInvalid();
      const found = deps.userRepo.findByEmail(record.email);
      if (!found && (!account || !passwordHash)) throw linkInvalid();
      const user = found ?? {
        id: newId('usr'),
        email: record.email,
        name: account?.name ?? record.email,
        givenName: null,
        familyName: null,
        passwordHash: passwordHash ?? null,
        attributes: {},
        failedLogins: 0,
        lockedUntil: null,
        emailVerified: true,
        createdAt: now,
        updatedAt: now,
      };
      const created = !found;
      deps.userRepo.upsert({ ...user, emailVerified: true, updatedAt: now });
      if (!deps.invitations.accept(tokenHash, user.id, now)) throw linkInvalid();
      const roles = [...new Set([...(deps.users.membership(org.id, user.id)?.roles ?? []), ...record.roles])];
      const since = deps.users.membership(org.id, user.id)?.createdAt ?? now;
      deps.userRepo.upsertMembership({ orgId: org.id, userId: user.id, roles, createdAt: since });
      return { org, email: user.email, created };
    });
  }

  #send(org: Organization, record: InvitationRecord, token: string, locale?: string): void {
    const deps = this.#deps;
    deps.notifications.send({
      orgId: org.id,
      kind: 'invitation',
      channel: 'email',
      to: record.email,
      ...(locale ? { locale } : {}),
      variables: {
        ...baseVariables(deps, org.id, { name: record.email, email: record.email }),
        'inviter.name': record.inviterName ?? `The ${org.name} team`,
        link: accountLink(deps, issuerPathOf(deps, org.id), 'invitation', token),
        expires_in: describeDuration(INVITATION_TTL_MS),
      },
    });
  }

  #live(token: unknown): InvitationRecord | undefined {
    if (!isWellFormedToken(token)) return undefined;
    const record = this.#deps.invitations.findByToken(hashToken(token));
    return record && this.#status(record) === 'pending' ? record : undefined;
  }

  #find(orgIdOrSlug: string, id: string): { org: Organization; record: InvitationRecord } {
    const org = this.#deps.orgs.get(orgIdOrSlug);
    const record = this.#deps.invitations.find(id);
    if (!record || record.orgId !== org.id) {
      throw new NotFoundError('invitation_not_found', `No invitation "${id}" in ${org.name}.`);
    }
    return { org, record };
  }

  #status(record: InvitationRecord): Invitation['status'] {
    if (record.status === 'pending' && record.expiresAt <= this.#deps.clock.now().toISOString()) return 'expired';
    return record.status;
  }

  #view(record: InvitationRecord): Invitation {
    const { tokenHash: _hidden, ...rest } = record;
    return { ...rest, status: this.#status(record) };
  }
}

function linkInvalid(): OrgbenchError {
  return new OrgbenchError(
    'invitation_link_invalid',
    'This invitation has expired, was revoked or was already accepted.',
    { status: 400 },
  );
}
