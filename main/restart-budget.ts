/**
 * How often a crashed server is restarted: at most `limit` times within `windowMs`,
 * after which the app stops trying and tells the user.
 */
export class RestartBudget {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #restarts: number[] = [];

  constructor(limit = 3, windowMs = 60_000) {
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  /** Records a restart at `now` if the budget allows one; false when exhausted. */
  tryConsume(now: number): boolean {
    while (this.#restarts.length > 0 && now - (this.#restarts[0] ?? 0) > this.#windowMs) this.#restarts.shift();
    if (this.#restarts.length >= this.#limit) return false;
    this.#restarts.push(now);
    return true;
  }
}
