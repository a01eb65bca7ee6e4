/** Pure formatting for the outbox list: one-line summaries and times. No React. */
import type { OutboxMessage } from '../../../../../server/model/notification';

/** The line a list row shows: the subject of an email, else the start of the text. */
export function summaryOf(message: OutboxMessage, max = 90): string {
  const line = (message.subject ?? message.text).replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** `14:05:09` today, `27 Nov 14:05` on other days (in the viewer's time zone). */
export function timeOf(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : date.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export const RELAY_LABELS: Record<OutboxMessage['relayStatus'], string> = {
  not_configured: 'kept here',
  pending: 'relaying…',
  sent: 'relayed',
  failed: 'relay failed',
};
