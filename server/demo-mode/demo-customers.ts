/**
 * Builds what demo mode shows per customer: the org's sign-in through the built-in sample
 * app (each org in its own sample-app lane, so side-by-side logins keep separate sessions),
 * its mock-IdP personas with login-as links, and its password users with the demo hint.
 */
import { DEMO_PASSWORD, DEMO_WORKSPACE } from '../config-files/demo';
import { ValidationError, type FieldIssue } from '../errors';
import type { DemoCustomer, DemoCustomersResponse, DemoIdp, DemoLocalUser } from '../model/demo-mode';
import type { Organization } from '../model/organization';
import { SAMPLE_CLIENT_ID, sampleUrls } from '../sample-app/sample-client';
import type { Services } from '../services';

const DEMO_ORGS = ['acme', 'globex', 'initech'];
const DEMO_USERS = new Set(DEMO_WORKSPACE.users?.map((user) => user.email.toLowerCase()) ?? []);
const DEFAULT_COUNT = 3;
const LANE = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The demo screen's customers: `requested` ids or slugs, or the defaults when empty. */
export function demoCustomers(services: Services, protocolUrl: string, requested: string[]): DemoCustomersResponse {
  const all = services.orgs.list();
  const defaults = defaultSelection(all);
  const problems: FieldIssue[] = [];
  const chosen = (requested.length > 0 ? requested : defaults).flatMap((wanted, index) => {
    const org = services.orgs.find(wanted);
    if (!org) problems.push({ path: `orgs[${index}]`, message: `no organization "${wanted}"` });
    return org ? [org] : [];
  });
  if (problems.length > 0) throw new ValidationError(problems);
  const unique = [...new Map(chosen.map((org) => [org.id, org])).values()];
  return {
    customers: unique.map((org) => customerOf(services, protocolUrl, org)),
    defaults,
    organizations: all.map(({ id, slug, name, parentId }) => ({ id, slug, name, parentId })),
    protocolOrigin: new URL(protocolUrl).origin,
  };
}

/** The demo orgs when any is present, else the first three top-level orgs. */
export function defaultSelection(orgs: Organization[]): string[] {
  const demo = DEMO_ORGS.filter((slug) => orgs.some((org) => org.slug === slug));
  if (demo.length > 0) return demo;
  const topLevel = orgs.filter((org) => org.parentId === null);
  return (topLevel.length > 0 ? topLevel : orgs).slice(0, DEFAULT_COUNT).map((org) => org.slug);
}

function customerOf(services: Services, protocolUrl: string, org: Organization): DemoCustomer {
  const clientId = sampleClientOf(services, protocolUrl, org);
  const start = (loginHint?: string): string => {
    const params = new URLSearchParams({ client: clientId, organization: org.slug, prompt: 'login' });
    if (loginHint) params.set('login_hint', loginHint);
    if (LANE.test(org.slug)) params.set('lane', org.slug);
    return `${sampleUrls(protocolUrl).home}/start?${params.toString()}`;
  };
  return {
    orgId: org.id,
    slug: org.slug,
    name: org.name,
    isolation: org.isolation,
    clientId,
    loginUrl: start(),
    vanityLoginUrl: vanityLoginOf(services, org),
    idps: idpsOf(services, org, start),
    localUsers: localUsersOf(services, org, start),
  };
}

/** The client of the org's isolation model when the sample app may use it, else the shared sample client. */
function sampleClientOf(services: Services, protocolUrl: string, org: Organization): string {
  const callback = sampleUrls(protocolUrl).callback;
  const preferred = services.isolation.compare(org.id).find((model) => model.active)?.clientId;
  const usable = services.apps
    .list()
    .some((app) => app.clientId === preferred && app.kind !== 'm2m' && app.redirectUris.includes(callback));
  return usable && preferred ? preferred : SAMPLE_CLIENT_ID;
}

function idpsOf(services: Services, org: Organization, start: (hint?: string) => string): DemoIdp[] {
  return services.connections.enabledOf(org.id).flatMap((connection) => {
    const idp = connection.mockIdpId ? services.mockIdps.record(connection.mockIdpId) : undefined;
    if (!idp || !connection.mockIdpId) return [];
    return [
      {
        connectionId: connection.id,
        connectionName: connection.name,
        kind: connection.kind,
        vendor: idp.preset,
        mockIdpName: idp.name,
        personas: services.mockIdps.personas(connection.mockIdpId).map((persona) => ({
          handle: persona.handle,
          displayName: persona.displayName,
          email: persona.email,
          groups: persona.groups,
          loginUrl: start(persona.handle),
        })),
      },
    ];
  });
}

/** Password members by email, the org's own email domains first (Globex shows bob@globex.test before a guest). */
function localUsersOf(services: Services, org: Organization, start: (hint?: string) => string): DemoLocalUser[] {
  const own = (email: string) => org.domains.includes(email.split('@')[1] ?? '');
  const members = services.users
    .members(org.id)
    .sort((a, b) => Number(own(b.user.email)) - Number(own(a.user.email)) || a.user.email.localeCompare(b.user.email));
  return members.flatMap((member) => {
    const user = services.users.find(member.userId);
    if (!user?.hasPassword) return [];
    return [
      {
        email: user.email,
        name: user.name,
        passwordHint: DEMO_USERS.has(user.email.toLowerCase()) ? DEMO_PASSWORD : null,
        loginUrl: start(user.email),
      },
    ];
  });
}

function vanityLoginOf(services: Services, org: Organization): string | null {
  const hosts = services.vanity.ofOrg(org.id).hosts;
  return (hosts.find((host) => host.kind === 'automatic') ?? hosts[0])?.loginUrl ?? null;
}
