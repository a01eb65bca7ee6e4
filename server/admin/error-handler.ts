/**
 * The one place admin errors become responses: an `OrgbenchError` keeps its code,
 * message and fields; anything else is logged and answered as a bare `server_error`,
 * never with a stack trace or a file path.
 */
import type { Context, Next } from 'koa';
import type { ApiErrorBody } from '../model/api';
import { isOrgbenchError } from '../errors';
import type { Logger } from '../runtime/logger';

export function errorHandler(logger: Logger) {
  return async (ctx: Context, next: Next): Promise<void> => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404;
        ctx.body = errorBody('not_found', `No route for ${ctx.method} ${ctx.path}.`);
      }
    } catch (error) {
      const known = toKnownError(error);
      if (known) {
        ctx.status = known.status;
        ctx.body = {
          error: {
            code: known.code,
            message: known.message,
            ...(known.fields ? { fields: known.fields } : {}),
            ...(known.details ? { details: known.details } : {}),
          },
        } satisfies ApiErrorBody;
        return;
      }
      logger.error('admin API request failed', { method: ctx.method, path: ctx.path, error });
      ctx.status = 500;
      ctx.body = errorBody('server_error', 'Orgbench hit an unexpected error; see its log for details.');
    }
  };
}

function errorBody(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}

/** Our own errors, plus the HTTP errors raised by body parsing (413, 400 bad JSON). */
function toKnownError(error: unknown):
  | {
      status: number;
      code: string;
      message: string;
      fields?: ApiErrorBody['error']['fields'];
      details?: ApiErrorBody['error']['details'];
    }
  | undefined {
  if (isOrgbenchError(error) && error.expose) {
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.details ? { details: error.details } : {}),
    };
  }
  // Body-parsing failures carry an HTTP status; only these three are passed on.
  const http = error as { status?: unknown; type?: unknown };
  if (http instanceof Error && typeof http.status === 'number') {
    if (http.status === 413) {
      return { status: 413, code: 'body_too_large', message: 'The request body is larger than 1 MiB.' };
    }
    if (http.status === 400)
      return { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' };
    if (http.status === 415)
      return { status: 415, code: 'unsupported_media_type', message: 'Unsupported body encoding.' };
  }
  return undefined;
}
