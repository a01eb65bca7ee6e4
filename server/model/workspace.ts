/**
 * Tenants and workspaces. A workspace is one authorization server (its own issuer
 * `/{tenant}/{workspace}`), created from a preset; its settings decide the claims and
 * lifetimes of the tokens it issues.
 */
import { z } from 'zod';
import { orgSlugSchema } from './organization';

const claimName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_:.-]{0,63}$/, 'must be a claim name such as org_id (letters, digits, _ : . -)');

const seconds = (max: number) => z.number().int('must be whole seconds').min(1, 'must be at least 1 second').max(max);

export const workspaceSettingsSchema = z.strictObject({
  /** Put organization context (id, name, roles, attributes) into tokens. */
  orgClaims: z.boolean(),
  claimNames: z.strictObject({
    orgId: claimName,
    orgName: claimName,
    orgRoles: claimName,
  }),
  /** Organization attributes copied into tokens (as claims of the same name). */
  attributeClaims: z.array(claimName).max(50),
  rotateRefreshTokens: z.boolean(),
  ttl: z.strictObject({
    accessToken: seconds(24 * 3600),
    idToken: seconds(24 * 3600),
    authorizationCode: seconds(600),
    refreshToken: seconds(365 * 24 * 3600),
    session: seconds(365 * 24 * 3600),
  }),
});

export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

export const WORKSPACE_PRESETS = {
  /** SecureAuth's "Partners B2B Integration": org-aware claims, PKCE, refresh-token rotation. */
  b2b: {
    orgClaims: true,
    claimNames: { orgId: 'org_id', orgName: 'org_name', orgRoles: 'org_roles' },
    attributeClaims: [],
    rotateRefreshTokens: true,
    ttl: { accessToken: 3600, idToken: 3600, authorizationCode: 60, refreshToken: 14 * 86400, session: 14 * 86400 },
  },
  /** A plain OpenID provider without organization claims. */
  basic: {
    orgClaims: false,
    claimNames: { orgId: 'org_id', orgName: 'org_name', orgRoles: 'org_roles' },
    attributeClaims: [],
    rotateRefreshTokens: false,
    ttl: { accessToken: 3600, idToken: 3600, authorizationCode: 60, refreshToken: 30 * 86400, session: 14 * 86400 },
  },
} as const satisfies Record<string, WorkspaceSettings>;

export type WorkspacePreset = keyof typeof WORKSPACE_PRESETS;
export const workspacePresetSchema = z.enum(['b2b', 'basic']);

export interface Tenant {
  id: string;
  name: string;
  kind: 'shared' | 'dedicated';
  /** The organization a dedicated tenant serves. */
  orgId: string | null;
  createdAt: string;
}

export interface Workspace {
  tenantId: string;
  id: string;
  name: string;
  preset: WorkspacePreset;
  settings: WorkspaceSettings;
  issuer: string;
  createdAt: string;
  updatedAt: string;
}

export const DEFAULT_TENANT = 'default';
export const DEFAULT_WORKSPACE = 'default';

export const createTenantSchema = z.strictObject({
  id: orgSlugSchema,
  name: z.string().trim().min(1, 'must not be empty').max(100),
});

export const createWorkspaceSchema = z.strictObject({
  id: orgSlugSchema,
  name: z.string().trim().min(1, 'must not be empty').max(100),
  preset: workspacePresetSchema.default('b2b'),
  settings: workspaceSettingsSchema.partial().optional(),
});

export const updateWorkspaceSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100).optional(),
  settings: workspaceSettingsSchema.optional(),
});
