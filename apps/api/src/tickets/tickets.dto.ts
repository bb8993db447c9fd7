import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { DemandKind, FollowUpOutcome, TicketOutcome, IMPLICIT_WATCH_ID, KnowledgeRef, PlaybookStepId, RemedyProposal, RootCauseKind, SeverityLevel, Ticket, TicketEvent, TICKET_KINDS, TicketId, TicketReview, TicketState, WatchId } from '@vigil/contracts';

const csv = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .describe('comma-separated, or the parameter repeated')
  .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)));

export const TicketListQuery = z.object({
  state: csv.pipe(z.array(TicketState).max(20)),
  level: csv.pipe(z.array(SeverityLevel).max(20)),
  // `_all` is the implicit watch of tickets opened without watch configuration.
  watch: csv.pipe(z.array(z.union([WatchId, z.literal(IMPLICIT_WATCH_ID)])).max(50)).describe('watch ids (analytics.watchIds), comma-separated or repeated; a ticket of any of them'),
  kind: z.enum(TICKET_KINDS).optional().describe('crisis: the detector\'s tickets and single posts with a crisis trigger; service: one complaint opened for service reasons only; absent: both'),
  size: z.coerce.number().int().min(1).max(500).default(150).describe('1–500, default 150'),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;
export class TicketListQueryDto extends createZodDto(TicketListQuery) {}

export const TicketIdParam = TicketId;

/**
 * What a person posts: a `TicketAction` without ticketId (from the path), actor (the
 * signed-in user) and at (the server clock). `requestId` is optional: the client sends
 * one to make a retried click harmless, or the server makes one.
 */
/** The team's judgement (issue #14); a value outside the three is refused with their names. */
const Outcome = TicketOutcome.describe('incident: a real incident (the detector\'s baselines learn nothing from its hours); false_alarm: the detector was wrong; other: neither');
const Body = z.object({ requestId: z.string().min(8).max(200).optional() });
export const TicketActionBody = z.discriminatedUnion('type', [
  Body.extend({ type: z.literal('acknowledge') }),
  Body.extend({ type: z.literal('assign'), assignee: z.string().min(1).max(200).optional(), role: z.string().max(100).optional(), remove: z.boolean().optional() }),
  Body.extend({ type: z.literal('comment'), text: z.string().min(1).max(10_000) }),
  Body.extend({ type: z.literal('transition'), to: TicketState, note: z.string().max(2000).optional() }),
  Body.extend({ type: z.literal('change_level'), level: SeverityLevel, reason: z.string().max(2000).optional() }),
  Body.extend({ type: z.literal('merge'), intoTicketId: TicketId, reason: z.string().max(2000).optional() }),
  Body.extend({ type: z.literal('record_satisfaction'), score: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() }),
  Body.extend({ type: z.literal('close_with_review'), review: TicketReview, outcome: Outcome.optional() }),
  Body.extend({ type: z.literal('record_response'), channel: z.string().min(1).max(100), text: z.string().max(10_000).optional(), knowledge: KnowledgeRef.optional().describe('the knowledge-base entry and version the reply came from (counted as usage once accepted)') }),
  Body.extend({ type: z.literal('check_step'), step: PlaybookStepId, done: z.boolean() }),
  Body.extend({ type: z.literal('pause_waiting'), reason: z.string().max(2000).optional() }),
  Body.extend({ type: z.literal('resume_waiting') }),
  Body.extend({
    type: z.literal('propose_remedy'),
    remedy: RemedyProposal,
    promisedBy: z.iso.datetime({ offset: true }).optional(),
    knowledge: KnowledgeRef.optional().describe('the knowledge-base entry and version the remedy came from; its authority is taken from the stored entry'),
  }),
  Body.extend({ type: z.literal('set_promise'), dueAt: z.iso.datetime({ offset: true }), text: z.string().trim().max(1000).optional() }),
  Body.extend({ type: z.literal('record_follow_up'), outcome: FollowUpOutcome, score: z.number().int().min(1).max(5).optional(), comment: z.string().max(2000).optional() }),
  Body.extend({ type: z.literal('approve_remedy'), remedyId: z.string().min(1).max(20), approve: z.boolean(), note: z.string().max(2000).optional() }),
  Body.extend({ type: z.literal('record_agreement'), remedyId: z.string().min(1).max(20), agreed: z.boolean(), note: z.string().max(2000).optional() }),
  Body.extend({ type: z.literal('resolve'), rootCause: RootCauseKind, note: z.string().trim().min(1).max(10_000), outcome: Outcome.optional() }),
  Body.extend({ type: z.literal('reopen'), reason: z.string().trim().min(1).max(10_000) }),
  Body.extend({
    type: z.literal('edit_complaint'),
    demands: z.array(DemandKind).max(DemandKind.options.length).optional(),
    orders: z.array(z.string().trim().min(1).max(128)).max(20).optional(),
    products: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
    stores: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  }),
  Body.extend({ type: z.literal('post_public_update'), text: z.string().trim().min(1).max(1000), promisedBy: z.iso.datetime({ offset: true }).optional() }),
]);
export type TicketActionBody = z.infer<typeof TicketActionBody>;
/**
 * A union has no class form, so the route names it with `@ApiBody({ type: TicketActionBodyDto })` and
 * validates with the schema; the name is what the OpenAPI document calls it.
 */
export const TicketActionBodyDto = Object.defineProperty(createZodDto(TicketActionBody), 'name', { value: 'TicketActionBodyDto' });

export const TicketList = z.object({ total: z.number().int().nonnegative(), tickets: z.array(Ticket) });
export class TicketListDto extends createZodDto(TicketList) {}

/** One ticket with its audit trail, oldest event first. */
export const TicketDetail = z.object({ ticket: Ticket, events: z.array(TicketEvent) });
export class TicketDetailDto extends createZodDto(TicketDetail) {}

/** The action is on its way to the responder; its outcome arrives live as a ticket event with this requestId. */
export const ActionAccepted = z.object({ requestId: z.string(), ticketId: TicketId, type: z.string() });
export class ActionAcceptedDto extends createZodDto(ActionAccepted) {}

export const FollowUpQuery = z.object({
  scope: z.enum(['mine', 'all']).default('all').describe('mine: follow-ups assigned to the signed-in user'),
  size: z.coerce.number().int().min(1).max(500).default(200).describe('1–500, default 200'),
});
export class FollowUpQueryDto extends createZodDto(FollowUpQuery) {}
