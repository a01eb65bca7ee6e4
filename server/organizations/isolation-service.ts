/**
 * The three isolation models of an organization, and what each means concretely:
 *
 *   shared application            one client for all orgs; the org is chosen at login and carried in tokens
 *   per-organization application  a client owned by the org in the shared workspace
 *   dedicated tenant              the org's own tenant: its own issuer, keys and client
 *
 * Switching model provisions what the model needs (the org's client, its tenant) and
 * leaves the others in place, so switching back and forth loses nothing.
 */
import type { ApplicationService } from '../applications/application-service';
import type { IsolationView } from '../model/isolation';
import { ISOLATION_LABELS, type Organization } from '../model/organization';
import { DEFAULT_TENANT, DEFAULT_WORKSPACE } from '../model/workspace';
import type { ApplicationRepository } from '../store/application-repository';
import type { TenantService } from '../tenants/tenant-service';
import type { OrganizationService } from './organization-service';

export class IsolationService {
  readonly #orgs: OrganizationService;
  readonly #tenants: TenantService;
  readonly #apps: ApplicationService;
  readonly #appRepo: ApplicationRepository;
  readonly #origin: () => string;

  constructor(
    orgs: OrganizationService,
    tenants: TenantService,
    apps: ApplicationService,
    appRepo: ApplicationRepository,
    origin: () => string,
  ) {
    this.#orgs = orgs;
    this.#tenants = tenants;
    this.#apps = apps;
    this.#appRepo = appRepo;
    this.#origin = origin;
  }

  /** Provisions what `org`'s current model needs. */
  async provision(org: Organization): Promise<void> {
    const sampleRedirect = [`${this.#origin()}/sample/callback`];
    if (org.isolation === 'per_organization_application') {
      await this.#apps.ensureOrgApplication(org, DEFAULT_TENANT, sampleRedirect);
    }
    if (org.isolation === 'dedicated_tenant') {
      const tenant = this.#tenants.ensureDedicatedTenant(org);
      await this.#apps.ensureOrgApplication(org, tenant.id, sampleRedirect);
    }
  }

  /** The three models side by side for one org. */
  compare(idOrSlug: string): IsolationView[] {
    const org = this.#orgs.get(idOrSlug);
    const settings = this.#tenants.getWorkspace(DEFAULT_TENANT, DEFAULT_WORKSPACE).settings;
    const shared = this.#appRepo
      .list()
      .find((app) => app.tenantId === DEFAULT_TENANT && app.ownerOrgId === null && app.kind !== 'm2m');
    const owned = this.#appRepo.ownedBy(org.id).filter((app) => app.kind !== 'm2m');
    const perOrg = owned.find((app) => app.tenantId === DEFAULT_TENANT);
    const tenant = this.#tenants.dedicatedTenantOf(org.id);
    const dedicatedApp = tenant ? owned.find((app) => app.tenantId === tenant.id) : undefined;
    const sharedIssuer = this.#tenants.issuerOf({ tenant: DEFAULT_TENANT, workspace: DEFAULT_WORKSPACE });
    const dedicatedIssuer = tenant ? this.#tenants.issuerOf({ tenant: tenant.id, workspace: DEFAULT_WORKSPACE }) : null;
    const claims = (issuer: string | null, clientId: string | null) => ({
      iss: issuer ?? '(provisioned when chosen)',
      aud: clientId ?? '(client created when chosen)',
      sub: 'usr_…',
      [settings.claimNames.orgId]: org.id,
      [settings.claimNames.orgName]: org.name,
      [settings.claimNames.orgRoles]: ['…'],
    });
    const discovery = (issuer: string | null) => (issuer ? `${issuer}/.well-known/openid-configuration` : null);
    return [
      {
        model: 'shared_application',
        label: ISOLATION_LABELS.shared_application,
        active: org.isolation === 'shared_application',
        issuer: sharedIssuer,
        discoveryUrl: discovery(sharedIssuer),
        clientId: shared?.clientId ?? null,
        clientName: shared?.name ?? null,
        tenant: DEFAULT_TENANT,
        signingKeys: 'shared with every org of the tenant',
        exampleClaims: claims(sharedIssuer, shared?.clientId ?? null),
        notes: `One client for every customer. The org is chosen at login (organization parameter, email domain or picker) and the app reads it from ${settings.claimNames.orgId}.`,
      },
      {
        model: 'per_organization_application',
        label: ISOLATION_LABELS.per_organization_application,
        active: org.isolation === 'per_organization_application',
        issuer: sharedIssuer,
        discoveryUrl: discovery(sharedIssuer),
        clientId: perOrg?.clientId ?? null,
        clientName: perOrg?.name ?? null,
        tenant: DEFAULT_TENANT,
        signingKeys: 'shared with every org of the tenant',
        exampleClaims: claims(sharedIssuer, perOrg?.clientId ?? null),
        notes: 'The org owns its client: the org is known from the client_id alone and only its members can sign in.',
      },
      {
        model: 'dedicated_tenant',
        label: ISOLATION_LABELS.dedicated_tenant,
        active: org.isolation === 'dedicated_tenant',
        issuer: dedicatedIssuer,
        discoveryUrl: discovery(dedicatedIssuer),
        clientId: dedicatedApp?.clientId ?? null,
        clientName: dedicatedApp?.name ?? null,
        tenant: tenant?.id ?? null,
        signingKeys: "the org's own",
        exampleClaims: claims(dedicatedIssuer, dedicatedApp?.clientId ?? null),
        notes: 'A separate issuer with its own signing keys and configuration: nothing is shared with other customers.',
      },
    ];
  }
}
