/**
 * Every attack of security.md §1 that concerns the SP, each refused with the rule that
 * stops it: XSW1–8, comment and processing-instruction injection, DOCTYPE / billion
 * laughs, signature stripping, an attacker's re-signature with its certificate in KeyInfo,
 * HMAC key confusion, SHA-1, two references, duplicate IDs, weak encryption, size.
 * For signature wrapping, node-saml on its own is shown to refuse too (defence in depth).
 */
import { readFileSync } from 'node:fs';
import { SAML } from '@node-saml/node-saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteRequestCache, spSamlConfig } from '../../server/federation/saml/saml-sp-options';
import type { Connection } from '../../server/model/federation';
import {
  EVIL_NAMEID,
  assertionWrapping,
  attackerResignedCertInKeyInfo,
  commentInDigestValue,
  encryptedWith,
  hmacKeyedWithIdpCertificate,
  responseWrapping,
  signatureAttacks,
} from '../fixtures/saml/attack-documents';
import { SamlWorld, type Outcome } from '../helpers/saml-world';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/saml/${name}`, import.meta.url), 'utf8');

let world: SamlWorld;
beforeAll(async () => {
  world = await SamlWorld.create();
});
afterAll(() => world.close());

function expectRefused(outcome: Outcome, rule: string): void {
  if (outcome.ok) throw new Error(`accepted an attack, signing in ${outcome.profile.subject}`);
  expect(outcome.rule, outcome.message).toBe(rule);
  expect(outcome.trace.outcome).toBe('failure');
  expect(outcome.trace.failedRule).toBe(rule);
}

/** node-saml alone (no Orgbench structural rule in front): refuses, and never yields the evil identity. */
async function expectNodeSamlRefuses(xml: string, connection: Connection): Promise<void> {
  const saml = new SAML(
    spSamlConfig({
      connection,
      keys: { spPrivateKeyPem: world.spKey.privateKeyPem, spCertificatePem: world.spKey.certificatePem },
      cache: new SqliteRequestCache(world.cache, world.clock, connection.id),
    }),
  );
  const result = await saml.validatePostResponseAsync({ SAMLResponse: Buffer.from(xml).toString('base64') }).then(
    (value) => value.profile?.nameID ?? null,
    () => 'refused',
  );
  expect(result).toBe('refused');
}

/** A pending request and a signed response answering it. */
async function signedFor(connection: Connection, settings: Parameters<SamlWorld['respond']>[1] = {}) {
  const requestId = world.pendingRequest(connection);
  return { requestId, xml: await world.respond(connection, { inResponseTo: requestId, ...settings }) };
}

describe('signature wrapping (XSW)', () => {
  const responseSigned = () => world.connection('con_a', { wantAssertionsSigned: false, wantResponseSigned: true });
  it.each(Object.entries(responseWrapping))('%s is refused', async (_name, attack) => {
    const connection = responseSigned();
    const { requestId, xml } = await signedFor(connection, { settings: { signAssertion: false } });
    const evil = attack(xml);
    expect(evil).toContain(EVIL_NAMEID);
    expectRefused(await world.validate(evil, connection, requestId), 'saml_structure');
    await expectNodeSamlRefuses(evil, connection);
  });

  it.each(Object.entries(assertionWrapping))('%s is refused', async (_name, attack) => {
    const connection = world.connection();
    const { requestId, xml } = await signedFor(connection, { settings: { signResponse: false } });
    const evil = attack(xml);
    expect(evil).toContain(EVIL_NAMEID);
    expectRefused(await world.validate(evil, connection, requestId), 'saml_structure');
    await expectNodeSamlRefuses(evil, connection);
  });

  it('the untouched documents the attacks start from are accepted', async () => {
    const connection = world.connection();
    const { requestId, xml } = await signedFor(connection, { settings: { signResponse: false } });
    expect((await world.validate(xml, connection, requestId)).ok).toBe(true);
  });
});

describe('text and parser attacks', () => {
  it('a DOCTYPE with an external entity is refused before parsing', async () => {
    expectRefused(await world.validate(fixture('doctype-external-entity.xml'), world.connection()), 'saml_doctype');
  });

  it('a DOCTYPE that declares an entity without using it is refused too', async () => {
    expectRefused(
      await world.validate(fixture('doctype-unused-internal-entity.xml'), world.connection()),
      'saml_doctype',
    );
  });

  it('a DOCTYPE in front of a validly signed response is refused', async () => {
    const connection = world.connection();
    const { requestId, xml } = await signedFor(connection);
    expectRefused(
      await world.validate(`<!DOCTYPE Response [<!ENTITY x "y">]>${xml}`, connection, requestId),
      'saml_doctype',
    );
  });

  it('billion laughs is refused in under 100 ms without growing memory', async () => {
    const xml = fixture('billion-laughs.xml');
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const outcome = await world.validate(xml, world.connection());
    expect(performance.now() - started).toBeLessThan(100);
    expect(process.memoryUsage().rss - rss).toBeLessThan(50 * 1024 * 1024);
    expectRefused(outcome, 'saml_doctype');
  });

  it('a processing instruction in the NameID is refused (static and freshly signed)', async () => {
    expectRefused(
      await world.validate(fixture('processing-instruction-in-nameid.xml'), world.connection()),
      'saml_processing_instruction',
    );
    const connection = world.connection();
    const { requestId, xml } = await signedFor(connection, { persona: { email: 'not-an-admin@acme.example' } });
    const injected = xml.replace(
      '>not-an-admin@acme.example</saml:NameID>',
      '><?p not-an-?>admin@acme.example</saml:NameID>',
    );
    expect(injected).not.toBe(xml);
    expectRefused(await world.validate(injected, connection, requestId), 'saml_processing_instruction');
  });

  it('a comment inside a signed NameID is concatenated, never truncated', async () => {
    const connection = world.connection();
    const { requestId, xml } = await signedFor(connection, { persona: { email: 'user@corp.com.evil.com' } });
    const injected = xml.replace(
      '>user@corp.com.evil.com</saml:NameID>',
      '>user@corp.com<!---->.evil.com</saml:NameID>',
    );
    expect(injected).not.toBe(xml);
    const outcome = await world.validate(injected, connection, requestId);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.profile.subject).toBe('user@corp.com.evil.com');
  });

  it('two root elements are refused', async () => {
    expectRefused(await world.validate(fixture('two-root-elements.xml'), world.connection()), 'saml_xml');
  });

  it('a response over 256 KiB is refused with 413 before it is parsed', async () => {
    const connection = world.connection();
    const { requestId, xml } = await signedFor(connection);
    const padded = xml.replace('</saml:Issuer>', `</saml:Issuer><!--${'x'.repeat(260 * 1024)}-->`);
    const outcome = await world.validate(padded, connection, requestId);
    expectRefused(outcome, 'saml_size');
    expect(!outcome.ok && outcome.status).toBe(413);
  });

  it('a SAMLResponse that is not base64 is refused', async () => {
    const outcome = await world.validateEncoded('<samlp:Response/>', world.connection());
    expectRefused(outcome, 'saml_message');
  });
});

describe('signature attacks', () => {
  it.each([
    ['signature-stripped', 'saml_signature'],
    ['duplicate-ids', 'saml_structure'],
    ['two-references-in-signedinfo', 'saml_signature'],
    ['two-signedinfo-elements', 'saml_signature'],
    ['three-transforms', 'saml_signature'],
    ['reference-uri-with-quote', 'saml_signature'],
  ] as const)('%s is refused by %s', async (name, rule) => {
    const connection = world.connection();
    const { requestId, xml } = await signedFor(connection, { settings: { signResponse: false } });
    expectRefused(await world.validate(signatureAttacks[name](xml), connection, requestId), rule);
  });

  it('comment-in-digest-value hiding the digest of a changed assertion is refused', async () => {
    const connection = world.connection();
    const { requestId, xml } = await signedFor(connection, { settings: { signResponse: false } });
    const evil = commentInDigestValue(xml, world.attackerKey);
    expect(evil).toMatch(/<ds:DigestValue><!--[^-]+-->/);
    expectRefused(await world.validate(evil, connection, requestId), 'saml_signature');
  });

  it('a signed response with an unsigned assertion, where assertions must be signed', async () => {
    const connection = world.connection();
    const { requestId, xml } = await signedFor(connection, { settings: { signAssertion: false } });
    expectRefused(await world.validate(xml, connection, requestId), 'saml_signature');
  });

  it('a signed assertion in an unsigned response, where the response must be signed', async () => {
    const connection = world.connection('con_a', { wantResponseSigned: true });
    const { requestId, xml } = await signedFor(connection, { settings: { signResponse: false } });
    expectRefused(await world.validate(xml, connection, requestId), 'saml_signature');
  });

  it('a document re-signed by an attacker with its certificate in KeyInfo', async () => {
    const connection = world.connection();
    const requestId = world.pendingRequest(connection);
    const unsigned = await world.respond(connection, {
      inResponseTo: requestId,
      settings: { signResponse: false, signAssertion: false },
    });
    const evil = attackerResignedCertInKeyInfo(unsigned, world.attackerKey);
    expect(evil).toContain('<ds:X509Certificate>');
    expectRefused(await world.validate(evil, connection, requestId), 'saml_signature');
  });

  it('HMAC-SHA1 keyed with the IdP’s public certificate', async () => {
    const connection = world.connection();
    const requestId = world.pendingRequest(connection);
    const unsigned = await world.respond(connection, {
      inResponseTo: requestId,
      settings: { signResponse: false, signAssertion: false },
    });
    const evil = hmacKeyedWithIdpCertificate(unsigned, world.idpKey.certificatePem);
    expect(evil).toContain('hmac-sha1');
    expectRefused(await world.validate(evil, connection, requestId), 'saml_signature_algorithm');
    await expectNodeSamlRefuses(evil, connection);
  });

  it('an RSA-SHA1 signature valid with the IdP key', async () => {
    expectRefused(await world.signIn(world.connection(), { faults: ['sha1'] }), 'saml_sha1');
  });
});

describe('encryption attacks', () => {
  it('an encrypted, unsigned assertion in an unsigned response', async () => {
    const connection = world.connection();
    const outcome = await world.signIn(connection, {
      settings: { signResponse: false, signAssertion: false, encryptAssertion: true },
    });
    expectRefused(outcome, 'saml_signature');
  });

  it.each([
    ['3DES content encryption', { content: '3des', keyTransport: 'rsa-oaep' }],
    ['RSA PKCS#1 v1.5 key transport', { content: 'aes256gcm', keyTransport: 'rsa-1_5' }],
  ] as const)('%s is refused', async (_name, algorithms) => {
    const connection = world.connection();
    const { requestId, xml } = await signedFor(connection, { settings: { signResponse: false } });
    expectRefused(
      await world.validate(encryptedWith(xml, world.spKey.certificatePem, algorithms), connection, requestId),
      'saml_encryption',
    );
  });

  it('an assertion encrypted to another SP', async () => {
    const connection = world.connection();
    const { requestId, xml } = await signedFor(connection, { settings: { signResponse: false } });
    const toAttacker = encryptedWith(xml, world.attackerKey.certificatePem, {
      content: 'aes256gcm',
      keyTransport: 'rsa-oaep',
    });
    expectRefused(await world.validate(toAttacker, connection, requestId), 'saml_encryption');
  });
});
