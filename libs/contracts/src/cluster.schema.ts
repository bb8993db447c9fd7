import { z } from 'zod';
import { RiskCueKind } from './analysis.schema';
import { SeverityLevel } from './severity';
import { Severity } from './signal.schema';

/**
 * What the detector needs to carry a cluster across a restart. Persisted with the
 * document so the detector can be rebuilt from Elasticsearch alone.
 */
export const ClusterState = z.object({
  /** Schema version of this state, so an old document can be rebuilt or dropped deliberately. */
  version: z.literal(1),
  /** MinHash signatures of a few representative posts (first, then most recent). */
  signatures: z.array(z.array(z.number().int().nonnegative())),
  /** Centroid term weights (bounded: top terms only). */
  terms: z.record(z.string(), z.number()),
  /** Hashes of distinct authors (bounded; distinctAuthors keeps counting past the cap). */
  authorHashes: z.array(z.number().int().nonnegative()),
  /** Frequency counts behind channels/places/products/categories/order batches/cues (bounded). */
  counts: z.object({
    channels: z.record(z.string(), z.number().int()),
    places: z.record(z.string(), z.number().int()),
    products: z.record(z.string(), z.number().int()),
    categories: z.record(z.string(), z.number().int()),
    orderBatches: z.record(z.string(), z.number().int()),
    riskCues: z.record(z.string(), z.number().int()),
    /** Flights, routes, stores or branches named in the posts (libs/detection anchors.ts). */
    anchors: z.record(z.string(), z.number().int()).optional(),
  }),
  /** Event times (epoch ms) of the most recent posts, for velocity, growth and time concentration. */
  recentTimes: z.array(z.number()),
  /** Author hash of each entry of recentTimes (same order): distinct authors of the last hours. */
  recentAuthors: z.array(z.number().int().nonnegative()).optional(),
  /** A few representative posts, shortened, for the title: text, language, and their heaviest term keys. */
  snippets: z.array(z.object({ text: z.string().max(400), language: z.string().max(8), keys: z.array(z.number().int()) })).max(8).optional(),
  sentimentSum: z.number(),
  emotionSum: z.number(),
  reachSum: z.number().nonnegative(),
  maxMoney: z.number().nonnegative(),
  /** Posts that are near-copies of another post of the cluster. */
  nearDuplicates: z.number().int().nonnegative(),
  /** Posts from new or low-follower accounts. */
  suspiciousAccounts: z.number().int().nonnegative(),
  /** Posts that are both: the coordination evidence. */
  coordinatedPosts: z.number().int().nonnegative(),
  /** Event times (epoch ms) of the first and last coordinated post. */
  coordinatedFirst: z.number().optional(),
  coordinatedLast: z.number().optional(),
  /** What was signalled already, so a restart never signals the same event twice. */
  signalled: z.object({
    newAt: z.number().int().nonnegative(),
    grewAt: z.number().int().nonnegative(),
    group: z.object({ nature: z.enum(['organic', 'coordinated']), level: SeverityLevel }).optional(),
  }),
});
export type ClusterState = z.infer<typeof ClusterState>;

/** A complaint cluster as the detector persists it (index `clusters`, id = `id`). */
export const ClusterDoc = z.object({
  /** Deterministic from the first post's mention id: a replay gives the same id. */
  id: z.string().min(1).max(128),
  /** The watch the cluster belongs to (`_all` without watch configuration); a cluster never mixes watches. */
  watchId: z.string().max(128).optional(),
  /** Readable title: the most representative post, shortened, in its language. */
  title: z.string().max(200).optional(),
  /** Top terms joined (kept for older readers); `title` is what people read. */
  label: z.string(),
  topTerms: z.array(z.string()),
  language: z.string().optional(),
  firstSeen: z.iso.datetime({ offset: true }),
  lastSeen: z.iso.datetime({ offset: true }),
  size: z.number().int().nonnegative(),
  distinctAuthors: z.number().int().nonnegative(),
  channels: z.array(z.string()),
  places: z.array(z.string()),
  products: z.array(z.string()),
  categories: z.array(z.string()),
  orderBatches: z.array(z.string()),
  riskCues: z.array(RiskCueKind),
  meanSentiment: z.number().min(-1).max(1),
  meanEmotionIntensity: z.number().min(0).max(1),
  reach: z.number().nonnegative(),
  maxMoney: z.number().nonnegative(),
  sampleMentionIds: z.array(z.string()),
  /** Posts in the hour up to lastSeen. */
  velocityPerHour: z.number().nonnegative(),
  /** Posts in the last hour over posts in the hour before (1 = flat). */
  growth: z.number().nonnegative(),
  /** Set when this cluster converged with another and lives on under that id. */
  mergedInto: z.string().optional(),
  /** The earlier cluster of the same issue in the same watch, when this one is a later flare of it. */
  previousClusterId: z.string().max(128).optional(),
  /**
   * active: taking posts. closed: quiet long enough (or old enough) to be one finished incident;
   * a later post on the same issue opens a new cluster linked to it. merged, evicted: as before.
   */
  status: z.enum(['active', 'closed', 'merged', 'evicted']),
  closedAt: z.iso.datetime({ offset: true }).optional(),
  /**
   * The cluster's severity as of lastSeen, by the same rules as its signals (no burst factor).
   * Optional: documents written before it existed stay valid.
   */
  severity: Severity.optional(),
  state: ClusterState,
});
export type ClusterDoc = z.infer<typeof ClusterDoc>;

/** A cluster as people see it: the detector's carry-over `state` left out. */
export type ClusterView = Omit<ClusterDoc, 'state'>;
/** One cluster with the event times of its most recent posts (for the growth chart). */
export type ClusterDetail = ClusterView & { recentTimes: number[] };
