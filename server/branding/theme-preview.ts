/**
 * Short-lived previews of draft themes. A preview has an unguessable id (144 random bits),
 * lives 10 minutes and at most 50 exist at once (the oldest goes first); the protocol
 * listener renders the real hosted pages with its draft under `/_orgbench/preview/<id>/`.
 */
import { randomBytes } from 'node:crypto';
import type { ThemeOverrides, ThemeScope } from '../model/theme';
import type { Clock } from '../runtime/clock';

export const PREVIEW_PATH = '/_orgbench/preview/';
export const PREVIEW_TTL_MS = 10 * 60 * 1000;
export const PREVIEW_MAX = 50;

export interface PreviewEntry {
  id: string;
  scope: ThemeScope;
  draft: ThemeOverrides;
  expiresAt: number;
}

export class PreviewStore {
  readonly #entries = new Map<string, PreviewEntry>();
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #max: number;

  constructor(clock: Clock, ttlMs = PREVIEW_TTL_MS, max = PREVIEW_MAX) {
    this.#clock = clock;
    this.#ttlMs = ttlMs;
    this.#max = max;
  }

  create(scope: ThemeScope, draft: ThemeOverrides): PreviewEntry {
    this.#sweep();
    while (this.#entries.size >= this.#max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    const entry = {
      id: randomBytes(18).toString('base64url'),
      scope,
      draft,
      expiresAt: this.#clock.now().getTime() + this.#ttlMs,
    };
    this.#entries.set(entry.id, entry);
    return entry;
  }

  /** The live preview with this id, or undefined (unknown or expired). */
  get(id: string): PreviewEntry | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#clock.now().getTime()) {
      this.#entries.delete(id);
      return undefined;
    }
    return entry;
  }

  get size(): number {
    this.#sweep();
    return this.#entries.size;
  }

  #sweep(): void {
    const now = this.#clock.now().getTime();
    for (const [id, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(id);
  }
}
