/**
 * One-time MFA codes after a good password: a 6-digit `mfa_code` by email or SMS, stored
 * as an HMAC, valid 5 minutes, 5 wrong attempts and the challenge dies, compared in
 * constant time, usable once. Resending replaces the code after a cooldown.
 */
import { randomBytes } from 'node:crypto';
import { PHONE_ATTRIBUTE } from '../model/account';
import { newId } from '../runtime/ids';
import type { MfaChallengeRecord } from '../store/mfa-challenge-repository';
import type { UserRecord } from '../store/user-repository';
import { baseVariables, type AccountDeps } from './account-deps';
import { describeDuration, hashOtpCode, maskEmail, maskPhone, newOtpCode, sameHash } from './account-tokens';

export const MFA_CODE_TTL_MS = 5 * 60 * 1000;
export const MFA_MAX_ATTEMPTS = 5;
export const MFA_RESEND_COOLDOWN_MS = 30 * 1000;
export const MFA_MAX_SENDS = 5;

export type StartResult =
  { ok: true; challenge: MfaChallengeRecord; sentTo: string } | { ok: false; reason: 'no_phone' };

export type VerifyResult =
  | { ok: true; challenge: MfaChallengeRecord }
  | { ok: false; reason: 'wrong_code'; attemptsLeft: number }
  | { ok: false; reason: 'expired' | 'dead' | 'none' };

export type ResendResult =
  | { ok: true; sentTo: string }
  | { ok: false; reason: 'cooldown'; retryInSeconds: number }
  | { ok: false; reason: 'limit' | 'dead' | 'none' };

export interface StartInput {
  interactionUid: string;
  userId: string;
  orgId: string | null;
  channel: 'email' | 'sms';
  traceId: string | null;
  appName?: string;
}

/** The phone number SMS codes go to, from the user's `phone_number` attribute. */
export function phoneOf(user: Pick<UserRecord, 'attributes'>): string | undefined {
  const value = user.attributes[PHONE_ATTRIBUTE];
  const phone = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  return /\d{4,}/.test(phone.replace(/[\s().-]/g, '')) ? phone : undefined;
}

export class MfaChallenges {
  readonly #deps: AccountDeps;

  constructor(deps: AccountDeps) {
    this.#deps = deps;
  }

  /** Starts a challenge for a sign-in and sends the first code. */
  start(input: StartInput): StartResult {
    const deps = this.#deps;
    const user = deps.userRepo.find(input.userId);
    if (!user) return { ok: false, reason: 'no_phone' };
    const destination = input.channel === 'sms' ? phoneOf(user) : user.email;
    if (!destination) return { ok: false, reason: 'no_phone' };
    const now = deps.clock.now();
    const id = newId('mfa');
    const code = newOtpCode();
    const challenge: MfaChallengeRecord = {
      id,
      interactionUid: input.interactionUid,
      userId: user.id,
      orgId: input.orgId,
      channel: input.channel,
      destination,
      codeHash: hashOtpCode(this.#key(), id, code),
      attempts: 0,
      sends: 1,
      status: 'pending',
      traceId: input.traceId,
      createdAt: now.toISOString(),
      sentAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + MFA_CODE_TTL_MS).toISOString(),
    };
    deps.challenges.insert(challenge);
    this.#send(challenge, user, code, input.appName);
    return { ok: true, challenge, sentTo: this.describeDestination(challenge) };
  }

  /** The pending challenge of a sign-in, if any. */
  pending(interactionUid: string): MfaChallengeRecord | undefined {
    const latest = this.#deps.challenges.latest(interactionUid);
    return latest?.status === 'pending' ? latest : undefined;
  }

  /** Checks a code against the sign-in's challenge. */
  verify(interactionUid: string, code: string): VerifyResult {
    const deps = this.#deps;
    const challenge = deps.challenges.latest(interactionUid);
    if (!challenge) return { ok: false, reason: 'none' };
    if (challenge.status !== 'pending') return { ok: false, reason: 'dead' };
    if (challenge.expiresAt <= deps.clock.now().toISOString()) return { ok: false, reason: 'expired' };
    const given = code.replace(/\s/g, '');
    const expected = hashOtpCode(this.#key(), challenge.id, /^\d{6}$/.test(given) ? given : 'invalid');
    if (/^\d{6}$/.test(given) && sameHash(expected, challenge.codeHash) && deps.challenges.pass(challenge.id)) {
      return { ok: true, challenge };
    }
    const used = deps.challenges.countFailure(challenge.id, MFA_MAX_ATTEMPTS);
    if (used >= MFA_MAX_ATTEMPTS) return { ok: false, reason: 'dead' };
    return { ok: false, reason: 'wrong_code', attemptsLeft: MFA_MAX_ATTEMPTS - used };
  }

  /** Sends a new code (the old one stops working), at most every 30 seconds and 5 times. */
  resend(interactionUid: string, appName?: string): ResendResult {
    const deps = this.#deps;
    const challenge = deps.challenges.latest(interactionUid);
    if (!challenge) return { ok: false, reason: 'none' };
    if (challenge.status !== 'pending') return { ok: false, reason: 'dead' };
    const now = deps.clock.now();
    const wait = new Date(challenge.sentAt).getTime() + MFA_RESEND_COOLDOWN_MS - now.getTime();
    if (wait > 0) return { ok: false, reason: 'cooldown', retryInSeconds: Math.ceil(wait / 1000) };
    if (challenge.sends >= MFA_MAX_SENDS) return { ok: false, reason: 'limit' };
    const user = deps.userRepo.find(challenge.userId);
    if (!user) return { ok: false, reason: 'none' };
    const code = newOtpCode();
    const expiresAt = new Date(now.getTime() + MFA_CODE_TTL_MS).toISOString();
    deps.challenges.replaceCode(
      challenge.id,
      hashOtpCode(this.#key(), challenge.id, code),
      now.toISOString(),
      expiresAt,
    );
    this.#send(challenge, user, code, appName);
    return { ok: true, sentTo: this.describeDestination(challenge) };
  }

  /** Ends the sign-in's challenge (cancel). */
  cancel(interactionUid: string): void {
    const challenge = this.#deps.challenges.latest(interactionUid);
    if (challenge) this.#deps.challenges.kill(challenge.id);
  }

  /** Seconds until a resend is allowed (0 when it is). */
  cooldownOf(challenge: MfaChallengeRecord): number {
    const wait = new Date(challenge.sentAt).getTime() + MFA_RESEND_COOLDOWN_MS - this.#deps.clock.now().getTime();
    return Math.max(0, Math.ceil(wait / 1000));
  }

  describeDestination(challenge: Pick<MfaChallengeRecord, 'channel' | 'destination'>): string {
    return challenge.channel === 'sms' ? maskPhone(challenge.destination) : maskEmail(challenge.destination);
  }

  #send(challenge: MfaChallengeRecord, user: UserRecord, code: string, appName?: string): void {
    this.#deps.notifications.send({
      orgId: challenge.orgId,
      kind: 'mfa_code',
      channel: challenge.channel,
      to: challenge.destination,
      variables: {
        ...baseVariables(this.#deps, challenge.orgId, user, appName),
        code,
        expires_in: describeDuration(MFA_CODE_TTL_MS),
      },
    });
  }

  #key(): string {
    return this.#deps.keys.secret(
      'mfa-code-key',
      () => randomBytes(32).toString('base64url'),
      this.#deps.clock.now().toISOString(),
    );
  }
}
