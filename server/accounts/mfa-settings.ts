/**
 * The per-org MFA setting (off, email code, SMS code) and which org's setting applies to a
 * sign-in: the org the app asks for or owns; otherwise the strictest of the user's orgs.
 */
import { accountSettingsInputSchema, type AccountSettings, type MfaMode } from '../model/account';
import { parseInput } from '../model/validation';
import type { AccountDeps } from './account-deps';

const STRICTNESS: Record<MfaMode, number> = { off: 0, email: 1, sms: 2 };

export interface MfaRequirement {
  mode: MfaMode;
  /** The org whose setting applies (its templates and theme are used). */
  orgId: string | null;
}

export class MfaSettings {
  readonly #deps: AccountDeps;

  constructor(deps: AccountDeps) {
    this.#deps = deps;
  }

  get(orgIdOrSlug: string): AccountSettings {
    const org = this.#deps.orgs.get(orgIdOrSlug);
    const stored = this.#deps.repo.mfaOf(org.id);
    return { orgId: org.id, mfa: stored?.mfa ?? 'off', updatedAt: stored?.updatedAt ?? null };
  }

  update(orgIdOrSlug: string, input: unknown): AccountSettings {
    const org = this.#deps.orgs.get(orgIdOrSlug);
    const { mfa } = parseInput(accountSettingsInputSchema, input);
    this.#deps.repo.setMfa(org.id, mfa, this.#deps.clock.now().toISOString());
    return this.get(org.id);
  }

  /**
   * The requirement for a sign-in. `target` lists the orgs the app named (the
   * `organization` parameter, the client's owner); when empty, every org the user belongs
   * to (and the email domain's org) counts, and the strictest wins.
   */
  requirementFor(target: string[], userId: string, domainOrgId?: string): MfaRequirement {
    const candidates = target.length
      ? target
      : [
          ...this.#deps.users.membershipsOf(userId).map((membership) => membership.orgId),
          ...(domainOrgId ? [domainOrgId] : []),
        ];
    let best: MfaRequirement = { mode: 'off', orgId: candidates[0] ?? null };
    for (const orgId of candidates) {
      const mode = this.#deps.repo.mfaOf(orgId)?.mfa ?? 'off';
      if (STRICTNESS[mode] > STRICTNESS[best.mode]) best = { mode, orgId };
    }
    return best;
  }
}
