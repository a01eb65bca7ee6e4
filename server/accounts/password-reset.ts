/**
 * Password reset: a request always gets the same answer (no account enumeration); a
 * user with a password gets a `password_reset` email whose link carries a 256-bit token,
 * stored hashed, valid 30 minutes, usable once. Completing it applies the password rules,
 * unlocks the account, proves the email and ends every other reset link of the user.
 */
import { z } from 'zod';
import { PASSWORD_MIN } from '../model/user';
import { parseInput } from '../model/validation';
import { OrgbenchError } from '../errors';
import { hashPassword } from '../users/password';
import { accountLink, baseVariables, issuerPathOf, orgForUser, type AccountDeps } from './account-deps';
import { describeDuration, hashToken, isWellFormedToken, newSecretToken } from './account-tokens';

export const RESET_TTL_MS = 30 * 60 * 1000;
/** One reset email per user per minute, whatever is asked (mail-bombing guard). */
export const RESET_COOLDOWN_MS = 60 * 1000;

const newPasswordSchema = z
  .strictObject({
    password: z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`).max(200),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, { path: ['confirm'], message: 'does not match the password' });

export interface ResetRequest {
  email: string;
  /** The issuer path the request came through (links go back to it). */
  issuerPath?: string;
  /** The origin the request came to (a vanity host keeps its links on that host). */
  origin?: string;
  /** The org the sign-in was for, if known (template and theme). */
  orgId?: string | null;
  /** Same-origin path to return to afterwards (the sign-in it started from). */
  returnTo?: string | null;
  appName?: string;
}

export class PasswordResets {
  readonly #deps: AccountDeps;

  constructor(deps: AccountDeps) {
    this.#deps = deps;
  }

  /** Sends a reset link when the email names a user with a password; says nothing about whether it did. */
  request(input: ResetRequest): void {
    const deps = this.#deps;
    const user = deps.userRepo.findByEmail(input.email.trim().toLowerCase());
    if (!user?.passwordHash) return;
    const now = deps.clock.now();
    const last = deps.repo.lastIssued(user.id, 'password_reset');
    if (last && now.getTime() - new Date(last).getTime() < RESET_COOLDOWN_MS) return;
    const orgId = orgForUser(deps, user.id, input.orgId);
    const token = newSecretToken();
    deps.repo.insertToken({
      tokenHash: hashToken(token),
      purpose: 'password_reset',
      userId: user.id,
      email: user.email,
      orgId,
      returnTo: input.returnTo ?? null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + RESET_TTL_MS).toISOString(),
      usedAt: null,
    });
    deps.notifications.send({
      orgId,
      kind: 'password_reset',
      channel: 'email',
      to: user.email,
      variables: {
        ...baseVariables(deps, orgId, user, input.appName),
        link: accountLink(deps, input.issuerPath ?? issuerPathOf(deps, orgId), 'reset', token, input.origin),
        expires_in: describeDuration(RESET_TTL_MS),
      },
    });
  }

  /** The live reset a link names, or undefined when it is unknown, used or expired. */
  inspect(token: unknown): { email: string; orgId: string | null; returnTo: string | null } | undefined {
    if (!isWellFormedToken(token)) return undefined;
    const record = this.#deps.repo.findToken(hashToken(token), 'password_reset');
    const now = this.#deps.clock.now().toISOString();
    if (!record || record.usedAt || record.expiresAt <= now) return undefined;
    return { email: record.email, orgId: record.orgId, returnTo: record.returnTo };
  }

  /** Sets the new password; throws `reset_link_invalid` (nothing changed) or a validation error. */
  async complete(token: unknown, input: unknown): Promise<{ email: string; returnTo: string | null }> {
    const { password } = parseInput(newPasswordSchema, input);
    const live = this.inspect(token);
    if (!live || typeof token !== 'string') throw linkInvalid();
    const passwordHash = await hashPassword(password);
    const deps = this.#deps;
    const tokenHash = hashToken(token);
    return deps.repo.transaction(() => {
      const now = deps.clock.now().toISOString();
      const record = deps.repo.findToken(tokenHash, 'password_reset');
      if (!record || !deps.repo.consumeToken(tokenHash, 'password_reset', now)) throw linkInvalid();
      const user = deps.userRepo.find(record.userId);
      if (!user || user.email !== record.email) throw linkInvalid();
      deps.userRepo.upsert({
        ...user,
        passwordHash,
        failedLogins: 0,
        lockedUntil: null,
        emailVerified: true,
        updatedAt: now,
      });
      deps.repo.invalidateTokens(user.id, 'password_reset', now);
      return { email: user.email, returnTo: record.returnTo };
    });
  }
}

function linkInvalid(): OrgbenchError {
  return new OrgbenchError('reset_link_invalid', 'This reset link has expired or was already used.', {
    status: 400,
  });
}
