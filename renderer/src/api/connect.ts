/**
 * Finds the server and the admin token. Desktop: from the preload. Browser mode: a
 * one-time `#code=` in the address, exchanged once and then removed from the address
 * bar and history; the token is kept for this tab only (sessionStorage) so a reload
 * does not need a new link.
 */
import { ApiClient } from './client';

const TOKEN_KEY = 'orgbench.adminToken';

export type ConnectResult =
  | { ok: true; client: ApiClient; mode: 'desktop' | 'browser' }
  | { ok: false; reason: 'no_code' | 'code_rejected'; message: string };

export async function connect(win: Window = window): Promise<ConnectResult> {
  if (win.orgbench) {
    const { adminUrl, adminToken } = await win.orgbench.getConnection();
    return { ok: true, client: new ApiClient(adminUrl, adminToken), mode: 'desktop' };
  }
  const origin = win.location.origin;
  const code = new URLSearchParams(win.location.hash.slice(1)).get('code');
  if (code) {
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
    try {
      const token = await ApiClient.exchangeLaunchCode(origin, code);
      win.sessionStorage.setItem(TOKEN_KEY, token);
      return { ok: true, client: new ApiClient(origin, token), mode: 'browser' };
    } catch (error) {
      return { ok: false, reason: 'code_rejected', message: (error as Error).message };
    }
  }
  const stored = win.sessionStorage.getItem(TOKEN_KEY);
  if (stored) return { ok: true, client: new ApiClient(origin, stored), mode: 'browser' };
  return {
    ok: false,
    reason: 'no_code',
    message: 'Open Orgbench with the address printed by `orgbench serve`, or get a new one with `orgbench ui-url`.',
  };
}

/** Forgets the stored token (after the server says it is no longer valid). */
export function forgetToken(win: Window = window): void {
  win.sessionStorage.removeItem(TOKEN_KEY);
}
