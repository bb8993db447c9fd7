import type { RiskCueKind, Severity, Signal } from '@vigil/contracts';
import type { BurstEvent } from './burst-detector';
import type { ClusterRecord } from './cluster-record';
import type { DetectionConfig } from './config';
import type { PostFeatures } from './features';
import type { GroupComplaint } from './group-complaint';
import { isoTime as iso } from './iso-time';
import { assessSeverity } from './severity';

const clampSentiment = (x: number) => Math.max(-1, Math.min(1, x));

/** Next size that earns a cluster_grew: the configured ladder, then every doubling. */
export function nextGrowthThreshold(grewAt: number, sizes: readonly number[]): number {
  for (const s of sizes) if (s > grewAt) return s;
  const last = sizes[sizes.length - 1] ?? 10;
  let t = last;
  while (t <= grewAt) t *= 2;
  return t;
}

export function clusterSeverity(c: ClusterRecord, cfg: DetectionConfig): Severity {
  const v = c.velocity();
  return assessSeverity(
    {
      size: c.size,
      distinctAuthors: c.distinctAuthors,
      velocityPerHour: v.perHour,
      reach: c.reachSum,
      maxMoney: c.maxMoney,
      cues: Object.keys(c.counts.riskCues) as RiskCueKind[],
      emotion: c.size ? c.emotionSum / c.size : 0,
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
  return {
    id: `${kind}:${c.id}:${discriminator}`,
    kind,
    key: c.id,
    clusterId: c.id,
    at: iso(at),
    label: d.label,
    severity,
    metrics: {
      size: d.size,
      distinctAuthors: d.distinctAuthors,
      velocityPerHour: d.velocityPerHour,
      reach: d.reach,
      maxMoney: d.maxMoney,
      meanSentiment: d.meanSentiment,
    },
    riskCues: d.riskCues,
    categories: d.categories,
    channels: d.channels,
    places: d.places,
    products: d.products,
    sampleMentionIds: d.sampleMentionIds,
    ...(group ? { groupComplaint: group } : {}),
  };
}

export function burstSignal(e: BurstEvent, cfg: DetectionConfig, label: string, clusterId?: string): Signal {
  const posts = e.posts;
  const windowMin = (e.windowEnd - e.windowStart) / 60_000;
  const authors = new Set(posts.map((p) => p.author)).size;
  const cues = [...new Set(posts.flatMap((p) => p.cues))].sort();
  const severity = assessSeverity(
    {
      size: e.observed,
      distinctAuthors: authors,
      velocityPerHour: (e.observed * 60) / windowMin,
      reach: posts.reduce((s, p) => s + p.reach, 0),
      maxMoney: posts.reduce((m, p) => Math.max(m, p.money), 0),
      cues,
      emotion: posts.length ? posts.reduce((s, p) => s + p.emotion, 0) / posts.length : 0,
      burstScore: e.kind === 'burst' ? e.score : 0,
    },
    cfg.severity,
  );
  const top = (xs: string[]) => [...new Set(xs)].slice(0, 10);
  return {
    id: `${e.kind}:${e.key}:${iso(e.episodeStart)}`,
    kind: e.kind,
    key: e.key,
    ...(clusterId ? { clusterId } : {}),
    at: iso(e.at),
    label,
    severity,
    metrics: {
      size: e.observed,
      distinctAuthors: authors,
      velocityPerHour: (e.observed * 60) / windowMin,
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
      score: Math.round(e.score * 100) / 100,
      observed: e.observed,
      baseline: Math.round(e.baseline * 100) / 100,
      windowStart: iso(e.windowStart),
      windowEnd: iso(e.windowEnd),
    },
  };
}

/** A single post whose cues alone warrant a look (media + regulator, safety, data leak…). */
export function riskFlagSignal(p: PostFeatures, cfg: DetectionConfig, label: string, clusterId?: string): Signal | undefined {
  const hit = cfg.signals.riskFlagCombos.find((combo) => combo.every((k) => p.cues.includes(k)));
  if (!hit) return undefined;
  const severity = assessSeverity(
    { size: 1, distinctAuthors: 1, velocityPerHour: 0, reach: p.reach, maxMoney: p.maxMoney, cues: p.cues, emotion: p.emotion },
    cfg.severity,
  );
  return {
    id: `risk_flag:mention:${p.id}`,
    kind: 'risk_flag',
    key: `mention:${p.id}`,
    ...(clusterId ? { clusterId } : {}),
    at: iso(p.at),
    label: `${hit.join('+')}: ${label}`,
    severity,
    metrics: { size: 1, distinctAuthors: 1, velocityPerHour: 0, reach: p.reach, maxMoney: p.maxMoney, meanSentiment: clampSentiment(p.sentiment) },
    riskCues: [...p.cues].sort(),
    categories: p.categories,
    channels: [p.channel],
    places: p.places,
    products: p.products,
    sampleMentionIds: [p.id],
  };
}
