/**
 * The paste box's choice of keys for verifying a token, and where the server's field
 * errors (`token`, `keys.jwks`, …) land in the form.
 */
import type { FieldIssue } from '../../api/client';
import type { KeySource } from '../../api/tokens-api';

export type KeySourceKind = KeySource['kind'];

export interface PasteDraft {
  token: string;
  keyKind: KeySourceKind;
  issuer: string;
  jwks: string;
  url: string;
}

export const EMPTY_PASTE_DRAFT: PasteDraft = { token: '', keyKind: 'auto', issuer: '', jwks: '', url: '' };

export const KEY_SOURCE_OPTIONS: { kind: KeySourceKind; label: string; hint: string }[] = [
  { kind: 'auto', label: 'Auto', hint: 'The token’s iss, if it is an Orgbench issuer' },
  { kind: 'issuer', label: 'A known issuer', hint: 'One of this Orgbench’s issuers' },
  { kind: 'jwks', label: 'Paste a JWKS', hint: 'Public keys as JSON, e.g. from another IdP' },
  { kind: 'discovery', label: 'Discovery URL', hint: 'Fetch jwks_uri from .well-known/openid-configuration' },
];

/** The `keys` member of the inspect request for `draft`. */
export function toKeySource(draft: PasteDraft): KeySource {
  switch (draft.keyKind) {
    case 'auto':
      return { kind: 'auto' };
    case 'issuer':
      return { kind: 'issuer', issuer: draft.issuer };
    case 'jwks':
      return { kind: 'jwks', jwks: draft.jwks };
    case 'discovery':
      return { kind: 'discovery', url: draft.url.trim() };
  }
}

export type PasteField = 'token' | 'issuer' | 'jwks' | 'url' | 'form';
export type PasteErrors = Partial<Record<PasteField, string>>;

const FIELD_BY_PATH: Record<string, PasteField> = {
  token: 'token',
  'keys.issuer': 'issuer',
  'keys.jwks': 'jwks',
  'keys.url': 'url',
};

/** Maps the server's field issues onto the paste form; unknown paths become a form error. */
export function pasteErrorsFrom(issues: readonly FieldIssue[]): PasteErrors {
  const errors: PasteErrors = {};
  for (const issue of issues) {
    const field = FIELD_BY_PATH[issue.path] ?? 'form';
    const message = field === 'form' && issue.path ? `${issue.path}: ${issue.message}` : issue.message;
    errors[field] ??= message;
  }
  return errors;
}
