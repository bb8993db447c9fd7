import {
  EVIDENCE_MENTION_CAP,
  EVIDENCE_SIGNAL_CAP,
  RECENT_REQUEST_CAP,
  severityRank,
  type Alert,
  type Ticket,
  type TicketAction,
  type TicketEvent,
} from '@vigil/contracts';
import { changeLevel } from './level-change';
import type { Plan } from './plan.schema';
import { reject } from './rejection';
import { slaDeadlines } from './sla-clock';
import { pushBounded, startDraft, type TicketDraft } from './ticket-draft';

type MergeAction = Extract<TicketAction, { type: 'merge' }>;

/**
 * Folds the draft's ticket (the duplicate) into `target`: the duplicate ends `merged`,
 * the target gains its evidence and, if it was worse, its level.
 */
export function mergeInto(plan: Plan, d: TicketDraft, a: MergeAction, target: Ticket | undefined): { ticket: Ticket; events: TicketEvent[]; alerts: Alert[] } {
  const t = d.t;
  if (!target) return reject('merge_target_missing', `merging needs ticket ${a.intoTicketId} loaded alongside ${t.id}`);
  if (target.id !== a.intoTicketId) reject('merge_target_mismatch', `loaded ${target.id} but the action names ${a.intoTicketId}`);
  if (target.id === t.id) reject('merge_self', `${t.id} cannot be merged into itself`);
  if (target.state === 'closed' || target.state === 'merged') reject('merge_target_closed', `${target.id} is ${target.state}; merge into an active ticket`);

  const before = { state: t.state };
  t.state = 'merged';
  t.mergedInto = target.id;
  t.closedAt = d.iso;
  t.pausedIntervals = t.pausedIntervals.map((p) => (p.to === undefined ? { ...p, to: d.iso } : p));
  d.event('merged_into', a.actor, { requestId: a.requestId, before, after: { state: 'merged', mergedInto: target.id }, note: a.reason });

  const td = startDraft(target, new Date(d.iso));
  const g = td.t;
  g.mergedFrom = [...g.mergedFrom, t.id];
  g.evidence = {
    signalIds: pushBounded(g.evidence.signalIds, t.evidence.signalIds, EVIDENCE_SIGNAL_CAP),
    mentionIds: pushBounded(g.evidence.mentionIds, t.evidence.mentionIds, EVIDENCE_MENTION_CAP),
    signalCount: g.evidence.signalCount + t.evidence.signalCount,
    maxSize: Math.max(g.evidence.maxSize, t.evidence.maxSize),
  };
  g.triggers = [...new Set([...g.triggers, ...t.triggers])];
  for (const [k, v] of Object.entries(t.slaOverrides) as [keyof Ticket['slaOverrides'], number | undefined][]) {
    if (v !== undefined) g.slaOverrides[k] = Math.min(g.slaOverrides[k] ?? Infinity, v);
  }
  if (t.lastSignalAt && (!g.lastSignalAt || t.lastSignalAt > g.lastSignalAt)) g.lastSignalAt = t.lastSignalAt;
  td.event('merged_from', a.actor, { requestId: a.requestId, after: { mergedFrom: t.id }, note: a.reason });
  if (severityRank(t.level) > severityRank(g.level)) changeLevel(plan, td, t.level, a.actor, `merged from ${t.id}`, { requestId: a.requestId });
  g.recentRequestIds = pushBounded(g.recentRequestIds, [a.requestId], RECENT_REQUEST_CAP);
  g.slaDeadlines = slaDeadlines(plan, g);
  return { ticket: g, events: td.events, alerts: td.alerts };
}
