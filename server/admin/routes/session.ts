/** Admin API: the browser UI's one-time launch code exchange, and minting new launch links. */
import type Router from '@koa/router';
import { z } from 'zod';
import { OrgbenchError } from '../../errors';
import { parseInput } from '../../model/validation';
import type { SessionExchangeResponse } from '../../model/api';
import type { LaunchCodes } from '../admin-token';
import { readJson } from '../read-json';

const exchangeSchema = z.strictObject({ code: z.string().min(1, 'must not be empty').max(200) });

/** Unauthenticated: trades a valid launch code for the admin token, once. */
export function registerSessionExchange(router: Router, codes: LaunchCodes, token: string): void {
  router.post('/api/session', async (ctx) => {
    const { code } = parseInput(exchangeSchema, await readJson(ctx));
    if (!codes.redeem(code)) {
      throw new OrgbenchError(
        'launch_code_invalid',
        'This launch link was already used or has expired. Get a new one with `orgbench ui-url`.',
        { status: 401 },
      );
    }
    ctx.body = { token } satisfies SessionExchangeResponse;
  });
}

/** Authenticated: a fresh one-time UI link (for scripts and a second browser tab). */
export function registerLaunchLinks(router: Router, createLaunchUrl: () => string): void {
  router.post('/api/session/launch-links', (ctx) => {
    ctx.status = 201;
    ctx.body = { url: createLaunchUrl() };
  });
}
