/**
 * Careful XML handling for SAML: the text checks that run before any parser sees a
 * message (no DOCTYPE, no processing instruction), a strict parser that treats every
 * parser complaint as fatal, small DOM helpers, and pretty-printing for traces.
 */
import { DOMParser } from '@xmldom/xmldom';

/** The largest SAML message accepted, after base64 decoding. */
export const MAX_SAML_BYTES = 256 * 1024;

/** A deflated Redirect-binding message may inflate at most this many times. */
export const MAX_INFLATE_RATIO = 20;

const XML_DECLARATION = /^\uFEFF?<\?xml\s[^?]*\?>/;

/** True when the text declares a DTD or an entity (refused before parsing: XXE, billion laughs). */
export function hasDoctype(xml: string): boolean {
  return /<!DOCTYPE|<!ENTITY/i.test(xml);
}

/**
 * True when the text holds a processing instruction other than the leading XML
 * declaration (`<?p x?>` inside a signed value digests as text: security.md §6).
 */
export function hasProcessingInstruction(xml: string): boolean {
  return xml.replace(XML_DECLARATION, '').includes('<?');
}

export class XmlParseError extends Error {}

/** Parses `xml`, refusing anything the parser warns about and anything beside one root element. */
export function parseXml(xml: string): Document {
  const problems: string[] = [];
  const note = (message: string) => problems.push(message.replace(/^\[xmldom \w+\]\s*/, '').split('\n')[0] ?? message);
  const doc = new DOMParser({
    locator: {},
    errorHandler: { warning: note, error: note, fatalError: note },
  }).parseFromString(xml, 'text/xml');
  if (problems.length > 0) throw new XmlParseError(problems[0]);
  if (!doc?.documentElement) throw new XmlParseError('there is no root element');
  for (const node of Array.from(doc.childNodes)) {
    if (node.nodeType === node.ELEMENT_NODE && node !== doc.documentElement)
      throw new XmlParseError('there is more than one root element');
    if (node.nodeType === node.TEXT_NODE && (node.nodeValue ?? '').trim() !== '')
      throw new XmlParseError('there is text outside the root element');
  }
  return doc;
}

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === 1;
}

/** The child elements of `node`, optionally only those named `localName` in `ns`. */
export function childElements(node: Node, localName?: string, ns?: string): Element[] {
  return Array.from(node.childNodes).filter(
    (child): child is Element =>
      isElement(child) &&
      (localName === undefined || child.localName === localName) &&
      (ns === undefined || child.namespaceURI === ns),
  );
}

export function firstChildElement(node: Node, localName: string, ns: string): Element | undefined {
  return childElements(node, localName, ns)[0];
}

/** Every element below `node` named `localName` in `ns`, in document order. */
export function descendantElements(node: Document | Element, localName: string, ns: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(ns, localName));
}

/** Walks down a path of child elements, all in one namespace. */
export function pathElement(node: Node, ns: string, ...path: string[]): Element | undefined {
  let current: Node | undefined = node;
  for (const name of path) {
    current = current ? firstChildElement(current, name, ns) : undefined;
  }
  return current as Element | undefined;
}

/** The element's text with surrounding whitespace removed (comments do not cut it). */
export function textOf(element: Element | undefined): string | undefined {
  return element ? (element.textContent ?? '').trim() : undefined;
}

export function attributeOf(element: Element | undefined, name: string): string | undefined {
  return element?.hasAttribute(name) ? (element.getAttribute(name) ?? undefined) : undefined;
}

const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (value: string) => escapeText(value).replace(/"/g, '&quot;');

/** Indented XML for people (traces, the persona picker); never used for signatures. */
export function prettyXml(source: string | Document | Element): string {
  const root = typeof source === 'string' ? parseXml(source) : source;
  const lines: string[] = [];
  const walk = (node: Node, depth: number) => {
    const indent = '  '.repeat(depth);
    if (node.nodeType === 9) {
      for (const child of Array.from(node.childNodes)) walk(child, depth);
      return;
    }
    if (node.nodeType === 8) {
      lines.push(`${indent}<!--${node.nodeValue ?? ''}-->`);
      return;
    }
    if (node.nodeType === 3 || node.nodeType === 4) {
      const text = (node.nodeValue ?? '').trim();
      if (text) lines.push(`${indent}${escapeText(text)}`);
      return;
    }
    if (!isElement(node)) return;
    const attributes = Array.from(node.attributes)
      .map((attribute) => ` ${attribute.name}="${escapeAttribute(attribute.value)}"`)
      .join('');
    const children = Array.from(node.childNodes).filter(
      (child) => child.nodeType !== 3 || (child.nodeValue ?? '').trim() !== '',
    );
    if (children.length === 0) {
      lines.push(`${indent}<${node.nodeName}${attributes}/>`);
    } else if (children.length === 1 && children[0]?.nodeType === 3) {
      lines.push(
        `${indent}<${node.nodeName}${attributes}>${escapeText((children[0].nodeValue ?? '').trim())}</${node.nodeName}>`,
      );
    } else {
      lines.push(`${indent}<${node.nodeName}${attributes}>`);
      for (const child of children) walk(child, depth + 1);
      lines.push(`${indent}</${node.nodeName}>`);
    }
  };
  walk(root, 0);
  return lines.join('\n');
}

/** `prettyXml`, or the raw text (cut short) when it does not parse. */
export function displayXml(xml: string, limit = 64 * 1024): string {
  const cut = xml.length > limit ? `${xml.slice(0, limit)}…` : xml;
  if (hasDoctype(xml) || hasProcessingInstruction(xml)) return cut;
  try {
    return prettyXml(xml);
  } catch {
    return cut;
  }
}
