/**
 * Field errors keyed by the server's own paths (`saml.idpSsoUrl`,
 * `mapping.groupRoles[0].group`, `handle`), from the server or from the shared zod
 * schemas. A field asks for its path; whatever no field shows goes above the form.
 */
import type { z } from 'zod';
import { formatPath } from '../../../../server/model/validation';
import { ApiError, type FieldIssue } from '../../api/client';

export type PathErrors = Readonly<Record<string, string>>;

/** zod's generic wording, said the way the rest of the UI speaks ("must not be empty"). */
const PLAIN_WORDS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^Too small: expected string to have >=1 characters?$/, () => 'must not be empty'],
  [/^Too small: expected string to have >=(\d+) characters$/, (m) => `must be at least ${m[1]} characters`],
  [/^Too big: expected string to have <=(\d+) characters$/, (m) => `must be at most ${m[1]} characters`],
  [/^Too small: expected array to have >=1 items?$/, () => 'must not be empty'],
  [/^Too big: expected array to have <=(\d+) items$/, (m) => `must have at most ${m[1]} entries`],
  [/^Too small: expected number to be >=(-?\d+)$/, (m) => `must be at least ${m[1]}`],
  [/^Too big: expected number to be <=(-?\d+)$/, (m) => `must be at most ${m[1]}`],
  [/^Invalid input: expected number, received NaN$/, () => 'must be a number'],
  [/^Invalid input: expected int, received number$/, () => 'must be a whole number'],
];

export function plainMessage(message: string): string {
  for (const [pattern, say] of PLAIN_WORDS) {
    const match = pattern.exec(message);
    if (match) return say(match);
  }
  return message;
}

/** The first message per path. */
export function pathErrors(issues: readonly FieldIssue[]): PathErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) if (!(issue.path in errors)) errors[issue.path] = plainMessage(issue.message);
  return errors;
}

/** A zod failure as issues with the server's path format. */
export const zodIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));

/** True when `path` is `field` itself or lies inside it (`field.x`, `field[2]`). */
export const isWithin = (path: string, field: string): boolean =>
  path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);

/** The message for `field`: its own, or the first one inside it (`saml.idpCertificates[0]`). */
export function errorAt(errors: PathErrors, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const inner = Object.keys(errors).find((path) => isWithin(path, field));
  return inner === undefined ? undefined : errors[inner];
}

/** Errors that none of `fields` shows, as lines for the form error ("path: message"). */
export function unclaimed(errors: PathErrors, fields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([path]) => !fields.some((field) => isWithin(path, field)))
    .map(([path, message]) => (path ? `${path}: ${message}` : message));
}

/** Drops the errors of `field` (and inside it), e.g. once the user edits it. */
export function withoutErrors(errors: PathErrors, field: string): PathErrors {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !isWithin(path, field)));
}

/** A failed request as path errors, or as one message when it names no field. */
export function failureOf(error: unknown): { errors: PathErrors; message: string | undefined } {
  if (error instanceof ApiError && error.fields.length > 0)
    return { errors: pathErrors(error.fields), message: undefined };
  return { errors: {}, message: (error as Error).message };
}

/** The form-level message: the request's own, or the field errors no field shows. */
export function formMessage(
  failure: { errors: PathErrors; message: string | undefined },
  fields: readonly string[],
): string | undefined {
  if (failure.message) return failure.message;
  const rest = unclaimed(failure.errors, fields);
  return rest.length > 0 ? rest.join(' · ') : undefined;
}
