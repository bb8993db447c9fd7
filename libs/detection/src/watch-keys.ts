import { IMPLICIT_WATCH_ID, type EnrichedMention } from '@vigil/contracts';

export interface MentionWatches {
  /** Own (non-competitor) watches the mention counts for: baselines, clusters, signals. */
  own: string[];
  /** Rule texts of those watches, as the processor recorded them (the brand's own words). */
  rules: string[];
}

const NONE: MentionWatches = { own: [], rules: [] };
const IMPLICIT: MentionWatches = { own: [IMPLICIT_WATCH_ID], rules: [] };

/**
 * Which watches a mention counts for. `watches` absent: no watch configuration, so the one
 * implicit watch `_all` — unless the post names its watch in `meta.watch` (a replayed file with a
 * brand column). `watches: []`: it matched none, kept for search, never alarms. A competitor's
 * watch never alarms either: only the mention's own watches count.
 */
export function watchesOf(m: EnrichedMention): MentionWatches {
  const ws = m.watches;
  if (ws === undefined) {
    const named = m.meta?.watch;
    return typeof named === 'string' && named ? { own: [named.slice(0, 128)], rules: [] } : IMPLICIT;
  }
  if (ws.length === 0) return NONE;
  const own: string[] = [];
  const rules: string[] = [];
  for (const w of ws) {
    if (w.competitor || own.includes(w.id)) continue;
    own.push(w.id);
    if (w.rule) rules.push(w.rule);
  }
  return own.length ? { own, rules } : NONE;
}

/**
 * The Kafka key that keeps a post's detection state together: the watch it is clustered under
 * (its first own watch, `_all` without a watch configuration), so a watch's clusters, bursts and
 * incidents live on one partition. A post that counts for no watch never alarms: its own id
 * spreads such posts over the partitions.
 */
export function detectionKey(m: EnrichedMention): string {
  return watchesOf(m).own[0] ?? m.id;
}

/**
 * Where a post counts on the partitions of mentions.by-watch (`partitionOf`: the partition of a
 * key) when its own watches live on several: on its home (the partition of `detectionKey`) it is
 * clustered, and counts for the volume of the watches living there; every other partition where
 * one of its own watches lives gets a copy (keyed by that watch) that counts for the volume of
 * those watches only. So each watch's burst keys, baseline and storm key live on one partition,
 * whichever watch a post is clustered under.
 */
export function copyKeys(m: EnrichedMention, partitionOf: (key: string) => number): string[] {
  const own = watchesOf(m).own;
  if (own.length < 2) return [];
  const taken = new Set([partitionOf(own[0]!)]);
  const keys: string[] = [];
  for (const w of own.slice(1)) {
    const p = partitionOf(w);
    if (taken.has(p)) continue;
    taken.add(p);
    keys.push(w);
  }
  return keys;
}

/** What a post on `partition` is there for: clustering (`home`) or a copy; and the own watches whose volume it counts there. */
export function routeAt(m: EnrichedMention, partition: number, partitionOf: (key: string) => number): { home: boolean; volumeWatches: string[] } {
  const own = watchesOf(m).own;
  if (!own.length) return { home: true, volumeWatches: [] };
  return { home: partitionOf(own[0]!) === partition, volumeWatches: own.filter((w) => partitionOf(w) === partition) };
}
