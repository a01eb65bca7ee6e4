/**
 * The workspace file (`orgbench serve --config file.yaml`): tenants' workspaces,
 * organizations, users with memberships, applications and APIs, in YAML or JSON.
 * Everything is referenced by stable names (org slug, user email, client_id), so a file
 * can be applied again and again: it creates what is missing and updates what exists.
 */
import { z } from 'zod';
import { applicationKindSchema } from '../model/application';
import {
  emailDomainSchema,
  isolationModelSchema,
  orgAttributesSchema,
  orgNameSchema,
  orgSlugSchema,
} from '../model/organization';
import { PASSWORD_MIN, rolesSchema } from '../model/user';
import { workspacePresetSchema, workspaceSettingsSchema } from '../model/workspace';

const workspaceRef = z
  .string()
  .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be "tenant/workspace", e.g. default/default')
  .default('default/default');

export const workspaceFileSchema = z.strictObject({
  workspaces: z
    .array(
      z.strictObject({
        tenant: z.literal('default', {
          message: 'only the default tenant takes extra workspaces; dedicated tenants come from organizations',
        }),
        id: orgSlugSchema,
        name: z.string().trim().min(1).max(100),
        preset: workspacePresetSchema.default('b2b'),
        settings: workspaceSettingsSchema.partial().optional(),
      }),
    )
    .default([]),
  organizations: z
    .array(
      z.strictObject({
        slug: orgSlugSchema,
        name: orgNameSchema,
        parent: orgSlugSchema.optional(),
        domains: z.array(emailDomainSchema).max(50).default([]),
        isolation: isolationModelSchema.default('shared_application'),
        attributes: orgAttributesSchema.default({}),
      }),
    )
    .default([]),
  users: z
    .array(
      z.strictObject({
        email: z.string().trim().toLowerCase().email('must be an email address'),
        name: z.string().trim().min(1).max(200),
        givenName: z.string().trim().max(100).optional(),
        familyName: z.string().trim().max(100).optional(),
        password: z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`).max(200).optional(),
        memberships: z.array(z.strictObject({ org: orgSlugSchema, roles: rolesSchema.default([]) })).default([]),
      }),
    )
    .default([]),
  applications: z
    .array(
      z.strictObject({
        clientId: z.string().regex(/^[A-Za-z0-9._~-]{3,100}$/, 'must be 3–100 characters: letters, digits, . _ ~ -'),
        name: z.string().trim().min(1).max(100),
        kind: applicationKindSchema,
        workspace: workspaceRef,
        owner: orgSlugSchema.optional(),
        requireOrganization: z.boolean().default(false),
        redirectUris: z.array(z.string().min(1)).default([]),
        postLogoutRedirectUris: z.array(z.string().min(1)).default([]),
        /** A fixed secret for confidential clients (scripts need to know it); generated when absent. */
        secret: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
      }),
    )
    .default([]),
  apis: z
    .array(
      z.strictObject({
        workspace: workspaceRef,
        identifier: z.string().min(1).max(300),
        name: z.string().trim().min(1).max(100),
        scopes: z.array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'must be a scope token')).max(100),
      }),
    )
    .default([]),
});

export type WorkspaceFile = z.output<typeof workspaceFileSchema>;
export type WorkspaceFileInput = z.input<typeof workspaceFileSchema>;
