/**
 * The analysts' queries as main had them before the issue #19 query work (4b5d63e): the same
 * requests, sent the same way, so `bench:query` times the old form beside the new one in one
 * process (HELPERS rule 4). Only the requests matter here; the answers are not shaped for the api.
 * Delete this file when nobody needs the comparison any more.
 */
import type { estypes } from '@elastic/elasticsearch';
import { NO_WATCH_FILTER, type MentionAnalyticsFilter } from '@vigil/contracts';
import { mentionFilter, previousPeriod, TicketAnalyticsReader, type SearchClient } from '@vigil/search';
import { mentionQuery } from '../apps/api/src/mentions/mention-query';
import type { MentionSearchQuery } from '../apps/api/src/mentions/mention-search.dto';

type Bucket = { key: string | number; doc_count: number } & Record<string, unknown>;
const bucketsOf = (a: unknown): Bucket[] => ((a as { buckets?: Bucket[] } | undefined)?.buckets ?? []);
const NEGATIVE: estypes.QueryDslQueryContainer = { term: { 'analysis.sentiment.label': 'negative' } };

/** MentionsRepository.search before: every aggregation in one request, hot words over every match, no request cache asked for. */
export function oldSearch(client: SearchClient, q: MentionSearchQuery): Promise<unknown> {
  const sort: estypes.Sort = q.sort === 'relevance' && q.q ? ['_score', { publishedAt: 'desc' }] : [{ publishedAt: q.sort === 'oldest' ? 'asc' : 'desc' }, { id: 'asc' }];
  return client.es.search({
    ignore_unavailable: true,
    allow_no_indices: true,
    index: client.names.mentions,
    from: (q.page - 1) * q.size,
    size: q.size,
    track_total_hits: true,
    query: mentionQuery(q, true),
    sort,
    highlight: q.q ? { fields: { text: { number_of_fragments: 2, fragment_size: 160 }, title: {} }, encoder: 'html' } : undefined,
    aggs: {
      perDay: { date_histogram: { field: 'publishedAt', calendar_interval: 'day', time_zone: q.tz, min_doc_count: 1 } },
      perSource: { terms: { field: 'sourceId', size: 50 } },
      perSentiment: { terms: { field: 'analysis.sentiment.label', size: 5 } },
      perLanguage: { terms: { field: 'analysis.language', size: 10 } },
      timeline: {
        date_histogram: { field: 'publishedAt', calendar_interval: q.interval, time_zone: q.tz, min_doc_count: 1 },
        aggs: { bySentiment: { terms: { field: 'analysis.sentiment.label', size: 3 } } },
      },
      perChannel: { terms: { field: 'channel', size: 20 } },
      perCategory: { terms: { field: 'analysis.categories.id', size: 20 } },
      perWatch: { terms: { field: 'watches.id', size: 100, missing: NO_WATCH_FILTER } },
      topTerms: { terms: { field: 'analysis.tokens', size: 30 } },
      topPlaces: { terms: { field: 'analysis.entities.places.name', size: 20 } },
    },
  });
}

/** MentionAnalyticsReader.overview before: hot words and the per-language common words over every post, then the period before. */
export async function oldOverview(client: SearchClient, f: MentionAnalyticsFilter): Promise<unknown> {
  const index = client.names.mentions;
  const res = await client.es.search({
    ignore_unavailable: true,
    allow_no_indices: true,
    index,
    size: 0,
    track_total_hits: true,
    query: { bool: { filter: mentionFilter(f, f) } },
    aggs: {
      negative: {
        filter: NEGATIVE,
        aggs: {
          places: { terms: { field: 'analysis.entities.places.name', size: 100 } },
          words: { terms: { field: 'analysis.tokens', size: 60 } },
        },
      },
      common: { terms: { field: 'analysis.language', size: 5 }, aggs: { words: { terms: { field: 'analysis.tokens', size: 10 } } } },
      watches: {
        terms: { field: 'watches.id', size: 20 },
        aggs: { sentiment: { terms: { field: 'analysis.sentiment.label', size: 3 } }, sample: { top_hits: { size: 1, _source: { includes: ['watches'] } } } },
      },
    },
  });
  const a = res.aggregations as Record<string, Bucket> | undefined;
  const words = bucketsOf(a?.negative?.words).slice(0, 30).map((b) => String(b.key));
  if (!words.length) return res;
  return client.es.search({
    ignore_unavailable: true,
    allow_no_indices: true,
    index,
    size: 0,
    query: { bool: { filter: [...mentionFilter(f, previousPeriod(f)), NEGATIVE] } },
    aggs: { words: { terms: { field: 'analysis.tokens', size: words.length, include: words } } },
  });
}

/**
 * TicketAnalyticsReader before: the same aggregations over every ticket (the search was not narrowed
 * to the tickets of the two periods and the backlog, `kpiScope`). The reader now puts that scope last
 * in the search's filters; this one sends its searches without it.
 */
export function oldTicketReader(client: SearchClient): TicketAnalyticsReader {
  const es = new Proxy(client.es, {
    get(target, key, receiver) {
      if (key !== 'search') return Reflect.get(target, key, receiver) as unknown;
      return (req: estypes.SearchRequest) => {
        const filter = req.query?.bool?.filter;
        return target.search(Array.isArray(filter) ? { ...req, query: { bool: { ...req.query!.bool, filter: filter.slice(0, -1) } } } : req);
      };
    },
  });
  return new TicketAnalyticsReader(Object.create(client, { es: { value: es } }) as SearchClient);
}
