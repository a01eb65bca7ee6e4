/** Injectable time source, so anything that stamps or expires can be tested with a frozen clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
