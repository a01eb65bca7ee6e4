/**
 * The page a browser sees when an authorization request fails before it can be sent
 * back to the client (unknown client, bad redirect URI, …). Every value is escaped.
 */
import type { KoaContextWithOIDC } from 'oidc-provider';

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export async function renderError(
  ctx: KoaContextWithOIDC,
  out: { error: string; error_description?: string },
): Promise<void> {
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  ctx.body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in error · Orgbench</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f6f7fb;color:#1c2033}
main{max-width:520px;padding:32px;background:#fff;border:1px solid #e2e5ee;border-radius:12px}
h1{font-size:20px;margin:0 0 8px}code{background:#f1f3f9;padding:2px 6px;border-radius:4px}</style></head>
<body><main><h1>This sign-in request cannot continue</h1>
<p><code>${escapeHtml(out.error)}</code></p>
<p>${escapeHtml(out.error_description ?? '')}</p></main></body></html>`;
}
