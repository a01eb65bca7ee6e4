/** The clients of the bare oidc-provider baseline (see bare-provider.ts). */
export const BARE_M2M = { clientId: 'bench-m2m', secret: 'bench-m2m-secret-0123456789abcdef' };
export const BARE_WEB = { clientId: 'bench-web', secret: 'bench-web-secret-0123456789abcdef' };
export const BARE_RESOURCE = 'urn:bench:api';
