/**
 * A minimal browser for scripted logins: a cookie jar, manual redirects, and the forms
 * of hosted pages (persona pickers, SAML auto-post) submitted as a person would.
 */
import { CookieJar } from 'tough-cookie';

export interface Page {
  status: number;
  url: string;
  location: string | null;
  body: string;
}

const MAX_HOPS = 25;

export class ScriptedBrowser {
  readonly #jar = new CookieJar();
  readonly pages: Page[] = [];

  async request(url: string, form?: Record<string, string>): Promise<Page> {
    const headers: Record<string, string> = {};
    const cookie = await this.#jar.getCookieString(url);
    if (cookie) headers.cookie = cookie;
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers,
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    for (const setCookie of response.headers.getSetCookie()) await this.#jar.setCookie(setCookie, url);
    const location = response.headers.get('location');
    const page = {
      status: response.status,
      url,
      location: location ? new URL(location, url).href : null,
      body: await response.text(),
    };
    this.pages.push(page);
    return page;
  }

  /** Follows redirects until a page, or a redirect whose target starts with `stopAt`. */
  async follow(url: string, stopAt: string, form?: Record<string, string>): Promise<Page> {
    let page = await this.request(url, form);
    for (let hop = 0; hop < MAX_HOPS && page.location; hop += 1) {
      if (page.location.startsWith(stopAt)) return page;
      page = await this.request(page.location);
    }
    return page;
  }
}

/** The first form of a page: its absolute action and its named inputs (hidden and filled ones). */
export function readForm(
  page: Page,
  selector?: string,
): { action: string; fields: Record<string, string> } | undefined {
  const forms = [...page.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)];
  const match = selector ? forms.find((form) => form[1]?.includes(selector)) : forms[0];
  if (!match) return undefined;
  const action = /action="([^"]*)"/.exec(match[1] ?? '')?.[1] ?? page.url;
  const fields: Record<string, string> = {};
  for (const input of (match[2] ?? '').matchAll(/<input\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(input[0])?.[1];
    if (!name) continue;
    fields[decodeEntities(name)] = decodeEntities(/value="([^"]*)"/.exec(input[0])?.[1] ?? '');
  }
  return { action: new URL(decodeEntities(action), page.url).href, fields };
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
