/** The shape of one check of the SAML response pipeline, and what the checks learn as they go. */
import type { Profile } from '@node-saml/node-saml';
import type { Connection } from '../../model/federation';
import type { ExternalProfile } from '../contracts';
import type { Clock } from '../../runtime/clock';
import type { SamlCacheRepository, SamlRequestRecord } from '../../store/saml-cache-repository';
import type { DecryptedAssertion } from './decrypt-assertion';
import type { SpKeys } from './saml-sp-options';

export interface SamlResponseInput {
  connection: Connection;
  keys: SpKeys;
  /** The posted `SAMLResponse` field (base64). */
  samlResponse: string | undefined;
  /** The posted `RelayState`: only ever a lookup handle, never a URL to follow. */
  relayState: string | undefined;
  cache: SamlCacheRepository;
  clock: Clock;
}

export interface SamlCheckState {
  readonly input: SamlResponseInput;
  /** Milliseconds since the epoch, from the injectable clock. */
  readonly now: number;
  /** The decoded message, exactly as node-saml will decode it. */
  xml: string;
  doc?: Document;
  response?: Element;
  /** The assertion as sent (decrypted when encrypted), before any signature is verified. */
  assertion?: Element;
  encryptedAssertion?: Element;
  decrypted?: DecryptedAssertion;
  /** The AuthnRequest this answers; null for an IdP-initiated response. */
  request: SamlRequestRecord | null;
  /** Until when the assertion's ID must be remembered (its latest NotOnOrAfter plus skew). */
  assertionExpiresAt?: number;
  /** What node-saml returned once the signatures verified. */
  profile?: Profile;
  /** The assertion as node-saml verified it (only signed bytes). */
  verifiedAssertion?: Element;
  /** The user as the verified assertion describes them. */
  external?: ExternalProfile;
}

export interface CheckOutcome {
  /** A more specific title than the check's own. */
  title?: string;
  detail?: Record<string, unknown>;
}

export interface SamlCheck {
  /** Stable id shown in traces and errors (`saml_audience`). */
  rule: string;
  /** What passing the check means, in a few words. */
  title: string;
  /** Throws FederationError (this rule, or a more precise one) to reject. */
  run(state: SamlCheckState): void | CheckOutcome | Promise<void | CheckOutcome>;
}

/** The assertion as verified, or fails loudly if a check runs before the signature step. */
export function verified(state: SamlCheckState): Element {
  if (!state.verifiedAssertion) throw new Error('a check that needs the verified assertion ran before saml_signature');
  return state.verifiedAssertion;
}
