/**
 * The organization form's draft and its checks, shared by create and edit. The rules
 * are the server's own zod schemas, so a field error shows before any request; errors
 * the server returns (a slug or domain already taken) land on the same fields.
 */
import {
  createOrganizationSchema,
  type CreateOrganizationInput,
  type Organization,
} from '../../../server/model/organization';
import { formatPath } from '../../../server/model/validation';
import type { FieldIssue } from '../api/client';

export interface OrgDraft {
  name: string;
  slug: string;
  parentId: string;
  domains: string;
}

export type FieldErrors = Partial<Record<'name' | 'slug' | 'parentId' | 'domains', string>>;

export function draftFrom(org: Organization | undefined, parentId: string | null): OrgDraft {
  return {
    name: org?.name ?? '',
    slug: org?.slug ?? '',
    parentId: org ? (org.parentId ?? '') : (parentId ?? ''),
    domains: org?.domains.join('\n') ?? '',
  };
}

/** Domains typed one per line or separated by commas or spaces. */
export function splitDomains(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((domain) => domain.trim())
    .filter(Boolean);
}

export function toInput(draft: OrgDraft): CreateOrganizationInput {
  return {
    name: draft.name,
    ...(draft.slug.trim() ? { slug: draft.slug.trim() } : {}),
    parentId: draft.parentId || null,
    domains: splitDomains(draft.domains),
  };
}

/** Maps issues (from zod or the server) to the form's fields; `domains[2]` names the domain. */
export function fieldErrorsFrom(issues: readonly FieldIssue[], draft: OrgDraft): FieldErrors {
  const errors: FieldErrors = {};
  const domains = splitDomains(draft.domains);
  for (const issue of issues) {
    const match = /^(name|slug|parentId|domains)(?:\[(\d+)\])?/.exec(issue.path);
    if (!match) continue;
    const field = match[1] as keyof FieldErrors;
    if (errors[field]) continue;
    const index = match[2] === undefined ? undefined : Number(match[2]);
    const domain = index === undefined ? undefined : domains[index];
    errors[field] = domain && !issue.message.includes(domain) ? `${domain}: ${issue.message}` : issue.message;
  }
  return errors;
}

/** Client-side check with the server's schema; empty when the draft is valid. */
export function validateDraft(draft: OrgDraft): FieldErrors {
  const result = createOrganizationSchema.safeParse(toInput(draft));
  if (result.success) return {};
  return fieldErrorsFrom(
    result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    draft,
  );
}
