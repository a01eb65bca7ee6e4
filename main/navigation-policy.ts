/**
 * Pure rules for where the desktop window may go; kept free of electron imports so
 * they are unit-tested in plain Node.
 */

/** True when `target` is on exactly the app's origin (scheme, host and port). */
export function isAppUrl(target: string, appOrigin: string): boolean {
  const parsed = URL.parse(target);
  return parsed !== null && parsed.origin === appOrigin;
}

/** Only web links leave the app, and only to the system browser. */
export function isExternalLinkAllowed(target: string): boolean {
  const parsed = URL.parse(target);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:');
}
