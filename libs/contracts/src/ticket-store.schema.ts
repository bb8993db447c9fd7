// What the responder stores besides the Ticket itself: the change it writes, the outbox on
// the ticket document, the per-incident claim pointer and the ticket-number slots.
import { z } from 'zod';
import { Alert } from './alert.schema';
import { Ticket, TicketEvent, TicketId } from './ticket.schema';
import { IncidentOutcome } from './incident-outcome.schema';

/** One change of a ticket: the new ticket with the events and alerts it causes (plan → responder). */
export const TicketChange = z.object({ ticket: Ticket, events: z.array(TicketEvent), alerts: z.array(Alert) });
export type TicketChange = z.infer<typeof TicketChange>;

/** Events, alerts (and the outcome message, issue #14) of the last change, kept on the ticket document until confirmed published. */
export const TicketOutbox = z.object({ events: z.array(TicketEvent), alerts: z.array(Alert), outcomes: z.array(IncidentOutcome).optional() });
export type TicketOutbox = z.infer<typeof TicketOutbox>;

/**
 * A ticket as stored (index `tickets`, id = ticket id): the `Ticket` plus the outbox of its
 * last change. Readers hand out the `Ticket` only; the outbox is the responder's business.
 */
export const TicketDoc = Ticket.extend({
  outbox: TicketOutbox.nullable().optional(),
  outboxPending: z.boolean().optional(),
  /** Some notification still waits to be delivered (the clock retries these). */
  notificationsPending: z.boolean().optional(),
});
export type TicketDoc = z.infer<typeof TicketDoc>;

/**
 * The latest ticket opened on an incident key (index `ticket-incidents`, id = sha256 of the
 * key), with the opening itself, so a crashed opener is finished by the next reader.
 */
export const IncidentPointer = z.object({
  incidentKey: z.string().min(1),
  ticketId: TicketId,
  /** 0 for the first ticket on the key, +1 for each later one (after the previous was closed for good). */
  cycle: z.number().int().nonnegative(),
  claimedAt: z.iso.datetime({ offset: true }),
  opening: TicketChange,
});
export type IncidentPointer = z.infer<typeof IncidentPointer>;

/**
 * A taken ticket number (index `ticket-sequences`): id `<year>-<n>` for the slot,
 * `owner-<owner>` for who took it, `<year>-next` for the hint where to start looking.
 */
export const TicketSequenceSlot = z.object({
  year: z.number().int(),
  value: z.number().int().positive(),
  /** The incident key's open cycle that took this number. */
  owner: z.string(),
});
export type TicketSequenceSlot = z.infer<typeof TicketSequenceSlot>;
