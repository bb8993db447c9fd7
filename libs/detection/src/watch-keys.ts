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
