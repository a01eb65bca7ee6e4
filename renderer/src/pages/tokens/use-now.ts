/**
 * The current time, re-rendering subscribers once a second: one shared timer for every
 * countdown on screen, stopped when none is shown.
 */
import { useSyncExternalStore } from 'react';

const TICK_MS = 1000;
const listeners = new Set<() => void>();
let current = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const snapshot = () => current;

/** Milliseconds since 1970, updated every second while the caller is mounted. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
