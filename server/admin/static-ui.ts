/** Serves the built renderer (browser mode and the Electron window load the same files). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, Next } from 'koa';
import send from 'koa-send';

export function staticUi(uiDir: string | undefined) {
  return async (ctx: Context, next: Next): Promise<void> => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api/')) return next();
    if (!uiDir || !existsSync(join(uiDir, 'index.html'))) {
      if (ctx.path !== '/') return next();
      ctx.status = 503;
      ctx.type = 'text/plain';
      ctx.body = 'The Orgbench UI is not built. Run `npm run build`, then reload.';
      return;
    }
    const path = ctx.path === '/' ? '/index.html' : ctx.path;
    const isAsset = path.startsWith('/assets/');
    try {
      await send(ctx, path, { root: uiDir, hidden: false, index: false });
      // Built assets carry a content hash in their name; index.html must always be fresh.
      if (isAsset) ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    } catch (error) {
      if ((error as { status?: number }).status === 404) return next();
      throw error;
    }
  };
}
