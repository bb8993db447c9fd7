import { Ticket, type TicketChanges, type TicketEvent } from '@vigil/contracts';

const FIELDS = Ticket.keyof().options;
/** The responder's dedup memory: up to 200 request ids that no reader shows. */
const LEFT_OUT: ReadonlySet<keyof Ticket> = new Set(['recentRequestIds']);

/**
 * The top-level fields of `after` that differ from `before` (compared as JSON, which is how they
 * are stored), and the ones `after` no longer has. Without `before` (a new ticket) every field is set.
 */
export function ticketChanges(before: Ticket | undefined, after: Ticket): TicketChanges {
  const set: Record<string, unknown> = {};
  const unset: (keyof Ticket)[] = [];
  for (const key of FIELDS) {
    if (LEFT_OUT.has(key)) continue;
    const now = after[key];
    const was = before?.[key];
    if (now === undefined) {
      if (was !== undefined) unset.push(key);
    } else if (!before || JSON.stringify(now) !== JSON.stringify(was)) {
      set[key] = now;
    }
  }
  return { set: set as TicketChanges['set'], unset };
}

/** A write's events, the last one carrying what the whole write changed. */
export function withTicketChanges(events: TicketEvent[], before: Ticket | undefined, after: Ticket): TicketEvent[] {
  if (!events.length) return events;
  const changes = ticketChanges(before, after);
  return events.map((e, i) => (i === events.length - 1 ? { ...e, changes } : e));
}
