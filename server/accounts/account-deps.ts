/**
 * What the account flows share: repositories, the identity pool, orgs, the notification
 * service, the clock, and where links point (the issuer that serves an org's sign-in).
 */
import type { OutboxMessage, SendNotificationInput } from '../model/notification';
import { DEFAULT_TENANT, DEFAULT_WORKSPACE } from '../model/workspace';
import type { OrganizationService } from '../organizations/organization-service';
import type { Clock } from '../runtime/clock';
import type { AccountFlowRepository } from '../store/account-flow-repository';
import type { InvitationRepository } from '../store/invitation-repository';
import type { KeyRepository } from '../store/key-repository';
import type { MfaChallengeRepository } from '../store/mfa-challenge-repository';
import type { UserRepository } from '../store/user-repository';
import type { TenantService } from '../tenants/tenant-service';
import type { UserService } from '../users/user-service';

export interface AccountDeps {
  clock: Clock;
  repo: AccountFlowRepository;
  invitations: InvitationRepository;
  challenges: MfaChallengeRepository;
  userRepo: UserRepository;
  users: UserService;
  orgs: OrganizationService;
  tenants: TenantService;
  keys: KeyRepository;
  notifications: { send(input: SendNotificationInput): OutboxMessage };
  /** Protocol listener origin, e.g. `http://127.0.0.1:4100`. */
  protocolOrigin: () => string;
}

/** The path of the issuer that serves an org's sign-in: its dedicated tenant's, else the shared one. */
export function issuerPathOf(deps: AccountDeps, orgId: string | null): string {
  const dedicated = orgId ? deps.tenants.dedicatedTenantOf(orgId) : undefined;
  return `/${dedicated?.id ?? DEFAULT_TENANT}/${DEFAULT_WORKSPACE}`;
}

/**
 * An absolute link to one of the account pages of an issuer (`/{tenant}/{workspace}/account/...`),
 * on `origin` (the host the user is on, e.g. an org's vanity host) or the protocol listener.
 */
export function accountLink(
  deps: AccountDeps,
  issuerPath: string,
  page: string,
  token: string,
  origin?: string,
): string {
  return `${origin ?? deps.protocolOrigin()}${issuerPath}/account/${page}?token=${encodeURIComponent(token)}`;
}

/** The org whose template and theme a user's message uses: the given one, else the user's first org. */
export function orgForUser(deps: AccountDeps, userId: string, orgId?: string | null): string | null {
  if (orgId) return orgId;
  return deps.users.membershipsOf(userId)[0]?.orgId ?? null;
}

/** Common template variables for a message to a user about an org. */
export function baseVariables(
  deps: AccountDeps,
  orgId: string | null,
  user: { name: string; email: string },
  appName?: string,
): Record<string, string> {
  const orgName = orgId ? (deps.orgs.find(orgId)?.name ?? '') : '';
  return {
    'org.name': orgName,
    'user.name': user.name,
    'user.email': user.email,
    'app.name': appName ?? (orgName || 'Orgbench'),
  };
}
