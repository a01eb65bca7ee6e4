/**
 * The SAML Response a mock IdP sends for a persona, shaped like its vendor's, signed and
 * encrypted as its settings say, with its fault switches applied:
 *
 *   1. assertion   Issuer, Subject (NameID, bearer confirmation), Conditions, AuthnStatement,
 *                  AttributeStatement; timestamps, audience, recipient per faults
 *   2. sign        the assertion (settings.signAssertion), RSA-SHA256 or the sha1 fault's SHA-1,
 *                  with the IdP's key or the unknown_key fault's
 *   3. tamper      (fault) a signed value changed after signing
 *   4. encrypt     the assertion to the SP's certificate (settings.encryptAssertion)
 *   5. wrap        Response with Destination, InResponseTo, Status; sign it (settings.signResponse)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { SamlMockSettings } from '../../model/federation';
import { NAMEID_FORMATS, STATUS, nameIdFormatName } from '../../federation/saml/saml-vocabulary';
import { createSelfSignedCertificate } from '../certificate';
import { WRONG, type FaultPlan } from './apply-faults';
import { encryptAssertion } from './encrypt-assertion';
import {
  assertionXml,
  responseXml,
  type BuildInput,
  type PersonaClaims,
  type ResponseTarget,
  type StatusAnswer,
  type Times,
} from './saml-response-xml';
import { signRootElement, type SigningKey } from './sign-xml';
import { SAML_VENDOR_SHAPES, type SamlVendorShape } from './vendor-shapes';
import { esc } from './xml-text';

export type { BuildInput, PersonaClaims, ResponseTarget, SamlIdpIdentity, StatusAnswer } from './saml-response-xml';

export interface BuiltResponse {
  xml: string;
  responseId: string;
  assertionId: string | null;
  /** What was done, for the trace: "Assertion signed (RSA-SHA256)", "Fault: expired", … */
  notes: string[];
}

export class SamlAnswerError extends Error {}

const FAULT_STATUS: Record<NonNullable<FaultPlan['status']>, StatusAnswer> = {
  idp_error: {
    code: STATUS.responder,
    message: 'The identity provider could not complete the sign-in (simulated IdP error).',
  },
  consent_denied: {
    code: STATUS.responder,
    subCode: STATUS.requestDenied,
    message: 'The user declined to share their information with the application.',
  },
};

/** Builds, signs, tampers and encrypts a response as `input` says. */
export async function buildSamlResponse(input: BuildInput): Promise<BuiltResponse> {
  const { idp, faults } = input;
  const shape = SAML_VENDOR_SHAPES[idp.preset];
  const newId = idFactory(shape.idStyle);
  const notes = faults.applied.map((fault) => `Fault: ${fault}`);
  const key = faults.unknownKey ? await unknownSigningKey() : idp.key;
  const sign = (xml: string, localName: string) =>
    signRootElement(xml, localName, {
      key,
      algorithm: faults.sha1 ? 'sha1' : 'sha256',
      certificateInKeyInfo: shape.certificateInKeyInfo || faults.unknownKey,
      inclusivePrefixes: shape.inclusivePrefixes,
    });
  const algorithm = faults.sha1 ? 'RSA-SHA1' : 'RSA-SHA256';
  const times = timestamps(input.now, faults, idp.settings.assertionLifetimeMinutes, shape);
  const issuer = faults.wrongIssuer ? WRONG.issuer : idp.entityId;
  const status = faults.status ? FAULT_STATUS[faults.status] : input.status;

  let assertion: string | null = null;
  let assertionId: string | null = null;
  let assertionSigned = false;
  let nameId: string | null = null;
  if (!status) {
    if (!input.persona) throw new SamlAnswerError('A persona is needed to answer with an assertion.');
    assertionId = newId();
    const subject = nameIdFor(input.persona, idp.settings, input.target, faults);
    nameId = subject.value;
    assertion = assertionXml({ shape, id: assertionId, issuer, times, input, subject });
    if (idp.settings.signAssertion && !faults.unsigned) {
      assertion = sign(assertion, 'Assertion');
      assertionSigned = true;
      notes.push(`Assertion signed (${algorithm})`);
    }
    if (faults.tampered && assertionSigned) {
      assertion = tamperNameId(assertion, nameId);
      notes.push('NameID changed after the assertion was signed');
    }
    if (idp.settings.encryptAssertion) {
      if (!input.spCertificatePem) {
        throw new SamlAnswerError(
          'This IdP encrypts assertions, but the SP is not an Orgbench connection, so its encryption certificate is unknown.',
        );
      }
      assertion = encryptAssertion(assertion, input.spCertificatePem, shape.prefixes.assertion);
      notes.push('Assertion encrypted (AES-256-GCM, RSA-OAEP)');
    }
  } else {
    notes.push(`Status: ${status.subCode ?? status.code}`);
  }

  const responseId = newId();
  let xml = responseXml({ shape, id: responseId, issuer, times, input, status, assertion });
  const signResponse = status ? idp.settings.signResponse || idp.settings.signAssertion : idp.settings.signResponse;
  if (signResponse && !faults.unsigned) {
    xml = sign(xml, 'Response');
    notes.push(`Response signed (${algorithm})`);
  }
  if (faults.tampered && !assertionSigned) {
    xml =
      nameId && !idp.settings.encryptAssertion
        ? tamperNameId(xml, nameId)
        : xml.replace(
            /IssueInstant="([^"]+)"/,
            (_match, instant: string) => `IssueInstant="${shift(new Date(instant), 1)}"`,
          );
    notes.push('A signed value changed after the response was signed');
  }
  if (!signResponse || faults.unsigned) notes.push('Response not signed');
  return { xml, responseId, assertionId, notes };
}

function timestamps(now: Date, faults: FaultPlan, lifetimeMinutes: number, shape: SamlVendorShape): Times {
  const minute = 60_000;
  let issue = now.getTime() + faults.shiftMinutes * minute;
  if (faults.expired) issue = now.getTime() - 10 * minute - lifetimeMinutes * minute;
  if (faults.notYetValid) issue = now.getTime() + 10 * minute;
  const notBefore = faults.notYetValid ? issue : issue + shape.notBeforeSeconds * 1000;
  return {
    issueInstant: new Date(issue).toISOString(),
    notBefore: new Date(notBefore).toISOString(),
    notOnOrAfter: new Date(issue + lifetimeMinutes * minute).toISOString(),
    confirmationNotOnOrAfter: new Date(
      issue + Math.min(shape.confirmationMinutes, lifetimeMinutes) * minute,
    ).toISOString(),
  };
}

const shift = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000).toISOString();

function nameIdFor(persona: PersonaClaims, settings: SamlMockSettings, target: ResponseTarget, faults: FaultPlan) {
  let format = settings.nameIdFormat;
  if (faults.wrongNameIdFormat) {
    const avoid = new Set([settings.nameIdFormat, nameIdFormatName(target.requestedNameIdFormat)]);
    format =
      (['persistent', 'emailAddress', 'transient'] as const).find((candidate) => !avoid.has(candidate)) ?? 'transient';
  }
  const value =
    format === 'persistent'
      ? persona.subject
      : format === 'transient'
        ? `_${randomBytes(16).toString('hex')}`
        : persona.email;
  return { format: NAMEID_FORMATS[format], value };
}

function tamperNameId(xml: string, value: string | null): string {
  if (!value) return xml;
  const changed = value.includes('@') ? `admin@${value.split('@')[1] ?? 'example.com'}` : `${value}-admin`;
  return xml.replace(
    /(<(?:[\w-]+:)?NameID\b[^>]*>)([^<]*)(<\/(?:[\w-]+:)?NameID>)/,
    (_m, open: string, _v, close: string) => `${open}${esc(changed === value ? `${value}.x` : changed)}${close}`,
  );
}

function idFactory(style: SamlVendorShape['idStyle']): () => string {
  switch (style) {
    case 'okta':
      return () => `id${BigInt(`0x${randomBytes(10).toString('hex')}`).toString()}`;
    case 'entra':
      return () => `_${randomUUID()}`;
    default:
      return () => `_${randomBytes(20).toString('hex')}`;
  }
}

let unknownKey: Promise<SigningKey> | undefined;

/** A key no SP trusts (the unknown_key fault), made once per process. */
export function unknownSigningKey(): Promise<SigningKey> {
  unknownKey ??= createSelfSignedCertificate('Unknown signer (Orgbench fault)', new Date());
  return unknownKey;
}
