/**
 * What a trace step carried, made readable: XML messages as pretty-printed, coloured
 * code; values that look like JWTs decoded into header and claims; everything else as
 * JSON. SAML signature and encryption flags become badges.
 */
import { decodeJwt } from '../tokens/jwt-parts';

export type ContentBlock =
  | { kind: 'xml'; key: string; text: string }
  | { kind: 'jwt'; key: string; raw: string; header: Record<string, unknown>; claims: Record<string, unknown> }
  | { kind: 'json'; value: Record<string, unknown> };

export interface SecurityBadge {
  id: 'responseSigned' | 'assertionSigned' | 'encrypted';
  label: string;
  tone: 'ok' | 'warn' | 'neutral';
}

/** The keys the server uses for what a SAML message had signed and encrypted. */
const SECURITY_KEYS = ['responseSigned', 'assertionSigned', 'encrypted'] as const;

export const looksLikeXml = (value: string): boolean => /^\s*</.test(value) && />\s*$/.test(value);

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** True for a compact signed JWT whose header and claims decode as JSON objects. */
export const looksLikeJwt = (value: string): boolean => JWT_SHAPE.test(value.trim()) && decodeJwt(value) !== undefined;

/** Splits a step's detail into readable blocks: XML and JWT values first, the rest as one JSON block. */
export function contentBlocks(detail: Record<string, unknown> | null): ContentBlock[] {
  if (!detail) return [];
  const blocks: ContentBlock[] = [];
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    if ((SECURITY_KEYS as readonly string[]).includes(key)) continue;
    if (typeof value === 'string' && looksLikeXml(value)) {
      blocks.push({ kind: 'xml', key, text: value.trim() });
      continue;
    }
    const jwt = typeof value === 'string' && JWT_SHAPE.test(value.trim()) ? decodeJwt(value) : undefined;
    if (jwt) {
      blocks.push({ kind: 'jwt', key, raw: (value as string).trim(), header: jwt.header, claims: jwt.claims });
      continue;
    }
    rest[key] = value;
  }
  if (Object.keys(rest).length > 0) blocks.push({ kind: 'json', value: rest });
  return blocks;
}

/** Badges for the signature and encryption flags a SAML step carries; none for other steps. */
export function securityBadges(detail: Record<string, unknown> | null): SecurityBadge[] {
  if (!detail) return [];
  const badges: SecurityBadge[] = [];
  const flag = (key: (typeof SECURITY_KEYS)[number]) => detail[key];
  if (typeof flag('responseSigned') === 'boolean') {
    badges.push(
      flag('responseSigned')
        ? { id: 'responseSigned', label: 'Response signed', tone: 'ok' }
        : { id: 'responseSigned', label: 'Response not signed', tone: 'neutral' },
    );
  }
  if (typeof flag('assertionSigned') === 'boolean') {
    badges.push(
      flag('assertionSigned')
        ? { id: 'assertionSigned', label: 'Assertion signed', tone: 'ok' }
        : { id: 'assertionSigned', label: 'Assertion not signed', tone: 'warn' },
    );
  }
  if (typeof flag('encrypted') === 'boolean') {
    badges.push(
      flag('encrypted')
        ? { id: 'encrypted', label: 'Assertion encrypted', tone: 'ok' }
        : { id: 'encrypted', label: 'Not encrypted', tone: 'neutral' },
    );
  }
  return badges;
}

export type XmlTokenKind = 'punct' | 'tag' | 'attr' | 'value' | 'text' | 'comment';

export interface XmlToken {
  kind: XmlTokenKind;
  text: string;
}

const MARKUP = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<[^>]*>/g;
const ATTRIBUTE = /([^\s=]+)(\s*=\s*)("[^"]*"|'[^']*')|(\s+)/g;

/** Splits a tag (`<saml:Assertion ID="_1">`) into its punctuation, name and attributes. */
function tagTokens(tag: string): XmlToken[] {
  const match = /^(<\/?|<)([^\s/>]+)([\s\S]*?)(\/?>)$/.exec(tag);
  if (!match) return [{ kind: 'punct', text: tag }];
  const [, open = '<', name = '', attributes = '', close = '>'] = match;
  const tokens: XmlToken[] = [
    { kind: 'punct', text: open },
    { kind: 'tag', text: name },
  ];
  let last = 0;
  for (const part of attributes.matchAll(ATTRIBUTE)) {
    if (part.index > last) tokens.push({ kind: 'text', text: attributes.slice(last, part.index) });
    if (part[4] !== undefined) tokens.push({ kind: 'text', text: part[4] });
    else {
      tokens.push({ kind: 'attr', text: part[1] ?? '' });
      tokens.push({ kind: 'punct', text: part[2] ?? '=' });
      tokens.push({ kind: 'value', text: part[3] ?? '' });
    }
    last = part.index + part[0].length;
  }
  if (last < attributes.length) tokens.push({ kind: 'text', text: attributes.slice(last) });
  tokens.push({ kind: 'punct', text: close });
  return tokens;
}

/** XML as coloured tokens; joining their texts gives back the input exactly. */
export function xmlTokens(xml: string): XmlToken[] {
  const tokens: XmlToken[] = [];
  let last = 0;
  for (const match of xml.matchAll(MARKUP)) {
    if (match.index > last) tokens.push({ kind: 'text', text: xml.slice(last, match.index) });
    const markup = match[0];
    if (markup.startsWith('<!--') || markup.startsWith('<?') || markup.startsWith('<![CDATA[')) {
      tokens.push({ kind: 'comment', text: markup });
    } else tokens.push(...tagTokens(markup));
    last = match.index + markup.length;
  }
  if (last < xml.length) tokens.push({ kind: 'text', text: xml.slice(last) });
  return tokens;
}

/** Pretty JSON for a code block. */
export const prettyJson = (value: unknown): string => JSON.stringify(value, null, 2) ?? String(value);
