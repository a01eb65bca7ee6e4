/** Which customer org brands a mock IdP's pages: the org whose connection uses that IdP. */
import type { ConnectionService } from '../federation/connection-service';
import type { CustomerBranding } from './page-theme';
import type { ThemeService } from './theme-service';

export function customerBrandingOfIdp(
  services: { connections: ConnectionService; themes: ThemeService },
  mockIdpId: string,
): CustomerBranding | undefined {
  const orgId = services.connections.list().find((connection) => connection.mockIdpId === mockIdpId)?.orgId;
  return orgId ? services.themes.customerBranding(orgId) : undefined;
}
