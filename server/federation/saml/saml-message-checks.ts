/**
 * Checks on the message as text and as a tree, before anything in it is believed: size,
 * no DOCTYPE, no processing instruction, strict parsing, one Response with at most one
 * assertion and signatures only where SAML puts them (signature wrapping), decryption
 * with safe algorithms, and signature algorithms (no HMAC, SHA-1 only if allowed).
 */
import { FederationError } from '../contracts';
import type { CheckOutcome, SamlCheckState } from './saml-check';
import { DecryptionError, decryptAssertion } from './decrypt-assertion';
import { DIGEST_ALGORITHMS, NS, SIGNATURE_ALGORITHMS, TRANSFORMS } from './saml-vocabulary';
import {
  MAX_SAML_BYTES,
  XmlParseError,
  attributeOf,
  childElements,
  descendantElements,
  firstChildElement,
  hasDoctype,
  hasProcessingInstruction,
  isElement,
  parseXml,
  prettyXml,
} from './saml-xml';

export function checkSize(state: SamlCheckState): CheckOutcome {
  const posted = state.input.samlResponse;
  if (!posted) throw new FederationError('saml_message', 'No SAMLResponse was posted to the ACS.');
  // Cheap bound before decoding: base64 is 4 characters per 3 bytes (plus line breaks).
  if (posted.length > Math.ceil((MAX_SAML_BYTES * 4) / 3) + 8192) {
    throw new FederationError('saml_size', `The SAMLResponse is larger than ${MAX_SAML_BYTES / 1024} KiB.`, 413);
  }
  if (!/^[A-Za-z0-9+/=\r\n\t ]+$/.test(posted))
    throw new FederationError('saml_message', 'The SAMLResponse is not base64.');
  const bytes = Buffer.from(posted, 'base64');
  if (bytes.length > MAX_SAML_BYTES) {
    throw new FederationError('saml_size', `The SAMLResponse is larger than ${MAX_SAML_BYTES / 1024} KiB.`, 413);
  }
  state.xml = bytes.toString('utf8');
  return { title: `Response size ${(bytes.length / 1024).toFixed(1)} KiB (limit ${MAX_SAML_BYTES / 1024} KiB)` };
}

export function rejectDoctype(state: SamlCheckState): void {
  if (hasDoctype(state.xml)) {
    throw new FederationError(
      'saml_doctype',
      'The response declares a DOCTYPE or entity; SAML messages never need one.',
    );
  }
}

export function rejectProcessingInstructions(state: SamlCheckState): void {
  if (hasProcessingInstruction(state.xml)) {
    throw new FederationError(
      'saml_processing_instruction',
      'The response contains a processing instruction (<?…?>), which can hide text from a signed value.',
    );
  }
}

export function parseResponse(state: SamlCheckState): void {
  const doc = parseOrReject(state.xml, 'response');
  const root = doc.documentElement;
  if (root.localName !== 'Response' || root.namespaceURI !== NS.protocol) {
    throw new FederationError('saml_xml', `The message is a ${root.localName}, not a SAML 2.0 Response.`);
  }
  state.doc = doc;
  state.response = root;
}

/** One Response, at most one assertion right under it, signatures only on the two of them, unique IDs. */
export function checkStructure(state: SamlCheckState): CheckOutcome {
  const doc = state.doc as Document;
  const response = state.response as Element;
  if (descendantElements(doc, 'Response', NS.protocol).length !== 1) {
    throw wrapping('A second Response is hidden inside the message.');
  }
  const assertions = [
    ...descendantElements(doc, 'Assertion', NS.assertion),
    ...descendantElements(doc, 'EncryptedAssertion', NS.assertion),
  ];
  if (assertions.some((assertion) => assertion.parentNode !== response)) {
    throw wrapping('An assertion is hidden outside its place (inside a signature, extension or another assertion).');
  }
  if (assertions.length > 1)
    throw wrapping(`The response carries ${assertions.length} assertions; exactly one is allowed.`);
  const [assertion] = assertions;
  checkSignaturePlacement(doc, assertion?.localName === 'Assertion' ? [response, assertion] : [response]);
  checkUniqueIds(doc);
  if (assertion?.localName === 'Assertion') state.assertion = assertion;
  if (assertion?.localName === 'EncryptedAssertion') state.encryptedAssertion = assertion;
  return {
    detail: {
      responseSigned: signatureOf(response) !== undefined,
      assertionSigned: assertion?.localName === 'Assertion' ? signatureOf(assertion) !== undefined : null,
      encrypted: assertion?.localName === 'EncryptedAssertion',
    },
  };
}

/** Decrypts an EncryptedAssertion (when there is one) and holds the plain assertion to the same rules. */
export function decryptIfEncrypted(state: SamlCheckState): CheckOutcome {
  const encrypted = state.encryptedAssertion;
  if (!encrypted) return { title: 'Assertion not encrypted' };
  let decrypted;
  try {
    decrypted = decryptAssertion(encrypted, state.input.keys.spPrivateKeyPem);
  } catch (error) {
    if (error instanceof DecryptionError) throw new FederationError('saml_encryption', error.message);
    throw error;
  }
  if (hasDoctype(decrypted.xml))
    throw new FederationError('saml_doctype', 'The encrypted assertion declares a DOCTYPE or entity.');
  if (hasProcessingInstruction(decrypted.xml)) {
    throw new FederationError(
      'saml_processing_instruction',
      'The encrypted assertion contains a processing instruction.',
    );
  }
  const doc = parseOrReject(decrypted.xml, 'decrypted assertion');
  const assertion = doc.documentElement;
  if (assertion.localName !== 'Assertion' || assertion.namespaceURI !== NS.assertion) {
    throw new FederationError(
      'saml_encryption',
      `The EncryptedAssertion holds a ${assertion.localName}, not an Assertion.`,
    );
  }
  if (descendantElements(doc, 'Assertion', NS.assertion).length !== 1) {
    throw wrapping('Another assertion is hidden inside the encrypted assertion.');
  }
  checkSignaturePlacement(doc, [assertion]);
  checkUniqueIds(doc, state.doc);
  state.decrypted = decrypted;
  state.assertion = assertion;
  return {
    title: `Assertion decrypted (${shortAlgorithm(decrypted.contentAlgorithm)}, RSA-OAEP)`,
    detail: {
      assertion: prettyXml(assertion),
      contentAlgorithm: decrypted.contentAlgorithm,
      keyTransport: decrypted.keyTransport,
    },
  };
}

const SIGNATURE_METHODS = new Set<string>(Object.values(SIGNATURE_ALGORITHMS));
const DIGEST_METHODS = new Set<string>(Object.values(DIGEST_ALGORITHMS));
const C14N_METHODS = new Set<string>([
  TRANSFORMS.excC14n,
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
]);
const TRANSFORM_METHODS = new Set<string>([...C14N_METHODS, TRANSFORMS.enveloped]);

/** Only RSA signatures with SHA-1/256/512 digests and c14n transforms: no HMAC, no XSLT or XPath. */
export function checkSignatureAlgorithms(state: SamlCheckState): CheckOutcome {
  const used = signatureAlgorithmsOf(state);
  for (const algorithm of used.signature) {
    if (!SIGNATURE_METHODS.has(algorithm)) {
      throw new FederationError(
        'saml_signature_algorithm',
        `The signature uses ${algorithm}; only RSA-SHA256/512 are accepted.`,
      );
    }
  }
  for (const algorithm of used.digest) {
    if (!DIGEST_METHODS.has(algorithm))
      throw new FederationError('saml_signature_algorithm', `The signature digests with ${algorithm}.`);
  }
  for (const algorithm of used.transforms) {
    if (!TRANSFORM_METHODS.has(algorithm)) {
      throw new FederationError('saml_signature_algorithm', `The signature uses the transform ${algorithm}.`);
    }
  }
  return { detail: { signature: [...used.signature], digest: [...used.digest] } };
}

/** SHA-1 signatures and digests are refused unless the connection allows legacy SHA-1. */
export function refuseSha1(state: SamlCheckState): CheckOutcome | void {
  const used = signatureAlgorithmsOf(state);
  const sha1 = used.signature.has(SIGNATURE_ALGORITHMS.rsaSha1) || used.digest.has(DIGEST_ALGORITHMS.sha1);
  if (!sha1) return;
  if (!state.input.connection.saml?.allowSha1) {
    throw new FederationError('saml_sha1', 'The response is signed with SHA-1, which this connection does not accept.');
  }
  return { title: 'SHA-1 signature accepted: this connection allows legacy SHA-1 (weak)' };
}

function signatureAlgorithmsOf(state: SamlCheckState) {
  const signature = new Set<string>();
  const digest = new Set<string>();
  const transforms = new Set<string>();
  const roots = [state.doc, state.decrypted ? state.assertion?.ownerDocument : undefined].filter(
    (doc): doc is Document => doc !== undefined && doc !== null,
  );
  for (const doc of roots) {
    for (const signedInfo of descendantElements(doc, 'SignedInfo', NS.dsig)) {
      signature.add(attributeOf(firstChildElement(signedInfo, 'SignatureMethod', NS.dsig), 'Algorithm') ?? '(none)');
      const c14n = attributeOf(firstChildElement(signedInfo, 'CanonicalizationMethod', NS.dsig), 'Algorithm');
      transforms.add(c14n ?? '(none)');
      for (const reference of childElements(signedInfo, 'Reference', NS.dsig)) {
        digest.add(attributeOf(firstChildElement(reference, 'DigestMethod', NS.dsig), 'Algorithm') ?? '(none)');
        for (const transform of descendantElements(reference, 'Transform', NS.dsig)) {
          transforms.add(attributeOf(transform, 'Algorithm') ?? '(none)');
        }
      }
    }
  }
  return { signature, digest, transforms };
}

function parseOrReject(xml: string, what: string): Document {
  try {
    return parseXml(xml);
  } catch (error) {
    if (error instanceof XmlParseError)
      throw new FederationError('saml_xml', `The ${what} is not well-formed XML: ${error.message}.`);
    throw error;
  }
}

/** Signatures only as a direct child of the signed elements, one each, with no ds:Object. */
function checkSignaturePlacement(doc: Document, signable: Element[]): void {
  for (const signature of descendantElements(doc, 'Signature', NS.dsig)) {
    if (!signable.includes(signature.parentNode as Element))
      throw wrapping('A signature sits where SAML never puts one.');
    if (descendantElements(signature, 'Object', NS.dsig).length > 0)
      throw wrapping('A signature carries an Object element.');
  }
  for (const element of signable) {
    if (childElements(element, 'Signature', NS.dsig).length > 1)
      throw wrapping(`The ${element.localName} carries two signatures.`);
  }
}

function checkUniqueIds(doc: Document, other?: Document): void {
  const seen = new Set<string>();
  const visit = (node: Node) => {
    if (isElement(node)) {
      for (const name of ['ID', 'Id', 'id']) {
        const value = node.getAttribute(name);
        if (!value) continue;
        if (seen.has(value)) throw wrapping(`Two elements carry the ID "${value}".`);
        seen.add(value);
      }
    }
    for (const child of Array.from(node.childNodes ?? [])) visit(child);
  };
  if (other) visit(other);
  visit(doc);
}

export function signatureOf(element: Element): Element | undefined {
  return firstChildElement(element, 'Signature', NS.dsig);
}

function wrapping(message: string): FederationError {
  return new FederationError('saml_structure', `${message} This is how signature-wrapping attacks look.`);
}

function shortAlgorithm(uri: string): string {
  return (uri.split('#')[1] ?? uri).toUpperCase();
}
