/** Pure helpers over the example token claims of the isolation models. */
const STANDARD_CLAIMS = new Set(['iss', 'aud', 'sub']);

/** Claims a token carries because of the organization (everything but iss, aud and sub). */
export const isOrgClaim = (name: string): boolean => !STANDARD_CLAIMS.has(name);

/** The server writes "(provisioned when chosen)" where a model has no value yet. */
export const isPlaceholder = (value: unknown): boolean => typeof value === 'string' && /^\(.*\)$/.test(value);

/** Claim names whose value is not the same under every model. */
export function differingClaims(all: readonly Record<string, unknown>[]): Set<string> {
  const names = new Set(all.flatMap((claims) => Object.keys(claims)));
  const out = new Set<string>();
  for (const name of names) {
    if (new Set(all.map((claims) => JSON.stringify(claims[name]))).size > 1) out.add(name);
  }
  return out;
}

/** Splits a URL after each path slash, where a narrow column may wrap it. */
export const urlBreaks = (url: string): string[] => url.split(/(?<=\/)(?!\/)/);
