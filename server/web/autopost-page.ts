/**
 * The page of the SAML POST binding: a form of hidden fields posted to another site,
 * submitted by the static auto-post script (no inline script), with a visible Continue
 * button for browsers without scripts.
 */
import { AUTOPOST_PATH } from './autopost';
import { hostedPage, html, type SafeHtml } from './html';

/** Hosted-page CSP plus the auto-post script from our own origin. */
export const AUTOPOST_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'";

export interface AutopostOptions {
  action: string;
  fields: Record<string, string | undefined>;
  title: string;
  message: SafeHtml | string;
}

export function autopostPage(options: AutopostOptions): string {
  const inputs = Object.entries(options.fields)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`);
  return hostedPage({
    title: options.title,
    script: AUTOPOST_PATH,
    body: html`<h1>${options.title}</h1>
      <p class="muted">${options.message}</p>
      <form method="post" action="${options.action}" data-autopost>
        ${inputs}
        <button type="submit">Continue</button>
      </form>`,
  });
}
