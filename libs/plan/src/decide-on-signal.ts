import {
  EVIDENCE_MENTION_CAP,
  EVIDENCE_SIGNAL_CAP,
  maxSeverity,
  severityRank,
  type Alert,
  type ComplaintRecord,
  type SeverityLevel,
  type Signal,
  type Ticket,
  type TicketChange,
  type TicketEvent,
} from '@vigil/contracts';
import { changeLevel } from './level-change';
import type { Plan } from './plan.schema';
import { slaDeadlines } from './sla-clock';
import { pushBounded, startDraft, SYSTEM_DETECTOR, type TicketDraft } from './ticket-draft';
import { evaluateTriggers, type SignalContext, type TriggerResult } from './triggers';

export type SignalDecision =
  | { type: 'ignore'; reason: string }
  /** Allocate a sequence, then call `openTicket(plan, decision, formatTicketId(year, seq), now)`. */
  | { type: 'open'; level: SeverityLevel; triggers: TriggerResult; signal: Signal }
  | { type: 'update'; ticket: Ticket; events: TicketEvent[]; alerts: Alert[] }
  | { type: 'reopen'; ticket: Ticket; events: TicketEvent[]; alerts: Alert[] };

/**
 * What a signal means for its incident key: open a ticket, add evidence to the open one
 * (raising its level, never lowering), reopen a recently resolved one that flares again,
 * or nothing. `open` and `recentlyResolved` are the responder's lookups by `signal.key`.
 */
export function decideOnSignal(
  plan: Plan,
  signal: Signal,
  open: Ticket | undefined,
  recentlyResolved: Ticket | undefined,
  now: Date,
  ctx: SignalContext = {},
): SignalDecision {
  const single = isSinglePost(plan, signal);
  const tr = single ? evaluateTriggers(plan, confidentCuesOnly(plan, signal), ctx, 'general') : evaluateTriggers(plan, signal, ctx);
  if (open) {
    if (open.evidence.signalIds.includes(signal.id)) return { type: 'ignore', reason: `signal ${signal.id} already attached to ${open.id}` };
    return { type: 'update', ...attachToOpen(plan, open, signal, tr, now) };
  }
  if (recentlyResolved && withinReopenWindow(plan, recentlyResolved, now)) {
    if (recentlyResolved.evidence.signalIds.includes(signal.id)) return { type: 'ignore', reason: `signal ${signal.id} already attached to ${recentlyResolved.id}` };
    const why = flareReason(plan, recentlyResolved, signal, tr.level);
    // Hysteresis: a resolved incident murmuring on is not a new incident either.
    if (!why) return { type: 'ignore', reason: `${recentlyResolved.id} resolved recently and this ${signal.kind} is not a real flare` };
    return { type: 'reopen', ...reopen(plan, recentlyResolved, signal, tr, why, now) };
  }
  if (plan.opening.ignoreKinds.includes(signal.kind)) return { type: 'ignore', reason: `${signal.kind} signals do not open tickets` };
  if (single) {
    const opening = tr.matched.filter((id) => plan.opening.singlePost!.triggers.includes(id));
    if (!opening.length) return { type: 'ignore', reason: `a single complaint opens a ticket only through a single-post trigger (matched: ${tr.matched.join(', ') || 'none'})` };
    return { type: 'open', level: tr.level, triggers: tr, signal };
  }
  if (severityRank(tr.level) < severityRank(plan.opening.minLevel) && !tr.escalateImmediately) {
    return { type: 'ignore', reason: `level ${tr.level} is below the opening level ${plan.opening.minLevel}` };
  }
  return { type: 'open', level: tr.level, triggers: tr, signal };
}

/** A single complaint the plan judges on its own (see `opening.singlePost`). */
export function isSinglePost(plan: Plan, signal: Signal): boolean {
  return !!plan.opening.singlePost && signal.kind === 'risk_flag' && signal.post !== undefined;
}

/**
 * The signal with only the cues the analyzer is at least `minCueConfidence` sure of, so an
 * unsure cue never opens a ticket alone. A cue without a confidence counts as sure.
 */
export function confidentCuesOnly(plan: Plan, signal: Signal): Signal {
  const min = plan.opening.singlePost?.minCueConfidence ?? 0;
  if (!signal.post) return signal;
  const sure = new Set(signal.post.cues.filter((c) => (c.confidence ?? 1) >= min).map((c) => c.kind));
  return { ...signal, riskCues: signal.riskCues.filter((k) => sure.has(k)) };
}

/** Builds the ticket an `open` decision asks for, with its opening events and alerts (and the complaint record of a single complaint). */
export function openTicket(plan: Plan, decision: Extract<SignalDecision, { type: 'open' }>, id: string, now: Date, complaint?: ComplaintRecord): TicketChange {
  const { signal, triggers: tr, level } = decision;
  const iso = now.toISOString();
  const blank: Ticket = {
    id,
    incidentKey: signal.key,
    ...(signal.clusterId ? { clusterId: signal.clusterId } : {}),
    title: signal.label,
    level,
    peakLevel: level,
    state: 'open',
    openedAt: iso,
    slaStartedAt: iso,
    updatedAt: iso,
    lastSignalAt: signal.at,
    incidentStartedAt: signalStart(signal),
    slaDeadlines: {},
    slaOverrides: tr.slaOverrides,
    pausedIntervals: [],
    escalations: [],
    slaNotices: [],
    triggers: tr.matched,
    assignees: [],
    evidence: {
      signalIds: [signal.id],
      mentionIds: signal.sampleMentionIds.slice(-EVIDENCE_MENTION_CAP),
      signalCount: 1,
      maxSize: signal.metrics.size,
    },
    checklist: plan.playbook.map((s) => ({ step: s.id, titleZh: s.titleZh, titleEn: s.titleEn, done: false })),
    holdingStatement: plan.holdingStatements[level],
    mergedFrom: [],
    reopenCount: 0,
    commentCount: 0,
    seq: 0,
    recentRequestIds: [],
    remedies: [],
    publicUpdates: [],
    notifications: [],
    ...(complaint && { complaint }),
  };
  const d = startDraft(blank, now);
  d.event('opened', SYSTEM_DETECTOR, { after: { level, incidentKey: signal.key, signalId: signal.id, triggers: tr.matched } });
  d.alert('new_ticket', 'opened', triggerNote(tr), { notify: tr.notify, cause: causeOf(signal), evidence: evidenceOf(d.t, signal.metrics.size) });
  if (tr.escalateImmediately) fireImmediate(d, tr);
  d.t.slaDeadlines = slaDeadlines(plan, d.t);
  return { ticket: d.t, events: d.events, alerts: d.alerts };
}

/**
 * A follow-up signal on an open incident updates it: one alert per change, which the dashboard
 * folds into the incident's row — `level_raised` when it raises the level, `updated` (evidence,
 * posts added) when it does not, `cooling` when activity dies down. An immediate escalation it
 * triggers rides on that alert instead of adding one.
 */
function attachToOpen(plan: Plan, open: Ticket, signal: Signal, tr: TriggerResult, now: Date): TicketChange {
  const d = startDraft(open, now);
  const sizeBefore = d.t.evidence.maxSize;
  addEvidence(d, signal, tr);
  d.event('evidence_attached', SYSTEM_DETECTOR, { after: { signalId: signal.id, kind: signal.kind, size: signal.metrics.size, level: tr.level } });
  const evidence = { evidence: evidenceOf(d.t, Math.max(0, d.t.evidence.maxSize - sizeBefore)) };
  if (signal.kind === 'burst_cooling') {
    // Cooling is news, not a reason to lower: only a person lowers a level, with a reason.
    d.alert('cooling', signal.id, `${signal.label}: activity is cooling down`, evidence);
  } else if (severityRank(tr.level) > severityRank(d.t.level)) {
    changeLevel(plan, d, tr.level, SYSTEM_DETECTOR, triggerNote(tr) || `signal ${signal.id} at ${tr.level}`, { cause: causeOf(signal) });
    Object.assign(d.alerts[d.alerts.length - 1]!, evidence);
  } else {
    d.alert('updated', signal.id, `${signal.kind}: ${signal.label}`, { cause: causeOf(signal), ...evidence });
  }
  if (tr.escalateImmediately && signal.kind !== 'burst_cooling') fireImmediate(d, tr);
  d.t.slaDeadlines = slaDeadlines(plan, d.t);
  return { ticket: d.t, events: d.events, alerts: d.alerts };
}

function reopen(plan: Plan, resolved: Ticket, signal: Signal, tr: TriggerResult, why: string, now: Date): TicketChange {
  const d = startDraft(resolved, now);
  const t = d.t;
  const before = { state: t.state, level: t.level, reopenCount: t.reopenCount };
  t.reopenCount += 1;
  t.state = 'open';
  t.slaStartedAt = d.iso;
  t.acknowledgedAt = undefined;
  t.firstResponseAt = undefined;
  t.resolvedAt = undefined;
  t.closedAt = undefined;
  // As a person's reopen does: the root cause belonged to the cycle that ended (analytics would
  // otherwise count an open ticket under its old cause), and so does a follow-up not made yet.
  t.resolution = undefined;
  // The judgement too (a window already confirmed stays with the detector; resolving again replaces it).
  t.outcome = undefined;
  if (t.followUp && !t.followUp.doneAt) t.followUp = undefined;
  t.level = maxSeverity(t.level, tr.level);
  t.peakLevel = maxSeverity(t.peakLevel, t.level);
  t.holdingStatement = plan.holdingStatements[t.level];
  const review = t.checklist.find((c) => c.step === 'review');
  if (review) Object.assign(review, { done: false, doneAt: undefined, doneBy: undefined });
  const sizeBefore = t.evidence.maxSize;
  addEvidence(d, signal, tr);
  d.event('reopened', SYSTEM_DETECTOR, { before, after: { state: 'open', level: t.level, reopenCount: t.reopenCount, signalId: signal.id }, note: why });
  d.alert('reopened', `${t.reopenCount}`, why, {
    notify: [...new Set([...plan.levels[t.level].notify, ...tr.notify])],
    cause: causeOf(signal),
    evidence: evidenceOf(t, Math.max(0, t.evidence.maxSize - sizeBefore)),
  });
  if (tr.escalateImmediately) fireImmediate(d, tr);
  t.slaDeadlines = slaDeadlines(plan, t);
  return { ticket: t, events: d.events, alerts: d.alerts };
}

const causeOf = (signal: Signal) => ({ signalId: signal.id, postAt: signal.at });
const evidenceOf = (t: Ticket, addedPosts: number) => ({ signals: t.evidence.signalCount, posts: t.evidence.maxSize, addedPosts });

export function withinReopenWindow(plan: Plan, t: Ticket, now: Date): boolean {
  if (!(t.state === 'resolved' || t.state === 'closed') || !t.resolvedAt) return false;
  return now.getTime() - Date.parse(t.resolvedAt) <= plan.reopen.windowHours * 3_600_000;
}

/** Why this signal counts as the incident flaring again, or undefined when it does not. */
export function flareReason(plan: Plan, t: Ticket, signal: Signal, level: SeverityLevel): string | undefined {
  if (signal.kind === 'burst_cooling') return undefined;
  const floor = plan.reopen.minLevel === 'previous' ? t.level : plan.reopen.minLevel;
  if (severityRank(level) >= severityRank(floor)) return `flared again at ${level} (resolved at ${t.level})`;
  const grown = signal.metrics.size >= t.evidence.maxSize * plan.reopen.growthFactor;
  if (plan.reopen.growthKinds.includes(signal.kind) && grown) return `${signal.kind}: grew to ${signal.metrics.size} (was ${t.evidence.maxSize})`;
  return undefined;
}

/** When the signal's incident began: its burst window's start, else the signal's own time (whichever is earlier). */
export function signalStart(signal: Signal): string {
  const w = signal.burst?.windowStart;
  const at = new Date(Date.parse(signal.at)).toISOString();
  return w && Date.parse(w) < Date.parse(signal.at) ? new Date(Date.parse(w)).toISOString() : at;
}

function addEvidence(d: TicketDraft, signal: Signal, tr: TriggerResult) {
  const t = d.t;
  t.evidence = {
    signalIds: pushBounded(t.evidence.signalIds, [signal.id], EVIDENCE_SIGNAL_CAP),
    mentionIds: pushBounded(t.evidence.mentionIds, signal.sampleMentionIds, EVIDENCE_MENTION_CAP),
    signalCount: t.evidence.signalCount + 1,
    maxSize: Math.max(t.evidence.maxSize, signal.metrics.size),
  };
  if (!t.lastSignalAt || signal.at > t.lastSignalAt) t.lastSignalAt = signal.at;
  const start = signalStart(signal);
  if (!t.incidentStartedAt || Date.parse(start) < Date.parse(t.incidentStartedAt)) t.incidentStartedAt = start;
  t.triggers = [...new Set([...t.triggers, ...tr.matched])];
  for (const [k, v] of Object.entries(tr.slaOverrides) as [keyof Ticket['slaOverrides'], number | undefined][]) {
    if (v !== undefined) t.slaOverrides[k] = Math.min(t.slaOverrides[k] ?? Infinity, v);
  }
}

/**
 * Immediate escalation fires once per SLA cycle, like every ladder step. It happens with the
 * change that caused it (an opening, a reopening, a raise, an update), so it is told in that
 * change's alert — one alert, not two — and stays a step of its own in the audit trail.
 */
function fireImmediate(d: TicketDraft, tr: TriggerResult) {
  const t = d.t;
  const cycle = t.reopenCount;
  if (t.escalations.some((e) => e.stepId === 'immediate' && e.cycle === cycle)) return;
  t.escalations = [...t.escalations, { stepId: 'immediate', cycle, at: d.iso, notified: tr.notify }];
  d.event('escalation_fired', SYSTEM_DETECTOR, { after: { stepId: 'immediate', notified: tr.notify, triggers: tr.matched } });
  const carrier = d.alerts[d.alerts.length - 1];
  const note = `immediate escalation: ${tr.matched.join(', ')}`;
  if (carrier) {
    carrier.escalated = true;
    carrier.stepId ??= 'immediate';
    carrier.notify = [...new Set([...carrier.notify, ...tr.notify])];
    carrier.detail = carrier.detail ? `${carrier.detail}; ${note}` : note;
  } else {
    d.alert('escalated', `immediate@${cycle}`, note, { stepId: 'immediate', notify: tr.notify, escalated: true });
  }
}

function triggerNote(tr: TriggerResult): string {
  return tr.matched.length ? `triggers: ${tr.matched.join(', ')}` : '';
}
