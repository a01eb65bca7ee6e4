/**
 * Connects email to the org themes: the resolved theme's primary colour, logo (an absolute
 * URL on the protocol listener, so mail clients and the outbox can load it) and font.
 * `services.ts` passes `emailThemeFrom(themes, orgs, protocolOrigin)` to `createNotifications`.
 */
import { BUNDLED_FONTS, type ThemeValues } from '../model/theme';
import { DEFAULT_TENANT, DEFAULT_WORKSPACE } from '../model/workspace';
import type { OrganizationService } from '../organizations/organization-service';
import type { EmailThemeResolver } from './email-frame';

/** The part of the theme service email needs. */
export interface ThemeSource {
  resolve(workspace: { tenantId: string; workspaceId: string }, orgId?: string | null): { values: ThemeValues };
}

/** Where theme assets (logos) are served on the protocol listener. */
const ASSETS_PATH = '/_orgbench/assets/';

export function emailThemeFrom(
  themes: ThemeSource,
  orgs: OrganizationService,
  protocolOrigin: () => string,
): EmailThemeResolver {
  return (orgId) => {
    const { values } = themes.resolve({ tenantId: DEFAULT_TENANT, workspaceId: DEFAULT_WORKSPACE }, orgId);
    const font = BUNDLED_FONTS.find((candidate) => candidate.id === values.font);
    return {
      displayName: (orgId === null ? undefined : orgs.find(orgId)?.name) ?? 'Orgbench',
      primaryColor: values.colors.primary,
      logoUrl: values.logo ? new URL(`${ASSETS_PATH}${values.logo}`, protocolOrigin()).toString() : undefined,
      // An uploaded font cannot travel in an email: mail clients fall back to the default stack.
      fontFamily: font?.stack,
    };
  };
}
