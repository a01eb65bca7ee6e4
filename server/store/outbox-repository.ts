/** SQL for the outbox: every rendered notification, newest first, paged by sequence number. */
import type {
  NotificationChannel,
  NotificationKind,
  NotificationLocale,
  OutboxMessage,
  RelayStatus,
} from '../model/notification';
import { filterClause } from './filter-clause';
import { statement, type Db } from './open-database';

interface OutboxRow {
  seq: number;
  id: string;
  org_id: string | null;
  kind: string;
  channel: string;
  recipient: string;
  locale: string;
  subject: string | null;
  html: string | null;
  text: string;
  links: string;
  created_at: string;
  relay_status: string;
  relay_error: string | null;
}

/** Optional filters of an outbox query; `before` is a cursor (a sequence number). */
export interface OutboxFilter {
  orgId?: string;
  to?: string;
  kind?: NotificationKind;
  channel?: NotificationChannel;
  before?: number;
}

export interface OutboxPage {
  messages: OutboxMessage[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextCursor: number | null;
}

export class OutboxRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  insert(message: OutboxMessage): void {
    statement(
      this.#db,
      `INSERT INTO outbox (id, org_id, kind, channel, recipient, locale, subject, html, text, links, created_at,
           relay_status, relay_error)
         VALUES (@id, @orgId, @kind, @channel, @to, @locale, @subject, @html, @text, @links, @createdAt,
           @relayStatus, @relayError)`,
    ).run({ ...message, links: JSON.stringify(message.links) });
  }

  find(id: string): OutboxMessage | undefined {
    const row = statement<[string], OutboxRow>(this.#db, 'SELECT * FROM outbox WHERE id = ?').get(id);
    return row ? toMessage(row) : undefined;
  }

  /** Newest first; reads one row past `limit` to know whether an older page exists. */
  list(filter: OutboxFilter, limit: number): OutboxPage {
    const { where, params } = filterClause(filter, CONDITIONS);
    const rows = this.#db
      .prepare<[Record<string, unknown>], OutboxRow>(`SELECT * FROM outbox ${where} ORDER BY seq DESC LIMIT @limit`)
      .all({ ...params, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { messages: page.map(toMessage), nextCursor: rows.length > limit && last ? last.seq : null };
  }

  setRelayStatus(id: string, status: RelayStatus, error: string | null): void {
    statement(this.#db, 'UPDATE outbox SET relay_status = ?, relay_error = ? WHERE id = ?').run(status, error, id);
  }

  /** Deletes the matching messages (all when no filter is set); returns how many. */
  clear(filter: Omit<OutboxFilter, 'before'>): number {
    const { where, params } = filterClause(filter, CONDITIONS);
    return this.#db.prepare(`DELETE FROM outbox ${where}`).run(params).changes;
  }

  /** Keeps the newest `keep` messages and deletes the rest (bounded retention). */
  prune(keep: number): number {
    return statement(
      this.#db,
      'DELETE FROM outbox WHERE seq < (SELECT seq FROM outbox ORDER BY seq DESC LIMIT 1 OFFSET ?)',
    ).run(keep - 1).changes;
  }
}

const CONDITIONS: Partial<Record<keyof OutboxFilter, string>> = {
  orgId: 'org_id = @orgId',
  to: 'recipient = @to',
  kind: 'kind = @kind',
  channel: 'channel = @channel',
  before: 'seq < @before',
};

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    orgId: row.org_id,
    kind: row.kind as NotificationKind,
    channel: row.channel as NotificationChannel,
    to: row.recipient,
    locale: row.locale as NotificationLocale,
    subject: row.subject,
    html: row.html,
    text: row.text,
    links: JSON.parse(row.links) as string[],
    createdAt: row.created_at,
    relayStatus: row.relay_status as RelayStatus,
    relayError: row.relay_error,
  };
}
