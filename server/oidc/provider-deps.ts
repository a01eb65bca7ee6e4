/** Everything a workspace's provider needs from the rest of the server. */
import type { AccountFlows } from '../accounts/account-flows';
import type { ApplicationService } from '../applications/application-service';
import type { ThemeService } from '../branding/theme-service';
import type { ConnectionService } from '../federation/connection-service';
import type { FederationRuntime } from '../federation/federation-runtime';
import type { FederatedLoginRepository } from '../store/federated-login-repository';
import type { TraceService } from '../trace/trace-service';
import type { OrganizationService } from '../organizations/organization-service';
import type { Clock } from '../runtime/clock';
import type { Logger } from '../runtime/logger';
import type { GrantOrgRepository } from '../store/grant-org-repository';
import type { ApplicationRepository } from '../store/application-repository';
import type { KeyRepository } from '../store/key-repository';
import type { Db } from '../store/open-database';
import type { TokenLog } from '../tokens/token-log';
import type { TenantService } from '../tenants/tenant-service';
import type { UserService } from '../users/user-service';

export interface ProviderDeps {
  db: Db;
  keys: KeyRepository;
  clock: Clock;
  logger: Logger;
  /** Protocol listener origin, e.g. `http://127.0.0.1:4100`. */
  origin: string;
  tenants: TenantService;
  orgs: OrganizationService;
  users: UserService;
  apps: ApplicationService;
  appRepo: ApplicationRepository;
  grantOrgs: GrantOrgRepository;
  tokens: TokenLog;
  /** Accepted as the initial access token for Dynamic Client Registration. */
  adminToken: string;
  /** Demo mode: login pages show the demo credentials. */
  demo: boolean;
  connections: ConnectionService;
  traces: TraceService;
  handoffs: FederatedLoginRepository;
  federation: FederationRuntime;
  /** The theme of each hosted page. */
  themes: ThemeService;
  /** MFA, password reset, invitations, email verification and new-device alerts. */
  accounts: AccountFlows;
}
