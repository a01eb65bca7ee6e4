/** Admin API calls for demo mode: the chosen customers with their login links and personas. */
import type { DemoCustomersResponse } from '../../../server/model/demo-mode';
import type { ApiClient } from './client';

export type {
  DemoCustomer,
  DemoCustomersResponse,
  DemoIdp,
  DemoLocalUser,
  DemoPersona,
} from '../../../server/model/demo-mode';
export { DEMO_MAX_CUSTOMERS } from '../../../server/model/demo-mode';

/** The query string for `orgs` (ids or slugs); none asks for the server's defaults. */
export function demoCustomersQuery(orgs: readonly string[] = []): string {
  return orgs.length > 0 ? `?${new URLSearchParams({ orgs: orgs.join(',') }).toString()}` : '';
}

export function getDemoCustomers(client: ApiClient, orgs: readonly string[] = []): Promise<DemoCustomersResponse> {
  return client.request('Loading the demo customers', 'GET', `/api/demo-mode/customers${demoCustomersQuery(orgs)}`);
}
