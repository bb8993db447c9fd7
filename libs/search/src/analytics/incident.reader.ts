import { Inject, Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { INCIDENT_POST_CAP, type ClusterDoc, type EnrichedMention, type IncidentPost, type IncidentView, type TicketDoc } from '@vigil/contracts';
import { isNotFound } from '../es-errors';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { clustersIndex } from '../indices/clusters.index';
import { mentionsIndex } from '../indices/mentions.index';
import { ticketsIndex } from '../indices/tickets.index';
import { TOLERATE_MISSING } from '../indices/stored-index';

type Bucket = { key: string | number; key_as_string?: string; doc_count: number } & Record<string, unknown>;
const bucketsOf = (a: unknown): Bucket[] => ((a as { buckets?: Bucket[] } | undefined)?.buckets ?? []);

/** Posts handed to the summary: the earliest ones, enough to see what is said. */
const SUMMARY_POSTS = 200;
const RELATED = 6;
const MINUTE = 60_000;

/** What the incident view shows, and the posts its summary is made from (the api summarises; see @vigil/analysis). */
export type IncidentFacts = Omit<IncidentView, 'summary'> & { texts: { id: string; text: string; language: string; publishedAt: string }[] };

const excerpt = (m: EnrichedMention): IncidentPost => ({
  id: m.id,
  publishedAt: m.publishedAt,
  channel: m.channel,
  sourceId: m.sourceId,
  url: m.url,
  author: m.author ? { id: m.author.id, name: m.author.name, followers: m.author.followers } : undefined,
  excerpt: [m.title, m.text].filter(Boolean).join(' — ').slice(0, 280),
});

/** The cluster's readable title once detection writes one, else its terms. */
const titleOf = (c: ClusterDoc) => (c as ClusterDoc & { title?: string }).title ?? c.label;

/**
 * An incident's posts as the detector (a cluster's sample posts) and the responder (a ticket's
 * evidence) name them, aggregated: the first post, the spread per interval and channel, the
 * authors who reached furthest, and clusters that share its key terms. Read-only; every query
 * is bounded by the named ids (at most INCIDENT_POST_CAP).
 */
@Injectable()
export class IncidentReader {
  constructor(@Inject(SEARCH_CLIENT) private readonly search: SearchClient) {}

  private name(index: { name(prefix: string): string }): string {
    return index.name(this.search.options.indexPrefix);
  }

  private async doc<T>(index: string, id: string, excludes: string[]): Promise<T | undefined> {
    try {
      return (await this.search.es.get<T>({ index, id, _source_excludes: excludes }))._source ?? undefined;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async ofCluster(id: string): Promise<IncidentFacts | undefined> {
    const cluster = await this.doc<ClusterDoc>(this.name(clustersIndex), id, ['state']);
    if (!cluster) return undefined;
    // Tickets on this cluster hold the posts the responder collected as evidence.
    const tickets = await this.search.es.search<TicketDoc>({ ...TOLERATE_MISSING, index: this.name(ticketsIndex), size: 20, _source_includes: ['evidence.mentionIds'], query: { term: { clusterId: id } } });
    const ids = [...cluster.sampleMentionIds, ...tickets.hits.hits.flatMap((h) => h._source?.evidence.mentionIds ?? [])];
    return this.facts('cluster', id, titleOf(cluster), ids, cluster);
  }

  async ofTicket(id: string): Promise<IncidentFacts | undefined> {
    const ticket = await this.doc<TicketDoc>(this.name(ticketsIndex), id, ['outbox', 'complaint.complainant.contact']);
    if (!ticket) return undefined;
    const cluster = ticket.clusterId ? await this.doc<ClusterDoc>(this.name(clustersIndex), ticket.clusterId, ['state']) : undefined;
    const ids = [...ticket.evidence.mentionIds, ...(cluster?.sampleMentionIds ?? [])];
    return this.facts('ticket', id, ticket.title, ids, cluster);
  }

  private async facts(kind: 'cluster' | 'ticket', id: string, title: string, named: string[], cluster: ClusterDoc | undefined): Promise<IncidentFacts> {
    const ids = [...new Set(named)].slice(0, INCIDENT_POST_CAP);
    const index = this.name(mentionsIndex);
    const query: estypes.QueryDslQueryContainer = { bool: { filter: [{ terms: { id: ids } }] } };
    const span = await this.search.es.search({ ...TOLERATE_MISSING, index, size: 0, query, aggs: { first: { min: { field: 'publishedAt' } }, last: { max: { field: 'publishedAt' } } } });
    const a = span.aggregations as Record<string, { value: number | null }> | undefined;
    const from = a?.first?.value ?? 0;
    const to = a?.last?.value ?? 0;
    const interval = to - from <= 6 * 60 * MINUTE ? 'minute' : to - from <= 10 * 24 * 60 * MINUTE ? 'hour' : 'day';
    const res = await this.search.es.search<EnrichedMention>({
      ...TOLERATE_MISSING,
      index,
      // The earliest posts: the first one, and what the summary reads.
      size: SUMMARY_POSTS,
      query,
      sort: [{ publishedAt: 'asc' }, { id: 'asc' }],
      collapse: { field: 'id' },
      track_total_hits: true,
      _source_includes: ['id', 'publishedAt', 'channel', 'sourceId', 'url', 'author', 'title', 'text', 'analysis.language'],
      aggs: {
        distinct: { cardinality: { field: 'id' } },
        spread: {
          date_histogram: { field: 'publishedAt', fixed_interval: interval === 'minute' ? '10m' : interval === 'hour' ? '1h' : '1d', min_doc_count: 1 },
          aggs: { channel: { terms: { field: 'channel', size: 12 } } },
        },
        channels: { terms: { field: 'channel', size: 12 } },
        authors: {
          terms: { field: 'author.id', size: 10, order: { reach: 'desc' } },
          aggs: { reach: { max: { field: 'reach' } }, followers: { max: { field: 'author.followers' } }, name: { terms: { field: 'author.name', size: 1 } } },
        },
      },
    });
    const aggs = res.aggregations as Record<string, unknown> | undefined;
    const posts = res.hits.hits.map((h) => h._source!);
    return {
      kind,
      id,
      title,
      named: ids.length,
      found: (aggs?.distinct as { value?: number } | undefined)?.value ?? posts.length,
      firstPost: posts[0] ? excerpt(posts[0]) : undefined,
      // 10-minute buckets read as minutes, hours as hours.
      interval,
      spread: bucketsOf(aggs?.spread).map((b) => ({
        key: new Date(Number(b.key)).toISOString(),
        total: b.doc_count,
        channels: Object.fromEntries(bucketsOf(b.channel).map((c) => [String(c.key), c.doc_count])),
      })),
      channels: bucketsOf(aggs?.channels).map((b) => ({ key: String(b.key), count: b.doc_count })),
      topAuthors: bucketsOf(aggs?.authors).map((b) => ({
        author: String(b.key),
        name: bucketsOf(b.name)[0] ? String(bucketsOf(b.name)[0]!.key) : undefined,
        posts: b.doc_count,
        reach: Math.max((b.reach as { value: number | null }).value ?? 0, (b.followers as { value: number | null }).value ?? 0),
      })),
      relatedClusters: cluster ? await this.related(cluster) : [],
      texts: posts.map((m) => ({ id: m.id, text: [m.title, m.text].filter(Boolean).join('。'), language: m.analysis?.language ?? 'other', publishedAt: m.publishedAt })),
    };
  }

  /** Clusters sharing two or more of this one's key terms, and the ones it merged into or came after. */
  private async related(c: ClusterDoc): Promise<IncidentView['relatedClusters']> {
    const linked = [c.mergedInto, (c as ClusterDoc & { previousClusterId?: string }).previousClusterId].filter((x): x is string => !!x);
    const terms = c.topTerms.slice(0, 10);
    if (!terms.length && !linked.length) return [];
    const res = await this.search.es.search<ClusterDoc>({
      ...TOLERATE_MISSING,
      index: this.name(clustersIndex),
      size: RELATED,
      _source_excludes: ['state'],
      query: {
        bool: {
          should: [
            ...(terms.length ? [{ bool: { should: terms.map((t) => ({ term: { topTerms: t } })), minimum_should_match: Math.min(2, terms.length) } }] : []),
            ...(linked.length ? [{ ids: { values: linked } }] : []),
          ],
          minimum_should_match: 1,
          must_not: [{ ids: { values: [c.id] } }],
        },
      },
      sort: [{ lastSeen: { order: 'desc', unmapped_type: 'date' } }],
    });
    return res.hits.hits.map((h) => {
      const o = h._source!;
      const shared = o.topTerms.filter((t) => terms.includes(t));
      const why = linked.includes(o.id) ? (o.id === c.mergedInto ? 'merged into' : 'earlier flare') : shared.join(', ');
      return { id: o.id, label: titleOf(o), size: o.size, lastSeen: o.lastSeen, why };
    });
  }
}
