/**
 * Orgbench's desktop shell: one instance, one window, the server in a supervised
 * utility process. Everything else (data, protocols, UI) is the server's and the
 * renderer's; this file only wires them together.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, type BrowserWindow } from 'electron';
import { registerIpc } from './ipc';
import { electronNativeBindingPath } from './native-binding';
import { ServerProcess, type ServerConnection } from './server-process';
import { createMainWindow, denyAllPermissions } from './window';

const bundleDir = dirname(fileURLToPath(import.meta.url));
const appRoot = join(bundleDir, '..', '..');
let connection: ServerConnection | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(launch);
}

async function launch(): Promise<void> {
  denyAllPermissions();
  registerIpc(() => connection);
  const nativeBinding = electronNativeBindingPath(appRoot);
  if (!existsSync(nativeBinding)) {
    dialog.showErrorBox(
      'Orgbench cannot open its database',
      `The SQLite addon for this Electron version is missing:\n${nativeBinding}\n\nBuild it once with \`npm run native:electron\` (needs network access to Electron's headers), or use browser mode: \`npm run serve\`.`,
    );
    app.exit(1);
    return;
  }
  const server = new ServerProcess({
    bundleDir,
    env: { ORGBENCH_NATIVE_BINDING: nativeBinding, ORGBENCH_UI_DIR: join(bundleDir, '..', 'renderer') },
    onCrash: (willRestart) => {
      if (!willRestart) {
        dialog.showErrorBox(
          'Orgbench server stopped',
          'The server crashed repeatedly and was not restarted. Restart Orgbench.',
        );
      }
    },
    onRestarted: (next) => {
      connection = next;
      void mainWindow?.loadURL(next.adminUrl);
    },
  });
  app.on('before-quit', () => server.stop());
  try {
    connection = await server.start();
  } catch (error) {
    dialog.showErrorBox('Orgbench could not start its server', (error as Error).message);
    app.exit(1);
    return;
  }
  mainWindow = createMainWindow(join(bundleDir, '..', 'preload'), connection.adminUrl);
}
