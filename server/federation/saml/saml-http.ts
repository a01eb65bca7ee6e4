/** HTTP plumbing shared by the SAML endpoints (SP and mock IdPs): bounded form reading and HTML answers. */
import parse from 'co-body';
import type { Context } from 'koa';
import { HOSTED_PAGE_CSP } from '../../web/html';
import { MAX_SAML_BYTES } from './saml-xml';

export class FormTooLargeError extends Error {}

/** A posted form's string fields; larger than a maximal SAML message in base64 → FormTooLargeError. */
export async function readSamlForm(ctx: Context): Promise<Record<string, string>> {
  let form: Record<string, unknown>;
  try {
    form = (await parse.form(ctx.req, { limit: Math.ceil((MAX_SAML_BYTES * 4) / 3) + 64 * 1024 })) as Record<
      string,
      unknown
    >;
  } catch (error) {
    if ((error as { status?: number }).status === 413) throw new FormTooLargeError('The posted form is too large.');
    throw error;
  }
  return Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** The first value of a query parameter. */
export function queryValue(ctx: Context, name: string): string | undefined {
  const value = ctx.query[name];
  return Array.isArray(value) ? value[0] : value;
}

export function sendHtml(ctx: Context, status: number, body: string, csp = HOSTED_PAGE_CSP): void {
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', csp);
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.body = body;
}

export function sendXml(ctx: Context, body: string, type = 'application/samlmetadata+xml'): void {
  ctx.status = 200;
  ctx.type = type;
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.body = body;
}
