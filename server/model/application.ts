/**
 * Applications (OIDC clients). Four kinds, each mapped to the client metadata
 * oidc-provider validates: web (confidential, code + refresh), SPA (public, PKCE),
 * native (public, loopback or custom-scheme redirects), machine-to-machine
 * (client_credentials only). An application is shared by all orgs of its workspace, or
 * owned by one org (the per-organization isolation model).
 */
import { z } from 'zod';

export const applicationKindSchema = z.enum(['web', 'spa', 'native', 'm2m']);
export type ApplicationKind = z.infer<typeof applicationKindSchema>;

const uriList = z.array(z.string().trim().min(1, 'must not be empty').max(2000)).max(50, 'at most 50 URIs');

export const createApplicationSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  kind: applicationKindSchema,
  clientId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._~-]{3,100}$/, 'must be 3–100 characters: letters, digits, . _ ~ -')
    .optional(),
  tenantId: z.string().min(1).optional(),
  workspaceId: z.string().min(1).optional(),
  ownerOrgId: z.string().min(1).nullable().optional(),
  requireOrganization: z.boolean().optional(),
  redirectUris: uriList.optional(),
  postLogoutRedirectUris: uriList.optional(),
});

export const updateApplicationSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(100).optional(),
    ownerOrgId: z.string().min(1).nullable().optional(),
    requireOrganization: z.boolean().optional(),
    redirectUris: uriList.optional(),
    postLogoutRedirectUris: uriList.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'must change at least one field' });

export type CreateApplicationInput = z.input<typeof createApplicationSchema>;
export type UpdateApplicationInput = z.input<typeof updateApplicationSchema>;

export interface Application {
  clientId: string;
  tenantId: string;
  workspaceId: string;
  name: string;
  kind: ApplicationKind;
  ownerOrgId: string | null;
  requireOrganization: boolean;
  /** Only web and M2M apps have one; shown once at creation, otherwise masked. */
  hasSecret: boolean;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  source: 'admin' | 'registration' | 'config' | 'system';
  issuer: string;
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationWithSecret extends Application {
  clientSecret: string | null;
}
