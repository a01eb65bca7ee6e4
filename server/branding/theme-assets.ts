/**
 * Checks an uploaded logo or font by its bytes, never by its name or a claimed type:
 * PNG, JPEG, WebP and SVG logos; WOFF2, WOFF and TrueType fonts. SVG must be a plain
 * drawing: no scripts, event handlers, foreign objects or references outside the file.
 */
import { DOMParser } from '@xmldom/xmldom';
import { ValidationError } from '../errors';
import { ASSET_MAX_BYTES, type AssetKind } from '../model/theme';

const startsWith = (data: Buffer, bytes: number[], offset = 0) =>
  data.length >= offset + bytes.length && bytes.every((byte, index) => data[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The content type of a logo's bytes, or undefined when it is none of the accepted formats. */
function logoType(data: Buffer): string | undefined {
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return 'image/webp';
  const head = data
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head))
    return 'image/svg+xml';
  return undefined;
}

function fontType(data: Buffer): string | undefined {
  if (startsWith(data, ascii('wOF2'))) return 'font/woff2';
  if (startsWith(data, ascii('wOFF'))) return 'font/woff';
  if (startsWith(data, [0x00, 0x01, 0x00, 0x00]) || startsWith(data, ascii('true'))) return 'font/ttf';
  return undefined;
}

/** The parts of xmldom's nodes walked here. */
interface XmlNode {
  nodeType: number;
  localName?: string | null;
  textContent?: string | null;
  firstChild: XmlNode | null;
  nextSibling: XmlNode | null;
  attributes?: { length: number; item(index: number): { name: string; value: string } | null };
}

const SVG_FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'audio', 'video']);

/** Why an SVG is refused, or undefined when it is a plain drawing. */
export function svgProblem(text: string): string | undefined {
  if (/<!ENTITY/i.test(text)) return 'must not declare entities';
  const errors: string[] = [];
  const note = (message: unknown) =>
    errors.push(
      String(message)
        .replace(/^\[xmldom \w+\]\s*/, '')
        .split('\n')[0] ?? '',
    );
  const doc = new DOMParser({ errorHandler: { warning: note, error: note, fatalError: note } }).parseFromString(
    text,
    'image/svg+xml',
  );
  if (errors.length > 0) return `is not well-formed XML (${errors[0] ?? ''})`;
  const root = doc.documentElement as unknown as XmlNode | null;
  if (!root || root.localName !== 'svg') return 'must have <svg> as its root element';
  const stack: XmlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as XmlNode;
    if (node.nodeType !== 1) continue;
    const element = node;
    const name = (element.localName ?? '').toLowerCase();
    if (SVG_FORBIDDEN_ELEMENTS.has(name)) return `must not contain <${name}>`;
    const attributes = element.attributes;
    for (let index = 0; index < (attributes?.length ?? 0); index += 1) {
      const attribute = attributes?.item(index);
      if (!attribute) continue;
      const attrName = attribute.name.toLowerCase();
      if (attrName.startsWith('on')) return `must not have event handlers (${attribute.name} on <${name}>)`;
      if ((attrName === 'href' || attrName === 'xlink:href') && !attribute.value.trim().startsWith('#')) {
        return `must not reference anything outside the file (${attribute.name}="${attribute.value.slice(0, 40)}")`;
      }
      if (/url\(\s*['"]?(?!#)/i.test(attribute.value) || /javascript:/i.test(attribute.value)) {
        return `must not load anything from outside the file (${attribute.name} on <${name}>)`;
      }
    }
    if (name === 'style' && /@import|url\(\s*['"]?(?!#)/i.test(element.textContent ?? '')) {
      return 'must not import or load anything in <style>';
    }
    for (let child = element.firstChild; child; child = child.nextSibling) stack.push(child);
  }
  return undefined;
}

/** The checked content type of an upload, or a ValidationError naming `data`. */
export function checkAsset(kind: AssetKind, data: Buffer): string {
  const limit = ASSET_MAX_BYTES[kind];
  if (data.length === 0) throw new ValidationError([{ path: 'data', message: 'is empty' }]);
  if (data.length > limit) {
    throw new ValidationError([
      {
        path: 'data',
        message: `is ${Math.ceil(data.length / 1024)} KiB; a ${kind} may be at most ${limit / 1024} KiB`,
      },
    ]);
  }
  const type = kind === 'logo' ? logoType(data) : fontType(data);
  if (!type) {
    const accepted = kind === 'logo' ? 'PNG, JPEG, WebP or SVG' : 'WOFF2, WOFF or TrueType (.ttf)';
    throw new ValidationError([{ path: 'data', message: `is not a ${accepted} file` }]);
  }
  if (type === 'image/svg+xml') {
    const problem = svgProblem(data.toString('utf8'));
    if (problem) throw new ValidationError([{ path: 'data', message: `SVG ${problem}` }]);
  }
  return type;
}

/** Decodes strict base64 (the admin API carries uploads as base64 in JSON). */
export function decodeBase64(value: string): Buffer {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    throw new ValidationError([{ path: 'data', message: 'must be base64' }]);
  }
  return Buffer.from(compact, 'base64');
}
