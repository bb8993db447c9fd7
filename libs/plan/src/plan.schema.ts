import { z } from 'zod';
import { isTimeZone } from './business-hours';
import { AlertType, PlaybookStepId, RiskCueKind, SeverityLevel, SignalKind, SlaTarget } from '@vigil/contracts';

/**
 * The contingency plan a crisis team edits (YAML). Objects are strict so a typo in a
 * key is reported with its line instead of being silently ignored.
 */

const Id = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _');
const Minutes = z.number().positive();

// ---------------------------------------------------------------------------
// Conditions: a small declarative language, evaluated by triggers.ts (never eval'd).

export const NumberCondition = z
  .strictObject({ gt: z.number().optional(), gte: z.number().optional(), lt: z.number().optional(), lte: z.number().optional(), eq: z.number().optional() })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'give at least one of gt, gte, lt, lte, eq');
export type NumberCondition = z.infer<typeof NumberCondition>;

const setCondition = <T extends z.ZodType<string>>(item: T) =>
  z
    .strictObject({ any: z.array(item).optional(), all: z.array(item).optional(), none: z.array(item).optional() })
    .refine((c) => c.any || c.all || c.none, 'give at least one of any, all, none');
export type SetCondition = { any?: string[]; all?: string[]; none?: string[] };

export const LevelCondition = z.union([
  z.array(SeverityLevel),
  z.strictObject({ gte: SeverityLevel.optional(), lte: SeverityLevel.optional() }),
]);

export const FactorCondition = z.strictObject({ value: NumberCondition.optional(), contribution: NumberCondition.optional() });

const SignalConditionFields = {
  kind: z.array(SignalKind).optional(),
  level: LevelCondition.optional(),
  score: NumberCondition.optional(),
  factors: z
    .strictObject({
      reach: FactorCondition.optional(),
      velocity: FactorCondition.optional(),
      distinct_authors: FactorCondition.optional(),
      money: FactorCondition.optional(),
      risk_cue: FactorCondition.optional(),
      emotion: FactorCondition.optional(),
      volume: FactorCondition.optional(),
      burst: FactorCondition.optional(),
    })
    .optional(),
  riskCues: setCondition(RiskCueKind).optional(),
  size: NumberCondition.optional(),
  distinctAuthors: NumberCondition.optional(),
  velocityPerHour: NumberCondition.optional(),
  reach: NumberCondition.optional(),
  maxMoney: NumberCondition.optional(),
  /** true: the largest amount is above `authority.frontlineMoneyLimit`. */
  aboveFrontlineAuthority: z.boolean().optional(),
  channels: setCondition(z.string()).optional(),
  categories: setCondition(z.string()).optional(),
  places: setCondition(z.string()).optional(),
  products: setCondition(z.string()).optional(),
  /**
   * Earlier complaints of the same person (contact or author) or the same order, counted by the
   * responder for a single complaint (tickets and posts); never satisfied for incidents.
   */
  repeatComplaints: NumberCondition.optional(),
  /** true: the detector flagged a (possible) group complaint; a list: only these natures. */
  groupComplaint: z.union([z.boolean(), z.array(z.enum(['organic', 'coordinated']))]).optional(),
};

export type SignalCondition = {
  [K in keyof typeof SignalConditionFields]?: z.infer<(typeof SignalConditionFields)[K]>;
} & { anyOf?: SignalCondition[]; not?: SignalCondition };

export const SignalCondition: z.ZodType<SignalCondition> = z.lazy(() =>
  z.strictObject({
    ...SignalConditionFields,
    /** OR of nested conditions (all fields in one object are AND'ed). */
    anyOf: z.array(SignalCondition).min(1).optional(),
    not: SignalCondition.optional(),
  }),
) as z.ZodType<SignalCondition>;

// ---------------------------------------------------------------------------

export const Contact = z.strictObject({
  name: z.string().min(1),
  /** The person's Vigil user name: makes them a member of the role (assignment, approvals, contact view). */
  user: z.string().min(1).max(200).optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  chat: z.string().optional(),
  /** When this person is on duty, free text (the rota lives elsewhere). */
  hours: z.string().optional(),
});

export const Role = z.strictObject({
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  contacts: z.array(Contact).min(1),
  /** Channels (notifications.channels) that page this role's contacts. */
  channels: z.array(Id).default([]),
});
export type Role = z.infer<typeof Role>;

export const Team = z.strictObject({ name: z.string().min(1), roles: z.array(Id).min(1) });

export const LevelSpec = z.strictObject({
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  description: z.string().optional(),
  /** Roles told when a ticket opens at (or is raised to) this level. */
  notify: z.array(Id).default([]),
});

export const Trigger = z.strictObject({
  id: Id,
  description: z.string().optional(),
  when: SignalCondition,
  level: SeverityLevel,
  /** Skip the ladder: alert the roles below as soon as the ticket opens. */
  escalateImmediately: z.boolean().default(false),
  notify: z.array(Id).default([]),
  /** Tighter SLA targets in minutes for tickets this trigger matched. */
  sla: z.strictObject({ acknowledge: Minutes.optional(), firstResponse: Minutes.optional(), resolve: Minutes.optional() }).optional(),
});
export type Trigger = z.infer<typeof Trigger>;

const HHMM = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'expected HH:MM');
const DayHours = z.array(z.tuple([HHMM, HHMM]).refine(([a, b]) => a < b, 'a window must end after it starts'));
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;

export const Calendar = z
  .strictObject({
    timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone'),
    /** Local business windows per weekday; a missing day has none. */
    hours: z.partialRecord(Weekday, DayHours),
    holidays: z.array(IsoDate).default([]),
    /** Make-up working days (调休) on a weekend: they use Monday's hours. */
    extraWorkdays: z.array(IsoDate).default([]),
  })
  .refine((c) => Object.values(c.hours).some((d) => d && d.length > 0), 'the calendar needs at least one business window');
export type Calendar = z.infer<typeof Calendar>;

export const SlaTargetSpec = z.strictObject({
  minutes: Minutes,
  /** wall: 24×7 elapsed time; business: only the calendar's business hours count. */
  clock: z.enum(['wall', 'business']),
  /** Waiting on the customer stops this clock. */
  pausable: z.boolean().default(false),
});
export type SlaTargetSpec = z.infer<typeof SlaTargetSpec>;

export const LevelSla = z.strictObject({ acknowledge: SlaTargetSpec, firstResponse: SlaTargetSpec, resolve: SlaTargetSpec });

export const EscalationStep = z.strictObject({
  id: Id,
  description: z.string().optional(),
  /** Which milestone is missing: not acknowledged, no first public response, not resolved. */
  unless: z.enum(['acknowledged', 'responded', 'resolved']),
  afterMinutes: Minutes,
  clock: z.enum(['wall', 'business']).default('wall'),
  pausable: z.boolean().default(false),
  /** Only for tickets at these levels (all when absent). */
  levels: z.array(SeverityLevel).optional(),
  notify: z.array(Id).default([]),
  /** Raise to at least this level (never lowers). */
  raiseTo: SeverityLevel.optional(),
  /** Raise one level (capped at the highest). */
  raiseOneLevel: z.boolean().default(false),
});
export type EscalationStep = z.infer<typeof EscalationStep>;

export const PlaybookStep = z.strictObject({ id: PlaybookStepId, titleZh: z.string().min(1), titleEn: z.string().min(1), guidance: z.string().optional() });

export const HoldingStatement = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const Webhook = z.strictObject({
  id: Id,
  description: z.string().optional(),
  url: z.url(),
  method: z.enum(['POST', 'PUT']).default('POST'),
  headers: z.record(z.string(), z.string()).default({}),
  on: z.array(AlertType).min(1),
  minLevel: SeverityLevel.default('general'),
  /** JSON text with `{{ticket.id}}`-style placeholders; values are JSON-escaped. */
  body: z.string().min(2),
});
export type Webhook = z.infer<typeof Webhook>;

/**
 * A way to page people: a chat group's bot webhook (WeCom, DingTalk, Feishu/Lark, Slack — each
 * in its own message format, mentioning the role's contacts) or e-mail over SMTP (to the
 * contacts' addresses; the server comes from the responder's SMTP_* settings). Signing
 * secrets are configuration (NOTIFY_SECRETS), never in the plan.
 */
export const NotifyChannel = z.strictObject({
  id: Id,
  type: z.enum(['wecom', 'dingtalk', 'feishu', 'slack', 'email']),
  description: z.string().optional(),
  url: z.url().optional(),
  /** Alerts below this level do not use the channel. */
  minLevel: SeverityLevel.default('general'),
  /** Only these alert types (all that name roles when absent). */
  on: z.array(AlertType).optional(),
});
export type NotifyChannel = z.infer<typeof NotifyChannel>;

/** When a report is made (in the calendar's time zone) and who receives it. */
export const ReportSchedule = z.strictObject({
  enabled: z.boolean().default(true),
  /** Local time on the day it is due (see report-schedule.ts for which day). */
  at: HHMM.default('09:00'),
  /** Roles it goes to: their contacts' e-mail addresses, and named in the webhooks. */
  roles: z.array(Id).default([]),
});
export type ReportSchedule = z.infer<typeof ReportSchedule>;

export const ReportWebhook = z.strictObject({
  id: Id,
  description: z.string().optional(),
  url: z.url(),
  headers: z.record(z.string(), z.string()).default({}),
});

/** Reports (日报/周报/月报): made on the calendar's business days, archived, and sent to roles. */
export const ReportsSpec = z.strictObject({
  daily: ReportSchedule.prefault({ roles: [] }),
  weekly: ReportSchedule.prefault({ roles: [] }),
  monthly: ReportSchedule.prefault({ roles: [] }),
  languages: z.array(z.enum(['zh-CN', 'en'])).min(1).default(['zh-CN']),
  webhooks: z.array(ReportWebhook).default([]),
});
export type ReportsSpec = z.infer<typeof ReportsSpec>;

/** What happens to a ticket when a rule below fires: reopened (a new SLA cycle) or escalated (roles told, level raised one step). */
const RuleAction = z.enum(['reopen', 'escalate']);

/** 承诺反馈时间: a time promised to the customer, with its own clock. */
export const PromisesSpec = z.strictObject({
  /** Roles told when a promised time passes unmet (with the level's roles when it is raised). */
  notify: z.array(Id).default([]),
  /** Raise the ticket one level when a promise is missed. */
  raiseOneLevel: z.boolean().default(false),
  /** The furthest ahead an agent may promise, in hours (a mistyped date is refused). */
  maxHours: z.number().positive().max(24 * 90).default(24 * 14),
});
export type PromisesSpec = z.infer<typeof PromisesSpec>;

/** 回访: the follow-up after resolution, and what a bad follow-up or a repeat complaint does. */
export const FollowUpSpec = z.strictObject({
  /** Due at the end of this many working days (the calendar's) after the day of resolution: 1–3. */
  afterWorkingDays: z.number().int().min(1, 'a follow-up is due 1 to 3 working days after resolution').max(3, 'a follow-up is due 1 to 3 working days after resolution').default(1),
  /** Roles told when a follow-up is overdue. */
  notifyOverdue: z.array(Id).default([]),
  /** A satisfaction score at or below this (1–5) reopens or escalates the ticket. */
  lowSatisfaction: z
    .strictObject({ atOrBelow: z.number().int().min(1).max(5).default(2), action: RuleAction.default('reopen'), notify: z.array(Id).default([]) })
    .prefault({}),
  /** A new complaint of the same complainant within `withinDays` of an earlier ticket's resolution. */
  repeatComplaint: z
    .strictObject({ withinDays: z.number().positive().max(365).default(7), action: RuleAction.default('reopen'), notify: z.array(Id).default([]) })
    .prefault({}),
});
export type FollowUpSpec = z.infer<typeof FollowUpSpec>;

export const PiiKind = z.enum(['phone', 'id_card', 'email', 'order_id', 'name', 'address', 'bank_card', 'plate']);
export const PiiSurface = z.enum(['webhooks', 'alerts', 'tickets', 'dashboard', 'exports', 'logs']);

export const Plan = z.strictObject({
  version: z.literal(1),
  name: z.string().min(1),
  levels: z.strictObject({ general: LevelSpec, important: LevelSpec, urgent: LevelSpec, major: LevelSpec }),
  authority: z.strictObject({
    frontlineMoneyLimit: z.number().nonnegative(),
    /** Members of these roles approve remedies above the limit (and may propose them directly). */
    approverRoles: z.array(Id).default(['cs_lead']),
  }),
  opening: z.strictObject({
    /** Signals below this level (after triggers) do not open a ticket. */
    minLevel: SeverityLevel,
    /** Start from the detector's own severity level, then let triggers raise it. */
    useSignalSeverity: z.boolean().default(true),
    /** Kinds that never open a ticket (they still update an open one). */
    ignoreKinds: z.array(SignalKind).default([]),
    /**
     * Single complaints (one post, a `risk_flag` carrying its post): a ticket of their own only when
     * one of these triggers matches, counting only cues at least `minCueConfidence` sure. The level
     * starts at general and every matching trigger raises it; the detector's severity is not used.
     * Absent: single posts follow `minLevel` like any signal.
     */
    singlePost: z
      .strictObject({
        triggers: z.array(Id).min(1),
        minCueConfidence: z.number().min(0).max(1).default(0.6),
      })
      .optional(),
  }),
  reopen: z.strictObject({
    windowHours: Minutes,
    /** A flare at a level at least the resolved one reopens. */
    minLevel: z.enum(['previous', ...SeverityLevel.options]).default('previous'),
    /** Or these kinds with the cluster grown by this factor over the largest size seen. */
    growthKinds: z.array(SignalKind).default(['cluster_grew', 'burst', 'group_complaint']),
    growthFactor: z.number().min(1).default(1.5),
  }),
  triggers: z.array(Trigger),
  roles: z.record(Id, Role),
  teams: z.record(Id, Team).default({}),
  calendar: Calendar,
  sla: z.strictObject({
    /** Warn when this fraction of a target's time is used up. */
    warnAtFraction: z.number().gt(0).lt(1),
    levels: z.strictObject({ general: LevelSla, important: LevelSla, urgent: LevelSla, major: LevelSla }),
  }),
  escalation: z.array(EscalationStep),
  playbook: z.array(PlaybookStep).length(6),
  holdingStatements: z.strictObject({ general: HoldingStatement, important: HoldingStatement, urgent: HoldingStatement, major: HoldingStatement }),
  notifications: z.strictObject({ channels: z.array(NotifyChannel).default([]), webhooks: z.array(Webhook).default([]) }),
  privacy: z.strictObject({
    mask: z.array(PiiKind),
    maskIn: z.array(PiiSurface),
    unmaskRoles: z.array(Id).default([]),
    /** Members of these roles may open a complainant's sealed contact (every view is recorded). */
    contactRoles: z.array(Id).default([]),
    /** A ticket's assignees may open its complainant's contact too. */
    contactAssignees: z.boolean().default(true),
  }),
  reports: ReportsSpec.prefault({}),
  promises: PromisesSpec.prefault({}),
  followUp: FollowUpSpec.prefault({}),
});
export type Plan = z.infer<typeof Plan>;
export type PlanInput = z.input<typeof Plan>;

export const SLA_TARGETS = SlaTarget.options;

