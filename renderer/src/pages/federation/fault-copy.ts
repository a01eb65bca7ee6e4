/**
 * What each fault switch does to the next answer of a mock IdP, in one line, and which
 * ones need an amount (minutes of clock skew, milliseconds of delay).
 */
import type { ActiveFault, FaultName, ProtocolKind } from '../../../../server/model/federation';
import type { FaultInfo } from '../../api/federation-api';

export const FAULT_HELP: Record<FaultName, string> = {
  expired: 'NotOnOrAfter / exp lies in the past: your SP must refuse a stale answer.',
  not_yet_valid: 'NotBefore / iat lies in the future: the answer is not valid yet.',
  wrong_audience: 'The answer is addressed to another SP or client ID.',
  wrong_recipient: 'SubjectConfirmationData Recipient names another ACS URL.',
  wrong_destination: 'The Response Destination is not your ACS URL.',
  wrong_issuer: 'The answer claims to come from another IdP.',
  unsigned: 'The signature is stripped (SAML) or the token uses alg "none" (OIDC).',
  unknown_key: 'Signed correctly, but with a key the connection does not trust.',
  tampered: 'A value (the email) is changed after signing, so the signature breaks.',
  sha1: 'Signed with RSA-SHA1, which connections refuse unless SHA-1 is allowed.',
  missing_attribute: 'The email attribute or claim is left out.',
  wrong_nameid_format: 'The NameID uses another format than the one the SP asked for.',
  replay: 'The previous answer is sent again: a replay must be detected.',
  clock_skew: 'The IdP clock is off by the given minutes (negative = behind).',
  idp_error: 'The IdP answers with an error status instead of an assertion or code.',
  consent_denied: 'The user refuses consent at the IdP (access_denied).',
  slow: 'The IdP waits the given milliseconds before answering.',
  wrong_nonce: 'The ID token carries another nonce than the one sent.',
  wrong_state: 'The callback carries another state than the one sent.',
};

export interface AmountSpec {
  unit: string;
  label: string;
  initial: number;
  min: number;
  max: number;
}

/** The faults that need an amount, and its unit and limits (the server's). */
export const FAULT_AMOUNTS: Partial<Record<FaultName, AmountSpec>> = {
  clock_skew: { unit: 'min', label: 'Skew in minutes', initial: 10, min: -1440, max: 1440 },
  slow: { unit: 'ms', label: 'Delay in milliseconds', initial: 3000, min: 0, max: 60_000 },
};

/** The faults of the catalogue that apply to an IdP of `kind`, in catalogue order. */
export const faultsFor = (catalogue: readonly FaultInfo[], kind: ProtocolKind): FaultInfo[] =>
  catalogue.filter((fault) => fault.kinds.includes(kind));

/** A fault as a short chip text: "clock_skew +10 min · always". */
export function faultChipText(fault: Pick<ActiveFault, 'fault' | 'mode' | 'amount'>): string {
  const spec = FAULT_AMOUNTS[fault.fault];
  const amount =
    spec && fault.amount !== null
      ? ` ${fault.amount > 0 && spec.unit === 'min' ? '+' : ''}${fault.amount} ${spec.unit}`
      : '';
  return `${fault.fault}${amount} · ${fault.mode === 'next' ? 'next login' : 'always'}`;
}
