/**
 * Words and plain selectors for the mapping preview: the JIT badge and its sentence, the
 * attributes the mapping read, and parsing the pasted JSON. Tested without React.
 */
import type { JitAction, MappingPreview, PreviewField } from '../../../../server/model/mapping-preview';

export const JIT_BADGE: Record<JitAction, { label: string; tone: 'ok' | 'info' | 'danger' }> = {
  create: { label: 'Would create', tone: 'ok' },
  update: { label: 'Would update', tone: 'info' },
  link: { label: 'Would link by email', tone: 'info' },
  sign_in: { label: 'Would sign in', tone: 'info' },
  deny: { label: 'Would be denied', tone: 'danger' },
};

export const FIELD_LABELS: Record<PreviewField, string> = {
  email: 'Email',
  name: 'Name',
  givenName: 'Given name',
  familyName: 'Family name',
  groups: 'Groups',
};

/** One sentence on what happens to the Orgbench user. */
export function jitSentence(preview: MappingPreview): string {
  const jit = preview.jit;
  const email = preview.fields.email.value;
  if (!jit) return 'No user: the mapping fails before just-in-time provisioning.';
  const who = jit.existing ? `${jit.existing.name} (${jit.existing.email})` : String(email);
  switch (jit.action) {
    case 'create':
      return `A new user ${who} is created at the first login.`;
    case 'update':
      return `Signs in as the linked user ${who}, whose profile is refreshed from the IdP.`;
    case 'sign_in':
      return `Signs in as the linked user ${who}; nothing stored is overwritten.`;
    case 'link':
      return `Links this identity to the existing user ${who}${jit.changes.length > 0 ? ' and refreshes the profile' : ''}.`;
    case 'deny':
      return preview.failure?.message ?? 'The login is refused.';
  }
}

/** The attribute names the mapping read a field from (highlighted among those sent). */
export function usedAttributes(preview: MappingPreview): Set<string> {
  return new Set(Object.values(preview.fields).flatMap((field) => (field.from ? [field.from] : [])));
}

export type PastedAttributes = { ok: true; value: Record<string, string | string[]> } | { ok: false; message: string };

/** Pasted JSON as attributes: an object of strings or string lists. */
export function parsePastedAttributes(text: string): PastedAttributes {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'not valid JSON' };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, message: 'must be a JSON object of attribute names to values' };
  }
  for (const [name, value] of Object.entries(parsed)) {
    const fine = typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (!fine) return { ok: false, message: `“${name}” must be a string or a list of strings` };
  }
  return { ok: true, value: parsed as Record<string, string | string[]> };
}

/** Values as one line: lists joined with commas. */
export const showValue = (value: string | string[] | null): string =>
  value === null ? '—' : Array.isArray(value) ? value.join(', ') : value;
