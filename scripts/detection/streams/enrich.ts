/**
 * Stream posts → enriched mentions through the real analysis (segmentation, sentiment,
 * categories, entities, risk cues), as the processor would score them. Each brand is a watch
 * and a source of its own; the watch id is also put in meta.brand, the only brand hook the
 * detector had before watches existed.
 */
import { mentionId, type EnrichedMention } from '@vigil/contracts';
import { createAnalyzer, type AnalyzeResult } from '../../../libs/analysis/src';
import type { StreamPost } from './scenarios';

const analyzer = createAnalyzer();
const cache = new Map<string, AnalyzeResult>();

export function sourceOf(scenario: string, watch: string): string {
  return `eval:${scenario}:${watch}`;
}

export function enrich(scenario: string, posts: readonly StreamPost[]): EnrichedMention[] {
  return posts.map((p) => {
    const key = `${p.title ?? ''}\u0000${p.text}\u0000${p.rating ?? ''}`;
    let r = cache.get(key);
    if (!r) {
      r = analyzer.analyze({ text: p.text, title: p.title, rating: p.rating });
      if (cache.size > 200_000) cache.clear();
      cache.set(key, r);
    }
    const iso = new Date(p.at).toISOString();
    const sourceId = sourceOf(scenario, p.watch);
    return {
      id: mentionId(sourceId, p.ext),
      sourceId,
      sourceType: 'replay',
      channel: p.channel,
      externalId: p.ext,
      author: { id: p.author },
      ...(p.title !== undefined ? { title: r.maskedTitle ?? p.title } : {}),
      text: r.maskedText,
      truncated: false,
      publishedAt: iso,
      fetchedAt: iso,
      ...(p.rating !== undefined ? { rating: p.rating } : {}),
      meta: { brand: p.watch },
      processedAt: iso,
      analysis: r.analysis,
      watches: [{ id: p.watch, rule: p.watch, competitor: false }],
    };
  });
}
