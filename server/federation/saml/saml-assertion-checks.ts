/**
 * Checks on what the response says. Those before the signature step only ever reject
 * (status, replay, InResponseTo, Destination, audience, time), so reading them from the
 * unverified tree is safe and names the precise rule; node-saml then checks audience and
 * time again on the signed bytes. Issuer, Recipient, NameID and attributes, which
 * node-saml does not check, are read from the verified assertion only.
 */
import type { Profile } from '@node-saml/node-saml';
import { readAttribute } from '../attribute-defaults';
import { FederationError } from '../contracts';
import { verified, type CheckOutcome, type SamlCheckState } from './saml-check';
import { isRequestHandle } from './saml-sp-options';
import { NAMEID_FORMATS, NS, STATUS } from './saml-vocabulary';
import { attributeOf, childElements, firstChildElement, pathElement, textOf } from './saml-xml';

export function checkStatus(state: SamlCheckState): CheckOutcome | void {
  const response = state.response as Element;
  const top = pathElement(response, NS.protocol, 'Status', 'StatusCode');
  const code = attributeOf(top, 'Value');
  if (code !== STATUS.success) {
    const sub = top ? attributeOf(firstChildElement(top, 'StatusCode', NS.protocol), 'Value') : undefined;
    const message = textOf(pathElement(response, NS.protocol, 'Status', 'StatusMessage'));
    const name = (uri: string | undefined) => uri?.split(':').pop() ?? 'no status';
    throw new FederationError(
      'saml_status',
      `The IdP answered ${name(code)}${sub ? `/${name(sub)}` : ''} instead of Success${message ? `: ${message}` : '.'}`,
    );
  }
  if (!state.assertion)
    throw new FederationError('saml_structure', 'The response says Success but carries no assertion.');
}

/** An assertion ID accepted before (until its NotOnOrAfter) is refused, even after a restart. */
export function refuseReplay(state: SamlCheckState): CheckOutcome {
  const id = attributeOf(state.assertion, 'ID');
  if (!id) throw new FederationError('saml_structure', 'The assertion has no ID.');
  if (state.input.cache.hasSeenAssertion(state.input.connection.id, id, state.now)) {
    throw new FederationError(
      'saml_replay',
      `The assertion ${id} was already used to sign in; an assertion is good for one sign-in.`,
    );
  }
  return { detail: { assertionId: id } };
}

/**
 * The response answers an AuthnRequest this connection sent in the last 10 minutes and
 * has not yet seen answered; unsolicited responses only where the connection allows them.
 */
export function checkInResponseTo(state: SamlCheckState): CheckOutcome {
  const { connection, cache, relayState } = state.input;
  const inResponseTo = attributeOf(state.response, 'InResponseTo');
  const confirmations = bearerConfirmations(state.assertion as Element);
  if (!inResponseTo) {
    if (!connection.saml?.idpInitiated) {
      throw new FederationError(
        'saml_in_response_to',
        'The response answers no request of ours (IdP-initiated), and this connection does not accept IdP-initiated sign-in.',
      );
    }
    if (confirmations.some((data) => attributeOf(data, 'InResponseTo'))) {
      throw new FederationError('saml_in_response_to', 'The assertion names a request the response does not.');
    }
    state.request = null;
    return { title: 'IdP-initiated response accepted by this connection' };
  }
  const request = cache.findRequest(inResponseTo, connection.id, state.now);
  if (!request) {
    throw new FederationError(
      'saml_in_response_to',
      `InResponseTo ${inResponseTo} is not a sign-in this connection started in the last 10 minutes (unknown, expired or already answered).`,
    );
  }
  if (isRequestHandle(relayState) && relayState !== inResponseTo) {
    throw new FederationError(
      'saml_in_response_to',
      'The response answers another sign-in than the one its RelayState names.',
    );
  }
  for (const data of confirmations) {
    const own = attributeOf(data, 'InResponseTo');
    if (own && own !== inResponseTo)
      throw new FederationError('saml_in_response_to', 'The assertion answers another request than the response.');
  }
  state.request = request;
  return { detail: { inResponseTo } };
}

export function checkDestination(state: SamlCheckState): CheckOutcome {
  const response = state.response as Element;
  const expected = state.input.connection.sp.acsUrl;
  const destination = attributeOf(response, 'Destination');
  if (destination === undefined) {
    if (firstChildElement(response, 'Signature', NS.dsig)) {
      throw new FederationError('saml_destination', 'The signed response names no Destination.');
    }
    return { title: 'No Destination on an unsigned response (the assertion Recipient decides)' };
  }
  if (destination !== expected) {
    throw new FederationError(
      'saml_destination',
      `The response is addressed to ${destination}, not to this connection's ACS ${expected}.`,
    );
  }
  return { detail: { destination } };
}

export function checkAudience(state: SamlCheckState): CheckOutcome {
  const expected = state.input.connection.sp.entityId;
  const conditions = conditionsOf(state.assertion as Element);
  const restrictions = conditions ? childElements(conditions, 'AudienceRestriction', NS.assertion) : [];
  if (restrictions.length === 0) throw new FederationError('saml_audience', 'The assertion names no audience.');
  for (const restriction of restrictions) {
    const audiences = childElements(restriction, 'Audience', NS.assertion).map((audience) => textOf(audience));
    if (!audiences.includes(expected)) {
      throw new FederationError(
        'saml_audience',
        `The assertion is meant for ${audiences.join(', ') || 'nobody'}, not for this connection (${expected}).`,
      );
    }
  }
  return { detail: { audience: expected } };
}

/** NotBefore/NotOnOrAfter of the Conditions and of the bearer confirmation, within the connection's skew. */
export function checkTime(state: SamlCheckState): CheckOutcome {
  const assertion = state.assertion as Element;
  const skew = (state.input.connection.saml?.clockSkewSeconds ?? 0) * 1000;
  const now = state.now;
  const conditions = conditionsOf(assertion);
  const windows = [conditions, ...bearerConfirmations(assertion)].filter(
    (element): element is Element => element !== undefined,
  );
  const confirmations = bearerConfirmations(assertion);
  if (confirmations.length === 0)
    throw new FederationError('saml_time', 'The assertion has no bearer SubjectConfirmationData.');
  if (confirmations.some((data) => attributeOf(data, 'NotOnOrAfter') === undefined)) {
    throw new FederationError(
      'saml_time',
      'The bearer confirmation has no NotOnOrAfter, so the assertion never expires.',
    );
  }
  let latest = 0;
  for (const element of windows) {
    const notBefore = timeOf(element, 'NotBefore');
    const notOnOrAfter = timeOf(element, 'NotOnOrAfter');
    if (notBefore !== undefined && now + skew < notBefore) {
      throw new FederationError(
        'saml_time',
        `The assertion is not valid before ${iso(notBefore)} (now ${iso(now)}, skew ${skew / 1000} s).`,
      );
    }
    if (notOnOrAfter !== undefined && now - skew >= notOnOrAfter) {
      throw new FederationError(
        'saml_time',
        `The assertion expired at ${iso(notOnOrAfter)} (now ${iso(now)}, skew ${skew / 1000} s).`,
      );
    }
    if (notOnOrAfter !== undefined) latest = Math.max(latest, notOnOrAfter);
  }
  state.assertionExpiresAt = latest + skew;
  return { detail: { now: iso(now), skewSeconds: skew / 1000, validUntil: iso(latest) } };
}

export function checkIssuer(state: SamlCheckState): CheckOutcome {
  const expected = state.input.connection.saml?.idpEntityId;
  const issuer = textOf(firstChildElement(verified(state), 'Issuer', NS.assertion));
  if (issuer !== expected) {
    throw new FederationError(
      'saml_issuer',
      `The assertion was issued by ${issuer ?? 'nobody'}, not by this connection's IdP ${expected}.`,
    );
  }
  const responseIssuer = textOf(firstChildElement(state.response as Element, 'Issuer', NS.assertion));
  if (responseIssuer !== undefined && responseIssuer !== expected) {
    throw new FederationError('saml_issuer', `The response was issued by ${responseIssuer}, not by ${expected}.`);
  }
  return { detail: { issuer } };
}

export function checkRecipient(state: SamlCheckState): CheckOutcome {
  const expected = state.input.connection.sp.acsUrl;
  const confirmations = bearerConfirmations(verified(state));
  if (confirmations.length === 0)
    throw new FederationError('saml_recipient', 'The assertion has no bearer SubjectConfirmationData.');
  for (const data of confirmations) {
    const recipient = attributeOf(data, 'Recipient');
    if (recipient !== expected) {
      throw new FederationError(
        'saml_recipient',
        `The assertion is for the recipient ${recipient ?? '(none)'}, not this connection's ACS ${expected}.`,
      );
    }
  }
  return { detail: { recipient: expected } };
}

export function checkNameIdFormat(state: SamlCheckState): CheckOutcome {
  const profile = state.profile as Profile;
  const wanted = state.input.connection.saml?.nameIdFormat ?? 'unspecified';
  if (!profile.nameID) throw new FederationError('saml_nameid_format', 'The assertion has no NameID.');
  const format = profile.nameIDFormat || NAMEID_FORMATS.unspecified;
  if (wanted !== 'unspecified' && format !== NAMEID_FORMATS[wanted]) {
    throw new FederationError(
      'saml_nameid_format',
      `The NameID format is ${format}, but this connection asks for ${NAMEID_FORMATS[wanted]}.`,
    );
  }
  return { detail: { nameID: profile.nameID, format } };
}

export function checkRequiredAttribute(state: SamlCheckState): CheckOutcome {
  const mapped = state.input.connection.mapping.attributes.email;
  const found = readAttribute(state.external?.attributes ?? {}, 'email', mapped);
  if (!found) {
    throw new FederationError(
      'saml_required_attribute',
      `The assertion carries no email attribute (looked for "${mapped}" and the usual names).`,
    );
  }
  return { detail: { email: found.name } };
}

/** Uses the request up and records the assertion ID, both or neither. */
export function useOnce(state: SamlCheckState): CheckOutcome {
  const { cache, connection } = state.input;
  const id = attributeOf(verified(state), 'ID') as string;
  const expiresAt = Math.max(state.assertionExpiresAt ?? 0, state.now + 60_000);
  cache.transaction(() => {
    if (state.request && !cache.consumeRequest(state.request.id, connection.id, state.now)) {
      throw new FederationError('saml_in_response_to', 'This sign-in request was answered already.');
    }
    if (!cache.rememberAssertion(connection.id, id, expiresAt, state.now)) {
      throw new FederationError('saml_replay', `The assertion ${id} was already used to sign in.`);
    }
  });
  cache.purgeExpired(state.now);
  return { detail: { assertionId: id, rememberedUntil: iso(expiresAt) } };
}

function conditionsOf(assertion: Element): Element | undefined {
  return firstChildElement(assertion, 'Conditions', NS.assertion);
}

function bearerConfirmations(assertion: Element): Element[] {
  const subject = firstChildElement(assertion, 'Subject', NS.assertion);
  if (!subject) return [];
  return childElements(subject, 'SubjectConfirmation', NS.assertion)
    .filter((confirmation) => attributeOf(confirmation, 'Method') === 'urn:oasis:names:tc:SAML:2.0:cm:bearer')
    .flatMap((confirmation) => childElements(confirmation, 'SubjectConfirmationData', NS.assertion));
}

function timeOf(element: Element, name: string): number | undefined {
  const value = attributeOf(element, name);
  if (value === undefined) return undefined;
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time))
    throw new FederationError('saml_time', `${element.localName}/@${name} is not a valid time: ${value}.`);
  return time;
}

const iso = (ms: number) => new Date(ms).toISOString();
