/**
 * Applications and workspaces as the Applications page sees them: the lists, which view
 * is open, the filter, and a just-issued client secret (held only until dismissed or the
 * view changes, so it is shown once).
 */
import type { StateCreator } from 'zustand';
import type { Application, CreateApplicationInput, UpdateApplicationInput } from '../../../server/model/application';
import type { Tenant, Workspace } from '../../../server/model/workspace';
import {
  createApplication,
  deleteApplication,
  listApplications,
  listTenantsAndWorkspaces,
  rotateClientSecret,
  updateApplication,
} from '../api/apps-api';
import { ApiError, type ApiClient } from '../api/client';
import type { KindFilter } from './apps-selectors';
import type { AppState } from './app-store';

export type AppsTab = 'applications' | 'workspaces';

export type AppsView = { mode: 'list' } | { mode: 'create' } | { mode: 'detail'; clientId: string };

export interface FreshSecret {
  clientId: string;
  secret: string;
  reason: 'created' | 'rotated';
}

export interface AppsSlice {
  apps: Application[];
  appsLoaded: boolean;
  appsError: string | undefined;
  tenants: Tenant[];
  workspaces: Workspace[];
  appsTab: AppsTab;
  appsView: AppsView;
  appQuery: string;
  appKind: KindFilter;
  /** `tenant/workspace` of the workspace open in the settings tab. */
  selectedWorkspace: string | undefined;
  freshSecret: FreshSecret | undefined;
  loadApps(): Promise<void>;
  loadWorkspaces(): Promise<void>;
  setAppsTab(tab: AppsTab): void;
  showAppList(): void;
  openApp(clientId: string): void;
  startCreateApp(): void;
  setAppQuery(query: string): void;
  setAppKind(kind: KindFilter): void;
  selectWorkspace(key: string): void;
  dismissFreshSecret(): void;
  createApp(input: CreateApplicationInput): Promise<Application>;
  updateApp(clientId: string, patch: UpdateApplicationInput): Promise<Application>;
  deleteApp(clientId: string): Promise<void>;
  rotateAppSecret(clientId: string): Promise<void>;
}

const clientOf = (state: AppState): ApiClient => {
  if (!state.client) throw new ApiError('Talking to the server', 0, undefined);
  return state.client;
};

export const createAppsSlice: StateCreator<AppState, [], [], AppsSlice> = (set, get) => ({
  apps: [],
  appsLoaded: false,
  appsError: undefined,
  tenants: [],
  workspaces: [],
  appsTab: 'applications',
  appsView: { mode: 'list' },
  appQuery: '',
  appKind: 'all',
  selectedWorkspace: undefined,
  freshSecret: undefined,
  async loadApps() {
    try {
      const apps = await listApplications(clientOf(get()));
      const view = get().appsView;
      // An app deleted elsewhere (another window, a script) closes its detail view.
      const gone = view.mode === 'detail' && !apps.some((app) => app.clientId === view.clientId);
      set({ apps, appsLoaded: true, appsError: undefined, ...(gone ? { appsView: { mode: 'list' } } : {}) });
    } catch (error) {
      set({ appsError: (error as Error).message, appsLoaded: true });
    }
  },
  async loadWorkspaces() {
    try {
      const { tenants, workspaces } = await listTenantsAndWorkspaces(clientOf(get()));
      set({ tenants, workspaces });
    } catch (error) {
      set({ appsError: (error as Error).message });
    }
  },
  setAppsTab(appsTab) {
    set({ appsTab, freshSecret: undefined });
  },
  showAppList() {
    set({ appsView: { mode: 'list' }, freshSecret: undefined });
  },
  openApp(clientId) {
    set({ appsView: { mode: 'detail', clientId }, freshSecret: undefined });
  },
  startCreateApp() {
    set({ appsView: { mode: 'create' }, appsTab: 'applications', freshSecret: undefined });
  },
  setAppQuery(appQuery) {
    set({ appQuery });
  },
  setAppKind(appKind) {
    set({ appKind });
  },
  selectWorkspace(selectedWorkspace) {
    set({ selectedWorkspace });
  },
  dismissFreshSecret() {
    set({ freshSecret: undefined });
  },
  async createApp(input) {
    const { clientSecret, ...created } = await createApplication(clientOf(get()), input);
    await get().loadApps();
    set({
      appsView: { mode: 'detail', clientId: created.clientId },
      freshSecret: clientSecret ? { clientId: created.clientId, secret: clientSecret, reason: 'created' } : undefined,
    });
    get().notify('success', `Created “${created.name}”.`);
    return created;
  },
  async updateApp(clientId, patch) {
    const updated = await updateApplication(clientOf(get()), clientId, patch);
    await get().loadApps();
    get().notify('success', `Saved “${updated.name}”.`);
    return updated;
  },
  async deleteApp(clientId) {
    const name = get().apps.find((app) => app.clientId === clientId)?.name ?? clientId;
    await deleteApplication(clientOf(get()), clientId);
    set({ appsView: { mode: 'list' }, freshSecret: undefined });
    await get().loadApps();
    get().notify('success', `Deleted “${name}”.`);
  },
  async rotateAppSecret(clientId) {
    const { clientSecret, ...rotated } = await rotateClientSecret(clientOf(get()), clientId);
    await get().loadApps();
    set({ freshSecret: clientSecret ? { clientId, secret: clientSecret, reason: 'rotated' } : undefined });
    get().notify('success', `Issued a new secret for “${rotated.name}”.`);
  },
});
