/** The hosted login pages: identifier first, password, organization picker, errors. */
import type { Connection } from '../../model/federation';
import type { Organization } from '../../model/organization';
import type { PageTheme } from '../../branding/page-theme';
import { DEFAULT_THEME } from '../../model/theme';
import { hostedPage, html, type SafeHtml } from '../../web/html';

export interface PageContext {
  /** `/{tenant}/{workspace}/interaction/{uid}` */
  base: string;
  clientName: string;
  demo: boolean;
  /** The resolved theme of the org the page is for (else the workspace's); pass it to `hostedPage`. */
  theme?: PageTheme | undefined;
}

/** The theme's texts, or the defaults on an unthemed page. */
export const textsOf = (page: PageContext | undefined) => page?.theme?.texts ?? DEFAULT_THEME.texts;

const DEMO_HINT = html`<p class="hint">
  Demo: sign in as <code>alice@acme.test</code>, <code>bob@globex.test</code>, <code>carol@initech.test</code> or
  <code>erin@consult.test</code> (a consultant in two organizations: she gets the picker), with the password
  <code>orgbench-demo</code>.
</p>`;

const orgLine = (org: Organization | undefined): SafeHtml =>
  org ? html`<p class="org">Signing in to <span class="badge" data-org="${org.slug}">${org.name}</span></p>` : html``;

export function identifierPage(
  page: PageContext,
  options: { email?: string; error?: string; org?: Organization | undefined },
): string {
  const texts = textsOf(page);
  return hostedPage({
    title: texts.pageTitle,
    theme: page.theme,
    body: html`<h1>${texts.pageTitle}</h1>
      <p class="muted">to continue to <strong>${page.clientName}</strong></p>
      ${orgLine(options.org)} ${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
      <form method="post" action="${page.base}/identify">
        <label
          >Work email
          <input type="email" name="email" autocomplete="username" autofocus required value="${options.email ?? ''}"
        /></label>
        <button type="submit">${texts.continueButton}</button>
      </form>
      ${page.demo ? DEMO_HINT : ''}
      <a class="muted" href="${page.base}/abort">Cancel and return to the application</a>`,
  });
}

export function passwordPage(
  page: PageContext,
  options: { email: string; error?: string; org?: Organization | undefined },
): string {
  return hostedPage({
    title: 'Enter your password',
    theme: page.theme,
    body: html`<h1>Enter your password</h1>
      <p class="muted">${options.email} · <a href="${page.base}">not you?</a></p>
      ${orgLine(options.org)} ${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
      <form method="post" action="${page.base}/login">
        <input type="hidden" name="email" value="${options.email}" />
        <label
          >Password <input type="password" name="password" autocomplete="current-password" autofocus required
        /></label>
        <button type="submit">${textsOf(page).signInButton}</button>
      </form>
      <a
        class="muted"
        href="${page.base}/forgot?email=${encodeURIComponent(options.email)}"
        data-testid="forgot-password"
        >Forgot password?</a
      >
      ${page.demo ? DEMO_HINT : ''}`,
  });
}

export function orgPickerPage(page: PageContext, options: { userName: string; orgs: Organization[] }): string {
  return hostedPage({
    title: 'Choose an organization',
    theme: page.theme,
    body: html`<h1>Choose an organization</h1>
      <p class="muted">${options.userName}, you belong to several organizations. Which one is this sign-in for?</p>
      <form method="post" action="${page.base}/organization" class="choices">
        ${options.orgs.map(
          (org) =>
            html`<button type="submit" name="organization" value="${org.id}" data-org="${org.slug}">
              <span>${org.name}</span><span class="muted">${org.slug}</span>
            </button>`,
        )}
      </form>
      <a class="muted" href="${page.base}/abort">Cancel</a>`,
  });
}

export function interactionErrorPage(
  page: PageContext | undefined,
  options: { title: string; message: string; theme?: PageTheme | undefined },
): string {
  return hostedPage({
    title: options.title,
    theme: page?.theme ?? options.theme,
    body: html`<h1>${options.title}</h1>
      <p class="error" role="alert">${options.message}</p>
      ${page ? html`<a class="button secondary" href="${page.base}/abort">Return to the application</a>` : ''}`,
  });
}

export function connectionChooserPage(
  page: PageContext,
  options: { org: Organization; connections: Pick<Connection, 'id' | 'name' | 'kind'>[]; email?: string },
): string {
  return hostedPage({
    title: 'Choose how to sign in',
    theme: page.theme,
    body: html`<h1>Sign in to ${options.org.name}</h1>
      <p class="muted">${options.org.name} signs in with its own identity provider. Choose one:</p>
      <div class="choices">
        ${options.connections.map(
          (connection) =>
            html`<a
              class="button secondary"
              data-connection="${connection.id}"
              href="${page.base}/federate/${connection.id}${options.email ? `?login_hint=${encodeURIComponent(options.email)}` : ''}"
              >${connection.name} <span class="muted">${connection.kind.toUpperCase()}</span></a
            >`,
        )}
      </div>
      <a class="muted" href="${page.base}/abort">Cancel</a>`,
  });
}

export function federationErrorPage(
  page: PageContext,
  options: { rule: string; message: string; traceId: string },
): string {
  return hostedPage({
    title: 'Sign-in rejected',
    theme: page.theme,
    body: html`<h1>Your identity provider's answer was rejected</h1>
      <p class="error" role="alert" data-rule="${options.rule}">${options.message}</p>
      <p class="muted">
        Rule <code>${options.rule}</code> · trace <code>${options.traceId}</code> (see Tokens and Traces in Orgbench)
      </p>
      <div class="row">
        <a class="button" href="${page.base}">Try again</a>
        <a class="button secondary" href="${page.base}/abort">Return to the application</a>
      </div>`,
  });
}
