/**
 * The URL doctor: for one org and the clients it signs in through, what in the issuer,
 * redirect and host setup would break a login or behave differently from production.
 * The checks, in order:
 *
 *   configured issuer    the issuer the app says it uses vs the org's (when given)
 *   client URIs          other orgs' hosts, plain http off this machine, stale listener ports,
 *                        127.0.0.1 and localhost mixed
 *   site split           a vanity login returning to an IP-address app
 *   custom hosts         each custom name must resolve to loopback (DNS, short timeout)
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { UrlDoctorReport, UrlFinding } from '../model/vanity-host';
import { DEFAULT_TENANT } from '../model/workspace';
import type { Services } from '../services';
import { resolvesToLoopbackByItself } from './resolve-host';
import { checkClientUris, checkConfiguredIssuer, checkSiteSplit, type DoctorFacts } from './url-doctor-rules';

/** Resolves a host name to its addresses (injectable so tests need no DNS). */
export type HostLookup = (host: string) => Promise<string[]>;

export const systemLookup: HostLookup = async (host) =>
  (await dnsLookup(host, { all: true })).map((entry) => entry.address);

const DNS_TIMEOUT_MS = 1500;
const isLoopbackAddress = (address: string) => address.startsWith('127.') || address === '::1';

export interface UrlDoctorOptions {
  issuer?: string | undefined;
  lookup?: HostLookup;
  timeoutMs?: number;
}

export async function diagnoseOrg(
  services: Services,
  idOrSlug: string,
  options: UrlDoctorOptions = {},
): Promise<UrlDoctorReport> {
  const view = services.vanity.ofOrg(idOrSlug);
  const org = services.orgs.get(view.orgId);
  const tenant = services.vanity.tenantOf(org);
  const clients = services.appRepo
    .list()
    .filter((app) => app.kind !== 'm2m' && app.tenantId === tenant)
    .filter((app) => app.ownerOrgId === org.id || (app.ownerOrgId === null && tenant === DEFAULT_TENANT))
    .map((app) => ({
      clientId: app.clientId,
      name: app.name,
      redirectUris: app.redirectUris,
      postLogoutRedirectUris: app.postLogoutRedirectUris,
    }));
  const otherHosts = new Map<string, string>();
  for (const other of services.vanity.list()) {
    if (other.orgId === org.id) continue;
    for (const host of other.hosts) otherHosts.set(host.host, other.name);
  }
  const [automatic] = view.hosts;
  const facts: DoctorFacts = {
    orgName: org.name,
    expectedIssuer: automatic?.issuer ?? view.loopbackIssuer,
    issuers: [view.loopbackIssuer, ...view.hosts.map((host) => host.issuer)],
    loopbackIssuer: view.loopbackIssuer,
    ownHosts: view.hosts.map((host) => host.host),
    otherHosts,
    port: services.vanity.setup().port,
    clients,
  };
  const customHosts = view.hosts.filter((host) => host.kind === 'custom').map((host) => host.host);
  const findings: UrlFinding[] = [
    ...(options.issuer ? checkConfiguredIssuer(facts, options.issuer) : []),
    ...checkClientUris(facts),
    ...checkSiteSplit(facts),
    ...(await checkHostsResolve(customHosts, options.lookup ?? systemLookup, options.timeoutMs ?? DNS_TIMEOUT_MS)),
  ];
  return {
    orgId: org.id,
    expectedIssuer: facts.expectedIssuer,
    issuers: facts.issuers,
    clients: clients.map(({ clientId, name }) => ({ clientId, name })),
    findings,
  };
}

/** Every custom name must reach this machine, or browsers go elsewhere (or nowhere). */
async function checkHostsResolve(hosts: string[], lookup: HostLookup, timeoutMs: number): Promise<UrlFinding[]> {
  const checks = hosts
    .filter((host) => !resolvesToLoopbackByItself(host))
    .map(async (host): Promise<UrlFinding | undefined> => {
      const addresses = await withTimeout(lookup(host), timeoutMs).catch(() => undefined);
      const rule = `127.0.0.1 ${host}`;
      if (addresses === undefined || addresses.length === 0) {
        return {
          severity: 'warning',
          rule: 'host_unresolved',
          clientId: null,
          subject: host,
          message: `${host} does not resolve on this machine, so only a browser given a resolver rule reaches it.`,
          fix: `Add "${rule}" to /etc/hosts, or start Chromium with --host-resolver-rules="MAP ${host} 127.0.0.1".`,
        };
      }
      if (!addresses.some(isLoopbackAddress)) {
        return {
          severity: 'error',
          rule: 'host_not_loopback',
          clientId: null,
          subject: host,
          message: `${host} resolves to ${addresses.join(', ')}, not to this machine: browsers would sign in elsewhere.`,
          fix: `Map it to loopback: add "${rule}" to /etc/hosts (it wins over DNS).`,
        };
      }
      return undefined;
    });
  return (await Promise.all(checks)).filter((entry) => entry !== undefined);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
