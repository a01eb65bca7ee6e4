/**
 * Opens an `EncryptedAssertion` with the connection's SP key, accepting only AES content
 * encryption and RSA-OAEP key transport (never 3DES or RSA PKCS#1 v1.5), so the plain
 * assertion can be checked like an unencrypted one before node-saml verifies it.
 */
import { constants, createDecipheriv, privateDecrypt, type CipherGCMTypes } from 'node:crypto';
import { CONTENT_ENCRYPTION, KEY_TRANSPORT, NS } from './saml-vocabulary';
import { attributeOf, childElements, descendantElements, firstChildElement, textOf } from './saml-xml';

export class DecryptionError extends Error {}

export interface DecryptedAssertion {
  xml: string;
  contentAlgorithm: string;
  keyTransport: string;
}

const CONTENT: Record<string, { cipher: string; keyLength: number; ivLength: number; gcm: boolean }> = {
  [CONTENT_ENCRYPTION.aes128gcm]: { cipher: 'aes-128-gcm', keyLength: 16, ivLength: 12, gcm: true },
  [CONTENT_ENCRYPTION.aes256gcm]: { cipher: 'aes-256-gcm', keyLength: 32, ivLength: 12, gcm: true },
  [CONTENT_ENCRYPTION.aes128cbc]: { cipher: 'aes-128-cbc', keyLength: 16, ivLength: 16, gcm: false },
  [CONTENT_ENCRYPTION.aes256cbc]: { cipher: 'aes-256-cbc', keyLength: 32, ivLength: 16, gcm: false },
};

/** The OAEP digests xml-encryption (node-saml's decrypter) understands, by DigestMethod URI. */
const OAEP_DIGESTS: Record<string, string> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2000/09/xmldsig#sha256': 'sha256',
};

/** Decrypts `encrypted` (an EncryptedAssertion element) with `privateKeyPem`. */
export function decryptAssertion(encrypted: Element, privateKeyPem: string): DecryptedAssertion {
  const data = childElements(encrypted, 'EncryptedData', NS.xenc);
  if (data.length !== 1) throw new DecryptionError('The EncryptedAssertion must hold exactly one EncryptedData.');
  const encryptedData = data[0] as Element;
  const contentAlgorithm =
    attributeOf(firstChildElement(encryptedData, 'EncryptionMethod', NS.xenc), 'Algorithm') ?? '';
  const content = CONTENT[contentAlgorithm];
  if (!content)
    throw new DecryptionError(
      `The assertion is encrypted with ${contentAlgorithm || 'no algorithm'}; only AES-GCM and AES-CBC are accepted.`,
    );

  const keys = descendantElements(encrypted, 'EncryptedKey', NS.xenc);
  if (keys.length !== 1) throw new DecryptionError('The EncryptedAssertion must hold exactly one EncryptedKey.');
  const encryptedKey = keys[0] as Element;
  const keyMethod = firstChildElement(encryptedKey, 'EncryptionMethod', NS.xenc);
  const keyTransport = attributeOf(keyMethod, 'Algorithm') ?? '';
  if (keyTransport !== KEY_TRANSPORT.rsaOaepMgf1p) {
    throw new DecryptionError(
      `The assertion key is wrapped with ${keyTransport || 'no algorithm'}; only RSA-OAEP is accepted.`,
    );
  }
  const digestUri = keyMethod
    ? attributeOf(firstChildElement(keyMethod, 'DigestMethod', NS.dsig), 'Algorithm')
    : undefined;
  const oaepHash = digestUri ? OAEP_DIGESTS[digestUri] : 'sha1';
  if (!oaepHash) throw new DecryptionError(`The key-wrap digest ${digestUri} is not supported.`);

  let key: Buffer;
  try {
    const wrapped = Buffer.from(cipherValue(encryptedKey), 'base64');
    key = privateDecrypt({ key: privateKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, wrapped);
  } catch {
    throw new DecryptionError(
      'The assertion key does not open with this connection’s SP key (encrypted to another SP?).',
    );
  }
  if (key.length !== content.keyLength)
    throw new DecryptionError('The assertion key has the wrong length for its algorithm.');

  const body = Buffer.from(cipherValue(encryptedData), 'base64');
  try {
    const iv = body.subarray(0, content.ivLength);
    const ciphertext = body.subarray(content.ivLength);
    let plain: Buffer;
    if (content.gcm) {
      const decipher = createDecipheriv(content.cipher as CipherGCMTypes, key, iv);
      decipher.setAuthTag(ciphertext.subarray(-16));
      plain = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()]);
    } else {
      const decipher = createDecipheriv(content.cipher, key, iv).setAutoPadding(false);
      plain = removeXmlEncPadding(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
    }
    return { xml: plain.toString('utf8'), contentAlgorithm, keyTransport };
  } catch (error) {
    if (error instanceof DecryptionError) throw error;
    throw new DecryptionError('The encrypted assertion does not decrypt (damaged or altered).');
  }
}

function cipherValue(element: Element): string {
  const value = textOf(
    firstChildElement(firstChildElement(element, 'CipherData', NS.xenc) ?? element, 'CipherValue', NS.xenc),
  );
  if (!value) throw new DecryptionError('An encrypted element has no CipherValue.');
  return value.replace(/\s+/g, '');
}

/** XML Encryption pads CBC blocks with arbitrary bytes and a final length byte. */
function removeXmlEncPadding(plain: Buffer): Buffer {
  const length = plain[plain.length - 1] ?? 0;
  if (length < 1 || length > 16 || length > plain.length)
    throw new DecryptionError('The encrypted assertion has invalid padding.');
  return plain.subarray(0, plain.length - length);
}
