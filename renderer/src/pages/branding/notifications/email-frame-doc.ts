/**
 * The document an email preview shows in its sandboxed frame: the server's HTML with a
 * `<base target="_blank">`, so a clicked link opens a new window instead of navigating
 * the frame. The frame runs no script (no `allow-scripts`) and has an opaque origin.
 */
export function previewDocument(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`) : `${base}${html}`;
}

/** The iframe sandbox for email: links may open new (unsandboxed) windows; nothing else is allowed. */
export const EMAIL_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';
