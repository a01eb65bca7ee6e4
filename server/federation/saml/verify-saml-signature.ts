/**
 * The signature step: node-saml 5.1 verifies the response and/or assertion signatures
 * against the connection's trusted certificates (never a certificate in KeyInfo), rejects
 * wrapping its own way, checks InResponseTo, audience and time once more on the signed
 * bytes, and returns what the signed assertion says. What it throws is named by rule.
 */
import { SAML, SamlStatusError, type Profile } from '@node-saml/node-saml';
import type { ExternalProfile } from '../contracts';
import { FederationError } from '../contracts';
import type { CheckOutcome, SamlCheckState } from './saml-check';
import { signatureOf } from './saml-message-checks';
import { SqliteRequestCache, spSamlConfig } from './saml-sp-options';
import { PERSONA_ATTRIBUTE } from './saml-vocabulary';
import { XmlParseError, attributeOf, parseXml } from './saml-xml';

export async function verifySignatures(state: SamlCheckState): Promise<CheckOutcome> {
  const { connection, keys, cache, clock, samlResponse } = state.input;
  const saml = new SAML(
    spSamlConfig({
      connection,
      keys,
      cache: new SqliteRequestCache(cache, clock, connection.id),
      unsolicited: state.request === null,
    }),
  );
  let profile: Profile | null;
  try {
    ({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse as string }));
  } catch (error) {
    throw classifyNodeSamlError(error, state);
  }
  const assertionXml = profile?.getAssertionXml?.();
  if (!profile || !assertionXml)
    throw new FederationError('saml_signature', 'The response verified, but no signed assertion came out of it.');
  let signed: Element;
  try {
    signed = parseXml(assertionXml).documentElement;
  } catch (error) {
    if (error instanceof XmlParseError)
      throw new FederationError('saml_signature', 'The signed assertion does not parse.');
    throw error;
  }
  if (attributeOf(signed, 'ID') !== attributeOf(state.assertion, 'ID')) {
    throw new FederationError(
      'saml_structure',
      'The signed assertion is not the assertion the response shows (signature wrapping).',
    );
  }
  state.profile = profile;
  state.verifiedAssertion = signed;
  state.external = toExternalProfile(profile);
  const signedParts = [
    signatureOf(state.response as Element) ? 'response' : undefined,
    state.assertion && signatureOf(state.assertion) ? 'assertion' : undefined,
  ].filter(Boolean);
  const trusted = connection.saml?.idpCertificates.length ?? 0;
  return {
    title: `Signature verified (${signedParts.join(' and ')}) with ${trusted === 1 ? 'the IdP certificate' : `one of ${trusted} IdP certificates`}`,
    detail: {
      signed: signedParts,
      wantAssertionsSigned: connection.saml?.wantAssertionsSigned,
      wantResponseSigned: connection.saml?.wantResponseSigned,
      verifiedAssertion: assertionXml,
    },
  };
}

/** What node-saml threw, as the rule it broke. */
export function classifyNodeSamlError(error: unknown, state: SamlCheckState): FederationError {
  if (error instanceof FederationError) return error;
  if (error instanceof SamlStatusError)
    return new FederationError('saml_status', `The IdP answered with an error: ${error.message}`);
  const message = error instanceof Error ? error.message : String(error);
  const byMessage: [RegExp, string][] = [
    [/InResponseTo/i, 'saml_in_response_to'],
    [/not yet valid|expired|too old|subject confirmation/i, 'saml_time'],
    [/audience/i, 'saml_audience'],
    [/decrypt|EncryptedAssertion|EncryptedData/i, 'saml_encryption'],
    [/issuer/i, 'saml_issuer'],
  ];
  const rule = byMessage.find(([pattern]) => pattern.test(message))?.[1];
  if (rule) return new FederationError(rule, `node-saml rejected the response: ${message}.`);
  const saml = state.input.connection.saml;
  const wanted =
    saml?.wantResponseSigned && saml.wantAssertionsSigned
      ? 'a signed response and a signed assertion'
      : saml?.wantResponseSigned
        ? 'a signed response'
        : 'a signed assertion';
  return new FederationError(
    'saml_signature',
    `The signature does not verify: this connection requires ${wanted} from its IdP's certificate (${message}).`,
  );
}

/** The verified assertion as an ExternalProfile: NameID as subject, every attribute by its raw name. */
export function toExternalProfile(profile: Profile): ExternalProfile {
  const attributes: Record<string, string | string[]> = {};
  for (const key of ['nameID', 'nameIDFormat', 'sessionIndex', 'issuer', 'email', 'mail'] as const) {
    const value = profile[key];
    if (typeof value === 'string' && value !== '') attributes[key] = value;
  }
  const raw = (profile.attributes ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(raw)) {
    const flat = flatten(value);
    if (flat !== undefined) attributes[name] = flat;
  }
  const persona = attributes[PERSONA_ATTRIBUTE];
  return { subject: profile.nameID, attributes, persona: typeof persona === 'string' ? persona : null };
}

function flatten(value: unknown): string | string[] | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const values = value.map((item) => flatten(item)).filter((item): item is string => typeof item === 'string');
    return values;
  }
  if (value && typeof value === 'object') return JSON.stringify(value);
  return undefined;
}
