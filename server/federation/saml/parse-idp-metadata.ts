/**
 * Reads a SAML IdP's metadata (SAML 2.0 Metadata §2.4.3) with the same care as a SAML
 * message: size cap, no DOCTYPE or processing instruction, a strict parser. Takes the
 * first EntityDescriptor with an IDPSSODescriptor (an EntitiesDescriptor may hold many).
 */
import { X509Certificate } from 'node:crypto';
import { OrgbenchError } from '../../errors';
import { MAX_METADATA_BYTES, type IdpMetadata } from '../../model/idp-metadata';
import { certificateFingerprint } from '../../mock-idp/certificate';
import { BINDINGS, NS } from './saml-vocabulary';
import {
  XmlParseError,
  childElements,
  descendantElements,
  hasDoctype,
  hasProcessingInstruction,
  parseXml,
} from './saml-xml';

/** Metadata that cannot be used: 400 with the reason, named on `path` (`xml` or `url`). */
export class MetadataError extends OrgbenchError {
  constructor(message: string, path = 'xml') {
    super('metadata_invalid', message, { status: 400, fields: [{ path, message }] });
  }
}

/** The entity ID, endpoints and signing certificates of an IdP's metadata document. */
export function parseIdpMetadata(xml: string): IdpMetadata {
  if (Buffer.byteLength(xml, 'utf8') > MAX_METADATA_BYTES)
    throw new MetadataError('The metadata is larger than 1 MiB.');
  if (hasDoctype(xml)) throw new MetadataError('The metadata declares a DOCTYPE or an entity, which is refused.');
  if (hasProcessingInstruction(xml))
    throw new MetadataError('The metadata holds a processing instruction, which is refused.');
  let doc: Document;
  try {
    doc = parseXml(xml.trim());
  } catch (error) {
    if (error instanceof XmlParseError)
      throw new MetadataError(`The metadata is not well-formed XML: ${error.message}.`);
    throw error;
  }
  const entity = descendantElements(doc, 'EntityDescriptor', NS.metadata).find(
    (candidate) => childElements(candidate, 'IDPSSODescriptor', NS.metadata).length > 0,
  );
  if (!entity) {
    throw new MetadataError('This is not SAML IdP metadata: no EntityDescriptor with an IDPSSODescriptor was found.');
  }
  const entityId = entity.getAttribute('entityID')?.trim();
  if (!entityId) throw new MetadataError('The EntityDescriptor has no entityID.');
  const idp = childElements(entity, 'IDPSSODescriptor', NS.metadata)[0] as Element;

  const sso = endpoint(idp, 'SingleSignOnService');
  if (!sso) {
    throw new MetadataError(
      'The IDPSSODescriptor has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding.',
    );
  }
  const certificates = signingCertificates(idp);
  if (certificates.length === 0) {
    throw new MetadataError('The IDPSSODescriptor has no signing certificate (KeyDescriptor with an X509Certificate).');
  }
  return {
    entityId,
    ssoUrl: sso.url,
    ssoBinding: sso.binding,
    sloUrl: endpoint(idp, 'SingleLogoutService')?.url ?? null,
    certificates,
    nameIdFormats: childElements(idp, 'NameIDFormat', NS.metadata)
      .map((element) => (element.textContent ?? '').trim())
      .filter(Boolean),
  };
}

/** The HTTP-Redirect endpoint of that kind, else the HTTP-POST one. */
function endpoint(idp: Element, localName: string): { url: string; binding: 'redirect' | 'post' } | undefined {
  const services = childElements(idp, localName, NS.metadata);
  for (const [binding, uri] of [
    ['redirect', BINDINGS.redirect],
    ['post', BINDINGS.post],
  ] as const) {
    const found = services.find((service) => service.getAttribute('Binding') === uri);
    const url = found?.getAttribute('Location')?.trim();
    if (url) {
      if (!/^https?:\/\/[^\s]+$/i.test(url)) {
        throw new MetadataError(`The ${localName} Location "${url.slice(0, 200)}" is not an http(s) URL.`);
      }
      return { url, binding };
    }
  }
  return undefined;
}

function signingCertificates(idp: Element): IdpMetadata['certificates'] {
  const seen = new Set<string>();
  const certificates: IdpMetadata['certificates'] = [];
  for (const key of childElements(idp, 'KeyDescriptor', NS.metadata)) {
    const use = key.getAttribute('use');
    if (use && use !== 'signing') continue;
    for (const element of descendantElements(key, 'X509Certificate', NS.dsig)) {
      const base64 = (element.textContent ?? '').replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
        throw new MetadataError('A signing certificate is not base64 (X509Certificate).');
      }
      const pem = toPem(base64);
      try {
        new X509Certificate(pem);
      } catch {
        throw new MetadataError('A signing certificate (X509Certificate) is not a readable X.509 certificate.');
      }
      const fingerprint = certificateFingerprint(pem);
      if (seen.has(fingerprint)) continue;
      seen.add(fingerprint);
      certificates.push({ pem, fingerprint });
    }
  }
  return certificates;
}

function toPem(base64: string): string {
  return `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
}
