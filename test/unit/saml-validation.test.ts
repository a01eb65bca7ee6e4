/**
 * The SAML SP pipeline on well-formed responses: the golden set it must accept (every
 * vendor shape, each signing and encryption layout, CRLF, pretty-printed, certificate
 * rollover, IdP-initiated when allowed) and each rule it must enforce (security.md §1).
 */
import { SignedXml } from 'xml-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAML_RESPONSE_CHECKS } from '../../server/federation/saml/validate-saml-response';
import { prettyXml } from '../../server/federation/saml/saml-xml';
import type { VendorPreset } from '../../server/model/federation';
import { SamlWorld, type Outcome } from '../helpers/saml-world';

let world: SamlWorld;
beforeAll(async () => {
  world = await SamlWorld.create();
});
afterAll(() => world.close());

const expectRule = (outcome: Outcome, rule: string) => {
  expect(outcome.ok ? 'accepted' : outcome.rule, outcome.ok ? 'the response was accepted' : outcome.message).toBe(rule);
};
const expectAccepted = (outcome: Outcome) => {
  expect(outcome.ok, outcome.ok ? '' : `${outcome.rule}: ${outcome.message}`).toBe(true);
};

describe('the pipeline', () => {
  it('is one visible table of named rules', () => {
    expect(SAML_RESPONSE_CHECKS.map((check) => check.rule)).toEqual([
      'saml_config',
      'saml_size',
      'saml_doctype',
      'saml_processing_instruction',
      'saml_xml',
      'saml_structure',
      'saml_encryption',
      'saml_signature_algorithm',
      'saml_sha1',
      'saml_status',
      'saml_replay',
      'saml_destination',
      'saml_in_response_to',
      'saml_audience',
      'saml_time',
      'saml_signature',
      'saml_issuer',
      'saml_recipient',
      'saml_nameid_format',
      'saml_required_attribute',
      'saml_single_use',
    ]);
  });

  it('records every rule it passed and the decoded response in the trace', async () => {
    const outcome = await world.signIn(world.connection());
    expectAccepted(outcome);
    const passed = outcome.trace.steps.filter((step) => step.status === 'ok').map((step) => step.rule);
    expect(passed).toEqual(SAML_RESPONSE_CHECKS.map((check) => check.rule));
    const posted = outcome.trace.steps.find((step) => step.title === 'SAML Response posted to the ACS');
    expect(posted?.detail).toMatchObject({ responseSigned: true, assertionSigned: true, encrypted: false });
    expect(String(posted?.detail?.xml)).toContain('\n  <saml:Assertion');
  });

  it('builds the external profile from the verified assertion', async () => {
    const outcome = await world.signIn(world.connection(), { persona: { attributes: { department: 'Finance' } } });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.profile.subject).toBe('jane@acme.example');
    expect(outcome.profile.persona).toBe('jane');
    expect(outcome.profile.attributes).toMatchObject({
      email: 'jane@acme.example',
      given_name: 'Jane',
      groups: ['admins', 'everyone'],
      department: 'Finance',
      nameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    });
  });
});

describe('golden responses are accepted', () => {
  const presets: VendorPreset[] = ['okta', 'entra', 'ping', 'google', 'secureauth', 'generic'];
  it.each(presets)('%s, response and assertion signed', async (preset) => {
    expectAccepted(await world.signIn(world.connection(), { preset }));
  });
  it.each(presets)('%s, assertion encrypted', async (preset) => {
    expectAccepted(await world.signIn(world.connection(), { preset, settings: { encryptAssertion: true } }));
  });

  it('assertion-only signed', async () => {
    expectAccepted(await world.signIn(world.connection(), { settings: { signResponse: false } }));
  });

  it('response-only signed, when the connection requires only the response signature', async () => {
    const connection = world.connection('con_a', { wantAssertionsSigned: false, wantResponseSigned: true });
    expectAccepted(await world.signIn(connection, { settings: { signAssertion: false } }));
  });

  it('both signed, when the connection requires both', async () => {
    expectAccepted(await world.signIn(world.connection('con_a', { wantResponseSigned: true })));
  });

  it('encrypted and signed inside an unsigned response', async () => {
    expectAccepted(
      await world.signIn(world.connection(), { settings: { signResponse: false, encryptAssertion: true } }),
    );
  });

  it('encrypted with only the response signed', async () => {
    const connection = world.connection('con_a', { wantAssertionsSigned: false, wantResponseSigned: true });
    expectAccepted(await world.signIn(connection, { settings: { signAssertion: false, encryptAssertion: true } }));
  });

  it('CRLF line endings between elements', async () => {
    const connection = world.connection();
    const requestId = world.pendingRequest(connection);
    const xml = await signedWithCrlf(connection, requestId);
    expect(xml).toContain('>\r\n<');
    expectAccepted(await world.validate(xml, connection, requestId));
  });

  it('pretty-printed before signing', async () => {
    const connection = world.connection('con_a', { wantResponseSigned: true });
    const requestId = world.pendingRequest(connection);
    const unsigned = await world.respond(connection, {
      inResponseTo: requestId,
      settings: { signResponse: false, signAssertion: false },
    });
    const pretty = prettyXml(unsigned);
    const signed = signResponse(signAssertion(pretty));
    expect(signed.split('\n').length).toBeGreaterThan(20);
    expectAccepted(await world.validate(signed, connection, requestId));
  });

  it('either certificate during a rollover, and not the old one once it is removed', async () => {
    const both = world.connection('con_a', {
      idpCertificates: [world.idpKey.certificatePem, world.nextIdpKey.certificatePem],
    });
    const next = world.idp('generic', {}, world.nextIdpKey);
    expectAccepted(await world.signIn(both, { idp: next }));
    expectAccepted(await world.signIn(both));
    const onlyNext = world.connection('con_a', { idpCertificates: [world.nextIdpKey.certificatePem] });
    expectRule(await world.signIn(onlyNext), 'saml_signature');
  });

  it('IdP-initiated, only where the connection allows it', async () => {
    const allowing = world.connection('con_a', { idpInitiated: true });
    const outcome = await world.validate(await world.respond(allowing), allowing);
    expectAccepted(outcome);
    expect(outcome.ok && outcome.requestId).toBeNull();
    const refusing = world.connection('con_a');
    expectRule(await world.validate(await world.respond(refusing), refusing), 'saml_in_response_to');
  });

  it('a persistent NameID where the connection asks for any format', async () => {
    const connection = world.connection('con_a', { nameIdFormat: 'unspecified' });
    const outcome = await world.signIn(connection, { settings: { nameIdFormat: 'persistent' } });
    expectAccepted(outcome);
    expect(outcome.ok && outcome.profile.subject).toBe('a1b2c3d4e5');
  });

  it('SHA-1 only where the connection explicitly allows legacy SHA-1, with a warning', async () => {
    const legacy = world.connection('con_a', { allowSha1: true });
    const outcome = await world.signIn(legacy, { faults: ['sha1'] });
    expectAccepted(outcome);
    expect(outcome.trace.steps.find((step) => step.rule === 'saml_sha1')?.title).toMatch(/weak/);
    expectRule(await world.signIn(world.connection(), { faults: ['sha1'] }), 'saml_sha1');
  });
});

describe('each rule', () => {
  it('InResponseTo must name a request this connection sent, within 10 minutes, once', async () => {
    const connection = world.connection();
    expectRule(
      await world.validate(await world.respond(connection, { inResponseTo: '_unknown' }), connection),
      'saml_in_response_to',
    );

    const requestId = world.pendingRequest(connection);
    const xml = await world.respond(connection, { inResponseTo: requestId });
    world.clock.offsetMs = 11 * 60_000;
    try {
      expectRule(await world.validate(xml, connection, requestId), 'saml_in_response_to');
    } finally {
      world.clock.offsetMs = 0;
    }
  });

  it('a request of another connection is not one of ours', async () => {
    const a = world.connection('con_a');
    const b = world.connection('con_b', {}, 'org_b');
    const requestOfA = world.pendingRequest(a);
    expectRule(
      await world.validate(await world.respond(b, { inResponseTo: requestOfA }), b, requestOfA),
      'saml_in_response_to',
    );
  });

  it('a failed or forged post does not cancel the sign-in waiting for its answer', async () => {
    const connection = world.connection();
    const requestId = world.pendingRequest(connection);
    const forged = await world.respond(connection, {
      inResponseTo: requestId,
      idp: world.idp('generic', {}, world.attackerKey),
    });
    expectRule(await world.validate(forged, connection, requestId), 'saml_signature');
    expectAccepted(
      await world.validate(await world.respond(connection, { inResponseTo: requestId }), connection, requestId),
    );
  });

  it('the same SP-initiated response posted twice is refused the second time', async () => {
    const connection = world.connection();
    const first = await world.signIn(connection);
    expectAccepted(first);
    expectRule(await world.validate(first.xml, connection, first.requestId), 'saml_replay');
  });

  it('a replayed IdP-initiated assertion is refused, also after a restart', async () => {
    const connection = world.connection('con_a', { idpInitiated: true });
    const xml = await world.respond(connection);
    expectAccepted(await world.validate(xml, connection));
    expectRule(await world.validate(xml, connection), 'saml_replay');
    world.restart();
    expectRule(await world.validate(xml, connection), 'saml_replay');
  });

  it('a pending sign-in survives a restart', async () => {
    const connection = world.connection();
    const requestId = world.pendingRequest(connection);
    world.restart();
    expectAccepted(
      await world.validate(await world.respond(connection, { inResponseTo: requestId }), connection, requestId),
    );
  });

  it('an assertion for org A posted to org B is refused, though both trust the same IdP', async () => {
    const a = world.connection('con_a');
    const b = world.connection('con_b', {}, 'org_b');
    const forA = await world.respond(a, { inResponseTo: world.pendingRequest(a) });
    const requestOfB = world.pendingRequest(b);
    expectRule(await world.validate(forA, b, requestOfB), 'saml_destination');
    // Even answering B's request, with the Destination pointed at B: the assertion stays A's.
    const aimed = (await world.respond(a, { inResponseTo: requestOfB, settings: { signResponse: false } })).replace(
      `Destination="${a.sp.acsUrl}"`,
      `Destination="${b.sp.acsUrl}"`,
    );
    expectRule(await world.validate(aimed, b, requestOfB), 'saml_audience');
  });

  it('the RelayState is a lookup key only: a URL there is ignored, another sign-in’s handle refused', async () => {
    const connection = world.connection();
    const requestId = world.pendingRequest(connection);
    const xml = await world.respond(connection, { inResponseTo: requestId });
    const outcome = await world.validate(xml, connection, 'https://evil.example/');
    expectAccepted(outcome);
    expect(outcome.ok && outcome.requestId).toBe(requestId);

    const other = world.pendingRequest(connection);
    const second = world.pendingRequest(connection);
    expectRule(
      await world.validate(await world.respond(connection, { inResponseTo: second }), connection, other),
      'saml_in_response_to',
    );
  });

  it('Destination must be this connection’s ACS, and present on a signed response', async () => {
    const connection = world.connection();
    expectRule(await world.signIn(connection, { faults: ['wrong_destination'] }), 'saml_destination');
    const requestId = world.pendingRequest(connection);
    const unsigned = await world.respond(connection, { inResponseTo: requestId, settings: { signResponse: false } });
    const noDestination = unsigned.replace(/ Destination="[^"]*"/, '');
    expectAccepted(await world.validate(noDestination, connection, requestId));
    const another = world.pendingRequest(connection);
    const fresh = await world.respond(connection, { inResponseTo: another, settings: { signResponse: false } });
    const signedWithout = signResponse(fresh.replace(/ Destination="[^"]*"/, ''));
    expectRule(await world.validate(signedWithout, connection, another), 'saml_destination');
  });

  it('Recipient must be this connection’s ACS', async () => {
    expectRule(await world.signIn(world.connection(), { faults: ['wrong_recipient'] }), 'saml_recipient');
  });

  it('the assertion Issuer must be the connection’s IdP', async () => {
    expectRule(await world.signIn(world.connection(), { faults: ['wrong_issuer'] }), 'saml_issuer');
    const elsewhere = world.connection('con_a', { idpEntityId: 'https://other-idp.example/' });
    expectRule(await world.signIn(elsewhere), 'saml_issuer');
  });

  it('the Audience must be this SP, and must be there', async () => {
    const connection = world.connection();
    expectRule(await world.signIn(connection, { faults: ['wrong_audience'] }), 'saml_audience');
    const requestId = world.pendingRequest(connection);
    const unsigned = await world.respond(connection, {
      inResponseTo: requestId,
      settings: { signResponse: false, signAssertion: false },
    });
    const noAudience = signAssertion(unsigned.replace(/<saml:AudienceRestriction>.*<\/saml:AudienceRestriction>/, ''));
    expectRule(await world.validate(noAudience, connection, requestId), 'saml_audience');
  });

  it('the validity window holds, within the connection’s skew', async () => {
    const connection = world.connection();
    expectRule(await world.signIn(connection, { faults: ['expired'] }), 'saml_time');
    expectRule(await world.signIn(connection, { faults: ['not_yet_valid'] }), 'saml_time');
    expectRule(await world.signIn(connection, { faults: ['clock_skew'], amount: 30 }), 'saml_time');
    expectRule(await world.signIn(connection, { faults: ['clock_skew'], amount: -30 }), 'saml_time');
    // Generic IdPs back-date NotBefore by a minute; half a minute ahead is inside 60 s of skew.
    expectAccepted(await world.signIn(connection, { now: new Date(Date.now() + 30_000) }));
  });

  it('a non-Success status is refused with what the IdP said', async () => {
    const outcome = await world.signIn(world.connection(), { faults: ['consent_denied'] });
    expectRule(outcome, 'saml_status');
    expect(!outcome.ok && outcome.message).toMatch(/Responder\/RequestDenied/);
    expectRule(await world.signIn(world.connection(), { faults: ['idp_error'] }), 'saml_status');
  });

  it('the NameID must have the format the connection asks for', async () => {
    expectRule(await world.signIn(world.connection(), { faults: ['wrong_nameid_format'] }), 'saml_nameid_format');
    expectRule(await world.signIn(world.connection('con_a', { nameIdFormat: 'persistent' })), 'saml_nameid_format');
  });

  it('an email attribute is required (the mapped name or a usual one)', async () => {
    expectRule(await world.signIn(world.connection(), { faults: ['missing_attribute'] }), 'saml_required_attribute');
    expectAccepted(await world.signIn(world.connection(), { preset: 'okta' }));
  });

  it('the connection must require at least one signature', async () => {
    const neither = world.connection('con_a', { wantAssertionsSigned: false, wantResponseSigned: false });
    expectRule(await world.signIn(neither), 'saml_config');
  });
});

/** A response signed over CRLF-separated elements, then sent with CRLF. */
async function signedWithCrlf(connection: ReturnType<SamlWorld['connection']>, requestId: string): Promise<string> {
  const unsigned = await world.respond(connection, {
    inResponseTo: requestId,
    settings: { signResponse: false, signAssertion: false },
  });
  return signAssertion(unsigned.replace(/></g, '>\r\n<')).replace(/\r?\n/g, '\r\n');
}

function signAt(xml: string, target: string): string {
  const signer = new SignedXml({
    privateKey: world.idpKey.privateKeyPem,
    publicCert: world.idpKey.certificatePem,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  signer.addReference({
    xpath: target,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  signer.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `${target}/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return signer.getSignedXml();
}

const signAssertion = (xml: string) => signAt(xml, "//*[local-name(.)='Assertion']");
const signResponse = (xml: string) => signAt(xml, "/*[local-name(.)='Response']");
