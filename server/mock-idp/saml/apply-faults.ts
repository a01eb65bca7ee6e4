/**
 * The fault switches of a mock SAML IdP, turned into a plan the response builder follows:
 * which values to get wrong, which signatures to break, which status to answer with.
 */
import { FAULTS, type ActiveFault, type FaultName } from '../../model/federation';

/** The longest a `slow` fault may hold an answer back. */
export const MAX_SLOW_MS = 30_000;

export interface FaultPlan {
  /** The SAML faults in force for this answer, in the order they were switched on. */
  applied: FaultName[];
  expired: boolean;
  notYetValid: boolean;
  /** `clock_skew`: minutes added to every timestamp (negative: the IdP's clock is behind). */
  shiftMinutes: number;
  wrongAudience: boolean;
  wrongRecipient: boolean;
  wrongDestination: boolean;
  wrongIssuer: boolean;
  unsigned: boolean;
  unknownKey: boolean;
  tampered: boolean;
  sha1: boolean;
  missingAttribute: boolean;
  wrongNameIdFormat: boolean;
  replay: boolean;
  /** A non-Success status instead of an assertion. */
  status: 'idp_error' | 'consent_denied' | null;
  delayMs: number;
}

export const NO_FAULTS: FaultPlan = {
  applied: [],
  expired: false,
  notYetValid: false,
  shiftMinutes: 0,
  wrongAudience: false,
  wrongRecipient: false,
  wrongDestination: false,
  wrongIssuer: false,
  unsigned: false,
  unknownKey: false,
  tampered: false,
  sha1: false,
  missingAttribute: false,
  wrongNameIdFormat: false,
  replay: false,
  status: null,
  delayMs: 0,
};

/** The plan for `faults` (OIDC-only faults are ignored). */
export function planFaults(faults: readonly ActiveFault[]): FaultPlan {
  const plan: FaultPlan = { ...NO_FAULTS, applied: [] };
  for (const fault of faults) {
    if (!(FAULTS[fault.fault].kinds as readonly string[]).includes('saml')) continue;
    plan.applied.push(fault.fault);
    switch (fault.fault) {
      case 'expired':
        plan.expired = true;
        break;
      case 'not_yet_valid':
        plan.notYetValid = true;
        break;
      case 'clock_skew':
        plan.shiftMinutes += fault.amount ?? 0;
        break;
      case 'wrong_audience':
        plan.wrongAudience = true;
        break;
      case 'wrong_recipient':
        plan.wrongRecipient = true;
        break;
      case 'wrong_destination':
        plan.wrongDestination = true;
        break;
      case 'wrong_issuer':
        plan.wrongIssuer = true;
        break;
      case 'unsigned':
        plan.unsigned = true;
        break;
      case 'unknown_key':
        plan.unknownKey = true;
        break;
      case 'tampered':
        plan.tampered = true;
        break;
      case 'sha1':
        plan.sha1 = true;
        break;
      case 'missing_attribute':
        plan.missingAttribute = true;
        break;
      case 'wrong_nameid_format':
        plan.wrongNameIdFormat = true;
        break;
      case 'replay':
        plan.replay = true;
        break;
      case 'idp_error':
      case 'consent_denied':
        plan.status = fault.fault;
        break;
      case 'slow':
        plan.delayMs = Math.min(MAX_SLOW_MS, Math.max(plan.delayMs, fault.amount ?? 0));
        break;
      default:
        break;
    }
  }
  return plan;
}

/** Values a fault puts where the right one belongs. */
export const WRONG = {
  audience: 'https://wrong-audience.example/saml/sp',
  recipient: 'https://wrong-recipient.example/saml/acs',
  destination: 'https://wrong-destination.example/saml/acs',
  issuer: 'https://wrong-issuer.example/saml/idp',
} as const;
