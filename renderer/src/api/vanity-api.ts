/** Admin API: vanity login hosts per organization and the URL doctor. */
import type { HostSetup, OrgVanityHosts, UrlDoctorReport } from '../../../server/model/vanity-host';
import type { ApiClient } from './client';

export type { HostSetup, OrgVanityHosts, UrlDoctorReport };
export type { UrlFinding, VanityHost, FindingSeverity } from '../../../server/model/vanity-host';

export interface VanityOverview {
  organizations: OrgVanityHosts[];
  setup: HostSetup;
}

const orgPath = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;

export function listVanityHosts(client: ApiClient): Promise<VanityOverview> {
  return client.request('Loading the vanity hosts', 'GET', '/api/vanity-hosts');
}

export function addVanityHost(client: ApiClient, orgId: string, host: string): Promise<OrgVanityHosts> {
  return client.request('Adding the host', 'POST', `${orgPath(orgId)}/vanity-hosts`, { host });
}

export function removeVanityHost(client: ApiClient, orgId: string, host: string): Promise<OrgVanityHosts> {
  return client.request('Removing the host', 'DELETE', `${orgPath(orgId)}/vanity-hosts/${encodeURIComponent(host)}`);
}

export function diagnoseUrls(client: ApiClient, orgId: string, issuer?: string): Promise<UrlDoctorReport> {
  const query = issuer ? `?issuer=${encodeURIComponent(issuer)}` : '';
  return client.request('Checking the URLs', 'GET', `${orgPath(orgId)}/url-doctor${query}`);
}
