import { Inject, Injectable } from '@nestjs/common';
import { AuditEntry, type AuditKind } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING, totalOf } from './stored-index';

/**
 * The audit log of sign-ins and admin actions (writer: api — its routes and the cli's user and
 * key commands; read by admins through `/api/audit` and `vigil audit`). Append-only: one
 * document per event, `_id` = a random id; nothing updates or deletes one.
 */
export const auditIndex = singleIndex({
  document: 'audit',
  suffix: 'audit',
  writer: 'api',
  schema: AuditEntry,
  mappings: {
    dynamic: false,
    properties: {
      id: { type: 'keyword' },
      at: { type: 'date' },
      kind: { type: 'keyword' },
      actor: { type: 'keyword' },
      target: { type: 'keyword' },
      address: { type: 'keyword' },
      userAgent: { type: 'keyword', index: false },
      detail: { type: 'keyword', index: false },
    },
  },
});

export interface AuditQuery {
  kind?: AuditKind[];
  actor?: string;
  target?: string;
  from?: string;
  to?: string;
  page: number;
  size: number;
}

@Injectable()
export class AuditReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return auditIndex.name(this.search.options.indexPrefix);
  }

  /** Newest first. */
  async list(q: AuditQuery): Promise<{ total: number; entries: AuditEntry[] }> {
    const filter: object[] = [];
    if (q.kind?.length) filter.push({ terms: { kind: q.kind } });
    if (q.actor) filter.push({ term: { actor: q.actor } });
    if (q.target) filter.push({ term: { target: q.target } });
    if (q.from || q.to) filter.push({ range: { at: { gte: q.from, lte: q.to } } });
    const r = await this.search.es.search<AuditEntry>({
      ...TOLERATE_MISSING,
      index: this.index,
      from: (q.page - 1) * q.size,
      size: q.size,
      track_total_hits: true,
      query: { bool: { filter } },
      sort: [{ at: { order: 'desc', unmapped_type: 'date' } }, { id: { order: 'asc', unmapped_type: 'keyword' } }],
    });
    return { total: totalOf(r.hits.total), entries: r.hits.hits.map((h) => AuditEntry.parse(h._source)) };
  }
}
