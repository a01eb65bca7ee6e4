/**
 * The outbox: every notification Orgbench would send, newest first, queryable by org,
 * recipient, kind and channel (a test fetches the latest message to a recipient and
 * follows its link). Retention is bounded: only the newest `retention` messages are kept.
 */
import { z } from 'zod';
import { NotFoundError } from '../errors';
import {
  notificationChannelSchema,
  notificationKindSchema,
  type OutboxMessage,
  type RelayStatus,
} from '../model/notification';
import { parseInput } from '../model/validation';
import type { OutboxFilter, OutboxPage, OutboxRepository } from '../store/outbox-repository';

/** Messages kept before the oldest are dropped. */
export const OUTBOX_RETENTION = 1000;
export const OUTBOX_PAGE_MAX = 200;

const queryString = z.string().trim().max(320).optional();

/** The outbox query as the admin API takes it (all strings). */
export const outboxQuerySchema = z.strictObject({
  org: queryString,
  to: queryString,
  kind: notificationKindSchema.optional(),
  channel: notificationChannelSchema.optional(),
  limit: z.coerce.number().int().min(1).max(OUTBOX_PAGE_MAX).default(50),
  cursor: z.coerce.number().int().min(1).optional(),
});

export type OutboxQuery = Omit<OutboxFilter, 'before'> & { limit?: number; cursor?: number };

/** Recipients compare case-insensitively (email addresses) and without surrounding space. */
export function normalizeRecipient(to: string): string {
  return to.trim().toLowerCase();
}

export class OutboxService {
  readonly #repo: OutboxRepository;
  readonly #retention: number;

  constructor(repo: OutboxRepository, retention = OUTBOX_RETENTION) {
    this.#repo = repo;
    this.#retention = retention;
  }

  /** Stores a message and drops the oldest past the retention bound. */
  record(message: OutboxMessage): void {
    this.#repo.insert(message);
    this.#repo.prune(this.#retention);
  }

  list(query: OutboxQuery = {}): OutboxPage {
    const { limit = 50, cursor, ...filter } = query;
    return this.#repo.list(
      { ...normalizeFilter(filter), ...(cursor !== undefined ? { before: cursor } : {}) },
      Math.min(limit, OUTBOX_PAGE_MAX),
    );
  }

  /** The newest message matching the filter (typically: to one recipient). */
  latest(filter: Omit<OutboxFilter, 'before'>): OutboxMessage {
    const [message] = this.#repo.list(normalizeFilter(filter), 1).messages;
    if (!message) {
      throw new NotFoundError('outbox_message_not_found', 'No message in the outbox matches the filter.');
    }
    return message;
  }

  get(id: string): OutboxMessage {
    const message = this.#repo.find(id);
    if (!message) throw new NotFoundError('outbox_message_not_found', `No outbox message ${id}.`);
    return message;
  }

  /** Deletes the matching messages (all when no filter); returns how many were deleted. */
  clear(filter: Omit<OutboxFilter, 'before'> = {}): number {
    return this.#repo.clear(normalizeFilter(filter));
  }

  setRelayStatus(id: string, status: RelayStatus, error: string | null): OutboxMessage {
    this.#repo.setRelayStatus(id, status, error);
    return this.get(id);
  }

  /** Parses the admin API's query string. */
  static parseQuery(input: Record<string, unknown>): z.output<typeof outboxQuerySchema> {
    return parseInput(outboxQuerySchema, input);
  }
}

function normalizeFilter<F extends Omit<OutboxFilter, 'before'>>(filter: F): F {
  return filter.to === undefined ? filter : { ...filter, to: normalizeRecipient(filter.to) };
}
