import { Inject, Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { ReportDoc, ReportMeta, type ReportKind, type ReportStatus } from '@vigil/contracts';
import { isNotFound } from '../es-errors';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING, totalOf } from './stored-index';

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;
const FILES = ['html', 'pdf'];

/**
 * The reports archive (writer: reporter, also when `vigil report` runs it by hand; read by the
 * api and the tests). One document per report, `_id` = its id (kind, watch, period, language),
 * with the rendered HTML and the PDF (base64) unindexed beside the metadata: a report made again
 * for the same period replaces it. A failed render stays with its error until a retry succeeds.
 */
export const reportsIndex = singleIndex({
  document: 'reports',
  suffix: 'reports',
  writer: 'reporter',
  schema: ReportDoc,
  mappings: {
    dynamic: false,
    properties: {
      id: keyword,
      kind: keyword,
      watch: keyword,
      language: keyword,
      from: date,
      to: date,
      status: keyword,
      attempts: { type: 'integer' },
      nextAttemptAt: date,
      requestedBy: keyword,
      createdAt: date,
      updatedAt: date,
      renderedAt: date,
      empty: { type: 'boolean' },
      html: { type: 'text', index: false },
      pdf: { type: 'binary' },
    },
  },
});

export interface ReportListQuery {
  kind: ReportKind[];
  watch: string[];
  status: ReportStatus[];
  page: number;
  size: number;
}

@Injectable()
export class ReportsReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return reportsIndex.name(this.search.options.indexPrefix);
  }

  /** Newest period first, without the files. */
  async list(q: ReportListQuery): Promise<{ total: number; reports: ReportMeta[] }> {
    const filter: estypes.QueryDslQueryContainer[] = [];
    if (q.kind.length) filter.push({ terms: { kind: q.kind } });
    if (q.watch.length) filter.push({ terms: { watch: q.watch } });
    if (q.status.length) filter.push({ terms: { status: q.status } });
    const r = await this.search.es.search<ReportMeta>({
      ...TOLERATE_MISSING,
      index: this.index,
      from: (q.page - 1) * q.size,
      size: q.size,
      track_total_hits: true,
      _source_excludes: FILES,
      query: { bool: { filter } },
      sort: [{ to: { order: 'desc', unmapped_type: 'date' } }, { kind: { order: 'asc', unmapped_type: 'keyword' } }, { id: { order: 'asc', unmapped_type: 'keyword' } }],
    });
    return { total: totalOf(r.hits.total), reports: r.hits.hits.map((h) => ReportMeta.parse(h._source)) };
  }

  async meta(id: string): Promise<ReportMeta | undefined> {
    const doc = await this.get(id, { _source_excludes: FILES });
    return doc ? ReportMeta.parse(doc) : undefined;
  }

  /** One of the files of a finished report. */
  async file(id: string, which: 'html' | 'pdf'): Promise<string | undefined> {
    const doc = await this.get(id, { _source_includes: [which, 'status'] });
    return doc?.[which];
  }

  protected async get(id: string, source: { _source_includes?: string[]; _source_excludes?: string[] }): Promise<ReportDoc | undefined> {
    try {
      return (await this.search.es.get<ReportDoc>({ index: this.index, id, ...source }))._source ?? undefined;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
}
