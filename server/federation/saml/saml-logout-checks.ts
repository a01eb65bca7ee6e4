/**
 * The checks on a LogoutRequest or LogoutResponse arriving at this SP's single-logout
 * endpoint, before anything in it is believed. In order:
 *
 *   1. decode       base64, bounded size and inflation (saml_message)
 *   2. no DOCTYPE   and no processing instruction (saml_doctype, saml_processing_instruction)
 *   3. parse        one LogoutRequest / LogoutResponse in the protocol namespace, with an ID
 *   4. Destination  this connection's single-logout URL (saml_destination)
 *   5. Issuer       the connection's IdP entity ID (saml_issuer)
 *   6. signature    required in both bindings: the Redirect query signature or an enveloped
 *                   signature on the root, by the IdP's certificate; SHA-1 only if the
 *                   connection allows it (saml_signature, saml_sha1)
 *   7. time         IssueInstant within the connection's skew and ten minutes old at most,
 *                   NotOnOrAfter not passed (saml_time)
 *
 * node-saml then validates the message again (its issuer, time and signature checks).
 */
import type { Connection, SamlConnectionConfig } from '../../model/federation';
import { FederationError } from '../contracts';
import { SamlBindingError, checkQuerySignature, decodeSamlMessage, type SamlBinding } from './saml-bindings';
import { DIGEST_ALGORITHMS, NS, SIGNATURE_ALGORITHMS } from './saml-vocabulary';
import {
  XmlParseError,
  attributeOf,
  childElements,
  descendantElements,
  firstChildElement,
  hasDoctype,
  hasProcessingInstruction,
  parseXml,
  textOf,
} from './saml-xml';

/** How old a logout message may be when it arrives. */
const MAX_AGE_MS = 10 * 60 * 1000;

export interface IncomingLogoutMessage {
  binding: SamlBinding;
  /** The SAMLRequest or SAMLResponse parameter as received. */
  encoded: string | undefined;
  relayState: string | undefined;
  /** The query string as sent (Redirect binding: the signature covers its exact bytes). */
  rawQuery: string;
}

export interface LogoutMessageFacts {
  xml: string;
  root: Element;
  id: string;
  issueInstant: Date;
}

type Kind = 'LogoutRequest' | 'LogoutResponse';

/** Runs checks 1–7 on a logout message for `connection`; throws the first rule that fails. */
export function checkLogoutMessage(
  kind: Kind,
  connection: Connection,
  saml: SamlConnectionConfig,
  message: IncomingLogoutMessage,
  now: Date,
): LogoutMessageFacts {
  const parameter = kind === 'LogoutRequest' ? 'SAMLRequest' : 'SAMLResponse';
  if (!message.encoded) throw new FederationError('saml_message', `No ${parameter} was sent.`);
  let xml: string;
  try {
    xml = decodeSamlMessage(message.encoded, message.binding, parameter);
  } catch (error) {
    if (error instanceof SamlBindingError) throw new FederationError('saml_message', error.message);
    throw error;
  }
  if (hasDoctype(xml))
    throw new FederationError('saml_doctype', `The ${kind} declares a DOCTYPE or entity; it was not read.`);
  if (hasProcessingInstruction(xml))
    throw new FederationError('saml_processing_instruction', `The ${kind} contains a processing instruction.`);
  const root = parseRoot(xml, kind);
  const id = attributeOf(root, 'ID');
  if (!id) throw new FederationError('saml_message', `The ${kind} has no ID.`);

  const destination = attributeOf(root, 'Destination');
  if (destination !== connection.sp.sloUrl) {
    throw new FederationError(
      'saml_destination',
      destination
        ? `The ${kind} is addressed to ${destination}, not to this SP's single-logout URL ${connection.sp.sloUrl}.`
        : `The ${kind} names no Destination; a signed logout message must name this SP's single-logout URL.`,
    );
  }
  const issuer = textOf(firstChildElement(root, 'Issuer', NS.assertion));
  if (issuer !== saml.idpEntityId) {
    throw new FederationError(
      'saml_issuer',
      `The ${kind} comes from ${issuer ?? '(no Issuer)'}, not from this connection's IdP ${saml.idpEntityId}.`,
    );
  }
  checkSignature(kind, root, saml, message);
  const issueInstant = checkTime(kind, root, saml, now);
  return { xml, root, id, issueInstant };
}

function parseRoot(xml: string, kind: Kind): Element {
  let root: Element;
  try {
    root = parseXml(xml).documentElement;
  } catch (error) {
    if (error instanceof XmlParseError)
      throw new FederationError('saml_message', `The ${kind} is not well-formed XML: ${error.message}.`);
    throw error;
  }
  if (root.localName !== kind || root.namespaceURI !== NS.protocol) {
    throw new FederationError('saml_message', `Expected a ${kind}, got a ${root.localName}.`);
  }
  return root;
}

function checkSignature(kind: Kind, root: Element, saml: SamlConnectionConfig, message: IncomingLogoutMessage): void {
  const refuseSha1 = () => {
    if (!saml.allowSha1)
      throw new FederationError(
        'saml_sha1',
        `The ${kind} is signed with SHA-1, which this connection does not accept.`,
      );
  };
  if (message.binding === 'redirect') {
    const parameter = kind === 'LogoutRequest' ? 'SAMLRequest' : 'SAMLResponse';
    const checked = checkQuerySignature(message.rawQuery, saml.idpCertificates, parameter);
    if (checked.verdict === 'unsigned')
      throw new FederationError('saml_signature', `The ${kind} is not signed (no Signature and SigAlg in the query).`);
    if (checked.verdict === 'unsupported_algorithm')
      throw new FederationError(
        'saml_signature',
        `The ${kind} is signed with ${checked.algorithm}, not RSA-SHA256/512.`,
      );
    if (checked.sha1) refuseSha1();
    if (checked.verdict === 'invalid')
      throw new FederationError(
        'saml_signature',
        `The ${kind}'s signature does not verify with the IdP's certificate.`,
      );
    return;
  }
  // POST: the signature must sit on the root; node-saml verifies it against the IdP's certificate.
  const signatures = descendantElements(root, 'Signature', NS.dsig);
  if (signatures.length !== 1 || !childElements(root, 'Signature', NS.dsig).length) {
    throw new FederationError(
      'saml_signature',
      signatures.length === 0
        ? `The ${kind} is not signed.`
        : `The ${kind} carries its signature somewhere other than on itself.`,
    );
  }
  const signedInfo = firstChildElement(signatures[0] as Element, 'SignedInfo', NS.dsig);
  const method = signedInfo
    ? attributeOf(firstChildElement(signedInfo, 'SignatureMethod', NS.dsig), 'Algorithm')
    : undefined;
  const digests = descendantElements(signatures[0] as Element, 'DigestMethod', NS.dsig).map((el) =>
    attributeOf(el, 'Algorithm'),
  );
  if (method === SIGNATURE_ALGORITHMS.rsaSha1 || digests.includes(DIGEST_ALGORITHMS.sha1)) refuseSha1();
}

function checkTime(kind: Kind, root: Element, saml: SamlConnectionConfig, now: Date): Date {
  const skewMs = saml.clockSkewSeconds * 1000;
  const issued = new Date(attributeOf(root, 'IssueInstant') ?? '');
  if (Number.isNaN(issued.getTime())) throw new FederationError('saml_time', `The ${kind} has no valid IssueInstant.`);
  if (issued.getTime() > now.getTime() + skewMs)
    throw new FederationError('saml_time', `The ${kind} was issued in the future (${issued.toISOString()}).`);
  if (issued.getTime() < now.getTime() - MAX_AGE_MS - skewMs)
    throw new FederationError('saml_time', `The ${kind} was issued at ${issued.toISOString()}, too long ago.`);
  const notOnOrAfter = attributeOf(root, 'NotOnOrAfter');
  if (notOnOrAfter && new Date(notOnOrAfter).getTime() <= now.getTime() - skewMs)
    throw new FederationError('saml_time', `The ${kind} expired at ${notOnOrAfter}.`);
  return issued;
}

/** The NameID and SessionIndexes a checked LogoutRequest names. */
export function logoutSubject(root: Element): {
  nameId: string;
  nameIdFormat: string | null;
  sessionIndexes: string[];
} {
  const nameIdElement = firstChildElement(root, 'NameID', NS.assertion);
  const nameId = textOf(nameIdElement);
  if (!nameId)
    throw new FederationError('saml_nameid', 'The LogoutRequest names no NameID (encrypted NameIDs are not read).');
  return {
    nameId,
    nameIdFormat: attributeOf(nameIdElement, 'Format') ?? null,
    sessionIndexes: childElements(root, 'SessionIndex', NS.protocol)
      .map((element) => textOf(element))
      .filter((value): value is string => Boolean(value)),
  };
}

/** The top-level status code of a checked LogoutResponse. */
export function logoutStatus(root: Element): string {
  const status = firstChildElement(root, 'Status', NS.protocol);
  return (status && attributeOf(firstChildElement(status, 'StatusCode', NS.protocol), 'Value')) ?? '(no status)';
}
