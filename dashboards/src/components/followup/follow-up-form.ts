import type { FollowUpOutcome, Ticket } from '@vigil/contracts';
import type { ActionBody } from '../../stores/tickets';

/** A message key of the `followUp` section, per field. */
export type FollowUpErrors = Partial<Record<'outcome' | 'score' | 'dueAt', string>>;

export interface FollowUpFields {
  outcome: FollowUpOutcome | '';
  score: string;
  comment: string;
}

/** 回访归档: the outcome, and the satisfaction (1–5) when the customer was reached. */
export function buildFollowUp(f: FollowUpFields): { body?: ActionBody; errors: FollowUpErrors } {
  const errors: FollowUpErrors = {};
  if (!f.outcome) errors.outcome = 'outcomeRequired';
  const score = f.score === '' ? undefined : Number(f.score);
  if (f.outcome === 'reached' && (score === undefined || !Number.isInteger(score) || score < 1 || score > 5)) errors.score = 'scoreRequired';
  if (f.outcome === 'unreachable' && score !== undefined) errors.score = 'noScoreUnreached';
  if (Object.keys(errors).length) return { errors };
  const comment = f.comment.trim();
  return { body: { type: 'record_follow_up', outcome: f.outcome as FollowUpOutcome, ...(f.outcome === 'reached' && { score }), ...(comment && { comment }) }, errors };
}

/** A promised feedback time: a datetime-local value, or hours from now; it must lie ahead. */
export function buildPromise(local: string, hours: number | undefined, text: string, now: Date): { body?: ActionBody; errors: FollowUpErrors } {
  const at = hours !== undefined ? new Date(now.getTime() + hours * 3_600_000) : new Date(local);
  if (!local && hours === undefined) return { errors: { dueAt: 'dueRequired' } };
  if (!(at.getTime() > now.getTime())) return { errors: { dueAt: 'duePast' } };
  return { body: { type: 'set_promise', dueAt: at.toISOString(), ...(text.trim() && { text: text.trim() }) }, errors: {} };
}

export type FollowUpStatus = 'done' | 'overdue' | 'due';

/** Where a follow-up stands at `now` (the clock's overdue notice may lag a tick behind). */
export function followUpStatus(t: Pick<Ticket, 'followUp'>, now: number): FollowUpStatus | undefined {
  const f = t.followUp;
  if (!f) return undefined;
  if (f.doneAt) return 'done';
  return f.overdueAt || Date.parse(f.dueAt) <= now ? 'overdue' : 'due';
}

/** Where a promise stands: kept, missed (announced or just passed), or still running. */
export function promiseStatus(t: Pick<Ticket, 'promise'>, now: number): 'kept' | 'missed' | 'running' | undefined {
  const p = t.promise;
  if (!p) return undefined;
  if (p.metAt) return 'kept';
  return p.missedAt || Date.parse(p.dueAt) <= now ? 'missed' : 'running';
}
