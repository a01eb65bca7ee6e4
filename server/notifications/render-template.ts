/**
 * The template language is Mustache (`{{user.name}}`, `{{#link}}…{{/link}}`). Templates are
 * checked at save time — syntax, known variables, no partials, no unescaped output in
 * HTML — and rendered the same way by previews and by `send`.
 */
import Mustache from 'mustache';
import type { FieldIssue } from '../errors';

// Every save and preview parses a different draft: a template cache would only grow.
Mustache.templateCache = undefined;

type Token = [string, string, number, number, ...unknown[]];

/** How a template field is checked and rendered. */
export interface FieldRules {
  /** The field's path in error messages, e.g. `email.html`. */
  path: string;
  /** The variable names the template may use. */
  allowed: ReadonlySet<string>;
  /** HTML fields escape every value and refuse `{{{…}}}` / `{{&…}}`. */
  html: boolean;
}

/** Problems with one template field (empty when it is fine). */
export function checkTemplate(source: string, rules: FieldRules): FieldIssue[] {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(source) as Token[];
  } catch (error) {
    return [{ path: rules.path, message: describeSyntaxError(source, error) }];
  }
  const issues: FieldIssue[] = [];
  walk(tokens, (token) => {
    const [type, name, start] = token;
    const where = `line ${lineOf(source, start)}`;
    if (type === '>') {
      issues.push({ path: rules.path, message: `${where}: partials ({{> ${name}}}) are not supported` });
      return;
    }
    if (type !== 'name' && type !== '&' && type !== '#' && type !== '^') return;
    if (name !== '.' && !rules.allowed.has(name)) {
      issues.push({ path: rules.path, message: `${where}: unknown variable "${name}"${suggestion(rules.allowed)}` });
    }
    if (rules.html && type === '&') {
      issues.push({
        path: rules.path,
        message: `${where}: "${name}" must be escaped in HTML; write {{${name}}} instead of {{{${name}}}}`,
      });
    }
  });
  return issues;
}

/** The variable names a template uses, in order of first use (for a valid template). */
export function usedVariables(source: string): string[] {
  const names = new Set<string>();
  walk(Mustache.parse(source) as Token[], ([type, name]) => {
    if ((type === 'name' || type === '&' || type === '#' || type === '^') && name !== '.') names.add(name);
  });
  return [...names];
}

/** Renders a checked template; `html` escapes every value for HTML. */
export function renderTemplate(source: string, variables: Record<string, string>, html: boolean): string {
  return Mustache.render(source, nest(variables), {}, { escape: html ? escapeHtml : plain });
}

function plain(value: unknown): string {
  return String(value);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** `{ 'org.name': 'Acme' }` → `{ org: { name: 'Acme' } }`, as Mustache resolves dotted names. */
function nest(variables: Record<string, string>): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables)) {
    const parts = name.split('.');
    let node = view;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : (node[part] = {});
    }
    node[parts[parts.length - 1] ?? name] = value;
  }
  return view;
}

function walk(tokens: Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    const children = token[4];
    if (Array.isArray(children)) walk(children as Token[], visit);
  }
}

/** Mustache reports `Unclosed tag at 42`; say which line that is. */
function describeSyntaxError(source: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^(.*) at (\d+)$/.exec(message);
  if (!match) return `template syntax error: ${message}`;
  return `line ${lineOf(source, Number(match[2]))}: ${match[1]?.toLowerCase() ?? 'syntax error'}`;
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < source.length; index += 1) if (source[index] === '\n') line += 1;
  return line;
}

function suggestion(allowed: ReadonlySet<string>): string {
  return ` (known: ${[...allowed].join(', ')})`;
}
