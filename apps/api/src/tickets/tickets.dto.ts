import { z } from 'zod';
import { PlaybookStepId, SeverityLevel, TicketId, TicketReview, TicketState } from '@vigil/contracts';

const csv = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)));

export const TicketListQuery = z.object({
  state: csv.pipe(z.array(TicketState).max(20)),
  level: csv.pipe(z.array(SeverityLevel).max(20)),
  size: z.coerce.number().int().min(1).max(500).default(150),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;

export const TicketIdParam = TicketId;

/**
 * What a person posts: a `TicketAction` without ticketId (from the path), actor (the
 * signed-in user) and at (the server clock). `requestId` is optional: the client sends
 * one to make a retried click harmless, or the server makes one.
 */
const Body = z.object({ requestId: z.string().min(8).max(200).optional() });
export const TicketActionBody = z.discriminatedUnion('type', [
  Body.extend({ type: z.literal('acknowledge') }),
  Body.extend({ type: z.literal('assign'), assignee: z.string().min(1).max(200), role: z.string().max(100).optional(), remove: z.boolean().optional() }),
  Body.extend({ type: z.literal('comment'), text: z.string().min(1).max(10_000) }),
  Body.extend({ type: z.literal('transition'), to: TicketState, note: z.string().max(2000).optional() }),
  Body.extend({ type: z.literal('change_level'), level: SeverityLevel, reason: z.string().max(2000).optional() }),
  Body.extend({ type: z.literal('merge'), intoTicketId: TicketId, reason: z.string().max(2000).optional() }),
  Body.extend({ type: z.literal('record_satisfaction'), score: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() }),
  Body.extend({ type: z.literal('close_with_review'), review: TicketReview }),
  Body.extend({ type: z.literal('record_response'), channel: z.string().min(1).max(100), text: z.string().max(10_000).optional() }),
  Body.extend({ type: z.literal('check_step'), step: PlaybookStepId, done: z.boolean() }),
  Body.extend({ type: z.literal('pause_waiting'), reason: z.string().max(2000).optional() }),
  Body.extend({ type: z.literal('resume_waiting') }),
]);
export type TicketActionBody = z.infer<typeof TicketActionBody>;
