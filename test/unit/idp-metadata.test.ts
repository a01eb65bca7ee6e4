// SAML IdP metadata as customer IdPs publish it, read by the import: entity ID, the
// preferred SSO binding, SLO, signing certificates with fingerprints, and the documents
// refused before (DOCTYPE, processing instruction, size) or after (no SSO, SP metadata) parsing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIdpMetadata } from '../../server/federation/saml/parse-idp-metadata';
import { metadataSourceSchema } from '../../server/model/idp-metadata';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'saml-metadata', name), 'utf8');
const FINGERPRINT = /^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/;

function refusal(xml: string): { code: string; message: string; fields: unknown } {
  try {
    parseIdpMetadata(xml);
  } catch (error) {
    const { code, message, fields } = error as { code: string; message: string; fields: unknown };
    return { code, message, fields };
  }
  throw new Error('expected the metadata to be refused');
}

describe('IdP metadata import', () => {
  it('reads Okta-style metadata, preferring HTTP-Redirect even when HTTP-POST is listed first', () => {
    const metadata = parseIdpMetadata(fixture('okta-style.xml'));
    expect(metadata).toMatchObject({
      entityId: 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9',
      ssoUrl: 'https://dev-12345.okta.com/app/dev-12345_orgbench_1/exk1a2b3c4d5e6f7g8h9/sso/saml',
      ssoBinding: 'redirect',
      sloUrl: null,
      nameIdFormats: [
        'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
        'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      ],
    });
    expect(metadata.certificates).toHaveLength(1);
    expect(metadata.certificates[0]?.fingerprint).toMatch(FINGERPRINT);
    expect(metadata.certificates[0]?.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  });

  it('reads both signing certificates of an Entra rollover and ignores the encryption one', () => {
    const metadata = parseIdpMetadata(fixture('entra-style-two-certs-rollover.xml'));
    expect(metadata).toMatchObject({
      entityId: 'https://sts.windows.net/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/',
      ssoBinding: 'redirect',
      sloUrl: 'https://login.microsoftonline.com/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/saml2',
    });
    const prints = metadata.certificates.map((certificate) => certificate.fingerprint);
    expect(prints).toHaveLength(2);
    expect(new Set(prints).size).toBe(2);
    const encryption = parseIdpMetadata(fixture('okta-style.xml')).certificates[0]?.fingerprint;
    expect(prints).not.toContain(encryption);
  });

  it('refuses metadata without a Redirect or POST SingleSignOnService', () => {
    expect(refusal(fixture('missing-sso.xml'))).toMatchObject({
      code: 'metadata_invalid',
      message: expect.stringContaining('no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding'),
      fields: [{ path: 'xml' }],
    });
  });

  it('refuses a DOCTYPE and a processing instruction before parsing', () => {
    expect(refusal(fixture('doctype-entity.xml')).message).toMatch(/DOCTYPE/);
    expect(refusal(fixture('processing-instruction.xml')).message).toMatch(/processing instruction/);
  });

  it('refuses SP metadata, malformed XML, a bad certificate and anything over 1 MiB', () => {
    expect(refusal(fixture('sp-metadata-not-idp.xml')).message).toMatch(/not SAML IdP metadata/);
    expect(refusal('<md:EntityDescriptor').message).toMatch(/not well-formed XML/);
    const badCert = fixture('okta-style.xml').replace(/<ds:X509Certificate>[^<]+/, '<ds:X509Certificate>AAAA');
    expect(refusal(badCert).message).toMatch(/not a readable X\.509 certificate/);
    const huge = fixture('okta-style.xml').replace(
      '</md:EntityDescriptor>',
      `<!--${'x'.repeat(1024 * 1024)}--></md:EntityDescriptor>`,
    );
    expect(refusal(huge).message).toMatch(/larger than 1 MiB/);
  });

  it('takes either the XML or an http(s) URL, naming the field that is wrong', () => {
    expect(metadataSourceSchema.safeParse({ url: 'https://idp.example.test/metadata' }).success).toBe(true);
    const both = metadataSourceSchema.safeParse({ xml: '<x/>', url: 'https://idp.example.test/metadata' });
    expect(both.success).toBe(false);
    const file = metadataSourceSchema.safeParse({ url: 'file:///etc/passwd' });
    expect(file.error?.issues[0]).toMatchObject({ path: ['url'], message: 'must be an http(s) URL' });
  });
});
