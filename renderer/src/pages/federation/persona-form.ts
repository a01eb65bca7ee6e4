/**
 * The persona form's draft: groups as a comma list, further attributes as `name = value`
 * lines (a name given twice becomes a multi-valued attribute). Checked with the server's
 * own schema, so the error paths are the server's (`handle`, `attributes.dept`).
 */
import { personaInputSchema, type Persona, type PersonaInput } from '../../../../server/model/federation';
import type { FieldIssue } from '../../api/client';
import { pathErrors, zodIssues, type PathErrors } from './path-errors';

export interface PersonaDraft {
  handle: string;
  displayName: string;
  email: string;
  givenName: string;
  familyName: string;
  groups: string;
  attributes: string;
}

export const PERSONA_FIELDS = [
  'handle',
  'displayName',
  'email',
  'givenName',
  'familyName',
  'groups',
  'attributes',
] as const;

export const emptyPersonaDraft = (): PersonaDraft => ({
  handle: '',
  displayName: '',
  email: '',
  givenName: '',
  familyName: '',
  groups: '',
  attributes: '',
});

/** `a, b,, c` → `['a', 'b', 'c']`. */
export const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export function attributesToText(attributes: Persona['attributes']): string {
  return Object.entries(attributes)
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item) => `${name} = ${item}`))
    .join('\n');
}

/** Parses `name = value` lines; a line without `=` is reported with its number. */
export function parseAttributes(text: string): { attributes: Record<string, string | string[]>; issue?: string } {
  const attributes: Record<string, string | string[]> = {};
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf('=');
    if (at <= 0) return { attributes, issue: `line ${index + 1}: write name = value` };
    const name = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    const current = attributes[name];
    attributes[name] = current === undefined ? value : [...(Array.isArray(current) ? current : [current]), value];
  }
  return { attributes };
}

export function draftFromPersona(persona: Persona): PersonaDraft {
  return {
    handle: persona.handle,
    displayName: persona.displayName,
    email: persona.email,
    givenName: persona.givenName ?? '',
    familyName: persona.familyName ?? '',
    groups: persona.groups.join(', '),
    attributes: attributesToText(persona.attributes),
  };
}

export function toPersonaInput(draft: PersonaDraft): PersonaInput {
  return {
    handle: draft.handle.trim(),
    displayName: draft.displayName.trim(),
    email: draft.email.trim(),
    ...(draft.givenName.trim() ? { givenName: draft.givenName.trim() } : {}),
    ...(draft.familyName.trim() ? { familyName: draft.familyName.trim() } : {}),
    groups: splitList(draft.groups),
    attributes: parseAttributes(draft.attributes).attributes,
  };
}

/** Client-side check (the server's schema plus the attribute lines); empty when fine. */
export function validatePersona(draft: PersonaDraft): PathErrors {
  const issues: FieldIssue[] = [];
  const result = personaInputSchema.safeParse(toPersonaInput(draft));
  if (!result.success) issues.push(...zodIssues(result.error));
  const { issue } = parseAttributes(draft.attributes);
  if (issue) issues.push({ path: 'attributes', message: issue });
  return pathErrors(issues);
}

/** A handle suggested from an email: `Jane.Doe@acme.test` → `jane.doe`. */
export function handleFromEmail(email: string): string {
  const local = email.split('@')[0] ?? '';
  return local
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 64);
}
