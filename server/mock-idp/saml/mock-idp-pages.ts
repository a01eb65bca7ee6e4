/**
 * Pages of a mock SAML IdP, dressed as its vendor: the persona picker (each persona's
 * email, name and groups editable before answering, plus Cancel), error pages and the
 * single-logout confirmation. Escaped by default; no scripts.
 */
import { FAULTS, VENDOR_LABELS, type ActiveFault, type Persona, type VendorPreset } from '../../model/federation';
import { displayXml } from '../../federation/saml/saml-xml';
import { html, htmlDocument, type SafeHtml } from '../../web/html';
import { customerBrand, type CustomerBranding } from '../../branding/page-theme';
import type { AuthnRequestFacts } from './parse-saml-request';
import { PICKER_LOOKS } from './vendor-shapes';

export interface IdpLook {
  slug: string;
  name: string;
  preset: VendorPreset;
  /** The customer org's logo and colour on the vendor look (its theme), when one uses this IdP. */
  customer?: CustomerBranding | undefined;
}

/** Where the picker's stylesheet is served, per IdP. */
export const pickerCssPath = (slug: string) => `/mock/saml/${encodeURIComponent(slug)}/idp.css`;

function shell(look: IdpLook, title: string, body: SafeHtml): string {
  const vendor = PICKER_LOOKS[look.preset];
  return htmlDocument({
    title: `${title} · ${look.name}`,
    stylesheet: pickerCssPath(look.slug),
    ...(look.customer ? { themeStylesheet: look.customer.stylesheet } : {}),
    body: html`<body
      class="idp idp-${look.preset}"
      data-testid="mock-idp-page"
      data-preset="${look.preset}"
      data-protocol="saml"
    >
      <header class="idp-brand">
        ${look.customer ? customerBrand(look.customer) : html`<span class="idp-mark" aria-hidden="true"></span>`}${look.name}
        <span class="idp-mock">${vendor.brand} · Orgbench mock</span>
      </header>
      <main class="idp-card">${body}</main>
      <footer class="idp-footer">
        A mock identity provider hosted by Orgbench for testing; not affiliated with ${VENDOR_LABELS[look.preset]}.
      </footer>
    </body>`,
  });
}

export interface PickerOptions {
  look: IdpLook;
  /** Who asked: the connection's name or the SP's entity ID. */
  spName: string;
  /** Hidden fields carrying the request to `/answer` (SAMLRequest + RelayState, or connection). */
  carry: Record<string, string | undefined>;
  personas: Persona[];
  faults: ActiveFault[];
  /** What the request said, for the curious. */
  request?: { facts: [string, string][]; xml?: string };
  error?: string;
}

export function personaPickerPage(options: PickerOptions): string {
  const vendor = PICKER_LOOKS[options.look.preset];
  const action = `/mock/saml/${encodeURIComponent(options.look.slug)}/answer`;
  const carry = Object.entries(options.carry)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`);
  const lead = vendor.lead.split('{sp}');
  const personas = options.personas.map(
    (persona) =>
      html`<li class="idp-persona">
        <form method="post" action="${action}" data-persona="${persona.handle}">
          ${carry}
          <input type="hidden" name="persona" value="${persona.handle}" />
          <div class="idp-who">
            <span class="idp-avatar" aria-hidden="true">${persona.displayName.slice(0, 1).toUpperCase()}</span>
            <div>
              <strong>${persona.displayName}</strong><span>${persona.email}</span>
              <span class="idp-groups">${persona.groups.length ? persona.groups.join(', ') : 'no groups'}</span>
            </div>
          </div>
          <details>
            <summary>Edit before sending</summary>
            <label>Email <input name="email" type="email" value="${persona.email}" required /></label>
            <label>Display name <input name="displayName" value="${persona.displayName}" required /></label>
            <label>Groups (comma-separated) <input name="groups" value="${persona.groups.join(', ')}" /></label>
          </details>
          <button type="submit">${vendor.button}</button>
        </form>
      </li>`,
  );
  const faults = options.faults.filter((fault) => (FAULTS[fault.fault].kinds as readonly string[]).includes('saml'));
  return shell(
    options.look,
    vendor.heading,
    html`<h1>${vendor.heading}</h1>
      <p class="idp-lead">${lead[0]}<strong>${options.spName}</strong>${lead[1] ?? ''}</p>
      ${options.error ? html`<p class="idp-error" role="alert">${options.error}</p>` : ''}
      ${
        faults.length
          ? html`<p class="idp-faults">
              Fault switched on:
              ${faults.map((fault) => `${FAULTS[fault.fault].label}${fault.mode === 'always' ? ' (always)' : ''}`).join('; ')}.
              The answer will be broken on purpose.
            </p>`
          : ''
      }
      ${
        options.personas.length
          ? html`<ul class="idp-personas">
              ${personas}
            </ul>`
          : html`<p class="idp-error">This IdP has no personas yet; add some in Orgbench.</p>`
      }
      <form method="post" action="${action}" data-cancel>
        ${carry}
        <input type="hidden" name="cancel" value="1" />
        <button type="submit" class="idp-secondary">${vendor.cancel}</button>
      </form>
      ${options.request ? requestDetails(options.request) : ''}`,
  );
}

function requestDetails(request: { facts: [string, string][]; xml?: string }): SafeHtml {
  return html`<details class="idp-request">
    <summary>What the application sent</summary>
    <dl>
      ${request.facts.map(
        ([label, value]) =>
          html`<dt>${label}</dt>
            <dd>${value}</dd>`,
      )}
    </dl>
    ${request.xml ? html`<pre>${request.xml}</pre>` : ''}
  </details>`;
}

/** What an AuthnRequest asked, for the picker's "What the application sent". */
export function requestSummary(request: AuthnRequestFacts, acsUrl: string): NonNullable<PickerOptions['request']> {
  return {
    facts: [
      ['SP entity ID', request.issuer],
      ['ACS URL', acsUrl],
      ['NameID format', request.nameIdFormat ?? '(any)'],
      ['Request ID', request.id],
    ],
    xml: displayXml(request.xml),
  };
}

export function idpErrorPage(look: IdpLook, title: string, message: string): string {
  return shell(
    look,
    title,
    html`<h1>${title}</h1>
      <p class="idp-error" role="alert" data-rule="mock_idp_refused">${message}</p>`,
  );
}

export function signedOutPage(look: IdpLook, options: { spName: string; responseXml: string }): string {
  return shell(
    look,
    'Signed out',
    html`<h1>You are signed out</h1>
      <p class="idp-lead">${look.name} ended the session for <strong>${options.spName}</strong>.</p>
      <details class="idp-request">
        <summary>Signed LogoutResponse</summary>
        <pre>${options.responseXml}</pre>
      </details>`,
  );
}
