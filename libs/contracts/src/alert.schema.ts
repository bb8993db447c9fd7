import { z } from 'zod';
import { SeverityLevel } from './severity';
import { SlaTarget, TicketId } from './ticket.schema';
import { TICKET_DIMENSION_CAP } from './ticket-analytics.schema';

/** What people are told (dashboard, webhooks). Key on `alerts`: ticketId. */
/**
 * `updated`: a follow-up signal added evidence to an open incident without raising it; the
 * dashboard folds it into the incident's row ("+12 posts") instead of adding a row.
 */
export const AlertType = z.enum(['new_ticket', 'level_raised', 'sla_warning', 'sla_breached', 'escalated', 'cooling', 'reopened', 'approval_requested', 'updated', 'promise_missed', 'follow_up_overdue']);
export type AlertType = z.infer<typeof AlertType>;

export const Alert = z.object({
  /**
   * Deterministic for the same cause (e.g. `CR-2026-000001:escalated:ack-30m@0`), so an
   * alert re-sent after a crash is recognised downstream and not delivered twice.
   */
  alertId: z.string().min(1),
  type: AlertType,
  ticketId: TicketId,
  level: SeverityLevel,
  title: z.string(),
  at: z.iso.datetime({ offset: true }),
  detail: z.string().optional(),
  /** Plan roles to notify (escalations, new tickets). */
  notify: z.array(z.string()).default([]),
  slaTarget: SlaTarget.optional(),
  deadline: z.iso.datetime({ offset: true }).optional(),
  stepId: z.string().optional(),
  previousLevel: SeverityLevel.optional(),
  /**
   * The signal behind an alert the detector caused (new ticket, level raised, reopened), with
   * the event time of the post that set it off: the dashboard can say how fresh the news is,
   * and `npm run bench:latency` measures post → screen with it.
   */
  cause: z.object({ signalId: z.string(), postAt: z.iso.datetime({ offset: true }) }).optional(),
  /**
   * The incident's evidence after the change the alert reports: signals attached, its largest
   * size so far (posts), and how many posts this change added to that size.
   */
  evidence: z.object({ signals: z.number().int().nonnegative(), posts: z.number().int().nonnegative(), addedPosts: z.number().int().nonnegative() }).optional(),
  /** An immediate escalation folded into this alert (opening and escalating at once is one alert). */
  escalated: z.boolean().optional(),
  /**
   * The watches of the ticket's signals (its `analytics.watchIds` after the change), so the
   * dashboard can say which brand an alert is about. Absent on alerts written before watches.
   */
  watchIds: z.array(z.string().max(128)).max(TICKET_DIMENSION_CAP).optional(),
});
export type Alert = z.infer<typeof Alert>;
