import { z } from 'zod';
import { SeverityLevel } from './severity';
import { ComplaintRecord, DemandKind, RootCauseKind } from './complaint.schema';
import { KnowledgeAuthority, KnowledgeRef, RemedyKind } from './knowledge.schema';
import { NOTIFICATION_CAP, NotificationRecord } from './notification.schema';
import { TicketAnalytics } from './ticket-analytics.schema';

/**
 * Crisis tickets (issue #5). The responder owns the `Ticket` document (stored in
 * Elasticsearch), consumes `ticket.actions` from the api and publishes every change
 * on `tickets.events` (key: ticketId) so the audit trail can be replayed.
 */

const Instant = z.iso.datetime({ offset: true });

/** `CR-2026-000123`: year of opening and a per-year sequence the responder allocates. */
export const TicketId = z.string().regex(/^CR-\d{4}-\d{6,}$/, 'expected a ticket id like CR-2026-000123');
export type TicketId = z.infer<typeof TicketId>;

/** `merged` is terminal like `closed` but needs no review: the other ticket carries it. */
export const TicketState = z.enum(['open', 'acknowledged', 'investigating', 'responding', 'resolved', 'closed', 'merged']);
export type TicketState = z.infer<typeof TicketState>;

/** The six steps of the complaint-handling playbook, in the order they are worked. */
export const PlaybookStepId = z.enum([
  'respond_soothe', // 响应安抚
  'record_facts', // 记录事实
  'investigate_cause', // 调查原因
  'propose_remedy', // 提出方案
  'execute_follow_up', // 执行跟进
  'review', // 复盘
]);
export type PlaybookStepId = z.infer<typeof PlaybookStepId>;

export const SlaTarget = z.enum(['acknowledge', 'firstResponse', 'resolve']);
export type SlaTarget = z.infer<typeof SlaTarget>;

const Actor = z.string().min(1).max(200);
const RequestId = z.string().min(1).max(200);
const Text = z.string().min(1).max(10_000);

/**
 * What the team judged a ticket to be when they resolved or closed it (issue #14): a real
 * incident (its hours then teach the watch's baselines nothing, see `IncidentOutcome`), a false
 * alarm of the detector (changes no baseline; counted in the alert precision), or neither
 * (`other`: a single customer's case, a duplicate, a test).
 */
export const TicketOutcome = z.enum(['incident', 'false_alarm', 'other']);
export type TicketOutcome = z.infer<typeof TicketOutcome>;

export const Satisfaction = z.object({
  /** 1 (very dissatisfied) … 5 (very satisfied), from the follow-up call or survey. */
  score: z.number().int().min(1).max(5),
  comment: z.string().max(2000).optional(),
  by: Actor,
  at: Instant,
});
export type Satisfaction = z.infer<typeof Satisfaction>;

/** 复盘: what closing a ticket requires. */
export const TicketReview = z.object({
  rootCause: Text,
  category: z.string().min(1).max(200),
  actionsTaken: z.array(Text).min(1),
  lessons: z.string().max(10_000).optional(),
  /** Optional here when satisfaction was already recorded on the ticket. */
  customerSatisfaction: z.number().int().min(1).max(5).optional(),
});
export type TicketReview = z.infer<typeof TicketReview>;

/** Standard remedies (退款、换货、补发、优惠券、上门、道歉 …). */

export const RemedyProposal = z.object({
  kind: RemedyKind,
  /** Money the remedy costs the company (refund, compensation, coupon value). */
  amount: z.number().nonnegative().max(10_000_000).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).default('CNY'),
  description: z.string().min(1).max(2000),
});
export type RemedyProposal = z.infer<typeof RemedyProposal>;

/** proposed → (awaiting_approval → approved | rejected) → agreed | declined by the customer. */
export const RemedyStatus = z.enum(['proposed', 'awaiting_approval', 'approved', 'rejected', 'agreed', 'declined']);
export type RemedyStatus = z.infer<typeof RemedyStatus>;

/** reached: the customer answered (a score is then required); unreachable: nobody answered, the follow-up is done. */
export const FollowUpOutcome = z.enum(['reached', 'unreachable']);
export type FollowUpOutcome = z.infer<typeof FollowUpOutcome>;

/**
 * A promised feedback time (承诺反馈时间). Met by the next reply, agreement or resolution after it was
 * made; `missedAt` records that the clock announced it missed, so it is announced once.
 */
export const TicketPromise = z.object({
  dueAt: Instant,
  text: z.string().optional(),
  by: Actor,
  at: Instant,
  metAt: Instant.optional(),
  missedAt: Instant.optional(),
});
export type TicketPromise = z.infer<typeof TicketPromise>;

/**
 * 回访: due some working days after resolving (plan `followUp.afterWorkingDays`, plan calendar). `cycle`
 * is the reopenCount it belongs to; `overdueAt` records that the clock announced it overdue (once).
 */
export const FollowUp = z.object({
  cycle: z.number().int().nonnegative(),
  dueAt: Instant,
  /** Who should call: the first person assigned, else whoever resolved it. */
  assignee: Actor,
  overdueAt: Instant.optional(),
  doneAt: Instant.optional(),
  doneBy: Actor.optional(),
  outcome: FollowUpOutcome.optional(),
  score: z.number().int().min(1).max(5).optional(),
  comment: z.string().max(2000).optional(),
});
export type FollowUp = z.infer<typeof FollowUp>;

// ---------------------------------------------------------------------------
// ticket.actions (api → responder). `requestId` makes a retried request harmless.

const ActionBase = z.object({
  ticketId: TicketId,
  actor: Actor,
  requestId: RequestId,
  at: Instant,
});

export const TicketAction = z.discriminatedUnion('type', [
  ActionBase.extend({ type: z.literal('acknowledge') }),
  ActionBase.extend({
    type: z.literal('assign'),
    /** A person; absent to hand the ticket to a role (`role` then required). */
    assignee: Actor.optional(),
    role: z.string().max(100).optional(),
    /** true removes the assignee instead. */
    remove: z.boolean().optional(),
  }),
  ActionBase.extend({ type: z.literal('comment'), text: Text }),
  ActionBase.extend({ type: z.literal('transition'), to: TicketState, note: z.string().max(2000).optional() }),
  ActionBase.extend({ type: z.literal('change_level'), level: SeverityLevel, reason: z.string().max(2000).optional() }),
  ActionBase.extend({ type: z.literal('merge'), intoTicketId: TicketId, reason: z.string().max(2000).optional() }),
  ActionBase.extend({ type: z.literal('record_satisfaction'), score: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() }),
  /** `outcome`: the team's judgement, if not given at resolve (or to change it). */
  ActionBase.extend({ type: z.literal('close_with_review'), review: TicketReview, outcome: TicketOutcome.optional() }),
  /** A public or customer-facing reply went out: stops the first-response clock. */
  ActionBase.extend({ type: z.literal('record_response'), channel: z.string().min(1).max(100), text: z.string().max(10_000).optional(), knowledge: KnowledgeRef.optional() }),
  ActionBase.extend({ type: z.literal('check_step'), step: PlaybookStepId, done: z.boolean() }),
  ActionBase.extend({ type: z.literal('pause_waiting'), reason: z.string().max(2000).optional() }),
  ActionBase.extend({ type: z.literal('resume_waiting') }),
  /**
   * `promisedBy`: the time the customer was promised an answer ("we call you back by …"), with its own clock.
   * `knowledge`: the entry the remedy came from; the api sets its authority from the stored entry (a `lead` entry needs approval whatever the amount).
   */
  ActionBase.extend({
    type: z.literal('propose_remedy'),
    remedy: RemedyProposal,
    promisedBy: Instant.optional(),
    knowledge: KnowledgeRef.extend({ authority: KnowledgeAuthority }).optional(),
  }),
  /** A promised feedback time on its own (X 小时内给您反馈); replaces an earlier unmet one. */
  ActionBase.extend({ type: z.literal('set_promise'), dueAt: Instant, text: z.string().trim().max(1000).optional() }),
  /** 回访: the follow-up call after resolving, with the customer's satisfaction when they were reached. */
  ActionBase.extend({
    type: z.literal('record_follow_up'),
    outcome: FollowUpOutcome,
    score: z.number().int().min(1).max(5).optional(),
    comment: z.string().max(2000).optional(),
  }),
  /** A lead's decision on a remedy above the front line's money limit. */
  ActionBase.extend({ type: z.literal('approve_remedy'), remedyId: z.string().min(1).max(20), approve: z.boolean(), note: z.string().max(2000).optional() }),
  /** The customer's answer to a remedy. */
  ActionBase.extend({ type: z.literal('record_agreement'), remedyId: z.string().min(1).max(20), agreed: z.boolean(), note: z.string().max(2000).optional() }),
  ActionBase.extend({ type: z.literal('resolve'), rootCause: RootCauseKind, note: Text, outcome: TicketOutcome.optional() }),
  ActionBase.extend({ type: z.literal('reopen'), reason: Text }),
  /** Corrections to the complaint record: demands (诉求), orders, products, stores. */
  ActionBase.extend({
    type: z.literal('edit_complaint'),
    demands: z.array(DemandKind).max(DemandKind.options.length).optional(),
    orders: z.array(z.string().trim().min(1).max(128)).max(20).optional(),
    products: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
    stores: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  }),
  /** What the complainant reads on their progress page (进度查询), with an optional promised time. */
  ActionBase.extend({ type: z.literal('post_public_update'), text: z.string().trim().min(1).max(1000), promisedBy: Instant.optional() }),
]);
export type TicketAction = z.infer<typeof TicketAction>;
export type TicketActionType = TicketAction['type'];

// ---------------------------------------------------------------------------
// The Ticket document.

export const ChecklistItem = z.object({
  step: PlaybookStepId,
  titleZh: z.string(),
  titleEn: z.string(),
  done: z.boolean(),
  doneAt: Instant.optional(),
  doneBy: Actor.optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const PausedInterval = z.object({
  from: Instant,
  /** Absent while the ticket is still waiting on the customer. */
  to: Instant.optional(),
  reason: z.string().optional(),
});
export type PausedInterval = z.infer<typeof PausedInterval>;

export const FiredEscalation = z.object({
  stepId: z.string(),
  /** reopenCount when it fired: a reopened ticket climbs the ladder afresh. */
  cycle: z.number().int().nonnegative(),
  at: Instant,
  notified: z.array(z.string()),
  raisedTo: SeverityLevel.optional(),
});
export type FiredEscalation = z.infer<typeof FiredEscalation>;

/** `actor` is a person, or `role:<id>` for a ticket handed to a role of the plan. */
export const Assignee = z.object({ actor: Actor, role: z.string().optional(), at: Instant });
export type Assignee = z.infer<typeof Assignee>;

export const Remedy = RemedyProposal.extend({
  /** `r1`, `r2` … in the order proposed. */
  id: z.string(),
  status: RemedyStatus,
  proposedBy: Actor,
  proposedAt: Instant,
  decidedBy: Actor.optional(),
  decidedAt: Instant.optional(),
  decisionNote: z.string().max(2000).optional(),
  customer: z.object({ agreed: z.boolean(), recordedBy: Actor, at: Instant, note: z.string().max(2000).optional() }).optional(),
});
export type Remedy = z.infer<typeof Remedy>;

export const Resolution = z.object({ rootCause: RootCauseKind, note: z.string(), by: Actor, at: Instant });
export type Resolution = z.infer<typeof Resolution>;

/** The team's judgement of the ticket (see TicketOutcome); cleared by a reopen with the resolution. */
export const TicketOutcomeRecord = z.object({ value: TicketOutcome, by: Actor, at: Instant });
export type TicketOutcomeRecord = z.infer<typeof TicketOutcomeRecord>;

export const PublicUpdate = z.object({ text: z.string(), at: Instant, by: Actor, promisedBy: Instant.optional() });
export type PublicUpdate = z.infer<typeof PublicUpdate>;

/** Caps keep a long-running incident's document small; counts keep the totals. */
export const EVIDENCE_SIGNAL_CAP = 200;
export const EVIDENCE_MENTION_CAP = 500;
export const RECENT_REQUEST_CAP = 200;
export const REMEDY_CAP = 20;
export const PUBLIC_UPDATE_CAP = 20;

export const Ticket = z.object({
  id: TicketId,
  /** The signal `key` this ticket was opened on (a cluster id or a rule key). */
  incidentKey: z.string().min(1),
  clusterId: z.string().optional(),
  title: z.string(),
  level: SeverityLevel,
  /** Highest level ever reached, so a lowered ticket still shows how bad it got. */
  peakLevel: SeverityLevel,
  state: TicketState,
  openedAt: Instant,
  /** Start of the current SLA cycle: openedAt, or the last reopen. */
  slaStartedAt: Instant,
  acknowledgedAt: Instant.optional(),
  firstResponseAt: Instant.optional(),
  resolvedAt: Instant.optional(),
  closedAt: Instant.optional(),
  updatedAt: Instant,
  lastSignalAt: Instant.optional(),
  /**
   * When the incident began as far as the detector saw it: the earliest of its signals' times and
   * burst windows' starts. The start of the window a confirmed incident teaches the baselines
   * nothing (absent on tickets stored before it: `openedAt` stands in).
   */
  incidentStartedAt: Instant.optional(),
  /** Deadlines as of the last change, for dashboards and queries; the clock recomputes them. */
  slaDeadlines: z.object({ acknowledge: Instant.optional(), firstResponse: Instant.optional(), resolve: Instant.optional() }),
  /** Tighter targets (minutes) a trigger imposed, e.g. 10 minutes for medical or exam cases. */
  slaOverrides: z.object({ acknowledge: z.number().positive().optional(), firstResponse: z.number().positive().optional(), resolve: z.number().positive().optional() }),
  pausedIntervals: z.array(PausedInterval),
  escalations: z.array(FiredEscalation),
  /** Ids of SLA warnings and breaches already announced, e.g. `sla_warning:acknowledge@0`. */
  slaNotices: z.array(z.string()),
  triggers: z.array(z.string()),
  assignees: z.array(Assignee),
  evidence: z.object({
    signalIds: z.array(z.string()).max(EVIDENCE_SIGNAL_CAP),
    mentionIds: z.array(z.string()).max(EVIDENCE_MENTION_CAP),
    signalCount: z.number().int().nonnegative(),
    /** Largest cluster size seen: the baseline a reopen compares growth with. */
    maxSize: z.number().int().nonnegative(),
  }),
  checklist: z.array(ChecklistItem),
  holdingStatement: z.object({ zh: z.string(), en: z.string() }),
  review: TicketReview.optional(),
  satisfaction: Satisfaction.optional(),
  mergedInto: TicketId.optional(),
  mergedFrom: z.array(TicketId),
  reopenCount: z.number().int().nonnegative(),
  commentCount: z.number().int().nonnegative(),
  /** Last event seq: events are numbered 1, 2, 3 … per ticket. */
  seq: z.number().int().nonnegative(),
  /** Recently applied action requestIds, so a redelivered action is a no-op. */
  recentRequestIds: z.array(z.string()).max(RECENT_REQUEST_CAP),
  /** 投诉记录: set on tickets opened for a single complaint. */
  complaint: ComplaintRecord.optional(),
  remedies: z.array(Remedy).max(REMEDY_CAP).default([]),
  /** How it was resolved (根因 and what was done), set by `resolve`. */
  resolution: Resolution.optional(),
  /** Real incident, false alarm or other: set with `resolve` or `close_with_review`. */
  outcome: TicketOutcomeRecord.optional(),
  /** What the complainant was told on their progress page, oldest first. */
  publicUpdates: z.array(PublicUpdate).max(PUBLIC_UPDATE_CAP).default([]),
  /** Who was paged about this ticket, through which channel, and how delivery went. */
  notifications: z.array(NotificationRecord).max(NOTIFICATION_CAP).default([]),
  /** The promised feedback time of the current cycle, if one was given. */
  promise: TicketPromise.optional(),
  /** The follow-up (回访) after the last resolution. */
  followUp: FollowUp.optional(),
  /** Figures for analytics, kept by the responder's write path (see ticket-analytics.schema.ts). Absent on tickets stored before it. */
  analytics: TicketAnalytics.optional(),
});
export type Ticket = z.infer<typeof Ticket>;

/**
 * What one write did to a ticket: each top-level field it changed with its whole new value
 * (`set`), and the fields it removed (`unset`). The last event of every write carries it on
 * `tickets.events`, so a live client brings its copy from seq n to the event's seq without
 * reading the ticket; earlier events of the same write carry none. A ticket's first write sets
 * every field. `recentRequestIds` (the responder's dedup memory) is left out, and the audit trail
 * in Elasticsearch does not keep it.
 */
export const TicketChanges = z.object({
  // Fields with a default for older documents are declared plainly optional here: a delta must not invent them.
  set: Ticket.omit({ recentRequestIds: true, remedies: true, publicUpdates: true, notifications: true })
    .partial()
    .extend({
      remedies: z.array(Remedy).optional(),
      publicUpdates: z.array(PublicUpdate).optional(),
      notifications: z.array(NotificationRecord).optional(),
    }),
  unset: z.array(Ticket.keyof()),
});
export type TicketChanges = z.infer<typeof TicketChanges>;

// ---------------------------------------------------------------------------
// tickets.events (responder → everyone). One per change; key: ticketId.

export const TicketEventType = z.enum([
  'opened',
  'evidence_attached',
  'reopened',
  'acknowledged',
  'assigned',
  'unassigned',
  'commented',
  'transitioned',
  'level_changed',
  'merged_into',
  'merged_from',
  'satisfaction_recorded',
  'response_recorded',
  'step_checked',
  'waiting_started',
  'waiting_ended',
  'closed',
  'sla_warning',
  'sla_breached',
  'escalation_fired',
  'action_rejected',
  'remedy_proposed',
  'remedy_decided',
  'agreement_recorded',
  'resolved',
  'complaint_edited',
  'public_update_posted',
  'notification_sent',
  'notification_failed',
  'promise_set',
  'promise_kept',
  'promise_missed',
  'follow_up_scheduled',
  'follow_up_overdue',
  'follow_up_recorded',
  'repeat_complaint',
  'outcome_recorded',
]);
export type TicketEventType = z.infer<typeof TicketEventType>;

export const TicketEvent = z.object({
  /** `${ticketId}:${seq}`; rejections use `${ticketId}:rejected:${requestId}` (no seq is consumed). */
  eventId: z.string(),
  ticketId: TicketId,
  /** Monotonic per ticket; 0 for `action_rejected`, which does not change the ticket. */
  seq: z.number().int().nonnegative(),
  type: TicketEventType,
  actor: Actor,
  at: Instant,
  requestId: z.string().optional(),
  /** A readable summary of what changed, for the audit trail: not the document's shape (live clients apply `changes`). */
  before: z.record(z.string(), z.unknown()).optional(),
  after: z.record(z.string(), z.unknown()).optional(),
  note: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** The knowledge-base entry (and version) an accepted action used: what usage counts are counted from. */
  knowledge: KnowledgeRef.optional(),
  /** On the last event of a write only: what the write changed (see TicketChanges). */
  changes: TicketChanges.optional(),
});
export type TicketEvent = z.infer<typeof TicketEvent>;
