/**
 * The renderer's single zustand store, built from typed slices. Server data enters
 * only through the API client held by the connection slice.
 */
import { create, type StateCreator } from 'zustand';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/client';
import { createAppsSlice, type AppsSlice } from './apps-slice';
import { createTokensSlice, type TokensSlice } from './tokens-slice';
import type { ServerInfo } from '../../../server/model/api';
import type {
  ChildrenPolicy,
  CreateOrganizationInput,
  Organization,
  UpdateOrganizationInput,
} from '../../../server/model/organization';

export type Section =
  'organizations' | 'applications' | 'connections' | 'mock-idps' | 'branding' | 'tokens' | 'administration' | 'export';

export type Theme = 'light' | 'dark';

export interface ConnectionSlice {
  status: 'connecting' | 'ready' | 'failed';
  client: ApiClient | undefined;
  mode: 'desktop' | 'browser' | undefined;
  info: ServerInfo | undefined;
  health: 'ok' | 'down' | 'unknown';
  connectionError: string | undefined;
  connected(client: ApiClient, mode: 'desktop' | 'browser'): Promise<void>;
  connectionFailed(message: string): void;
  checkHealth(): Promise<void>;
}

export interface OrgsSlice {
  orgs: Organization[];
  orgsLoaded: boolean;
  orgsError: string | undefined;
  selectedOrgId: string | undefined;
  /** `undefined` when not creating; otherwise the parent for the new org (null = top level). */
  creatingUnder: string | null | undefined;
  search: string;
  collapsed: Set<string>;
  loadOrgs(): Promise<void>;
  selectOrg(id: string | undefined): void;
  startCreate(parentId: string | null): void;
  cancelCreate(): void;
  setSearch(search: string): void;
  toggleCollapsed(id: string): void;
  createOrg(input: CreateOrganizationInput): Promise<Organization>;
  updateOrg(id: string, patch: UpdateOrganizationInput): Promise<Organization>;
  deleteOrg(id: string, children: ChildrenPolicy): Promise<void>;
}

export interface UiSlice {
  section: Section;
  theme: Theme;
  toast: { kind: 'success' | 'error'; message: string; id: number } | undefined;
  setSection(section: Section): void;
  setTheme(theme: Theme): void;
  notify(kind: 'success' | 'error', message: string): void;
  dismissToast(): void;
}

export type AppState = ConnectionSlice & OrgsSlice & UiSlice & AppsSlice & TokensSlice;

const requireClient = (state: AppState): ApiClient => {
  if (!state.client) throw new ApiError('Talking to the server', 0, undefined);
  return state.client;
};

export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set, get) => ({
  status: 'connecting',
  client: undefined,
  mode: undefined,
  info: undefined,
  health: 'unknown',
  connectionError: undefined,
  async connected(client, mode) {
    set({ client, mode });
    try {
      const info = await client.info();
      set({ info, status: 'ready', health: 'ok' });
      await get().loadOrgs();
    } catch (error) {
      set({ status: 'failed', connectionError: (error as Error).message });
    }
  },
  connectionFailed(message) {
    set({ status: 'failed', connectionError: message });
  },
  async checkHealth() {
    const { client } = get();
    if (!client) return;
    try {
      await client.health();
      set({ health: 'ok' });
    } catch {
      set({ health: 'down' });
    }
  },
});

export const createOrgsSlice: StateCreator<AppState, [], [], OrgsSlice> = (set, get) => ({
  orgs: [],
  orgsLoaded: false,
  orgsError: undefined,
  selectedOrgId: undefined,
  creatingUnder: undefined,
  search: '',
  collapsed: new Set(),
  async loadOrgs() {
    try {
      const orgs = await requireClient(get()).listOrganizations();
      const selected = get().selectedOrgId;
      set({
        orgs,
        orgsLoaded: true,
        orgsError: undefined,
        selectedOrgId: selected && orgs.some((org) => org.id === selected) ? selected : undefined,
      });
    } catch (error) {
      set({ orgsError: (error as Error).message, orgsLoaded: true });
    }
  },
  selectOrg(id) {
    set({ selectedOrgId: id, creatingUnder: undefined });
  },
  startCreate(parentId) {
    set({ creatingUnder: parentId });
  },
  cancelCreate() {
    set({ creatingUnder: undefined });
  },
  setSearch(search) {
    set({ search });
  },
  toggleCollapsed(id) {
    const collapsed = new Set(get().collapsed);
    if (collapsed.has(id)) collapsed.delete(id);
    else collapsed.add(id);
    set({ collapsed });
  },
  async createOrg(input) {
    const draftParent = get().creatingUnder;
    const created = await requireClient(get()).createOrganization(input);
    await get().loadOrgs();
    const collapsed = new Set(get().collapsed);
    if (created.parentId) collapsed.delete(created.parentId);
    // If the user already opened another draft while this one was saving, keep it open.
    if (get().creatingUnder === draftParent) set({ selectedOrgId: created.id, creatingUnder: undefined });
    set({ collapsed });
    get().notify('success', `Created “${created.name}”.`);
    return created;
  },
  async updateOrg(id, patch) {
    const updated = await requireClient(get()).updateOrganization(id, patch);
    await get().loadOrgs();
    get().notify('success', `Saved “${updated.name}”.`);
    return updated;
  },
  async deleteOrg(id, children) {
    const name = get().orgs.find((org) => org.id === id)?.name ?? 'the organization';
    const result = await requireClient(get()).deleteOrganization(id, children);
    set({ selectedOrgId: undefined });
    await get().loadOrgs();
    const extra =
      result.deleted.length > 1
        ? ` and ${result.deleted.length - 1} sub-organization(s)`
        : result.reparented.length > 0
          ? `; ${result.reparented.length} sub-organization(s) moved up`
          : '';
    get().notify('success', `Deleted “${name}”${extra}.`);
  },
});

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  section: 'organizations',
  theme: 'light',
  toast: undefined,
  setSection(section) {
    set({ section });
  },
  setTheme(theme) {
    set({ theme });
  },
  notify(kind, message) {
    set({ toast: { kind, message, id: Date.now() } });
  },
  dismissToast() {
    set({ toast: undefined });
  },
});

export const useAppStore = create<AppState>()((...args) => ({
  ...createConnectionSlice(...args),
  ...createOrgsSlice(...args),
  ...createUiSlice(...args),
  ...createAppsSlice(...args),
  ...createTokensSlice(...args),
}));
