/**
 * A mock IdP answering: takes its fault switches (used up when `next`), waits if it is
 * slow, re-sends its previous response if replaying, else builds a fresh one for the
 * persona (or an error status), notes what it did in the login's trace, and returns the
 * auto-post page that carries the response to the SP's ACS.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { MockIdp, Persona } from '../../model/federation';
import type { TraceRecorder } from '../../trace/trace-recorder';
import { autopostPage } from '../../web/autopost-page';
import { html } from '../../web/html';
import { NO_FAULTS, type FaultPlan } from './apply-faults';
import {
  buildSamlResponse,
  type PersonaClaims,
  type ResponseTarget,
  type SamlIdpIdentity,
  type StatusAnswer,
} from './build-saml-response';

/** What each IdP sent last, for the `replay` fault (kept in memory, as a browser history would). */
export class ReplayMemory {
  readonly #last = new Map<string, string>();

  remember(idpId: string, xml: string): void {
    if (this.#last.size >= 1000) this.#last.delete(this.#last.keys().next().value as string);
    this.#last.set(idpId, xml);
  }

  previous(idpId: string): string | undefined {
    return this.#last.get(idpId);
  }
}

export interface Answering {
  idp: MockIdp;
  identity: SamlIdpIdentity;
  target: ResponseTarget;
  relayState: string | undefined;
  spCertificatePem: string | null;
  trace: TraceRecorder | undefined;
  now: () => Date;
}

/** The auto-post page answering for `persona`, with the IdP's faults applied. */
export async function answerForPersona(
  answering: Answering,
  persona: PersonaClaims,
  faults: FaultPlan,
  memory: ReplayMemory,
): Promise<string> {
  if (faults.delayMs > 0) await delay(faults.delayMs);
  const previous = faults.replay ? memory.previous(answering.idp.id) : undefined;
  let xml: string;
  let notes: string[];
  if (previous) {
    xml = previous;
    notes = ['Fault: replay (the previous response re-sent unchanged)'];
  } else {
    const built = await buildSamlResponse({
      idp: answering.identity,
      target: answering.target,
      now: answering.now(),
      faults,
      persona,
      spCertificatePem: answering.spCertificatePem,
    });
    xml = built.xml;
    notes = faults.replay ? [...built.notes, 'Nothing to replay yet: a fresh response was sent'] : built.notes;
    memory.remember(answering.idp.id, xml);
  }
  answering.trace?.annotate({ persona: persona.handle });
  record(answering, `${answering.idp.name} answered as ${persona.handle}`, notes, faults);
  return page(answering, xml);
}

/** The auto-post page answering with a non-Success status (the user cancelled). */
export async function answerWithStatus(answering: Answering, status: StatusAnswer): Promise<string> {
  const built = await buildSamlResponse({
    idp: answering.identity,
    target: answering.target,
    now: answering.now(),
    faults: NO_FAULTS,
    status,
    spCertificatePem: answering.spCertificatePem,
  });
  record(answering, `${answering.idp.name} answered with an error status`, built.notes, NO_FAULTS);
  return page(answering, built.xml);
}

function record(answering: Answering, title: string, notes: string[], faults: FaultPlan): void {
  answering.trace?.step({
    from: 'idp',
    to: 'browser',
    title,
    status: faults.applied.length > 0 ? 'fail' : 'info',
    detail: { notes, faults: faults.applied, acs: answering.target.acsUrl, preset: answering.idp.preset },
  });
}

function page(answering: Answering, xml: string): string {
  return autopostPage({
    action: answering.target.acsUrl,
    fields: { SAMLResponse: Buffer.from(xml, 'utf8').toString('base64'), RelayState: answering.relayState },
    title: `Signing in with ${answering.idp.name}`,
    message: html`Sending the SAML response to <code>${answering.target.acsUrl}</code>.`,
  });
}

/** The persona as the picker sent it: edited email, name and groups replace the stored ones. */
export function claimsOf(
  persona: Persona,
  edits: { email?: string; displayName?: string; groups?: string } = {},
): PersonaClaims | string {
  const email = edits.email === undefined ? persona.email : edits.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 320)
    return 'Enter an email address such as jane@acme.example.';
  const displayName = edits.displayName === undefined ? persona.displayName : edits.displayName.trim();
  if (displayName.length < 1 || displayName.length > 200) return 'The display name must be 1–200 characters.';
  const groups =
    edits.groups === undefined
      ? persona.groups
      : edits.groups
          .split(',')
          .map((group) => group.trim())
          .filter(Boolean);
  if (groups.length > 200 || groups.some((group) => group.length > 200))
    return 'At most 200 groups of up to 200 characters.';
  return {
    handle: persona.handle,
    email,
    displayName,
    givenName: persona.givenName,
    familyName: persona.familyName,
    subject: persona.subject,
    groups,
    attributes: persona.attributes,
  };
}
