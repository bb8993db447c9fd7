import { z } from 'zod';
import { TicketId, TicketOutcome } from './ticket.schema';

const Instant = z.iso.datetime({ offset: true });

/**
 * `incidents.outcomes` (responder → detector), key: ticketId. The responder owns it (it owns the
 * Ticket); one message each time a ticket's outcome is set or changed, the latest per ticket
 * being what counts (the topic is compacted). The detector reads the whole topic at start and
 * calls `confirmIncidents` for every `incident`: each watch of the ticket learns nothing from
 * [from, to]. A `false_alarm` or `other` changes no baseline; it only withdraws an earlier
 * `incident` of the same ticket.
 */
export const IncidentOutcome = z.object({
  ticketId: TicketId,
  outcome: TicketOutcome,
  /** The watches of the ticket's signals (`_all` without watch configuration). */
  watchIds: z.array(z.string().min(1).max(200)).max(20),
  /** The incident's start as the detector saw it (first signal, or its burst window's start). */
  from: Instant,
  /** When it was resolved. */
  to: Instant,
  by: z.string().min(1).max(200),
  at: Instant,
  /** The ticket's seq when the outcome was written: a consumer keeps the highest per ticket. */
  seq: z.number().int().nonnegative(),
});
export type IncidentOutcome = z.infer<typeof IncidentOutcome>;
