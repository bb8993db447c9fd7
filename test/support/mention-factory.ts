import { mentionId, type EnrichedMention, type RiskCueKind, type WatchMatch } from '@vigil/contracts';
import type { SearchClient } from '@vigil/search';

/**
 * Enriched mentions for tests, evaluation and benchmarks, built without the analysis
 * library: a deliberately simple tokeniser (character bigrams for Chinese, words minus
 * stop words for English) stands in for its segmenter.
 */
const EN_STOP = new Set(
  'a an the and or but if of to in on at for with by from is are was were be been being it its this that these those i me my we our you your he she they them their his her not no so as do does did have has had will would can could just very than then there here what which who when where how all any some more most also about into out up down over again too only own same such get got'.split(' '),
);

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const run of text.toLowerCase().match(/[\u3400-\u9fff]+|[a-z0-9']+/g) ?? []) {
    if (/[\u3400-\u9fff]/.test(run)) {
      if (run.length === 1) out.push(run);
      for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    } else {
      const w = run.replace(/'/g, '');
      if (w.length > 1 && !EN_STOP.has(w) && !/^x+$/.test(w)) out.push(w);
    }
  }
  return out;
}

export interface MentionSpec {
  ext: string;
  text: string;
  at: string | number | Date;
  source?: string;
  author?: string;
  followers?: number;
  authorCreatedAt?: string | number | Date;
  sentiment?: number;
  categories?: string[];
  places?: Array<{ name: string; kind: 'province' | 'city' | 'district' | 'compound' | 'other' }>;
  products?: string[];
  orderIds?: string[];
  money?: number[];
  cues?: RiskCueKind[];
  emotion?: number;
  reach?: number;
  channel?: EnrichedMention['channel'];
  meta?: Record<string, string>;
  /** The watches the mention matched (absent = no watch configuration); a string is one own watch. */
  watches?: WatchMatch[] | string;
  title?: string;
}

const iso = (t: string | number | Date) => new Date(t).toISOString();

export function makeMention(s: MentionSpec): EnrichedMention {
  const source = s.source ?? 'test';
  const score = s.sentiment ?? -0.7;
  const zh = /[\u3400-\u9fff]/.test(s.text);
  return {
    id: mentionId(source, s.ext),
    sourceId: source,
    sourceType: 'replay',
    channel: s.channel ?? 'social',
    externalId: s.ext,
    ...(s.author !== undefined
      ? {
          author: {
            id: s.author,
            ...(s.followers !== undefined ? { followers: s.followers } : {}),
            ...(s.authorCreatedAt !== undefined ? { createdAt: iso(s.authorCreatedAt) } : {}),
          },
        }
      : {}),
    ...(s.title !== undefined ? { title: s.title } : {}),
    text: s.text,
    truncated: false,
    publishedAt: iso(s.at),
    fetchedAt: iso(s.at),
    ...(s.reach !== undefined ? { reach: s.reach } : {}),
    ...(s.meta ? { meta: s.meta } : {}),
    ...(s.watches !== undefined ? { watches: typeof s.watches === 'string' ? [{ id: s.watches, rule: '', competitor: false }] : s.watches } : {}),
    processedAt: iso(s.at),
    analysis: {
      language: zh ? 'zh' : 'en',
      tokens: tokenize(s.text),
      sentiment: { score, label: score < -0.2 ? 'negative' : score > 0.2 ? 'positive' : 'neutral', confidence: 0.9 },
      emotion: { level: (s.emotion ?? 0.5) > 0.7 ? 'angry' : (s.emotion ?? 0.5) > 0.4 ? 'agitated' : 'calm', intensity: s.emotion ?? 0.5 },
      categories: (s.categories ?? []).map((id) => ({ id, confidence: 0.9 })),
      entities: {
        orderIds: s.orderIds ?? [],
        money: (s.money ?? []).map((amount) => ({ amount, currency: 'CNY', text: String(amount) })),
        places: s.places ?? [],
        products: s.products ?? [],
        piiKinds: [],
      },
      riskCues: (s.cues ?? []).map((kind) => ({ kind, evidence: kind, start: 0, end: 1 })),
      riskScore: 50,
      riskReasons: [],
      emojis: [],
      truncated: false,
    },
  };
}

/**
 * An enriched mention as the indexer stores it, published now: a negative English post
 * about a refund from Shanghai. Tests override what they care about.
 */
export function mentionFactory(externalId: string, over: Partial<EnrichedMention> = {}, analysis: Partial<EnrichedMention['analysis']> = {}): EnrichedMention {
  const base = makeMention({ ext: externalId, source: 'test-source', text: 'FreshDash refund rejected again', at: Date.now(), categories: ['refund'], places: [{ name: 'Shanghai', kind: 'city' }] });
  const { author: _author, ...rest } = base;
  return {
    ...rest,
    sourceType: 'rss',
    author: { name: 'mike' },
    analysis: {
      ...base.analysis,
      emotion: { level: 'angry', intensity: 0.7 },
      categories: [{ id: 'refund', confidence: 0.8 }],
      riskScore: 40,
      ...analysis,
    },
    ...over,
  };
}

export async function seedMentions(search: SearchClient, mentions: EnrichedMention[]): Promise<void> {
  await search.ensureIndices();
  for (const m of mentions) await search.es.index({ index: search.names.mentionsFor(m.publishedAt), id: m.id, document: m });
  await search.es.indices.refresh({ index: search.names.mentions });
}
