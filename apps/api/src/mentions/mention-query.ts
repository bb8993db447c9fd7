import type { estypes } from '@elastic/elasticsearch';
import type { MentionFilters } from './mention-search.dto';

/**
 * The Elasticsearch query for a search's filters. User text reaches Elasticsearch only
 * through match, match_phrase and term queries: no query_string syntax, so a user
 * cannot inject query operators.
 */
export function mentionQuery(q: MentionFilters): estypes.QueryDslQueryContainer {
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
  terms('watches.id', q.watch);
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
  return { bool: { filter, must } };
}
