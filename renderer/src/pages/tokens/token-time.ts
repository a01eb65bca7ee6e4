/**
 * Time as the token inspector shows it: how long ago a token was issued and a live
 * countdown to its expiry. Pure functions of (timestamp, now) so tests freeze the clock.
 */

export type ExpiryTone = 'ok' | 'soon' | 'expired' | 'none';

export interface ExpiryStatus {
  tone: ExpiryTone;
  label: string;
  /** Seconds left (negative once expired); `null` when the token has no expiry. */
  secondsLeft: number | null;
}

/** Below this many seconds left, the countdown turns amber. */
export const EXPIRING_SOON_SECONDS = 5 * 60;

const pad = (n: number) => String(n).padStart(2, '0');

/** A span of seconds in words: "12 s", "3 min", "5 h", "2 d". */
export function formatSpan(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86_400)} d`;
}

/** A countdown clock: "58:12" under an hour, "1:02:03" under a day, "14 d 3 h" beyond. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s >= 86_400) return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${pad(minutes)}:${pad(rest)}`;
}

/** "just now", "3 min ago", "in 2 h", relative to `now` (ms). */
export function formatRelative(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 'unknown time';
  const seconds = (now - at) / 1000;
  if (Math.abs(seconds) < 5) return 'just now';
  return seconds > 0 ? `${formatSpan(seconds)} ago` : `in ${formatSpan(-seconds)}`;
}

/** The live expiry line of a token: "expires in 58:12", "expired 3 min ago", or "no expiry". */
export function expiryStatus(expiresAt: string | null, now: number): ExpiryStatus {
  const at = expiresAt === null ? NaN : Date.parse(expiresAt);
  if (Number.isNaN(at)) return { tone: 'none', label: 'no expiry', secondsLeft: null };
  const secondsLeft = Math.floor((at - now) / 1000);
  if (secondsLeft <= 0) return { tone: 'expired', label: `expired ${formatSpan(-secondsLeft)} ago`, secondsLeft };
  return {
    tone: secondsLeft <= EXPIRING_SOON_SECONDS ? 'soon' : 'ok',
    label: `expires in ${formatClock(secondsLeft)}`,
    secondsLeft,
  };
}
