import type { Context } from 'koa';
import parse from 'co-body';

/** Largest admin request body accepted (imports will get their own, larger limit). */
export const ADMIN_BODY_LIMIT = '1mb';

/** Reads a JSON body (strict: objects and arrays only); an empty body reads as `{}`. */
export async function readJson(ctx: Context): Promise<unknown> {
  if (ctx.request.length === 0) return {};
  return parse.json(ctx.req, { limit: ADMIN_BODY_LIMIT, strict: true });
}
