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
  /**
   * The watch the signal is about (`_all` when mentions carry no watch configuration). A signal
   * never mixes watches: baselines, clusters and group complaints are kept per watch.
   */
  watchId: z.string().max(128).optional(),
  /** A cluster that flares again after it went quiet: the earlier cluster of the same issue. */
  previousClusterId: z.string().max(128).optional(),
  /** Event time: the time of the post that caused the signal. */
  at: z.iso.datetime({ offset: true }),
  /** A title a person understands at a glance: the most representative post shortened, or a key phrase, in the post's language. */
  label: z.string(),
  /** The heaviest terms behind it (brand names, cities and URL fragments left out). */
  terms: z.array(z.string()).max(20).optional(),
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
      /** What the authors share: a compound or site, a product, an order batch, an anchor (flight, line, store); never only a city. */
      concentration: z.array(z.object({ kind: z.enum(['place', 'product', 'order_batch', 'anchor', 'time', 'cue']), value: z.string() })),
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
      /** observed / expected over the window that fired. */
      ratio: z.number().nonnegative().optional(),
      /** How sure the detector is that the rise is real: 1 − p under the key's learnt baseline (with its overdispersion). */
      confidence: z.number().min(0).max(1).optional(),
    })
    .optional(),
});
export type Signal = z.infer<typeof Signal>;
