import { Inject, Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import type { EnrichedMention, HotWord, MentionAnalyticsFilter, MentionOverview, PlaceCount, TermSample, VoiceShare } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { mentionsIndex } from '../indices/mentions.index';
import { TOLERATE_MISSING } from '../indices/stored-index';
import { previousPeriod } from './ticket-kpis';
import { countPosts, countsOf, readCounts, sampled, sampleProbability, TERM_SAMPLE_POSTS } from './hot-terms';

type Q = estypes.QueryDslQueryContainer;
type Bucket = { key: string | number; doc_count: number } & Record<string, unknown>;
const bucketsOf = (a: unknown): Bucket[] => ((a as { buckets?: Bucket[] } | undefined)?.buckets ?? []);

const HOT_WORDS = 30;
const PLACES = 100;
const WATCHES = 20;
/** A word in more than this share of the period's posts in its language names the brand, not the complaint. */
export const UBIQUITOUS_SHARE = 0.5;
/** Too few posts in a language say nothing about which words are everywhere. */
const MIN_LANGUAGE_POSTS = 4;
const NEGATIVE: Q = { term: { 'analysis.sentiment.label': 'negative' } };

/** The filters of a mention figure; the period is by `publishedAt`. */
export function mentionFilter(f: Omit<MentionAnalyticsFilter, 'from' | 'to'>, period: { from: string; to: string }): Q[] {
  const out: Q[] = [{ range: { publishedAt: { gte: period.from, lt: period.to } } }];
  if (f.watch.length) out.push({ terms: { 'watches.id': f.watch } });
  if (f.category.length) out.push({ terms: { 'analysis.categories.id': f.category } });
  if (f.channel.length) out.push({ terms: { channel: f.channel } });
  return out;
}

/**
 * Figures over posts (issue #17): where complaints come from, the words they use, and each
 * watch's share of voice with its sentiment. Plain aggregations on keyword fields; the period's
 * figures in one search, and beside it the hot words: the posts counted, the words (from a random
 * sample over many posts), their counts in the period before (sampled alike). Places come as found;
 * `rollUpPlaces` of @vigil/analysis groups them by province and country.
 */
@Injectable()
export class MentionAnalyticsReader {
  constructor(@Inject(SEARCH_CLIENT) private readonly search: SearchClient) {}

  private get index(): string {
    return mentionsIndex.name(this.search.options.indexPrefix);
  }

  /** `samplePosts`: how many posts the hot words are read from at most (TERM_SAMPLE_POSTS; tests set fewer). */
  async overview(f: MentionAnalyticsFilter, samplePosts = TERM_SAMPLE_POSTS): Promise<Omit<MentionOverview, 'regions'>> {
    const period = { from: f.from, to: f.to };
    // The hot words need the counts first (to size the sample): a cheap request, sent beside the main one.
    const words = countPosts(this.search, this.index, { bool: { filter: mentionFilter(f, period) } }).then((c) => this.hotWords(f, c.total, c.negative, samplePosts));
    const figures = this.search.es.search({
      ...TOLERATE_MISSING,
      index: this.index,
      size: 0,
      track_total_hits: true,
      request_cache: true,
      query: { bool: { filter: mentionFilter(f, period) } },
      aggs: {
        negative: { filter: NEGATIVE, aggs: { places: { terms: { field: 'analysis.entities.places.name', size: PLACES } } } },
        watches: {
          terms: { field: 'watches.id', size: WATCHES },
          aggs: { sentiment: { terms: { field: 'analysis.sentiment.label', size: 3 } }, sample: { top_hits: { size: 1, _source: { includes: ['watches'] } } } },
        },
      },
    });
    const [res, { hotWords, ubiquitous, sample }] = await Promise.all([figures, words]);
    const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
    const a = res.aggregations as Record<string, Bucket> | undefined;
    const negative = a?.negative?.doc_count ?? 0;
    const places: PlaceCount[] = bucketsOf(a?.negative?.places).map((b) => ({ name: String(b.key), count: b.doc_count }));
    return { filter: f, mentions: total, negative, places, hotWords, hotWordsSample: sample, ubiquitous, shareOfVoice: shares(bucketsOf(a?.watches)) };
  }

  /**
   * The hot words of the period's negative posts, less the words in most posts of their language,
   * with their count in the period of the same length before. Over many posts both periods are read
   * from random samples with the same probability (see `topTerms`), so the counts are estimates.
   */
  private async hotWords(f: MentionAnalyticsFilter, total: number, negative: number, samplePosts: number): Promise<{ hotWords: HotWord[]; ubiquitous: string[]; sample: TermSample }> {
    const probability = sampleProbability(negative, samplePosts);
    if (!total) return { hotWords: [], ubiquitous: [], sample: { probability: 1, posts: 0 } };
    const res = await this.search.es.search({
      ...TOLERATE_MISSING,
      index: this.index,
      size: 0,
      track_total_hits: false,
      request_cache: true,
      query: { bool: { filter: mentionFilter(f, f) } },
      aggs: {
        negative: sampled(probability, { n: { filter: NEGATIVE, aggs: { words: { terms: { field: 'analysis.tokens', size: HOT_WORDS * 2 } } } } }),
        // Per language: a brand is named in its own words in each language, each in most of that language's posts.
        common: sampled(sampleProbability(total, samplePosts), { lang: { terms: { field: 'analysis.language', size: 5 }, aggs: { words: { terms: { field: 'analysis.tokens', size: 10 } } } } }),
      },
    });
    const a = res.aggregations as Record<string, Bucket> | undefined;
    const n = a?.negative?.n as Bucket | undefined;
    // Counts under the sampler are scaled up by 1 / probability, the negative posts read too.
    const sample = { probability, posts: probability === 1 ? negative : Math.round((n?.doc_count ?? 0) * probability) };
    const ubiquitous = [
      ...new Set(
        bucketsOf(a?.common?.lang).flatMap((lang) =>
          bucketsOf(lang.words)
            .filter((w) => lang.doc_count >= MIN_LANGUAGE_POSTS && w.doc_count / lang.doc_count > UBIQUITOUS_SHARE)
            .map((w) => String(w.key)),
        ),
      ),
    ];
    const words = bucketsOf(n?.words)
      .map((b) => ({ term: String(b.key), count: b.doc_count }))
      .filter((w) => !ubiquitous.includes(w.term))
      .slice(0, HOT_WORDS);
    if (!words.length) return { hotWords: [], ubiquitous, sample };
    const before = await this.search.es.search({
      ...TOLERATE_MISSING,
      index: this.index,
      size: 0,
      track_total_hits: false,
      request_cache: true,
      query: { bool: { filter: [...mentionFilter(f, previousPeriod(f)), NEGATIVE] } },
      aggs: { s: sampled(probability, { words: countsOf('analysis.tokens', words.map((w) => w.term)) }) },
    });
    const counts = readCounts(((before.aggregations as Record<string, Bucket> | undefined)?.s as Bucket | undefined)?.words);
    return { hotWords: words.map((w) => ({ ...w, previous: counts.get(w.term) ?? 0 })), ubiquitous, sample };
  }
}

function shares(watches: Bucket[]): VoiceShare[] {
  const all = watches.reduce((s, b) => s + b.doc_count, 0);
  return watches.map((b) => {
    const id = String(b.key);
    const by = Object.fromEntries(bucketsOf(b.sentiment).map((s) => [String(s.key), s.doc_count]));
    const hit = (b.sample as { hits?: { hits?: { _source?: Pick<EnrichedMention, 'watches'> }[] } } | undefined)?.hits?.hits?.[0]?._source;
    const competitor = hit?.watches?.find((w) => w.id === id)?.competitor ?? false;
    return { watchId: id, competitor, total: b.doc_count, negative: by.negative ?? 0, neutral: by.neutral ?? 0, positive: by.positive ?? 0, share: all ? Math.round((b.doc_count / all) * 10_000) / 10_000 : null };
  });
}
