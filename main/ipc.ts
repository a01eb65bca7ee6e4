/**
 * The few named IPC handlers the preload may call. Each checks that the caller is the
 * app's own top frame before answering.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { DesktopConnection } from '../preload/api';
import { isAppUrl } from './navigation-policy';
import type { ServerConnection } from './server-process';

export const IPC_GET_CONNECTION = 'orgbench:get-connection';

export function registerIpc(current: () => ServerConnection | undefined): void {
  ipcMain.handle(IPC_GET_CONNECTION, (event): DesktopConnection => {
    const connection = current();
    if (!connection || !isFromApp(event, connection.adminUrl)) throw new Error('not allowed');
    return { adminUrl: connection.adminUrl, protocolUrl: connection.protocolUrl, adminToken: connection.adminToken };
  });
}

function isFromApp(event: IpcMainInvokeEvent, adminUrl: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url, new URL(adminUrl).origin);
}
