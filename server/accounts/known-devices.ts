/**
 * New-device alerts: each browser carries a long-lived random device cookie (httpOnly,
 * SameSite=Lax), stored per user as a hash. A successful local sign-in from a browser the
 * user has not used before sends a `new_device` alert — except on the user's very first
 * sign-in, when there is nothing to compare with.
 */
import Bowser from 'bowser';
import type { AccountDeps } from './account-deps';
import { hashToken, isWellFormedToken, newSecretToken } from './account-tokens';

export const DEVICE_COOKIE = 'ob_device';
/** Browsers cap cookie lifetimes at 400 days. */
export const DEVICE_COOKIE_MAX_AGE_MS = 400 * 24 * 60 * 60 * 1000;

/** `Firefox 128 on Windows 10` from a User-Agent header. */
export function describeDevice(userAgent: string | undefined): string {
  if (!userAgent) return 'An unknown browser';
  const parsed = Bowser.parse(userAgent);
  const browser = [parsed.browser.name, parsed.browser.version?.split('.')[0]].filter(Boolean).join(' ');
  const os = [parsed.os.name, parsed.os.versionName ?? parsed.os.version].filter(Boolean).join(' ');
  if (!browser && !os) return 'An unknown browser';
  return os ? `${browser || 'A browser'} on ${os}` : browser;
}

export interface SignInFacts {
  userId: string;
  /** The device cookie the browser sent, if any. */
  cookie: string | undefined;
  userAgent: string | undefined;
  ip: string;
  orgId: string | null;
  /** The issuer the sign-in went through (`{origin}{path}`); the alert links to its "reset your password" page. */
  issuer: string;
  appName?: string;
}

export class KnownDevices {
  readonly #deps: AccountDeps;

  constructor(deps: AccountDeps) {
    this.#deps = deps;
  }

  /**
   * Records a successful sign-in and alerts the user when the browser is new to them.
   * Returns the cookie value to set (a fresh one when the browser had none).
   */
  signedIn(facts: SignInFacts): { cookie: string; alerted: boolean } {
    const deps = this.#deps;
    const cookie = isWellFormedToken(facts.cookie) ? facts.cookie : newSecretToken();
    const deviceHash = hashToken(cookie);
    const now = deps.clock.now();
    const description = describeDevice(facts.userAgent);
    const user = deps.userRepo.find(facts.userId);
    if (!user) return { cookie, alerted: false };
    const isNew = !deps.repo.isKnownDevice(user.id, deviceHash);
    const alert = isNew && deps.repo.hasKnownDevices(user.id);
    deps.repo.rememberDevice(user.id, deviceHash, description, now.toISOString());
    if (alert) {
      deps.notifications.send({
        orgId: facts.orgId,
        kind: 'new_device',
        channel: 'email',
        to: user.email,
        variables: {
          'org.name': facts.orgId ? (deps.orgs.find(facts.orgId)?.name ?? '') : '',
          'user.name': user.name,
          'user.email': user.email,
          'app.name': facts.appName ?? 'Orgbench',
          device: description,
          ip: facts.ip,
          time: formatTime(now),
          link: `${facts.issuer}/account/forgot`,
        },
      });
    }
    return { cookie, alerted: alert };
  }
}

/** `27 Nov 2026, 14:05 UTC` */
export function formatTime(date: Date): string {
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${day}, ${time} UTC`;
}
