/**
 * The token inspector's state: the issued-token list under its filters, the token
 * opened in the detail panel, and the two tokens picked for comparison. Kept in the
 * store so leaving the section and coming back finds everything where it was.
 */
import type { StateCreator } from 'zustand';
import {
  getIssuedToken,
  listClientSummaries,
  listIssuedTokens,
  listUserSummaries,
  type ClientSummary,
  type IssuedTokenRecord,
  type TokenDetail,
  type UserSummary,
} from '../api/tokens-api';
import { EMPTY_PASTE_DRAFT, type PasteDraft } from '../pages/tokens/key-source';
import { EMPTY_TOKEN_FILTERS, tokenListQuery, type TokenFilters } from '../pages/tokens/token-filters';
import type { AppState } from './app-store';

export type TokensTab = 'issued' | 'traces' | 'paste' | 'compare';
export type CompareSide = 'a' | 'b';

/** A token on one side of the comparison: one from the log, or one pasted. */
export type CompareSlot = { source: 'issued'; token: IssuedTokenRecord } | { source: 'pasted'; value: string };

/** Tokens fetched per page (and the least a refresh fetches). */
export const TOKEN_PAGE_SIZE = 100;
const MAX_PAGE = 500;

export interface TokensSlice {
  tokensTab: TokensTab;
  tokens: IssuedTokenRecord[];
  tokensLoaded: boolean;
  tokensLoading: boolean;
  tokensError: string | undefined;
  /** When the list last came back from the server (ms). */
  tokensUpdatedAt: number | undefined;
  /** Whether the last page was full, so older tokens may exist. */
  olderTokensMayExist: boolean;
  tokenFilters: TokenFilters;
  tokenClients: ClientSummary[];
  tokenUsers: UserSummary[];
  selectedTokenId: number | undefined;
  tokenDetail: TokenDetail | undefined;
  tokenDetailError: string | undefined;
  compareSlots: Record<CompareSide, CompareSlot | undefined>;
  /** The paste box's token and key choice, kept while the reader looks at other tabs. */
  pasteDraft: PasteDraft;
  setTokensTab(tab: TokensTab): void;
  setTokenFilters(patch: Partial<TokenFilters>): void;
  /** Reloads the newest tokens (as many as are shown, at least a page). */
  loadTokens(): Promise<void>;
  loadOlderTokens(): Promise<void>;
  /** Loads the clients and users that name tokens in the list and filters. */
  loadTokenDirectory(): Promise<void>;
  selectToken(id: number | undefined): Promise<void>;
  setCompareSlot(side: CompareSide, slot: CompareSlot | undefined): void;
  setPasteDraft(patch: Partial<PasteDraft>): void;
}

export const createTokensSlice: StateCreator<AppState, [], [], TokensSlice> = (set, get) => {
  // Filters can change while a list request is in flight: only the latest answer counts.
  let listGeneration = 0;
  let detailGeneration = 0;

  const query = (page: { limit: number; before?: number }) =>
    tokenListQuery(get().tokenFilters, get().tokenUsers, page);

  return {
    tokensTab: 'issued',
    tokens: [],
    tokensLoaded: false,
    tokensLoading: false,
    tokensError: undefined,
    tokensUpdatedAt: undefined,
    olderTokensMayExist: false,
    tokenFilters: EMPTY_TOKEN_FILTERS,
    tokenClients: [],
    tokenUsers: [],
    selectedTokenId: undefined,
    tokenDetail: undefined,
    tokenDetailError: undefined,
    compareSlots: { a: undefined, b: undefined },
    pasteDraft: EMPTY_PASTE_DRAFT,

    setTokensTab(tab) {
      set({ tokensTab: tab });
    },

    setTokenFilters(patch) {
      set({ tokenFilters: { ...get().tokenFilters, ...patch } });
      void get().loadTokens();
    },

    async loadTokens() {
      const { client } = get();
      if (!client) return;
      const generation = ++listGeneration;
      const limit = Math.min(MAX_PAGE, Math.max(TOKEN_PAGE_SIZE, get().tokens.length));
      set({ tokensLoading: true });
      try {
        const tokens = await listIssuedTokens(client, query({ limit }));
        if (generation !== listGeneration) return;
        set({
          tokens,
          tokensLoaded: true,
          tokensLoading: false,
          tokensError: undefined,
          tokensUpdatedAt: Date.now(),
          olderTokensMayExist: tokens.length === limit,
        });
      } catch (error) {
        if (generation !== listGeneration) return;
        set({ tokensLoaded: true, tokensLoading: false, tokensError: (error as Error).message });
      }
    },

    async loadOlderTokens() {
      const { client, tokens } = get();
      const oldest = tokens.at(-1);
      if (!client || !oldest) return;
      const generation = ++listGeneration;
      set({ tokensLoading: true });
      try {
        const older = await listIssuedTokens(client, query({ limit: TOKEN_PAGE_SIZE, before: oldest.id }));
        if (generation !== listGeneration) return;
        set({
          tokens: [...get().tokens, ...older],
          tokensLoading: false,
          tokensError: undefined,
          olderTokensMayExist: older.length === TOKEN_PAGE_SIZE,
        });
      } catch (error) {
        if (generation !== listGeneration) return;
        set({ tokensLoading: false, tokensError: (error as Error).message });
      }
    },

    async loadTokenDirectory() {
      const { client } = get();
      if (!client) return;
      // Names are a nicety: the list still works (with raw ids) if either call fails.
      const [clients, users] = await Promise.allSettled([listClientSummaries(client), listUserSummaries(client)]);
      set({
        ...(clients.status === 'fulfilled' ? { tokenClients: clients.value } : {}),
        ...(users.status === 'fulfilled' ? { tokenUsers: users.value } : {}),
      });
    },

    async selectToken(id) {
      const generation = ++detailGeneration;
      set({ selectedTokenId: id, tokenDetailError: undefined });
      const { client, tokenDetail } = get();
      if (id === undefined || !client) return set({ tokenDetail: undefined });
      if (tokenDetail?.token.id === id) return;
      try {
        const detail = await getIssuedToken(client, id);
        if (generation === detailGeneration) set({ tokenDetail: detail });
      } catch (error) {
        if (generation === detailGeneration)
          set({ tokenDetail: undefined, tokenDetailError: (error as Error).message });
      }
    },

    setCompareSlot(side, slot) {
      set({ compareSlots: { ...get().compareSlots, [side]: slot } });
    },

    setPasteDraft(patch) {
      set({ pasteDraft: { ...get().pasteDraft, ...patch } });
    },
  };
};
