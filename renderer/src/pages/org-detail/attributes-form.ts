/**
 * The attributes editor's rows (name, type, value as typed) and their checks. Rows become
 * the `attributes` object of an organization: `{ "plan": "enterprise", "seats": 250 }`.
 */
import type { Organization } from '../../../../server/model/organization';
import type { FieldIssue } from '../../api/client';

export type AttributeType = 'string' | 'number' | 'boolean';
export type AttributeValue = Organization['attributes'][string];

export interface AttributeRow {
  id: number;
  key: string;
  type: AttributeType;
  /** As typed; `true`/`false` for booleans. */
  value: string;
}

export interface RowError {
  key?: string;
  value?: string;
}

export interface AttributeErrors {
  rows: Record<number, RowError>;
  general?: string;
}

export const ATTRIBUTES_MAX = 50;
const VALUE_MAX = 1000;
const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

let lastRowId = 0;
const nextRowId = () => ++lastRowId;

export function newRow(): AttributeRow {
  return { id: nextRowId(), key: '', type: 'string', value: '' };
}

export function rowsFrom(attributes: Organization['attributes'] | undefined): AttributeRow[] {
  return Object.entries(attributes ?? {}).map(([key, value]) => ({
    id: nextRowId(),
    key,
    type: typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string',
    value: String(value),
  }));
}

const isBlank = (row: AttributeRow) => !row.key.trim() && (row.type === 'boolean' || !row.value.trim());

/** A row's value converted to its type (numbers are checked by `validateRows`). */
function valueOf(row: AttributeRow): AttributeValue {
  if (row.type === 'number') return Number(row.value.trim());
  if (row.type === 'boolean') return row.value === 'true';
  return row.value;
}

/** The attributes object; rows left completely empty are ignored. */
export function toAttributes(rows: readonly AttributeRow[]): Organization['attributes'] {
  const out: Organization['attributes'] = {};
  for (const row of rows) if (!isBlank(row)) out[row.key.trim()] = valueOf(row);
  return out;
}

/** Whether the rows say something other than `attributes` (order and empty rows aside). */
export function attributesChanged(rows: readonly AttributeRow[], attributes: Organization['attributes']): boolean {
  const canonical = (record: Organization['attributes']) =>
    JSON.stringify(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return canonical(toAttributes(rows)) !== canonical(attributes);
}

/** Converts a row to another type, keeping the value when it still makes sense. */
export function retype(row: AttributeRow, type: AttributeType): AttributeRow {
  if (type === 'boolean') return { ...row, type, value: row.value === 'false' ? 'false' : 'true' };
  return { ...row, type };
}

/** Client-side checks, by row id. */
export function validateRows(rows: readonly AttributeRow[]): AttributeErrors {
  const errors: AttributeErrors = { rows: {} };
  const seen = new Set<string>();
  const typed = rows.filter((row) => !isBlank(row));
  if (typed.length > ATTRIBUTES_MAX) errors.general = `At most ${ATTRIBUTES_MAX} attributes.`;
  for (const row of typed) {
    const key = row.key.trim();
    const error: RowError = {};
    if (!key) error.key = 'Give the attribute a name.';
    else if (!KEY_PATTERN.test(key))
      error.key = 'Use letters, digits and _, not starting with a digit (at most 64 characters).';
    else if (seen.has(key)) error.key = `“${key}” is listed twice.`;
    seen.add(key);
    if (row.type === 'number' && (!row.value.trim() || !Number.isFinite(Number(row.value.trim()))))
      error.value = 'Must be a number, e.g. 250 or 0.5.';
    if (row.type === 'string' && row.value.length > VALUE_MAX) error.value = `At most ${VALUE_MAX} characters.`;
    if (error.key || error.value) errors.rows[row.id] = error;
  }
  return errors;
}

export const hasAttributeErrors = (errors: AttributeErrors): boolean =>
  errors.general !== undefined || Object.keys(errors.rows).length > 0;

/** Places the server's `attributes.plan` issues on the row named `plan`. */
export function attributeErrorsFrom(issues: readonly FieldIssue[], rows: readonly AttributeRow[]): AttributeErrors {
  const errors: AttributeErrors = { rows: {} };
  for (const issue of issues) {
    if (!issue.path.startsWith('attributes')) continue;
    const key = issue.path.slice('attributes.'.length);
    const row = key ? rows.find((candidate) => candidate.key.trim() === key) : undefined;
    if (row) errors.rows[row.id] = { value: issue.message };
    else errors.general ??= issue.message;
  }
  return errors;
}
