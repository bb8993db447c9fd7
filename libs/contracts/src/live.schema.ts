import { z } from 'zod';
import { Alert } from './alert.schema';
import { TicketEvent } from './ticket.schema';

/**
 * The WebSocket (socket.io) protocol between the api and the dashboard (issue #6).
 *
 * 1. The client connects with `auth: { token }` (a JWT from POST /api/auth/login).
 * 2. It emits `live:subscribe`; the server answers `live:snapshot` (recent alerts,
 *    counters and the current `seq`).
 * 3. Every later change arrives as one `live:delta` with `seq` = previous + 1 within the
 *    same `instanceId`. A client drops deltas with `seq <= last`, and on a gap, a new
 *    `instanceId` or a reconnect it subscribes again (full resync).
 * 4. A `ticket` delta carries the ticket event as the responder published it; the last event of
 *    each write has `changes` (TicketChanges), so the client updates its copy of the ticket from
 *    the delta. It reads a ticket again only when that ticket's own `seq` skips one, and reads what
 *    it shows again after a resync (the snapshot has no tickets).
 */

const Instant = z.iso.datetime({ offset: true });

export const LIVE_EVENTS = {
  subscribe: 'live:subscribe',
  snapshot: 'live:snapshot',
  delta: 'live:delta',
  error: 'live:error',
} as const;

/** Most alerts a snapshot carries and a client keeps. */
export const LIVE_ALERT_CAP = 150;

/** One minute of mentions by sentiment label, for the live timeline. */
export const LiveTimelinePoint = z.object({
  minute: Instant,
  negative: z.number().int().nonnegative(),
  neutral: z.number().int().nonnegative(),
  positive: z.number().int().nonnegative(),
});
export type LiveTimelinePoint = z.infer<typeof LiveTimelinePoint>;

export const LiveCounters = z.object({
  at: Instant,
  /** Mentions that reached the api in the last 60 seconds. */
  mentionsPerMinute: z.number().int().nonnegative(),
  /** Share of negative mentions over the last `windowMinutes` (0 when there were none). */
  negativeShare: z.number().min(0).max(1),
  windowMinutes: z.number().int().positive(),
  /** Oldest first, at most 60 points. */
  timeline: z.array(LiveTimelinePoint).max(60),
});
export type LiveCounters = z.infer<typeof LiveCounters>;

export const LiveSnapshot = z.object({
  instanceId: z.string().min(1),
  seq: z.number().int().nonnegative(),
  at: Instant,
  /** Newest first. */
  alerts: z.array(Alert).max(LIVE_ALERT_CAP),
  counters: LiveCounters,
});
export type LiveSnapshot = z.infer<typeof LiveSnapshot>;

const DeltaBase = z.object({ instanceId: z.string().min(1), seq: z.number().int().positive(), at: Instant });

export const LiveDelta = z.discriminatedUnion('type', [
  DeltaBase.extend({ type: z.literal('alert'), alert: Alert }),
  DeltaBase.extend({ type: z.literal('ticket'), event: TicketEvent }),
  DeltaBase.extend({ type: z.literal('counters'), counters: LiveCounters }),
]);
export type LiveDelta = z.infer<typeof LiveDelta>;
export type LiveDeltaType = LiveDelta['type'];

export const LiveError = z.object({ code: z.enum(['unauthenticated', 'forbidden', 'bad_request']), message: z.string() });
export type LiveError = z.infer<typeof LiveError>;

/** Typed event maps for socket.io on both ends. */
export interface LiveServerToClient {
  'live:snapshot': (s: LiveSnapshot) => void;
  'live:delta': (d: LiveDelta) => void;
  'live:error': (e: LiveError) => void;
}
export interface LiveClientToServer {
  'live:subscribe': () => void;
}
