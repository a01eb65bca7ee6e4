/**
 * The two SAML bindings as bytes on the wire, shared by this SP and the mock IdPs:
 * HTTP-Redirect (deflated, base64, signed over the query string as sent) and HTTP-POST
 * (base64 of the XML). Decoding is bounded: size before decoding, inflation by ratio.
 */
import { createSign, verify } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { SIGNATURE_ALGORITHMS } from './saml-vocabulary';
import { MAX_INFLATE_RATIO, MAX_SAML_BYTES } from './saml-xml';

export type SamlBinding = 'redirect' | 'post';
export type SamlParameter = 'SAMLRequest' | 'SAMLResponse';

export class SamlBindingError extends Error {}

/** The XML of a SAMLRequest/SAMLResponse parameter: Redirect messages are deflated, POST ones plain (or deflated). */
export function decodeSamlMessage(
  encoded: string,
  binding: SamlBinding,
  parameter: SamlParameter = 'SAMLRequest',
): string {
  if (encoded.length > Math.ceil((MAX_SAML_BYTES * 4) / 3) || !/^[A-Za-z0-9+/=\r\n ]+$/.test(encoded)) {
    throw new SamlBindingError(`The ${parameter} is not base64 or is too large.`);
  }
  const bytes = Buffer.from(encoded, 'base64');
  const plain = bytes.toString('utf8').trimStart();
  if (binding === 'post' && plain.startsWith('<')) return plain;
  try {
    const limit = Math.min(MAX_SAML_BYTES, Math.max(4096, bytes.length * MAX_INFLATE_RATIO));
    return inflateRawSync(bytes, { maxOutputLength: limit }).toString('utf8');
  } catch {
    throw new SamlBindingError(`The ${parameter} does not inflate (or inflates beyond the allowed size).`);
  }
}

const QUERY_HASHES: Record<string, 'sha1' | 'sha256' | 'sha512'> = {
  [SIGNATURE_ALGORITHMS.rsaSha1]: 'sha1',
  [SIGNATURE_ALGORITHMS.rsaSha256]: 'sha256',
  [SIGNATURE_ALGORITHMS.rsaSha512]: 'sha512',
};

export type QuerySignature =
  | { verdict: 'unsigned' }
  | { verdict: 'unsupported_algorithm'; algorithm: string }
  | { verdict: 'valid' | 'invalid'; algorithm: string; sha1: boolean };

/** The query's parameters still URL-encoded, first occurrence of each name. */
function rawParameters(rawQuery: string): Map<string, string> {
  const raw = new Map<string, string>();
  for (const pair of rawQuery.replace(/^\?/, '').split('&')) {
    const [name, value = ''] = pair.split('=');
    if (name && !raw.has(name)) raw.set(name, value);
  }
  return raw;
}

/**
 * Checks a Redirect-binding signature over the query as sent (the message, RelayState,
 * SigAlg, in that order, still URL-encoded) against any of `certificates`.
 */
export function checkQuerySignature(
  rawQuery: string,
  certificates: readonly string[],
  parameter: SamlParameter = 'SAMLRequest',
): QuerySignature {
  const raw = rawParameters(rawQuery);
  const signature = raw.get('Signature');
  const sigAlg = raw.get('SigAlg');
  if (!signature || !sigAlg) return { verdict: 'unsigned' };
  const algorithm = decodeURIComponent(sigAlg);
  const hash = QUERY_HASHES[algorithm];
  if (!hash) return { verdict: 'unsupported_algorithm', algorithm };
  const signed = [parameter, 'RelayState', 'SigAlg']
    .filter((name) => raw.has(name))
    .map((name) => `${name}=${raw.get(name)}`)
    .join('&');
  const bytes = Buffer.from(decodeURIComponent(signature), 'base64');
  const valid = certificates.some((certificate) => {
    try {
      return verify(hash, Buffer.from(signed), certificate, bytes);
    } catch {
      return false;
    }
  });
  return { verdict: valid ? 'valid' : 'invalid', algorithm, sha1: hash === 'sha1' };
}

/**
 * The query string of a Redirect-binding message: deflated XML, RelayState, and (with a
 * key) SigAlg and Signature over exactly those bytes, RSA-SHA256.
 */
export function redirectQuery(
  parameter: SamlParameter,
  xml: string,
  relayState: string | undefined,
  privateKeyPem?: string,
): string {
  const parts = [`${parameter}=${encodeURIComponent(deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64'))}`];
  if (relayState) parts.push(`RelayState=${encodeURIComponent(relayState)}`);
  if (!privateKeyPem) return parts.join('&');
  parts.push(`SigAlg=${encodeURIComponent(SIGNATURE_ALGORITHMS.rsaSha256)}`);
  const signer = createSign('sha256');
  signer.update(parts.join('&'));
  parts.push(`Signature=${encodeURIComponent(signer.sign(privateKeyPem, 'base64'))}`);
  return parts.join('&');
}
