import { maxSeverity, severityRank, type Alert, type SeverityLevel } from '@vigil/contracts';
import type { Plan } from './plan.schema';
import { reject } from './rejection';
import type { TicketDraft } from './ticket-draft';

/** Raising needs no reason (urgency first); lowering does, so a ticket is never quietly played down. */
export function changeLevel(plan: Plan, d: TicketDraft, level: SeverityLevel, actor: string, reason: string | undefined, opts: { requestId?: string; cause?: Alert['cause'] }) {
  const t = d.t;
  if (level === t.level) reject('no_change', `${t.id} is already ${level}`);
  const lowering = severityRank(level) < severityRank(t.level);
  if (lowering && !reason?.trim()) reject('reason_required', `lowering ${t.id} from ${t.level} to ${level} needs a reason`);
  const previous = t.level;
  t.level = level;
  t.peakLevel = maxSeverity(t.peakLevel, level);
  if (!lowering) {
    t.holdingStatement = plan.holdingStatements[level];
    d.alert('level_raised', `${previous}->${level}@${t.seq + 1}`, reason, { previousLevel: previous, notify: plan.levels[level].notify, ...(opts.cause && { cause: opts.cause }) });
  }
  d.event('level_changed', actor, { ...(opts.requestId && { requestId: opts.requestId }), before: { level: previous }, after: { level }, note: reason });
}
