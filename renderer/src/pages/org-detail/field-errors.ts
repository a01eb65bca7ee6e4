/**
 * Field errors for the small forms of the organization detail and the identity pool:
 * issues from the server (`{path, message}`) or from the shared zod schemas, keyed by
 * the form field they belong to.
 */
import type { z } from 'zod';
import { formatPath } from '../../../../server/model/validation';
import { ApiError, type FieldIssue } from '../../api/client';

export type Errors<F extends string> = Partial<Record<F, string>>;

/** The first message per field; `roles[2]` and `attributes.plan` count for `roles` and `attributes`. */
export function errorsFrom<F extends string>(issues: readonly FieldIssue[], fields: readonly F[]): Errors<F> {
  const errors: Errors<F> = {};
  for (const issue of issues) {
    const head = /^[^.[]*/.exec(issue.path)?.[0] as F;
    if (fields.includes(head) && !errors[head]) errors[head] = issue.message;
  }
  return errors;
}

/** A zod failure as field issues with the server's path format. */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Splits a failed request into what goes beside a field and what goes above the form:
 * field issues that match none of `fields` still reach the reader as the form error.
 */
export function describeFailure<F extends string>(
  error: unknown,
  fields: readonly F[],
): { errors: Errors<F>; formError: string | undefined } {
  if (!(error instanceof ApiError) || error.fields.length === 0) {
    return { errors: {}, formError: (error as Error).message };
  }
  const errors = errorsFrom(error.fields, fields);
  return { errors, formError: Object.keys(errors).length > 0 ? undefined : error.message };
}

export const hasErrors = (errors: Errors<string>): boolean => Object.values(errors).some(Boolean);
