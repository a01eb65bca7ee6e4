/**
 * The sandboxed preload: a few named, typed functions on `window.orgbench`; never
 * ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopConnection, OrgbenchDesktopApi } from './api';

const api: OrgbenchDesktopApi = {
  getConnection: () => ipcRenderer.invoke('orgbench:get-connection') as Promise<DesktopConnection>,
  platform: process.platform,
};

contextBridge.exposeInMainWorld('orgbench', api);
