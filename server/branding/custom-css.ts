/**
 * Custom CSS of a theme, within limits: parsed with PostCSS, it may style the hosted pages
 * but never load anything from elsewhere or leave its stylesheet. Refused: @import and other
 * loading at-rules, url() other than an uploaded asset, expression(), behaviours and bindings,
 * `javascript:`, and markup such as `</style`. Each problem names its line and rule.
 */
import postcss, { CssSyntaxError, type Node as CssNode } from 'postcss';
import { CUSTOM_CSS_MAX } from '../model/theme';

const ALLOWED_AT_RULES = new Set(['media', 'supports', 'keyframes', '-webkit-keyframes', 'container', 'layer']);
const ASSET_URL = /^\/_orgbench\/assets\/ast_[A-Za-z0-9_-]{8,64}$/;
const URL_FUNCTIONS = /\b(url|src|image-set|image|cross-fade|element)\s*\(/gi;

export interface CustomCssProblem {
  line: number;
  message: string;
}

/** Resolves CSS escapes (`\75 rl(` is `url(`), so a check cannot be dodged by spelling. */
function unescapeCss(value: string): string {
  return value
    .replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 0xfffd))
    .replace(/\\(.)/g, '$1');
}

function describe(node: CssNode): string {
  const text = node.toString().replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function lineOf(node: CssNode): number {
  return node.source?.start?.line ?? 1;
}

/** Problems of one value (a declaration's, an at-rule's parameters or a selector). */
function valueProblem(raw: string): string | undefined {
  const value = unescapeCss(raw);
  if (/expression\s*\(/i.test(value)) return 'expression() is not allowed';
  if (/javascript\s*:/i.test(value)) return 'javascript: is not allowed';
  if (/<\s*\/?\s*(style|script)/i.test(value) || /<!--|-->/.test(value)) return 'markup is not allowed in CSS';
  for (const match of value.matchAll(URL_FUNCTIONS)) {
    const name = (match[1] ?? '').toLowerCase();
    if (name !== 'url') return `${name}() is not allowed (use url() with an uploaded asset)`;
    const rest = value.slice((match.index ?? 0) + match[0].length);
    const target = /^\s*(['"]?)([^'")]*)\1\s*\)/.exec(rest)?.[2]?.trim() ?? '';
    if (!ASSET_URL.test(target)) {
      return `url(${target.slice(0, 40)}) is not allowed: only uploaded assets (/_orgbench/assets/ast_…) may be referenced`;
    }
  }
  return undefined;
}

/** Every problem in `css`, in source order; empty when it may be used. */
export function checkCustomCss(css: string): CustomCssProblem[] {
  if (css.length > CUSTOM_CSS_MAX) {
    return [{ line: 1, message: `is ${css.length} characters; at most ${CUSTOM_CSS_MAX} are allowed` }];
  }
  if (/<\/style/i.test(css)) {
    const line = css.slice(0, css.search(/<\/style/i)).split('\n').length;
    return [{ line, message: '</style is not allowed' }];
  }
  let root;
  try {
    root = postcss.parse(css);
  } catch (error) {
    if (error instanceof CssSyntaxError)
      return [{ line: error.line ?? 1, message: `CSS syntax error: ${error.reason}` }];
    throw error;
  }
  const problems: CustomCssProblem[] = [];
  const report = (node: CssNode, message: string) =>
    problems.push({ line: lineOf(node), message: `${message} (in "${describe(node)}")` });
  root.walk((node) => {
    if (node.type === 'atrule') {
      if (!ALLOWED_AT_RULES.has(node.name.toLowerCase())) report(node, `@${node.name} is not allowed`);
      else {
        const problem = valueProblem(node.params);
        if (problem) report(node, problem);
      }
    } else if (node.type === 'rule') {
      const problem = valueProblem(node.selector);
      if (problem) report(node, problem);
    } else if (node.type === 'decl') {
      const property = unescapeCss(node.prop).toLowerCase();
      if (property === 'behavior' || property === '-moz-binding') report(node, `${node.prop} is not allowed`);
      const problem = valueProblem(node.value);
      if (problem) report(node, problem);
    }
  });
  return problems;
}

/** `css` as PostCSS prints it back (only called on CSS that passed the check). */
export function normalizeCustomCss(css: string): string {
  return postcss.parse(css).toString().trim();
}
