/**
 * The mock SAML IdP's reading of requests (bounded inflation, no DOCTYPE, signatures of
 * Orgbench's own AuthnRequests), its metadata, and its picker page's escaping.
 */
import { deflateRawSync } from 'node:zlib';
import { SAML } from '@node-saml/node-saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteRequestCache, newRequestId, spSamlConfig } from '../../server/federation/saml/saml-sp-options';
import { parseXml } from '../../server/federation/saml/saml-xml';
import { idpMetadataXml } from '../../server/mock-idp/saml/idp-metadata';
import { personaPickerPage } from '../../server/mock-idp/saml/mock-idp-pages';
import {
  SamlRequestError,
  decodeSamlMessage,
  parseAuthnRequest,
  verifyEmbeddedSignature,
  verifyQuerySignature,
} from '../../server/mock-idp/saml/parse-saml-request';
import type { Connection } from '../../server/model/federation';
import { DEFAULT_SETTINGS, IDP_ENTITY, JANE, SamlWorld } from '../helpers/saml-world';

let world: SamlWorld;
beforeAll(async () => {
  world = await SamlWorld.create();
});
afterAll(() => world.close());

const keysOf = () => ({ spPrivateKeyPem: world.spKey.privateKeyPem, spCertificatePem: world.spKey.certificatePem });

async function redirectRequest(connection: Connection): Promise<URL> {
  const requestId = newRequestId();
  const saml = new SAML(
    spSamlConfig({
      connection,
      keys: keysOf(),
      cache: new SqliteRequestCache(world.cache, world.clock, connection.id, {
        interactionUid: 'uid',
        issuerPath: '/t/w',
      }),
      requestId,
    }),
  );
  return new URL(await saml.getAuthorizeUrlAsync(requestId, undefined, {}));
}

describe('reading AuthnRequests', () => {
  it('reads what Orgbench’s SP sends: ID, issuer, ACS, NameIDPolicy, a query signature', async () => {
    const connection = world.connection();
    const url = await redirectRequest(connection);
    const request = parseAuthnRequest(decodeSamlMessage(url.searchParams.get('SAMLRequest') ?? '', 'redirect'));
    expect(request).toMatchObject({
      issuer: connection.sp.entityId,
      acsUrl: connection.sp.acsUrl,
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      id: url.searchParams.get('RelayState'),
    });
    expect(url.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect(verifyQuerySignature(url.search.slice(1), world.spKey.certificatePem)).toBe(true);
    expect(verifyQuerySignature(url.search.slice(1), world.attackerKey.certificatePem)).toBe(false);
    const unsigned = await redirectRequest(world.connection('con_a', { signAuthnRequests: false }));
    expect(verifyQuerySignature(unsigned.search.slice(1), world.spKey.certificatePem)).toBeUndefined();
  });

  it('checks the enveloped signature of a POST-binding request', async () => {
    const connection = world.connection('con_a', { binding: 'post' });
    const requestId = newRequestId();
    const saml = new SAML({
      ...spSamlConfig({
        connection,
        keys: keysOf(),
        cache: new SqliteRequestCache(world.cache, world.clock, connection.id),
        requestId,
      }),
      skipRequestCompression: true,
    });
    const message = await saml.getAuthorizeMessageAsync(requestId);
    const xml = decodeSamlMessage(String(message.SAMLRequest), 'post');
    expect(parseAuthnRequest(xml).embeddedSignature).toBe(true);
    expect(verifyEmbeddedSignature(xml, world.spKey.certificatePem)).toBe(true);
    expect(
      verifyEmbeddedSignature(
        xml.replace(connection.sp.acsUrl, 'https://evil.example/acs'),
        world.spKey.certificatePem,
      ),
    ).toBe(false);
  });

  it('refuses a deflate bomb, a DOCTYPE and a processing instruction', () => {
    const bomb = deflateRawSync(Buffer.alloc(5 * 1024 * 1024, 0x20)).toString('base64');
    const started = performance.now();
    expect(() => decodeSamlMessage(bomb, 'redirect')).toThrow(SamlRequestError);
    expect(performance.now() - started).toBeLessThan(500);
    const request = (body: string) =>
      `${body}<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">sp</saml:Issuer></samlp:AuthnRequest>`;
    expect(() => parseAuthnRequest(request('<!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]>'))).toThrow(
      /DOCTYPE/,
    );
    expect(() => parseAuthnRequest(request('<?xml version="1.0"?><?evil x?>'))).toThrow(/processing instruction/);
    expect(parseAuthnRequest(request('<?xml version="1.0"?>')).issuer).toBe('sp');
  });
});

describe('IdP metadata', () => {
  const metadata = (preset: 'okta' | 'google' | 'entra') =>
    parseXml(
      idpMetadataXml({
        entityId: IDP_ENTITY,
        ssoUrl: `${IDP_ENTITY}/sso`,
        sloUrl: `${IDP_ENTITY}/slo`,
        certificatePem: world.idpKey.certificatePem,
        preset,
        settings: DEFAULT_SETTINGS,
      }),
    ).documentElement;
  const bindings = (root: Element, name: string) =>
    Array.from(root.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:metadata', name)).map((element) =>
      element.getAttribute('Binding'),
    );

  it('names the entity, the signing certificate and both SSO bindings', () => {
    const root = metadata('okta');
    expect(root.getAttribute('entityID')).toBe(IDP_ENTITY);
    const certificate = root.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'X509Certificate')[0]
      ?.textContent;
    expect(world.idpKey.certificatePem.replace(/-----[^-]+-----|\s/g, '')).toBe(certificate);
    expect(bindings(root, 'SingleSignOnService')).toEqual([
      'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
      'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
    ]);
  });

  it('offers single logout as the vendor does: none for Google, Redirect only for Entra', () => {
    expect(bindings(metadata('google'), 'SingleLogoutService')).toEqual([]);
    expect(bindings(metadata('entra'), 'SingleLogoutService')).toEqual([
      'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
    ]);
  });
});

describe('persona picker', () => {
  it('escapes whatever a persona holds', () => {
    const page = personaPickerPage({
      look: { slug: 'acme', name: 'Acme <Okta>', preset: 'okta' },
      spName: '"><script>alert(1)</script>',
      carry: { RelayState: '"><img src=x onerror=alert(1)>' },
      personas: [{ ...JANE, displayName: '<script>alert(2)</script>', id: 'per_1', mockIdpId: 'idp', position: 0 }],
      faults: [{ id: 'f', mockIdpId: 'idp', fault: 'expired', mode: 'next', amount: null, createdAt: '' }],
    });
    expect(page).not.toMatch(/<script|<img/);
    expect(page).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(page).toContain('data-persona="jane"');
    expect(page).toContain('Expired assertion or token');
    expect(page).toContain('class="idp idp-okta"');
  });
});
