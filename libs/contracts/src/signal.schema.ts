import { z } from 'zod';
import { SeverityLevel } from './severity';
import { RiskCueKind } from './analysis.schema';
import { PostFacts } from './complaint.schema';

/** Owned by the detection issue (#4); read by the responder (#5). Key on `signals`: `key`. */
export const SignalKind = z.enum([
  'cluster_new',
  'cluster_grew',
  'burst',
  'burst_cooling',
  'group_complaint',
  'risk_flag',
]);
export type SignalKind = z.infer<typeof SignalKind>;

export const SeverityFactor = z.object({
  factor: z.enum(['reach', 'velocity', 'distinct_authors', 'money', 'risk_cue', 'emotion', 'volume', 'burst']),
  value: z.number(),
  contribution: z.number(),
  note: z.string(),
});
export type SeverityFactor = z.infer<typeof SeverityFactor>;

export const Severity = z.object({
  level: SeverityLevel,
  score: z.number().min(0).max(100),
  factors: z.array(SeverityFactor),
});
export type Severity = z.infer<typeof Severity>;

export const Signal = z.object({
  /** Idempotent: the same event seen again (replay, restart) gets the same id. */
  id: z.string().min(1).max(256),
  kind: SignalKind,
  /** The incident key a ticket is opened on: a cluster id or a rule key such as `burst:category:logistics`. */
  key: z.string().min(1).max(256),
  clusterId: z.string().optional(),
  /** Event time: the time of the post that caused the signal. */
  at: z.iso.datetime({ offset: true }),
  label: z.string(),
  severity: Severity,
  metrics: z.object({
    size: z.number().int().nonnegative(),
    distinctAuthors: z.number().int().nonnegative(),
    velocityPerHour: z.number().nonnegative(),
    reach: z.number().nonnegative(),
    maxMoney: z.number().nonnegative().optional(),
    meanSentiment: z.number().min(-1).max(1).optional(),
  }),
  riskCues: z.array(RiskCueKind),
  categories: z.array(z.string()),
  channels: z.array(z.string()),
  places: z.array(z.string()),
  products: z.array(z.string()),
  sampleMentionIds: z.array(z.string()),
  /** Single-post signals (`risk_flag`): the post itself, for a ticket of its own and its complaint record. */
  post: PostFacts.optional(),
  groupComplaint: z
    .object({
      nature: z.enum(['organic', 'coordinated']),
      concentration: z.array(z.object({ kind: z.enum(['place', 'product', 'order_batch', 'time', 'cue']), value: z.string() })),
      explanation: z.string(),
    })
    .optional(),
  burst: z
    .object({
      dimension: z.string(),
      value: z.string(),
      score: z.number(),
      observed: z.number(),
      baseline: z.number(),
      windowStart: z.iso.datetime({ offset: true }),
      windowEnd: z.iso.datetime({ offset: true }),
    })
    .optional(),
});
export type Signal = z.infer<typeof Signal>;
