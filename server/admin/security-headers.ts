import type { Context, Next } from 'koa';

const ADMIN_CSP_BASE = [
  "default-src 'self'",
  "script-src 'self'",
  // Inline styles: the outbox and template previews show HTML email (which carries its own
  // <style>) in sandboxed srcdoc frames, which inherit this policy. Scripts stay 'self' only.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/**
 * Headers on every admin response: the UI may not be framed, sniffed or leak its URL,
 * and may run only its own scripts and talk only to its own origin. It may frame pages of
 * the protocol listener (`frameOrigin`: theme previews, demo mode), and nothing else.
 */
export function adminCsp(frameOrigin?: string): string {
  const framed = frameOrigin ? new URL(frameOrigin).origin : undefined;
  // Email previews show org logos served by the protocol listener.
  const base = ADMIN_CSP_BASE.map((rule) => (framed && rule.startsWith('img-src ') ? `${rule} ${framed}` : rule));
  return [...base, `frame-src ${framed ?? "'none'"}`].join('; ');
}

/** The admin UI's CSP when it frames nothing. */
export const ADMIN_CSP = adminCsp();

export function securityHeaders(options: { frameOrigin?: string } = {}) {
  const csp = adminCsp(options.frameOrigin);
  return async (ctx: Context, next: Next): Promise<void> => {
    ctx.set('Content-Security-Policy', csp);
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.set('Cross-Origin-Resource-Policy', 'same-origin');
    ctx.set('Cache-Control', 'no-store');
    await next();
  };
}
