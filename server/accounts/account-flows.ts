/**
 * The account flows that send notifications, built over one database: MFA settings and
 * challenges, password reset, email verification, invitations and known devices.
 */
import type { OrganizationService } from '../organizations/organization-service';
import type { Clock } from '../runtime/clock';
import { AccountFlowRepository } from '../store/account-flow-repository';
import { InvitationRepository } from '../store/invitation-repository';
import type { KeyRepository } from '../store/key-repository';
import { MfaChallengeRepository } from '../store/mfa-challenge-repository';
import type { Db } from '../store/open-database';
import { UserRepository } from '../store/user-repository';
import type { TenantService } from '../tenants/tenant-service';
import type { UserService } from '../users/user-service';
import type { AccountDeps } from './account-deps';
import { EmailVerification } from './email-verification';
import { InvitationService } from './invitation-service';
import { KnownDevices } from './known-devices';
import { MfaChallenges } from './mfa-challenge';
import { MfaSettings } from './mfa-settings';
import { PasswordResets } from './password-reset';

export interface AccountFlows {
  settings: MfaSettings;
  mfa: MfaChallenges;
  resets: PasswordResets;
  verification: EmailVerification;
  invitations: InvitationService;
  devices: KnownDevices;
  /** Deletes challenges and tokens that ended more than a day ago. */
  purgeExpired(): void;
}

export interface AccountFlowInputs {
  db: Db;
  clock: Clock;
  users: UserService;
  orgs: OrganizationService;
  tenants: TenantService;
  keys: KeyRepository;
  notifications: AccountDeps['notifications'];
  protocolOrigin: () => string;
}

export function createAccountFlows(inputs: AccountFlowInputs): AccountFlows {
  const { db, ...rest } = inputs;
  const deps: AccountDeps = {
    ...rest,
    repo: new AccountFlowRepository(db),
    invitations: new InvitationRepository(db),
    challenges: new MfaChallengeRepository(db),
    userRepo: new UserRepository(db),
  };
  return {
    settings: new MfaSettings(deps),
    mfa: new MfaChallenges(deps),
    resets: new PasswordResets(deps),
    verification: new EmailVerification(deps),
    invitations: new InvitationService(deps),
    devices: new KnownDevices(deps),
    purgeExpired: () => {
      const now = deps.clock.now().toISOString();
      deps.repo.purge(now);
      deps.challenges.purge(now);
    },
  };
}
