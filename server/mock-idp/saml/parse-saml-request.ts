/**
 * Reading what an SP sends a mock IdP: a SAMLRequest in the Redirect binding (deflated,
 * bounded inflation) or the POST binding, refused if it declares a DOCTYPE or holds a
 * processing instruction, parsed strictly into an AuthnRequest or LogoutRequest; and the
 * check of its signature when the SP's certificate is known.
 */
import { SignedXml } from 'xml-crypto';
import {
  SamlBindingError,
  checkQuerySignature,
  decodeSamlMessage as decodeBinding,
  type SamlBinding,
} from '../../federation/saml/saml-bindings';
import { NS } from '../../federation/saml/saml-vocabulary';
import {
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
export function decodeSamlMessage(encoded: string, binding: SamlBinding): string {
  try {
    return decodeBinding(encoded, binding);
  } catch (error) {
    if (error instanceof SamlBindingError) throw new SamlRequestError(error.message);
    throw error;
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

/**
 * Verifies a Redirect-binding signature over the query as sent (SAMLRequest, RelayState,
 * SigAlg, in that order, still URL-encoded). Undefined when the request is unsigned; an
 * algorithm other than RSA-SHA256/512 counts as invalid.
 */
export function verifyQuerySignature(rawQuery: string, certificatePem: string): boolean | undefined {
  const checked = checkQuerySignature(rawQuery, [certificatePem]);
  if (checked.verdict === 'unsigned') return undefined;
  return checked.verdict === 'valid' && !checked.sha1;
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
