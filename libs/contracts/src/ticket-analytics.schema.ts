import { z } from 'zod';

/**
 * What the responder records on a ticket so that every analytics figure is a plain
 * Elasticsearch aggregation (the bare server runs no scripts): the dimensions a ticket is
 * counted under, the first time each milestone was reached with its duration, and the outcome
 * of each SLA target. Written in the responder's one write path (TicketWriter.commit) from the
 * ticket before and after each change, so nothing is computed at query time. The definitions of
 * the figures built on these fields are in docs/analytics.md.
 */

const Instant = z.iso.datetime({ offset: true });
const Ids = z.array(z.string().max(200)).max(20);
const Minutes = z.number().nonnegative();

/** `met`: the milestone came before its deadline; `breached`: it did not (or the clock announced a breach). Absent: still running. */
export const SlaOutcome = z.enum(['met', 'breached']);
export type SlaOutcome = z.infer<typeof SlaOutcome>;

export const TICKET_DIMENSION_CAP = 20;

export const TicketAnalytics = z.object({
  /** Watches of the signals behind the ticket (empty without watch configuration). */
  watchIds: Ids,
  /** Complaint categories, channels and places of the signals behind the ticket (union, first 20). */
  categories: Ids,
  channels: Ids,
  places: Ids,
  /** The plan's teams holding an assignee's role, else the roles told at the ticket's level; `_none` when no team does. */
  teams: Ids,
  /** The ticket opened on an incident key that had an earlier ticket (the same issue came back after it was closed). */
  repeatOf: z.string().optional(),
  /** A repeat complaint: see `repeatOf`, or the complaint record counts earlier complaints of the same person or order. */
  repeat: z.boolean(),
  /** First time each milestone was reached; a reopen does not clear these. */
  firstAcknowledgedAt: Instant.optional(),
  firstRespondedAt: Instant.optional(),
  firstResolvedAt: Instant.optional(),
  /** Wall-clock minutes from opening to the milestone, less the time waiting on the customer. */
  ackMinutes: Minutes.optional(),
  firstResponseMinutes: Minutes.optional(),
  handlingMinutes: Minutes.optional(),
  /** Outcome per SLA target over every cycle: one breach in any cycle makes it `breached`. */
  sla: z.object({ acknowledge: SlaOutcome.optional(), firstResponse: SlaOutcome.optional(), resolve: SlaOutcome.optional() }),
  /** Escalation steps fired (every cycle), immediate ones included. */
  escalations: z.number().int().nonnegative(),
  /** Of those, the ladder's: fired because a milestone was late. */
  ladderEscalations: z.number().int().nonnegative(),
  /** Set once resolved: resolved in one pass (never reopened, never escalated by the ladder). */
  fcr: z.boolean().optional(),
});
export type TicketAnalytics = z.infer<typeof TicketAnalytics>;
