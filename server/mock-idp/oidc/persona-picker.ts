/**
 * The mock IdP's pages, in the vendor's look: the persona picker (each persona's name,
 * email and groups editable for this login, plus the `sub` and groups the vendor will
 * send), and plain error and signed-out pages. One form per page and no scripts.
 */
import type { VendorPreset } from '../../model/federation';
import { html, htmlDocument, type SafeHtml } from '../../web/html';
import { customerBrand, type CustomerBranding } from '../../branding/page-theme';
import { vendorGroups, vendorSubject, type PersonaSnapshot } from './vendor-claims';
import { MOCK_OIDC_PATHS } from './vendor-discovery';
import { VENDOR_THEMES } from './vendor-theme';

export interface PageFrame {
  preset: VendorPreset;
  /** The mock IdP's issuer path, e.g. `/mock/oidc/acme-okta`. */
  basePath: string;
  idpName: string;
  /** The customer org's logo and colour on the vendor look (its theme), when one uses this IdP. */
  customer?: CustomerBranding | undefined;
}

function page(frame: PageFrame, title: string, body: SafeHtml): string {
  const theme = VENDOR_THEMES[frame.preset];
  return htmlDocument({
    title: `${title} · ${frame.idpName} (mock)`,
    stylesheet: `${frame.basePath}${MOCK_OIDC_PATHS.theme}`,
    ...(frame.customer ? { themeStylesheet: frame.customer.stylesheet } : {}),
    body: html`<body class="idp-${frame.preset}">
      <main class="idp-card" data-testid="mock-idp-page" data-preset="${frame.preset}">
        <div class="idp-brand">
          ${frame.customer ? customerBrand(frame.customer) : html`<span>${theme.brand}</span>`}<span
            class="mock-badge"
            title="A mock IdP: anyone may sign in as any persona"
            >MOCK</span
          >
        </div>
        ${body}
      </main>
      <footer>${theme.footer} · ${frame.idpName}</footer>
    </body>`,
  });
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

export interface PickerInput {
  requestId: string;
  appName: string;
  clientId: string;
  idpId: string;
  scopes: string[];
  personas: PersonaSnapshot[];
  error?: string;
  notice?: string;
}

export function personaPickerPage(frame: PageFrame, input: PickerInput): string {
  const theme = VENDOR_THEMES[frame.preset];
  const personaItem = (persona: PersonaSnapshot) => {
    const sub = vendorSubject(frame.preset, input.idpId, input.clientId, persona.subject);
    const groups = vendorGroups(frame.preset, input.idpId, persona.groups, input.scopes);
    const first = persona.givenName ?? persona.displayName.split(/\s+/)[0] ?? persona.handle;
    return html`<li class="persona" data-testid="persona" data-handle="${persona.handle}">
      <div class="persona-head">
        <span class="avatar" aria-hidden="true">${initials(persona.displayName)}</span>
        <div class="persona-who"><strong>${persona.displayName}</strong><span>${persona.email}</span></div>
      </div>
      <p class="persona-claims">
        sub ${sub}<br />${
          groups
            ? html`${groups.name}: ${groups.value.length ? groups.value.join(', ') : '(none)'}`
            : html`no groups claim${frame.preset === 'okta' ? ' (Okta sends groups only for the “groups” scope)' : ''}`
        }
      </p>
      <details>
        <summary>Edit for this sign-in</summary>
        <label>Name <input name="name.${persona.handle}" value="${persona.displayName}" maxlength="200" /></label>
        <label>Email <input name="email.${persona.handle}" value="${persona.email}" maxlength="300" /></label>
        <label
          >Groups (comma-separated)
          <input name="groups.${persona.handle}" value="${persona.groups.join(', ')}" maxlength="4000" />
        </label>
      </details>
      <button type="submit" name="persona" value="${persona.handle}" data-testid="persona-${persona.handle}">
        ${theme.continueLabel} as ${first}
      </button>
    </li>`;
  };
  return page(
    frame,
    theme.heading,
    html`<h1>${theme.heading}</h1>
      <p class="idp-sub">${theme.subheading.replace('{app}', input.appName)}</p>
      ${input.error ? html`<p class="idp-error" role="alert">${input.error}</p>` : ''}
      ${input.notice ? html`<p class="idp-muted">${input.notice}</p>` : ''}
      <form method="post" action="${frame.basePath}${MOCK_OIDC_PATHS.answer}">
        <input type="hidden" name="request" value="${input.requestId}" />
        ${
          input.personas.length
            ? html`<ul class="personas">
                ${input.personas.map(personaItem)}
              </ul>`
            : html`<p class="idp-muted">This IdP has no personas yet: add some in Orgbench.</p>`
        }
        <button type="submit" class="secondary" name="action" value="cancel" data-testid="cancel">
          ${theme.cancelLabel}
        </button>
      </form>`,
  );
}

export function mockErrorPage(frame: PageFrame, title: string, message: string): string {
  return page(
    frame,
    title,
    html`<h1>${title}</h1>
      <p class="idp-error" role="alert" data-testid="mock-idp-error">${message}</p>`,
  );
}

export function signedOutPage(frame: PageFrame): string {
  return page(
    frame,
    'Signed out',
    html`<h1>You have signed out</h1>
      <p class="idp-sub">This mock IdP keeps no session, so there was nothing else to end.</p>`,
  );
}
