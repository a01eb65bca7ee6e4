/**
 * Hooks for server data that lives in one component: the connected API client, and a
 * resource loaded from it that a component can reload after a change.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client';
import { useAppStore } from '../../store/app-store';

/** The connected client; pages render only once the connection is ready. */
export function useApiClient(): ApiClient {
  const client = useAppStore((s) => s.client);
  if (!client) throw new Error('The API client is used before the connection is ready.');
  return client;
}

export interface Resource<T> {
  /** The last value loaded (kept while a reload is under way, so nothing flickers). */
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload(): void;
}

interface Loaded<T> {
  load: () => Promise<T>;
  version: number;
  trigger: unknown;
  data?: T;
  error?: string;
}

/**
 * Loads `load()` now, and again whenever `load` changes (memoize it with `useCallback`
 * on what it reads), `trigger` changes or `reload()` is called. Late answers of an
 * older load are dropped.
 */
export function useResource<T>(load: () => Promise<T>, trigger?: unknown): Resource<T> {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<Loaded<T>>();

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ load, version, trigger, data }),
      (error: unknown) =>
        current &&
        setState((previous) => ({ load, version, trigger, data: previous?.data, error: (error as Error).message })),
    );
    return () => {
      current = false;
    };
  }, [load, version, trigger]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return {
    data: state?.data,
    error: state?.error,
    loading: state?.load !== load || state.version !== version || state.trigger !== trigger,
    reload,
  };
}
