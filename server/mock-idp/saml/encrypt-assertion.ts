/**
 * XML Encryption of an assertion to the SP's certificate, as IdPs do it: a random
 * AES-256-GCM key encrypts the assertion, RSA-OAEP encrypts that key.
 */
import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';
import { CONTENT_ENCRYPTION, KEY_TRANSPORT, NS } from '../../federation/saml/saml-vocabulary';

/** `<EncryptedAssertion>` holding `assertionXml`, readable only with the key of `certificatePem`. */
export function encryptAssertion(assertionXml: string, certificatePem: string, assertionPrefix: string): string {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(assertionXml, 'utf8'), cipher.final()]);
  const content = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
  const wrappedKey = publicEncrypt(
    { key: certificatePem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    key,
  ).toString('base64');
  const element = assertionPrefix ? `${assertionPrefix}:EncryptedAssertion` : 'EncryptedAssertion';
  const xmlns = assertionPrefix ? `xmlns:${assertionPrefix}` : 'xmlns';
  return (
    `<${element} ${xmlns}="${NS.assertion}">` +
    `<xenc:EncryptedData xmlns:xenc="${NS.xenc}" Type="${NS.xenc}Element">` +
    `<xenc:EncryptionMethod Algorithm="${CONTENT_ENCRYPTION.aes256gcm}"/>` +
    `<ds:KeyInfo xmlns:ds="${NS.dsig}">` +
    `<xenc:EncryptedKey>` +
    `<xenc:EncryptionMethod Algorithm="${KEY_TRANSPORT.rsaOaepMgf1p}">` +
    `<ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/>` +
    `</xenc:EncryptionMethod>` +
    `<xenc:CipherData><xenc:CipherValue>${wrappedKey}</xenc:CipherValue></xenc:CipherData>` +
    `</xenc:EncryptedKey>` +
    `</ds:KeyInfo>` +
    `<xenc:CipherData><xenc:CipherValue>${content}</xenc:CipherValue></xenc:CipherData>` +
    `</xenc:EncryptedData>` +
    `</${element}>`
  );
}
