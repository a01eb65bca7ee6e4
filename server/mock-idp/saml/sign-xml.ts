/**
 * Enveloped XML signatures as IdPs make them (xml-crypto): exclusive c14n, one
 * reference to the element's ID, the signature placed right after its `Issuer`.
 */
import { SignedXml } from 'xml-crypto';
import { DIGEST_ALGORITHMS, SIGNATURE_ALGORITHMS, TRANSFORMS } from '../../federation/saml/saml-vocabulary';

export interface SigningKey {
  privateKeyPem: string;
  certificatePem: string;
}

export interface SignOptions {
  key: SigningKey;
  /** `sha1` only for the fault of that name. */
  algorithm: 'sha256' | 'sha1';
  /** Put the certificate in KeyInfo (most IdPs do; PingFederate does not). */
  certificateInKeyInfo: boolean;
  /** Exclusive c14n InclusiveNamespaces PrefixList (Okta: `xs`). */
  inclusivePrefixes?: string[];
}

/** Signs the root element of `xml` (named `localName`), placing the signature after its Issuer. */
export function signRootElement(xml: string, localName: string, options: SignOptions): string {
  const root = `/*[local-name(.)='${localName}']`;
  const signer = new SignedXml({
    privateKey: options.key.privateKeyPem,
    ...(options.certificateInKeyInfo ? { publicCert: options.key.certificatePem } : {}),
    signatureAlgorithm: options.algorithm === 'sha1' ? SIGNATURE_ALGORITHMS.rsaSha1 : SIGNATURE_ALGORITHMS.rsaSha256,
    canonicalizationAlgorithm: TRANSFORMS.excC14n,
  });
  signer.addReference({
    xpath: root,
    transforms: [TRANSFORMS.enveloped, TRANSFORMS.excC14n],
    digestAlgorithm: options.algorithm === 'sha1' ? DIGEST_ALGORITHMS.sha1 : DIGEST_ALGORITHMS.sha256,
    inclusiveNamespacesPrefixList: options.inclusivePrefixes ?? [],
  });
  signer.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `${root}/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return signer.getSignedXml();
}
