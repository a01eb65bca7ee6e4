/**
 * Reads a workspace file safely: at most 10 MiB, YAML with the core schema only (no
 * custom tags), a bounded number of aliases (no alias bombs), unique keys, and no
 * `__proto__`, `constructor` or `prototype` keys anywhere.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ValidationError, type FieldIssue } from '../errors';
import { formatPath } from '../model/validation';

export const WORKSPACE_FILE_MAX_BYTES = 10 * 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function readWorkspaceFile(path: string): unknown {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new ValidationError(
      [{ path: '', message: `cannot read ${path}` }],
      `Cannot read the workspace file ${path}.`,
    );
  }
  if (size > WORKSPACE_FILE_MAX_BYTES) {
    throw new ValidationError([{ path: '', message: 'larger than 10 MiB' }], `${path} is larger than 10 MiB.`);
  }
  return parseWorkspaceText(readFileSync(path, 'utf8'), extname(path).toLowerCase() === '.json' ? 'json' : 'yaml');
}

export function parseWorkspaceText(text: string, format: 'json' | 'yaml'): unknown {
  let value: unknown;
  try {
    value =
      format === 'json'
        ? JSON.parse(text)
        : parseYaml(text, { schema: 'core', merge: false, uniqueKeys: true, maxAliasCount: 100, customTags: [] });
  } catch (error) {
    throw new ValidationError([{ path: '', message: (error as Error).message.split('\n')[0] ?? 'unreadable' }]);
  }
  const issues: FieldIssue[] = [];
  walk(value, [], issues);
  if (issues.length > 0) throw new ValidationError(issues);
  return value;
}

function walk(value: unknown, path: PropertyKey[], issues: FieldIssue[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...path, index], issues));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key))
      issues.push({ path: formatPath([...path, key]), message: `the key "${key}" is not allowed` });
    else walk((value as Record<string, unknown>)[key], [...path, key], issues);
  }
}
