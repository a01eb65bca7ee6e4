/**
 * Every rule a SAML response posted to a connection's ACS must pass, in order, as one
 * table (security.md §1). Each step records its pass or failure in the login's trace
 * under a stable rule id; the first failure throws a FederationError naming the rule.
 *
 * The order is deliberate: text checks before any parser runs; structure before anything
 * is read; cheap reject-only checks on the unverified tree (they name the precise rule);
 * then node-saml verifies signatures; then what node-saml does not check, read from the
 * verified assertion only; finally the request and the assertion ID are used up.
 */
import type { ExternalProfile } from '../contracts';
import { FederationError } from '../contracts';
import type { TraceRecorder } from '../../trace/trace-recorder';
import type { SamlRequestRecord } from '../../store/saml-cache-repository';
import {
  checkAudience,
  checkDestination,
  checkInResponseTo,
  checkIssuer,
  checkNameIdFormat,
  checkRecipient,
  checkRequiredAttribute,
  checkStatus,
  checkTime,
  refuseReplay,
  useOnce,
} from './saml-assertion-checks';
import type { SamlCheck, SamlCheckState, SamlResponseInput } from './saml-check';
import {
  checkSignatureAlgorithms,
  checkSize,
  checkStructure,
  decryptIfEncrypted,
  parseResponse,
  refuseSha1,
  rejectDoctype,
  rejectProcessingInstructions,
  signatureOf,
} from './saml-message-checks';
import { samlSettings } from './saml-sp-options';
import { displayXml, prettyXml } from './saml-xml';
import { verifySignatures } from './verify-saml-signature';

export type { SamlResponseInput } from './saml-check';

export const SAML_RESPONSE_CHECKS: readonly SamlCheck[] = [
  {
    rule: 'saml_config',
    title: 'Connection keeps every protection on',
    run: (state) => void samlSettings(state.input.connection),
  },
  { rule: 'saml_size', title: 'Response within the size limit', run: checkSize },
  { rule: 'saml_doctype', title: 'No DOCTYPE or entity declaration', run: rejectDoctype },
  { rule: 'saml_processing_instruction', title: 'No processing instruction', run: rejectProcessingInstructions },
  { rule: 'saml_xml', title: 'Well-formed SAML 2.0 Response', run: parseResponse },
  { rule: 'saml_structure', title: 'One Response, one assertion, signatures in place', run: checkStructure },
  { rule: 'saml_encryption', title: 'Assertion decrypted with accepted algorithms', run: decryptIfEncrypted },
  { rule: 'saml_signature_algorithm', title: 'RSA signature algorithms only', run: checkSignatureAlgorithms },
  { rule: 'saml_sha1', title: 'No SHA-1 signature or digest', run: refuseSha1 },
  { rule: 'saml_status', title: 'Status is Success', run: checkStatus },
  { rule: 'saml_replay', title: 'Assertion not used before', run: refuseReplay },
  { rule: 'saml_destination', title: 'Destination is this connection’s ACS', run: checkDestination },
  { rule: 'saml_in_response_to', title: 'Answers a sign-in this connection started', run: checkInResponseTo },
  { rule: 'saml_audience', title: 'Audience is this SP', run: checkAudience },
  { rule: 'saml_time', title: 'Within its validity window', run: checkTime },
  { rule: 'saml_signature', title: 'Signature verified', run: verifySignatures },
  { rule: 'saml_issuer', title: 'Issued by this connection’s IdP', run: checkIssuer },
  { rule: 'saml_recipient', title: 'Recipient is this connection’s ACS', run: checkRecipient },
  { rule: 'saml_nameid_format', title: 'NameID in the expected format', run: checkNameIdFormat },
  { rule: 'saml_required_attribute', title: 'Email attribute present', run: checkRequiredAttribute },
  { rule: 'saml_single_use', title: 'Sign-in request and assertion used up', run: useOnce },
];

export interface ValidatedSamlResponse {
  profile: ExternalProfile;
  /** The AuthnRequest it answered; null for an IdP-initiated response. */
  request: SamlRequestRecord | null;
}

/** A fresh state for `input` (exported for tests that run single checks). */
export function initialState(input: SamlResponseInput): SamlCheckState {
  return { input, now: input.clock.now().getTime(), xml: '', request: null };
}

/** Runs every check on `input`; throws FederationError at the first that fails. */
export async function validateSamlResponse(
  input: SamlResponseInput,
  trace: TraceRecorder,
): Promise<ValidatedSamlResponse> {
  const state = initialState(input);
  let recorded = false;
  for (const check of SAML_RESPONSE_CHECKS) {
    try {
      const outcome = await check.run(state);
      trace.pass(check.rule, outcome?.title ?? check.title, outcome?.detail);
    } catch (error) {
      if (!(error instanceof FederationError)) throw error;
      trace.fail(error.rule, error.message, {
        check: check.rule,
        ...(state.xml && !recorded ? { xml: displayXml(state.xml) } : {}),
      });
      throw error;
    }
    if (check.rule === 'saml_xml') {
      recordMessage(state, trace);
      recorded = true;
    }
  }
  return { profile: state.external as ExternalProfile, request: state.request };
}

/** The decoded response in the trace, pretty-printed, with what is signed and encrypted. */
function recordMessage(state: SamlCheckState, trace: TraceRecorder): void {
  const response = state.response as Element;
  const assertion = response.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'Assertion')[0];
  trace.step({
    from: 'browser',
    to: 'orgbench',
    title: 'SAML Response posted to the ACS',
    status: 'info',
    detail: {
      xml: prettyXml(state.doc as Document),
      responseSigned: signatureOf(response) !== undefined,
      assertionSigned: assertion ? signatureOf(assertion) !== undefined : null,
      encrypted:
        response.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'EncryptedAssertion').length > 0,
      relayState: state.input.relayState ?? null,
    },
  });
}
