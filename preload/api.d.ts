/**
 * What the preload exposes to the renderer as `window.orgbench` (desktop only).
 * The renderer's tsconfig includes this file, so both sides share one definition.
 */
export interface DesktopConnection {
  adminUrl: string;
  protocolUrl: string;
  adminToken: string;
}

export interface OrgbenchDesktopApi {
  /** The running server's addresses and this launch's admin token. */
  getConnection(): Promise<DesktopConnection>;
  readonly platform: string;
}

declare global {
  interface Window {
    orgbench?: OrgbenchDesktopApi;
  }
}
