/**
 * The XML of a mock IdP's answer, in its vendor's shape: the Assertion (Issuer, Subject
 * with a bearer confirmation, Conditions, AuthnStatement, attributes in the vendor's names)
 * and the Response around it. Values come in already decided (timestamps, faults).
 */
import { createHash } from 'node:crypto';
import type { SamlMockSettings, VendorPreset } from '../../model/federation';
import { NS, PERSONA_ATTRIBUTE, STATUS } from '../../federation/saml/saml-vocabulary';
import { WRONG, type FaultPlan } from './apply-faults';
import type { SigningKey } from './sign-xml';
import type { SamlVendorShape } from './vendor-shapes';
import { attrs, esc } from './xml-text';

export interface SamlIdpIdentity {
  id: string;
  entityId: string;
  preset: VendorPreset;
  settings: SamlMockSettings;
  key: SigningKey;
}

/** The persona as answered (the picker may have edited email, name and groups). */
export interface PersonaClaims {
  handle: string;
  email: string;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  subject: string;
  groups: string[];
  attributes: Record<string, string | string[]>;
}

export interface ResponseTarget {
  acsUrl: string;
  /** The SP's entity ID (the AuthnRequest's Issuer, or the connection's). */
  audience: string;
  /** The AuthnRequest ID; null for an IdP-initiated response. */
  inResponseTo: string | null;
  /** NameIDPolicy Format the SP asked for, if any. */
  requestedNameIdFormat: string | null;
}

export interface StatusAnswer {
  code: string;
  subCode?: string;
  message: string;
}

export interface BuildInput {
  idp: SamlIdpIdentity;
  target: ResponseTarget;
  now: Date;
  faults: FaultPlan;
  /** Who signs in; absent when answering with `status`. */
  persona?: PersonaClaims;
  /** A non-Success answer (cancel); the idp_error and consent_denied faults make their own. */
  status?: StatusAnswer;
  /** The SP's certificate, needed when the IdP encrypts assertions. */
  spCertificatePem: string | null;
}

export interface Times {
  issueInstant: string;
  notBefore: string;
  notOnOrAfter: string;
  confirmationNotOnOrAfter: string;
}

interface Parts {
  shape: SamlVendorShape;
  id: string;
  issuer: string;
  times: Times;
  input: BuildInput;
}

export function assertionXml(parts: Parts & { subject: { format: string; value: string } }): string {
  const { shape, id, issuer, times, input, subject } = parts;
  const q = (name: string) => (shape.prefixes.assertion ? `${shape.prefixes.assertion}:${name}` : name);
  const xmlns = shape.prefixes.assertion ? `xmlns:${shape.prefixes.assertion}` : 'xmlns';
  const typed = shape.valueType ? ` xmlns:xs="${NS.xs}" xmlns:xsi="${NS.xsi}"` : '';
  const faults = input.faults;
  const confirmation = attrs({
    InResponseTo: input.target.inResponseTo,
    NotOnOrAfter: times.confirmationNotOnOrAfter,
    Recipient: faults.wrongRecipient ? WRONG.recipient : input.target.acsUrl,
  });
  const attributes = attributeList(input, shape)
    .map(([name, values]) => {
      const valueXml = values
        .map(
          (value) =>
            `<${q('AttributeValue')}${shape.valueType ? ` xsi:type="${shape.valueType}"` : ''}>${esc(value)}</${q('AttributeValue')}>`,
        )
        .join('');
      return `<${q('Attribute')}${attrs({ Name: name, NameFormat: shape.attributeNameFormat })}>${valueXml}</${q('Attribute')}>`;
    })
    .join('');
  return (
    `<${q('Assertion')} ${xmlns}="${NS.assertion}"${typed}${attrs({ ID: id, IssueInstant: times.issueInstant, Version: '2.0' })}>` +
    issuerXml(q, shape, issuer) +
    `<${q('Subject')}>` +
    `<${q('NameID')}${attrs({ Format: subject.format })}>${esc(subject.value)}</${q('NameID')}>` +
    `<${q('SubjectConfirmation')} Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<${q('SubjectConfirmationData')}${confirmation}/>` +
    `</${q('SubjectConfirmation')}>` +
    `</${q('Subject')}>` +
    `<${q('Conditions')}${attrs({ NotBefore: times.notBefore, NotOnOrAfter: times.notOnOrAfter })}>` +
    `<${q('AudienceRestriction')}><${q('Audience')}>${esc(faults.wrongAudience ? WRONG.audience : input.target.audience)}</${q('Audience')}></${q('AudienceRestriction')}>` +
    `</${q('Conditions')}>` +
    `<${q('AuthnStatement')}${attrs({ AuthnInstant: times.issueInstant, SessionIndex: id })}>` +
    `<${q('AuthnContext')}><${q('AuthnContextClassRef')}>${shape.authnContext}</${q('AuthnContextClassRef')}></${q('AuthnContext')}>` +
    `</${q('AuthnStatement')}>` +
    (attributes ? `<${q('AttributeStatement')}>${attributes}</${q('AttributeStatement')}>` : '') +
    `</${q('Assertion')}>`
  );
}

export function responseXml(parts: Parts & { status: StatusAnswer | undefined; assertion: string | null }): string {
  const { shape, id, issuer, times, input, status, assertion } = parts;
  const p = shape.prefixes.protocol;
  const a = shape.prefixes.assertion;
  const q = (name: string) => (a ? `${a}:${name}` : name);
  const issuerNs = a ? ` xmlns:${a}="${NS.assertion}"` : '';
  const issuerElement = a
    ? issuerXml(q, shape, issuer)
    : `<Issuer xmlns="${NS.assertion}"${shape.issuerFormat ? ` Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity"` : ''}>${esc(issuer)}</Issuer>`;
  const code = status ?? { code: STATUS.success, message: '' };
  const statusXml =
    `<${p}:Status>` +
    `<${p}:StatusCode Value="${code.code}">${code.subCode ? `<${p}:StatusCode Value="${code.subCode}"/>` : ''}</${p}:StatusCode>` +
    (status ? `<${p}:StatusMessage>${esc(status.message)}</${p}:StatusMessage>` : '') +
    `</${p}:Status>`;
  const head = attrs({
    ID: id,
    Version: '2.0',
    IssueInstant: times.issueInstant,
    Destination: input.faults.wrongDestination ? WRONG.destination : input.target.acsUrl,
    InResponseTo: input.target.inResponseTo,
  });
  return `<${p}:Response xmlns:${p}="${NS.protocol}"${issuerNs}${head}>${issuerElement}${statusXml}${assertion ?? ''}</${p}:Response>`;
}

function issuerXml(q: (name: string) => string, shape: SamlVendorShape, issuer: string): string {
  const format = shape.issuerFormat ? ' Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity"' : '';
  return `<${q('Issuer')}${format}>${esc(issuer)}</${q('Issuer')}>`;
}

function attributeList(input: BuildInput, shape: SamlVendorShape): [string, string[]][] {
  return samlPersonaAttributes(input.idp, shape, input.persona as PersonaClaims, {
    missingAttribute: Boolean(input.faults.missingAttribute),
  });
}

/**
 * The attributes a mock IdP sends for a persona: the vendor's names, then the persona's
 * own, then the persona marker (also used by the mapping preview).
 */
export function samlPersonaAttributes(
  idp: Pick<SamlIdpIdentity, 'id' | 'entityId' | 'preset'>,
  shape: SamlVendorShape,
  persona: PersonaClaims,
  options: { missingAttribute: boolean },
): [string, string[]][] {
  const names = shape.attributes;
  const list: [string, string[]][] = [];
  const add = (name: string | undefined, values: (string | null | undefined)[]) => {
    const present = values.filter((value): value is string => typeof value === 'string' && value !== '');
    if (name && present.length > 0 && !list.some(([existing]) => existing === name)) list.push([name, present]);
  };
  if (!options.missingAttribute) add(names.email, [persona.email]);
  add(names.name, [persona.displayName]);
  add(names.givenName, [persona.givenName]);
  add(names.familyName, [persona.familyName]);
  add(names.groups, persona.groups);
  if (idp.preset === 'entra') {
    add('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', [persona.email]);
    add('http://schemas.microsoft.com/identity/claims/objectidentifier', [guidFrom(`${idp.id}:${persona.subject}`)]);
    add('http://schemas.microsoft.com/identity/claims/tenantid', [guidFrom(idp.id)]);
    add('http://schemas.microsoft.com/identity/claims/identityprovider', [idp.entityId]);
  }
  for (const [name, value] of Object.entries(persona.attributes)) {
    if (options.missingAttribute && name === names.email) continue;
    add(name, Array.isArray(value) ? value : [value]);
  }
  add(PERSONA_ATTRIBUTE, [persona.handle]);
  return list;
}

function guidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
