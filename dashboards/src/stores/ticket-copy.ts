import type { Ticket, TicketChanges, TicketEvent } from '@vigil/contracts';

/**
 * How one live ticket event moves a copy of the ticket. Copies move one seq at a time: an event
 * the copy already covers is `stale`; one that skips a seq is a `gap` (something was missed, the
 * copy must be read again). In sequence, the copy takes the event's `changes`; an event without
 * them is an earlier event of a write whose last event carries them (`complete: false`).
 */
export type Step = { kind: 'stale' } | { kind: 'gap' } | { kind: 'applied'; ticket: Ticket; complete: boolean };

export function advance(copy: Ticket, e: TicketEvent): Step {
  if (e.seq <= copy.seq) return { kind: 'stale' };
  if (e.seq > copy.seq + 1) return { kind: 'gap' };
  const moved = { ...copy, seq: e.seq };
  return e.changes ? { kind: 'applied', ticket: applyChanges(moved, e.changes), complete: true } : { kind: 'applied', ticket: moved, complete: false };
}

export function applyChanges(t: Ticket, c: TicketChanges): Ticket {
  const next = { ...t, ...c.set };
  for (const key of c.unset) delete next[key];
  return next;
}

/** A ticket's first write sets every field (its `id` is set only then): such changes are the whole ticket. */
export function createdTicket(c: TicketChanges | undefined): Ticket | undefined {
  if (c?.set.id === undefined) return undefined;
  return { recentRequestIds: [], ...c.set } as Ticket;
}
