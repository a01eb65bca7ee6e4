/**
 * Reading what an SP sends a mock IdP: a SAMLRequest in the Redirect binding (deflated,
 * bounded inflation) or the POST binding, refused if it declares a DOCTYPE or holds a
 * processing instruction, parsed strictly into an AuthnRequest or LogoutRequest; and the
 * check of its signature when the SP's certificate is known.
 */
import { verify } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';
import { NS, SIGNATURE_ALGORITHMS } from '../../federation/saml/saml-vocabulary';
import {
  MAX_INFLATE_RATIO,
  MAX_SAML_BYTES,
  XmlParseError,
  attributeOf,
  childElements,
  firstChildElement,
  hasDoctype,
  hasProcessingInstruction,
  parseXml,
  textOf,
} from '../../federation/saml/saml-xml';

export class SamlRequestError extends Error {}

export interface AuthnRequestFacts {
  id: string;
  /** The SP's entity ID. */
  issuer: string;
  acsUrl: string | null;
  destination: string | null;
  nameIdFormat: string | null;
  /** The request, decoded. */
  xml: string;
  /** Whether it carries an enveloped signature (POST binding). */
  embeddedSignature: boolean;
}

export interface LogoutRequestFacts {
  id: string;
  issuer: string;
  nameId: string | null;
  sessionIndex: string | null;
  xml: string;
}

/** The XML of a SAMLRequest parameter: Redirect messages are deflated, POST ones plain (or deflated). */
export function decodeSamlMessage(encoded: string, binding: 'redirect' | 'post'): string {
  if (encoded.length > Math.ceil((MAX_SAML_BYTES * 4) / 3) || !/^[A-Za-z0-9+/=\r\n ]+$/.test(encoded)) {
    throw new SamlRequestError('The SAMLRequest is not base64 or is too large.');
  }
  const bytes = Buffer.from(encoded, 'base64');
  const plain = bytes.toString('utf8').trimStart();
  if (binding === 'post' && plain.startsWith('<')) return plain;
  try {
    const limit = Math.min(MAX_SAML_BYTES, Math.max(4096, bytes.length * MAX_INFLATE_RATIO));
    return inflateRawSync(bytes, { maxOutputLength: limit }).toString('utf8');
  } catch {
    throw new SamlRequestError('The SAMLRequest does not inflate (or inflates beyond the allowed size).');
  }
}

function parseSafely(xml: string, localName: string): Element {
  if (hasDoctype(xml)) throw new SamlRequestError('The request declares a DOCTYPE; it was not read.');
  if (hasProcessingInstruction(xml))
    throw new SamlRequestError('The request contains a processing instruction; it was not read.');
  let root: Element;
  try {
    root = parseXml(xml).documentElement;
  } catch (error) {
    if (error instanceof XmlParseError)
      throw new SamlRequestError(`The request is not well-formed XML: ${error.message}.`);
    throw error;
  }
  if (root.localName !== localName || root.namespaceURI !== NS.protocol) {
    throw new SamlRequestError(`Expected a ${localName}, got a ${root.localName}.`);
  }
  if (!attributeOf(root, 'ID')) throw new SamlRequestError(`The ${localName} has no ID.`);
  return root;
}

export function parseAuthnRequest(xml: string): AuthnRequestFacts {
  const root = parseSafely(xml, 'AuthnRequest');
  const issuer = textOf(firstChildElement(root, 'Issuer', NS.assertion));
  if (!issuer) throw new SamlRequestError('The AuthnRequest names no Issuer (the SP entity ID).');
  return {
    id: attributeOf(root, 'ID') as string,
    issuer,
    acsUrl: attributeOf(root, 'AssertionConsumerServiceURL') ?? null,
    destination: attributeOf(root, 'Destination') ?? null,
    nameIdFormat: attributeOf(firstChildElement(root, 'NameIDPolicy', NS.protocol), 'Format') ?? null,
    xml,
    embeddedSignature: childElements(root, 'Signature', NS.dsig).length > 0,
  };
}

export function parseLogoutRequest(xml: string): LogoutRequestFacts {
  const root = parseSafely(xml, 'LogoutRequest');
  return {
    id: attributeOf(root, 'ID') as string,
    issuer: textOf(firstChildElement(root, 'Issuer', NS.assertion)) ?? '',
    nameId: textOf(firstChildElement(root, 'NameID', NS.assertion)) ?? null,
    sessionIndex: textOf(firstChildElement(root, 'SessionIndex', NS.protocol)) ?? null,
    xml,
  };
}

const QUERY_ALGORITHMS: Record<string, string> = {
  [SIGNATURE_ALGORITHMS.rsaSha256]: 'sha256',
  [SIGNATURE_ALGORITHMS.rsaSha512]: 'sha512',
};

/**
 * Verifies a Redirect-binding signature over the query as sent (SAMLRequest, RelayState,
 * SigAlg, in that order, still URL-encoded). Undefined when the request is unsigned.
 */
export function verifyQuerySignature(rawQuery: string, certificatePem: string): boolean | undefined {
  const raw = new Map<string, string>();
  for (const pair of rawQuery.split('&')) {
    const [name, value = ''] = pair.split('=');
    if (name && !raw.has(name)) raw.set(name, value);
  }
  const signature = raw.get('Signature');
  const sigAlg = raw.get('SigAlg');
  if (!signature || !sigAlg) return undefined;
  const hash = QUERY_ALGORITHMS[decodeURIComponent(sigAlg)];
  if (!hash) return false;
  const signed = ['SAMLRequest', 'RelayState', 'SigAlg']
    .filter((name) => raw.has(name))
    .map((name) => `${name}=${raw.get(name)}`)
    .join('&');
  try {
    return verify(hash, Buffer.from(signed), certificatePem, Buffer.from(decodeURIComponent(signature), 'base64'));
  } catch {
    return false;
  }
}

/** Verifies the enveloped signature of a POST-binding request with the SP's certificate. */
export function verifyEmbeddedSignature(xml: string, certificatePem: string): boolean {
  try {
    const root = parseXml(xml).documentElement;
    const signature = firstChildElement(root, 'Signature', NS.dsig);
    if (!signature) return false;
    const verifier = new SignedXml({ publicCert: certificatePem });
    verifier.loadSignature(signature);
    return verifier.checkSignature(xml);
  } catch {
    return false;
  }
}
