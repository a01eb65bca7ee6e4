/**
 * Email verification: the admin sends a user an `email_verification` link (24 hours,
 * single use, stored hashed); confirming it marks the address verified, which the
 * `email_verified` claim of ID tokens and userinfo then reports.
 */
import { parseInput } from '../model/validation';
import { verificationEmailSchema } from '../model/account';
import { NotFoundError, OrgbenchError } from '../errors';
import { accountLink, baseVariables, issuerPathOf, orgForUser, type AccountDeps } from './account-deps';
import { describeDuration, hashToken, isWellFormedToken, newSecretToken } from './account-tokens';

export const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;

export class EmailVerification {
  readonly #deps: AccountDeps;

  constructor(deps: AccountDeps) {
    this.#deps = deps;
  }

  /** Sends a verification link to the user's current address; earlier links stop working. */
  send(userIdOrEmail: string, input: unknown): { sentTo: string; expiresAt: string; messageId: string } {
    const options = parseInput(verificationEmailSchema, input);
    const deps = this.#deps;
    const user = deps.userRepo.find(userIdOrEmail) ?? deps.userRepo.findByEmail(userIdOrEmail.toLowerCase());
    if (!user) throw new NotFoundError('user_not_found', `No user has the id or email "${userIdOrEmail}".`);
    let orgId: string | null = null;
    if (options.orgId) {
      const org = deps.orgs.find(options.orgId);
      if (!org) throw new NotFoundError('org_not_found', `No organization has the id "${options.orgId}".`);
      orgId = org.id;
    } else orgId = orgForUser(deps, user.id);
    const now = deps.clock.now();
    const token = newSecretToken();
    const expiresAt = new Date(now.getTime() + VERIFICATION_TTL_MS).toISOString();
    const message = deps.repo.transaction(() => {
      deps.repo.invalidateTokens(user.id, 'email_verification', now.toISOString());
      deps.repo.insertToken({
        tokenHash: hashToken(token),
        purpose: 'email_verification',
        userId: user.id,
        email: user.email,
        orgId,
        returnTo: null,
        createdAt: now.toISOString(),
        expiresAt,
        usedAt: null,
      });
      return deps.notifications.send({
        orgId,
        kind: 'email_verification',
        channel: 'email',
        to: user.email,
        ...(options.locale ? { locale: options.locale } : {}),
        variables: {
          ...baseVariables(deps, orgId, user),
          link: accountLink(deps, issuerPathOf(deps, orgId), 'verify-email', token),
          expires_in: describeDuration(VERIFICATION_TTL_MS),
        },
      });
    });
    return { sentTo: user.email, expiresAt, messageId: message.id };
  }

  /** The address a live link would verify, or undefined. */
  inspect(token: unknown): { email: string; orgId: string | null } | undefined {
    if (!isWellFormedToken(token)) return undefined;
    const record = this.#deps.repo.findToken(hashToken(token), 'email_verification');
    if (!record || record.usedAt || record.expiresAt <= this.#deps.clock.now().toISOString()) return undefined;
    return { email: record.email, orgId: record.orgId };
  }

  /** Marks the address verified; throws `verification_link_invalid` when the link is dead. */
  confirm(token: unknown): { email: string } {
    const deps = this.#deps;
    if (!isWellFormedToken(token)) throw linkInvalid();
    const tokenHash = hashToken(token);
    return deps.repo.transaction(() => {
      const now = deps.clock.now().toISOString();
      const record = deps.repo.findToken(tokenHash, 'email_verification');
      if (!record || !deps.repo.consumeToken(tokenHash, 'email_verification', now)) throw linkInvalid();
      const user = deps.userRepo.find(record.userId);
      // A link proves only the address it was sent to.
      if (!user || user.email !== record.email) throw linkInvalid();
      deps.userRepo.upsert({ ...user, emailVerified: true, updatedAt: now });
      return { email: user.email };
    });
  }
}

function linkInvalid(): OrgbenchError {
  return new OrgbenchError('verification_link_invalid', 'This verification link has expired or was already used.', {
    status: 400,
  });
}
