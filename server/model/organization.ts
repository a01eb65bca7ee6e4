/**
 * Organizations: one business customer each. Shared by the server (validation) and the
 * renderer (types and the same client-side checks), so this file imports nothing from Node.
 */
import { z } from 'zod';

export const ORG_NAME_MAX = 100;
export const ORG_DOMAINS_MAX = 50;

const domainLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A DNS name such as `acme.com`: lowercase labels, at least two, no wildcard. */
export const emailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'must not be empty')
  .max(253, 'must be at most 253 characters')
  .refine(
    (value) => {
      const labels = value.split('.');
      return labels.length >= 2 && labels.every((label) => domainLabel.test(label));
    },
    { message: 'must be a domain name such as acme.com (letters, digits, hyphens and dots)' },
  );

export const orgSlugSchema = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(63, 'must be at most 63 characters')
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'must use lowercase letters, digits and inner hyphens');

export const orgNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(ORG_NAME_MAX, `must be at most ${ORG_NAME_MAX} characters`);

const domainsSchema = z
  .array(emailDomainSchema)
  .max(ORG_DOMAINS_MAX, `must list at most ${ORG_DOMAINS_MAX} domains`)
  .superRefine((domains, ctx) => {
    const seen = new Set<string>();
    domains.forEach((domain, index) => {
      if (seen.has(domain)) ctx.addIssue({ code: 'custom', path: [index], message: `${domain} is listed twice` });
      seen.add(domain);
    });
  });

const parentIdSchema = z.string().min(1, 'must not be empty').nullable();

/** How an organization is served (the seed's three isolation models). */
export const isolationModelSchema = z.enum(['shared_application', 'per_organization_application', 'dedicated_tenant']);
export type IsolationModel = z.infer<typeof isolationModelSchema>;

export const ISOLATION_LABELS: Record<IsolationModel, string> = {
  shared_application: 'Shared application',
  per_organization_application: 'Per-organization application',
  dedicated_tenant: 'Dedicated tenant',
};

/** Custom attributes, e.g. `{ "plan": "enterprise", "seats": 250 }`; may be copied into tokens. */
export const orgAttributesSchema = z
  .record(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'attribute names use letters, digits and _'),
    z.union([z.string().max(1000), z.number(), z.boolean()]),
  )
  .refine((attributes) => Object.keys(attributes).length <= 50, { message: 'at most 50 attributes' });

export const createOrganizationSchema = z.strictObject({
  name: orgNameSchema,
  slug: orgSlugSchema.optional(),
  parentId: parentIdSchema.optional(),
  domains: domainsSchema.optional(),
  isolation: isolationModelSchema.optional(),
  attributes: orgAttributesSchema.optional(),
});

export const updateOrganizationSchema = z
  .strictObject({
    name: orgNameSchema.optional(),
    slug: orgSlugSchema.optional(),
    parentId: parentIdSchema.optional(),
    domains: domainsSchema.optional(),
    isolation: isolationModelSchema.optional(),
    attributes: orgAttributesSchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'must change at least one field' });

/** What happens to the sub-organizations of an organization being deleted. */
export const childrenPolicySchema = z.enum(['refuse', 'reparent', 'cascade']);

export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;
export type UpdateOrganizationInput = z.input<typeof updateOrganizationSchema>;
export type ChildrenPolicy = z.infer<typeof childrenPolicySchema>;

export interface Organization {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  domains: string[];
  isolation: IsolationModel;
  attributes: Record<string, string | number | boolean>;
  createdAt: string;
  updatedAt: string;
}

export interface DeleteOrganizationResult {
  deleted: string[];
  reparented: string[];
}

/** Derives a slug from a display name: `Acme Corp.` → `acme-corp`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : `org-${slug || 'new'}`;
}
