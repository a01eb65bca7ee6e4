/**
 * The app window, hardened: isolated, sandboxed, no Node in the page, navigation and
 * new windows held to the app's own origin, every permission request denied. The CSP
 * comes with the pages from the admin listener.
 */
import { join } from 'node:path';
import { BrowserWindow, session, shell } from 'electron';
import { isAppUrl, isExternalLinkAllowed } from './navigation-policy';

export function createMainWindow(preloadDir: string, appUrl: string): BrowserWindow {
  const appOrigin = new URL(appUrl).origin;
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    title: 'Orgbench',
    show: false,
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: join(preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  });

  window.webContents.on('will-navigate', (event, target) => {
    if (!isAppUrl(target, appOrigin)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, target) => {
    // Frames (theme previews, demo mode) follow login redirects; the page's CSP frame-src
    // holds them to the protocol listener.
    if (event.isMainFrame && !isAppUrl(target, appOrigin)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links out of the app open in the system browser, never in an app window.
    if (!isAppUrl(url, appOrigin) && isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
  return window;
}

/** Denies every permission (camera, notifications, geolocation, …) for every page. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
