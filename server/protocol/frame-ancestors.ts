/**
 * Who may frame the protocol listener's pages. Every hosted page's CSP says
 * `frame-ancestors 'none'`; the Orgbench UI (on the admin listener's origin, in browser
 * mode and in the desktop window alike) frames them for theme previews and demo mode.
 * The listener narrows the policy per response here, so no page needs to know that origin.
 */
import type { ServerResponse } from 'node:http';

const NO_ANCESTORS = /frame-ancestors 'none'/g;

/** The CSP `frame-ancestors` directive that lets exactly `adminUrl`'s origin frame a page. */
export function frameAncestorsOf(adminUrl: string): string {
  return `frame-ancestors ${new URL(adminUrl).origin}`;
}

/** Rewrites `frame-ancestors 'none'` in any CSP this response sets to allow only the admin origin. */
export function allowFramingByAdmin(res: ServerResponse, adminUrl: string): void {
  const directive = frameAncestorsOf(adminUrl);
  const narrow = (value: string) => value.replace(NO_ANCESTORS, directive);
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() !== 'content-security-policy' || typeof value === 'number') return setHeader(name, value);
    return setHeader(name, typeof value === 'string' ? narrow(value) : value.map(narrow));
  };
}
