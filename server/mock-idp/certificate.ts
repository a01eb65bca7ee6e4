/**
 * Self-signed signing certificates for mock IdPs (and this SP's own SAML keys): RSA
 * 2048, SHA-256, three years, as customer IdPs issue them.
 */
import { createHash, webcrypto } from 'node:crypto';
// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata API first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

// Node's WebCrypto implements the DOM `Crypto` interface the library is typed against.
type DomCrypto = ReturnType<typeof x509.cryptoProvider.get>;
x509.cryptoProvider.set(webcrypto as unknown as DomCrypto);

export interface KeyAndCertificate {
  privateKeyPem: string;
  certificatePem: string;
}

const ALGORITHM = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

export async function createSelfSignedCertificate(commonName: string, now: Date): Promise<KeyAndCertificate> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: createHash('sha256')
      .update(`${commonName}${now.toISOString()}${Math.random()}`)
      .digest('hex')
      .slice(0, 16),
    name: `CN=${commonName.replace(/[,=+<>#;"\\]/g, ' ')}`,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + 3 * 365 * 24 * 3600 * 1000),
    signingAlgorithm: ALGORITHM,
    keys: keys as unknown as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    privateKeyPem: toPem(pkcs8, 'PRIVATE KEY'),
    certificatePem: certificate.toString('pem'),
  };
}

/** SHA-256 fingerprint of a PEM certificate, as `AB:CD:…`. */
export function certificateFingerprint(pem: string): string {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/.{2}/g)?.join(':') ?? '';
}

function toPem(der: Buffer, label: string): string {
  const body =
    der
      .toString('base64')
      .match(/.{1,64}/g)
      ?.join('\n') ?? '';
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
