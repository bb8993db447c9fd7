import { POST_TEXT_CAP, type EnrichedMention, type PostFacts, type RiskCueKind, type Severity, type Signal } from '@vigil/contracts';
import type { VolumeEvent } from './volume-monitor';
import type { ClusterRecord } from './cluster-record';
import type { DetectionConfig } from './config';
import type { PostFeatures } from './features';
import type { GroupComplaint } from './group-complaint';
import { isoTime as iso } from './iso-time';
import { poissonTailScore } from './poisson';
import { assessSeverity } from './severity';

const HOUR_MS = 3_600_000;

const clampSentiment = (x: number) => Math.max(-1, Math.min(1, x));

/** Next size that earns a cluster_grew: the configured ladder, then every doubling. */
export function nextGrowthThreshold(grewAt: number, sizes: readonly number[]): number {
  for (const s of sizes) if (s > grewAt) return s;
  const last = sizes[sizes.length - 1] ?? 10;
  let t = last;
  while (t <= grewAt) t *= 2;
  return t;
}

/** A theme's usual share of its watch's posts in an hour, before anything is known of the theme itself. */
const THEME_SHARE = 0.05;

/**
 * How surprising a cluster's last hour is: against its own pace in the three hours before (a
 * recurring theme is no news), and never below a twentieth of what its watch gets in an hour (on
 * a busy brand ten posts on one everyday theme are chance; on a quiet one they are not).
 */
export function clusterBurstScore(c: ClusterRecord, now: number, watchPerHour: number): number {
  const lastHour = c.recent(now, 1).posts;
  const before = c.recent(now - HOUR_MS, 3).posts;
  return poissonTailScore(lastHour, Math.max(0.5, before / 3, THEME_SHARE * watchPerHour));
}

/**
 * A cluster's severity speaks for the incident as it is now: its posts and authors of the last
 * severityHours, its posts of the last hour and how surprising they are (clusterBurstScore), not
 * what a theme gathered over days; cues count when enough posts share them (one post's cue is that
 * post's risk flag).
 */
export function clusterSeverity(c: ClusterRecord, cfg: DetectionConfig, now = c.lastSeen, watchPerHour?: number): Severity {
  const r = c.recent(now, cfg.clustering.severityHours);
  return assessSeverity(
    {
      size: r.posts,
      distinctAuthors: r.authors,
      velocityPerHour: c.recent(now, 1).posts,
      reach: c.reachSum,
      maxMoney: c.maxMoney,
      cues: c.sharedCues(),
      emotion: c.size ? c.emotionSum / c.size : 0,
      ...(watchPerHour !== undefined ? { burstScore: clusterBurstScore(c, now, watchPerHour) } : {}),
    },
    cfg.severity,
  );
}

/** Ids are `${kind}:${key}:${discriminator}`: the same event always gets the same id. */
export function clusterSignal(
  kind: 'cluster_new' | 'cluster_grew' | 'group_complaint',
  c: ClusterRecord,
  discriminator: string,
  at: number,
  severity: Severity,
  group?: GroupComplaint,
): Signal {
  const d = c.summary();
  const s: Signal = {
    id: `${kind}:${c.id}:${discriminator}`,
    kind,
    key: c.id,
    clusterId: c.id,
    watchId: c.watchId,
    at: iso(at),
    label: d.title || d.label,
    terms: d.topTerms,
    severity,
    metrics: {
      size: d.size,
      distinctAuthors: d.distinctAuthors,
      velocityPerHour: d.velocityPerHour,
      reach: d.reach,
      maxMoney: d.maxMoney,
      meanSentiment: d.meanSentiment,
    },
    riskCues: c.sharedCues(),
    categories: d.categories,
    channels: d.channels,
    places: d.places,
    products: d.products,
    sampleMentionIds: d.sampleMentionIds,
    ...(group ? { groupComplaint: group } : {}),
  };
  if (c.previousClusterId) s.previousClusterId = c.previousClusterId;
  return s;
}

export function burstSignal(e: VolumeEvent, cfg: DetectionConfig, label: string, clusterId?: string, terms?: string[]): Signal {
  const posts = e.posts;
  const windowMin = e.test.minutes;
  const windowEnd = e.at;
  const windowStart = e.at - windowMin * 60_000;
  const authors = new Set(posts.map((p) => p.author)).size;
  const cues = [...new Set(posts.flatMap((p) => p.cues))].sort();
  const severity = assessSeverity(
    {
      size: e.test.observed,
      distinctAuthors: authors,
      velocityPerHour: (e.test.observed * 60) / windowMin,
      reach: posts.reduce((s, p) => s + p.reach, 0),
      maxMoney: posts.reduce((m, p) => Math.max(m, p.money), 0),
      cues,
      emotion: posts.length ? posts.reduce((s, p) => s + p.emotion, 0) / posts.length : 0,
      burstScore: e.kind === 'burst' ? e.test.score : 0,
    },
    cfg.severity,
  );
  const top = (xs: string[]) => [...new Set(xs)].slice(0, 10);
  return {
    id: `${e.kind}:${e.key}:${iso(e.episodeStart)}`,
    kind: e.kind,
    key: e.key,
    ...(clusterId ? { clusterId } : {}),
    watchId: e.watchId,
    at: iso(e.at),
    label,
    ...(terms?.length ? { terms } : {}),
    severity,
    metrics: {
      size: e.test.observed,
      distinctAuthors: authors,
      velocityPerHour: (e.test.observed * 60) / windowMin,
      reach: posts.reduce((s, p) => s + p.reach, 0),
      maxMoney: posts.reduce((m, p) => Math.max(m, p.money), 0),
      ...(posts.length ? { meanSentiment: clampSentiment(posts.reduce((s, p) => s + p.sentiment, 0) / posts.length) } : {}),
    },
    riskCues: cues,
    categories: top(posts.flatMap((p) => p.categories)),
    channels: top(posts.map((p) => p.channel)),
    places: top(posts.flatMap((p) => p.places)),
    products: top(posts.flatMap((p) => p.products)),
    sampleMentionIds: posts.slice(-10).map((p) => p.id),
    burst: {
      dimension: e.dim,
      value: e.value,
      score: Math.round(e.test.score * 100) / 100,
      observed: e.test.observed,
      baseline: Math.round(e.test.expected * 100) / 100,
      windowStart: iso(windowStart),
      windowEnd: iso(windowEnd),
      ratio: Math.round(Math.min(e.test.ratio, 1e6) * 100) / 100,
      confidence: Math.round(e.confidence * 10_000) / 10_000,
    },
  };
}

/**
 * A single complaint the plan may want a ticket for on its own: any pushed complaint (intake
 * channels), or a complaint with a cue the plan's single-post triggers read or money at stake.
 * The plan decides; this only keeps ordinary posts off the signals topic.
 */
export function singlePostWorthy(m: EnrichedMention, cues: readonly RiskCueKind[], complaint: boolean, cfg: DetectionConfig): boolean {
  const sp = cfg.signals.singlePost;
  if (sp.channels.includes(m.channel)) return true;
  if (!complaint) return false;
  if (cues.some((k) => sp.cues.includes(k))) return true;
  return m.analysis.entities.money.some((x) => Math.abs(x.amount) >= sp.minMoney);
}

/**
 * A single post flagged by a cue combination or handed to the plan as a single complaint (see
 * singlePostWorthy). `p.cues` are the cues severity may count (the sure ones); the signal lists
 * every reported cue and the post carries each one's confidence for the plan's minCueConfidence.
 */
export function riskFlagSignal(p: PostFeatures, m: EnrichedMention, cfg: DetectionConfig, label: string, clusterId?: string): Signal {
  const severity = assessSeverity(
    { size: 1, distinctAuthors: 1, velocityPerHour: 0, reach: p.reach, maxMoney: p.maxMoney, cues: p.cues, emotion: p.emotion },
    cfg.severity,
  );
  return {
    id: `risk_flag:mention:${p.id}`,
    kind: 'risk_flag',
    key: `mention:${p.id}`,
    ...(clusterId ? { clusterId } : {}),
    watchId: p.watchId,
    at: iso(p.at),
    label,
    severity,
    metrics: { size: 1, distinctAuthors: 1, velocityPerHour: 0, reach: p.reach, maxMoney: p.maxMoney, meanSentiment: clampSentiment(p.sentiment) },
    // Every cue the analysis reported (post.cues say how sure it is of each); severity counts the sure ones only.
    riskCues: [...new Set(m.analysis.riskCues.map((c) => c.kind))].sort(),
    categories: p.categories,
    channels: [p.channel],
    places: p.places,
    products: p.products,
    sampleMentionIds: [p.id],
    post: postFacts(m),
  };
}

/** The post itself, for the responder's complaint record (text already masked by the processor). */
function postFacts(m: EnrichedMention): PostFacts {
  const a = m.analysis;
  const cap = <T>(xs: readonly T[], n = 20) => xs.slice(0, n);
  return {
    mentionId: m.id,
    sourceId: m.sourceId,
    sourceType: m.sourceType,
    channel: m.channel,
    publishedAt: m.publishedAt,
    ...(m.url && { url: m.url }),
    ...(m.author && { author: { id: m.author.id, name: m.author.name } }),
    ...(m.title && { title: m.title }),
    text: m.text.slice(0, POST_TEXT_CAP),
    language: a.language,
    ...(m.rating !== undefined && { rating: m.rating }),
    sentiment: a.sentiment.score,
    emotion: { level: a.emotion.level, intensity: a.emotion.intensity },
    orderIds: cap(a.entities.orderIds),
    money: cap(a.entities.money.map((x) => ({ amount: x.amount, currency: x.currency }))),
    products: cap(a.entities.products),
    places: cap(a.entities.places.map((x) => x.name)),
    cues: cap(a.riskCues.map((c) => ({ kind: c.kind, evidence: c.evidence.slice(0, 200), ...(c.confidence !== undefined && { confidence: c.confidence }) }))),
    ...(m.contact && { contact: m.contact }),
    ...(m.attachments?.length && { attachments: m.attachments }),
  };
}
