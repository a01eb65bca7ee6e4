/** The http(s) links of a rendered message, so tests and the outbox UI can follow them. */

const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const BARE_URL = /\bhttps?:\/\/[^\s<>"')\]]+/gi;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Links in `href` attributes of the HTML, then bare URLs in the text; in order, without duplicates. */
export function extractLinks(html: string | null, text: string): string[] {
  const links = new Set<string>();
  for (const match of (html ?? '').matchAll(HREF)) {
    const href = decodeEntities(match[1] ?? match[2] ?? '').trim();
    if (/^https?:\/\//i.test(href)) links.add(href);
  }
  for (const match of text.matchAll(BARE_URL)) links.add(match[0].replace(/[.,;:!?]+$/, ''));
  return [...links];
}

function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}
