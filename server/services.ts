/**
 * The domain services of one data folder, built over one database. The admin API, the
 * issuers, the CLI's config import and the demo all use these, never the store directly.
 */
import { createAccountFlows, type AccountFlows } from './accounts/account-flows';
import { ApplicationService } from './applications/application-service';
import { ThemeService } from './branding/theme-service';
import { ConnectionService } from './federation/connection-service';
import { MockIdpService } from './mock-idp/mock-idp-service';
import { createNotifications } from './notifications/create-notifications';
import { emailThemeFrom } from './notifications/email-theme';
import type { NotificationService } from './notifications/notification-service';
import { IsolationService } from './organizations/isolation-service';
import { OrganizationService } from './organizations/organization-service';
import type { Clock } from './runtime/clock';
import { ApplicationRepository } from './store/application-repository';
import { ConnectionRepository } from './store/connection-repository';
import { FederatedLoginRepository } from './store/federated-login-repository';
import { GrantOrgRepository } from './store/grant-org-repository';
import { KeyRepository } from './store/key-repository';
import { MockIdpRepository } from './store/mock-idp-repository';
import type { Db } from './store/open-database';
import { OrganizationRepository } from './store/organization-repository';
import { TenantRepository } from './store/tenant-repository';
import { ThemeRepository } from './store/theme-repository';
import { TokenRepository } from './store/token-repository';
import { TraceRepository } from './store/trace-repository';
import { UserRepository } from './store/user-repository';
import { TenantService } from './tenants/tenant-service';
import { TokenLog } from './tokens/token-log';
import { TraceService } from './trace/trace-service';
import { UserService } from './users/user-service';
import { VanityHostRepository } from './store/vanity-host-repository';
import { VanityHostService } from './vanity/vanity-host-service';

export interface Services {
  db: Db;
  clock: Clock;
  keys: KeyRepository;
  orgRepo: OrganizationRepository;
  appRepo: ApplicationRepository;
  grantOrgs: GrantOrgRepository;
  orgs: OrganizationService;
  tenants: TenantService;
  apps: ApplicationService;
  users: UserService;
  tokens: TokenLog;
  isolation: IsolationService;
  mockIdps: MockIdpService;
  connections: ConnectionService;
  traces: TraceService;
  handoffs: FederatedLoginRepository;
  /** Workspace and org themes, their assets, and the theme of each hosted page. */
  themes: ThemeService;
  /** Vanity login hosts per org, and which org a protocol request's `Host` names. */
  vanity: VanityHostService;
  /** Notification templates, the outbox and the SMTP relay; `notifications.send(...)` is the entry. */
  notifications: NotificationService;
  /** Account flows that send notifications: MFA, password reset, email verification, invitations, new-device alerts. */
  accounts: AccountFlows;
}

export function createServices(db: Db, clock: Clock, protocolOrigin: () => string): Services {
  const orgRepo = new OrganizationRepository(db);
  const appRepo = new ApplicationRepository(db);
  const tenants = new TenantService(new TenantRepository(db), clock, protocolOrigin);
  tenants.ensureDefaults();
  const orgs = new OrganizationService(orgRepo, clock);
  const apps = new ApplicationService(appRepo, orgRepo, tenants, clock);
  const users = new UserService(new UserRepository(db), orgRepo, clock);
  const mockIdps = new MockIdpService(new MockIdpRepository(db), clock, protocolOrigin);
  const themes = new ThemeService(new ThemeRepository(db), orgs, tenants, clock);
  // HTML email wears the org's theme (logo, primary colour, font).
  const notifications = createNotifications({ db, clock, orgs, theme: emailThemeFrom(themes, orgs, protocolOrigin) });
  return {
    db,
    clock,
    keys: new KeyRepository(db),
    orgRepo,
    appRepo,
    grantOrgs: new GrantOrgRepository(db),
    orgs,
    tenants,
    apps,
    users,
    tokens: new TokenLog(new TokenRepository(db), clock),
    isolation: new IsolationService(orgs, tenants, apps, appRepo, protocolOrigin),
    mockIdps,
    connections: new ConnectionService(new ConnectionRepository(db), orgs, mockIdps, clock, protocolOrigin),
    traces: new TraceService(new TraceRepository(db), clock),
    handoffs: new FederatedLoginRepository(db),
    themes,
    vanity: new VanityHostService(new VanityHostRepository(db), orgs, tenants, clock, protocolOrigin),
    notifications,
    accounts: createAccountFlows({
      db,
      clock,
      users,
      orgs,
      tenants,
      keys: new KeyRepository(db),
      notifications,
      protocolOrigin,
    }),
  };
}
