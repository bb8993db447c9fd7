/**
 * The reference a crisis team could set up in an afternoon: an ElastAlert2 `spike` rule per brand
 * (query_key = the watch), on the brand's negative posts. It compares the posts of the last
 * `timeframe` with the `timeframe` before it and alerts when cur >= spike_height × ref, with
 * threshold_cur / threshold_ref as minimums, alert_on_new_data false (no alert until a key has a
 * full reference window) and realert per key. Run in the same process as Vigil, on the same posts.
 */
import type { EnrichedMention, Signal } from '@vigil/contracts';
import { isoTime } from '../../../libs/detection/src/iso-time';

export interface SpikeRule {
  timeframeMinutes: number;
  spikeHeight: number;
  thresholdCur: number;
  thresholdRef: number;
  realertMinutes: number;
}

export const SPIKE_RULE: SpikeRule = { timeframeMinutes: 60, spikeHeight: 2, thresholdCur: 10, thresholdRef: 5, realertMinutes: 60 };

interface KeyState { times: number[]; ids: string[]; first: number; lastAlert: number }

export function runSpikeRule(stream: readonly EnrichedMention[], rule: SpikeRule = SPIKE_RULE): Signal[] {
  const tf = rule.timeframeMinutes * 60_000;
  const keys = new Map<string, KeyState>();
  const out: Signal[] = [];
  for (const m of stream) {
    if (m.analysis.sentiment.label !== 'negative') continue;
    const at = Date.parse(m.publishedAt);
    for (const w of m.watches ?? [{ id: '_all' }]) {
      let st = keys.get(w.id);
      if (!st) keys.set(w.id, (st = { times: [], ids: [], first: at, lastAlert: -Infinity }));
      st.times.push(at);
      st.ids.push(m.id);
      let drop = 0;
      while (drop < st.times.length && st.times[drop]! <= at - 2 * tf) drop++;
      if (drop) {
        st.times.splice(0, drop);
        st.ids.splice(0, drop);
      }
      if (at - st.first < 2 * tf) continue;
      let cur = 0;
      for (const t of st.times) if (t > at - tf) cur++;
      const ref = st.times.length - cur;
      if (cur < rule.thresholdCur || ref < rule.thresholdRef || cur < rule.spikeHeight * ref) continue;
      if (at - st.lastAlert < rule.realertMinutes * 60_000) continue;
      st.lastAlert = at;
      const sample = st.ids.slice(-10);
      out.push({
        id: `spike:${w.id}:${isoTime(at)}`,
        kind: 'burst',
        key: `spike:${w.id}`,
        at: isoTime(at),
        label: `spike: ${w.id} ${cur} negative posts in the last hour vs ${ref} the hour before`,
        severity: { level: 'important', score: 40, factors: [] },
        metrics: { size: cur, distinctAuthors: cur, velocityPerHour: cur, reach: 0 },
        riskCues: [], categories: [], channels: [], places: [], products: [],
        sampleMentionIds: sample,
        burst: { dimension: 'watch', value: w.id, score: 0, observed: cur, baseline: ref, windowStart: isoTime(at - tf), windowEnd: isoTime(at) },
      });
    }
  }
  return out;
}
