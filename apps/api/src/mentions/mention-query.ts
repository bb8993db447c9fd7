import type { estypes } from '@elastic/elasticsearch';
import { NO_WATCH_FILTER } from '@vigil/contracts';
import type { MentionFilters } from './mention-search.dto';

/**
 * The Elasticsearch query for a search's filters. User text reaches Elasticsearch only
 * through match, match_phrase and term queries: no query_string syntax, so a user
 * cannot inject query operators. The words count towards a score only when `scored` (a search by
 * relevance): otherwise they are a filter too, which selects the same posts without scoring each
 * (a quarter less time for a month of posts at 1 M, issue #19).
 */
export function mentionQuery(q: MentionFilters, scored: boolean): estypes.QueryDslQueryContainer {
  const filter: estypes.QueryDslQueryContainer[] = [];
  if (q.from || q.to) filter.push({ range: { publishedAt: { gte: q.from, lte: q.to } } });
  const terms = (field: string, values: string[]) => values.length && filter.push({ terms: { [field]: values } });
  terms('analysis.language', q.language);
  terms('sourceId', q.sourceId);
  terms('channel', q.channel);
  terms('analysis.sentiment.label', q.sentiment);
  terms('analysis.categories.id', q.category);
  terms('analysis.entities.places.name', q.place);
  terms('analysis.riskCues.kind', q.riskCue);
  const byWatch = watchFilter(q.watch);
  if (byWatch) filter.push(byWatch);
  const must: estypes.QueryDslQueryContainer[] = q.q
    ? [
        {
          bool: {
            minimum_should_match: 1,
            should: [
              { match_phrase: { text: { query: q.q, boost: 2 } } },
              { match_phrase: { title: { query: q.q, boost: 2 } } },
              { match: { text: { query: q.q, operator: 'and' } } },
              { match: { title: { query: q.q, operator: 'and' } } },
              { term: { 'analysis.tokens': { value: q.q.toLowerCase(), boost: 3 } } },
            ],
          },
        },
      ]
    : [];
  return scored ? { bool: { filter, must } } : { bool: { filter: [...filter, ...must] } };
}

/** Mentions of any of these watches (deleted ones too); `_none`: mentions of no watch. */
export function watchFilter(watch: readonly string[]): estypes.QueryDslQueryContainer | undefined {
  if (!watch.length) return undefined;
  const ids = watch.filter((w) => w !== NO_WATCH_FILTER);
  const should: estypes.QueryDslQueryContainer[] = ids.length ? [{ terms: { 'watches.id': ids } }] : [];
  if (ids.length < watch.length) should.push({ bool: { must_not: [{ exists: { field: 'watches.id' } }] } });
  return { bool: { should, minimum_should_match: 1 } };
}
