/**
 * The mock SAML IdP's fault switches: each SAML fault of FAULTS, applied by the response
 * builder for every vendor preset, is refused by the SP with its rule; `slow` only delays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULTS, type ActiveFault, type FaultName, type VendorPreset } from '../../server/model/federation';
import { MAX_SLOW_MS, planFaults } from '../../server/mock-idp/saml/apply-faults';
import {
  ReplayMemory,
  answerForPersona,
  claimsOf,
  type Answering,
} from '../../server/mock-idp/saml/answer-saml-request';
import { SamlWorld, JANE } from '../helpers/saml-world';

let world: SamlWorld;
beforeAll(async () => {
  world = await SamlWorld.create();
});
afterAll(() => world.close());

const SAML_FAULTS = (Object.keys(FAULTS) as FaultName[]).filter((fault) =>
  (FAULTS[fault].kinds as readonly string[]).includes('saml'),
);

/** The rule that refuses each fault (null: the login still succeeds). */
const EXPECTED: Record<string, string | null> = {
  expired: 'saml_time',
  not_yet_valid: 'saml_time',
  wrong_audience: 'saml_audience',
  wrong_recipient: 'saml_recipient',
  wrong_destination: 'saml_destination',
  wrong_issuer: 'saml_issuer',
  unsigned: 'saml_signature',
  unknown_key: 'saml_signature',
  tampered: 'saml_signature',
  sha1: 'saml_sha1',
  missing_attribute: 'saml_required_attribute',
  wrong_nameid_format: 'saml_nameid_format',
  replay: 'saml_replay',
  clock_skew: 'saml_time',
  idp_error: 'saml_status',
  consent_denied: 'saml_status',
  slow: null,
};

const AMOUNTS: Partial<Record<FaultName, number>> = { clock_skew: 30, slow: 5 };
const PRESETS: VendorPreset[] = ['okta', 'entra', 'ping', 'google', 'secureauth', 'generic'];

const active = (fault: FaultName, amount: number | null = null): ActiveFault => ({
  id: `flt_${fault}`,
  mockIdpId: 'idp_acme',
  fault,
  mode: 'next',
  amount,
  createdAt: '',
});

describe('fault plan', () => {
  it('covers every SAML fault of the model, and only those', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...SAML_FAULTS].sort());
    const plan = planFaults([
      ...SAML_FAULTS.map((fault) => active(fault, AMOUNTS[fault] ?? null)),
      active('wrong_nonce'),
    ]);
    expect(plan.applied).toEqual(SAML_FAULTS);
  });

  it('bounds the slow fault and adds clock skews', () => {
    expect(planFaults([active('slow', 60_000)]).delayMs).toBe(MAX_SLOW_MS);
    expect(planFaults([active('clock_skew', 3), active('clock_skew', -10)]).shiftMinutes).toBe(-7);
  });
});

describe.each(PRESETS)('%s: each fault is refused with its rule', (preset) => {
  it.each(SAML_FAULTS)('%s', async (fault) => {
    const connection = world.connection();
    if (fault === 'replay') {
      const first = await world.signIn(connection, { preset });
      expect(first.ok).toBe(true);
      const again = world.pendingRequest(connection);
      const outcome = await world.validate(first.xml, connection, again);
      expect(outcome.ok ? 'accepted' : outcome.rule).toBe(EXPECTED.replay);
      return;
    }
    const outcome = await world.signIn(connection, {
      preset,
      faults: [fault],
      ...(AMOUNTS[fault] !== undefined ? { amount: AMOUNTS[fault] } : {}),
    });
    expect(outcome.ok ? null : outcome.rule, outcome.ok ? 'accepted' : outcome.message).toBe(EXPECTED[fault]);
  });
});

describe('tampering is caught whatever is signed', () => {
  it.each([
    ['assertion signed', { signResponse: false, signAssertion: true, encryptAssertion: false }, {}],
    ['both signed', { signResponse: true, signAssertion: true, encryptAssertion: false }, {}],
    [
      'response signed',
      { signResponse: true, signAssertion: false, encryptAssertion: false },
      { wantAssertionsSigned: false, wantResponseSigned: true },
    ],
    ['encrypted, assertion signed', { signResponse: false, signAssertion: true, encryptAssertion: true }, {}],
    [
      'encrypted, response signed',
      { signResponse: true, signAssertion: false, encryptAssertion: true },
      { wantAssertionsSigned: false, wantResponseSigned: true },
    ],
  ] as const)('%s', async (_name, settings, wants) => {
    const connection = world.connection('con_a', wants);
    const outcome = await world.signIn(connection, { settings, faults: ['tampered'] });
    expect(outcome.ok ? 'accepted' : outcome.rule).toBe('saml_signature');
  });

  it('unsigned is refused whichever signature the connection requires', async () => {
    for (const wants of [{}, { wantResponseSigned: true }, { wantAssertionsSigned: false, wantResponseSigned: true }]) {
      const outcome = await world.signIn(world.connection('con_a', wants), { faults: ['unsigned'] });
      expect(outcome.ok ? 'accepted' : outcome.rule).toBe('saml_signature');
    }
  });
});

describe('answering', () => {
  const answering = (relayState: string): Answering => {
    const connection = world.connection();
    return {
      idp: { id: 'idp_acme', name: 'Acme Okta', preset: 'okta' } as Answering['idp'],
      identity: world.idp('okta'),
      target: {
        acsUrl: connection.sp.acsUrl,
        audience: connection.sp.entityId,
        inResponseTo: relayState,
        requestedNameIdFormat: null,
      },
      relayState,
      spCertificatePem: world.spKey.certificatePem,
      trace: undefined,
      now: () => new Date(),
    };
  };
  const field = (page: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];

  it('auto-posts to the ACS with the RelayState, and replays the previous response when asked', async () => {
    const memory = new ReplayMemory();
    const first = await answerForPersona(answering('_r1'), JANE, planFaults([]), memory);
    expect(first).toContain('data-autopost');
    expect(first).toContain('action="http://127.0.0.1:4100/federation/saml/con_a/acs"');
    expect(field(first, 'RelayState')).toBe('_r1');
    const replayed = await answerForPersona(answering('_r2'), JANE, planFaults([active('replay')]), memory);
    expect(field(replayed, 'SAMLResponse')).toBe(field(first, 'SAMLResponse'));
    expect(field(replayed, 'RelayState')).toBe('_r2');
  });

  it('waits as long as the slow fault says', async () => {
    const started = Date.now();
    await answerForPersona(answering('_r3'), JANE, planFaults([active('slow', 150)]), new ReplayMemory());
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('applies the picker’s edits and refuses bad ones', () => {
    const persona = { ...JANE, id: 'per_1', mockIdpId: 'idp_acme', position: 0 };
    const edited = claimsOf(persona, {
      email: ' Boss@Acme.Example ',
      displayName: 'The Boss',
      groups: 'admins, , finance ',
    });
    expect(edited).toMatchObject({
      email: 'boss@acme.example',
      displayName: 'The Boss',
      groups: ['admins', 'finance'],
    });
    expect(claimsOf(persona, { email: 'not-an-email' })).toMatch(/email address/);
    expect(claimsOf(persona, { displayName: ' ' })).toMatch(/display name/);
  });
});
