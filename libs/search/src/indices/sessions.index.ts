import { Inject, Injectable } from '@nestjs/common';
import { SessionDoc } from '@vigil/contracts';
import { isNotFound } from '../es-errors';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';

/**
 * Browser sign-ins (writer: api; read by the api when a tab refreshes its access token). One
 * document per session, `_id` = session id; the cookie holds `<id>.<secret>` and only the
 * secret's hash is stored. Expired and revoked sessions stay until swept (they refuse anyway).
 */
export const sessionsIndex = singleIndex({
  document: 'sessions',
  suffix: 'sessions',
  writer: 'api',
  schema: SessionDoc,
  mappings: {
    dynamic: false,
    properties: {
      id: { type: 'keyword' },
      username: { type: 'keyword' },
      createdAt: { type: 'date' },
      expiresAt: { type: 'date' },
      lastUsedAt: { type: 'date' },
      revokedAt: { type: 'date' },
      secretHash: { type: 'keyword', index: false },
      previousHash: { type: 'keyword', index: false },
    },
  },
});

/** A session with what optimistic concurrency needs to change it. */
export interface StoredSession {
  session: SessionDoc;
  seqNo: number;
  primaryTerm: number;
}

@Injectable()
export class SessionsReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return sessionsIndex.name(this.search.options.indexPrefix);
  }

  async get(id: string): Promise<StoredSession | undefined> {
    try {
      const r = await this.search.es.get<SessionDoc>({ index: this.index, id });
      return r._source ? { session: SessionDoc.parse(r._source), seqNo: r._seq_no!, primaryTerm: r._primary_term! } : undefined;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** A user's sessions that are neither revoked nor expired at `now`. */
  async activeFor(username: string, now: Date): Promise<SessionDoc[]> {
    const r = await this.search.es.search<SessionDoc>({
      ...TOLERATE_MISSING,
      index: this.index,
      size: 1000,
      query: { bool: { filter: [{ term: { username } }, { range: { expiresAt: { gt: now.toISOString() } } }], must_not: [{ exists: { field: 'revokedAt' } }] } },
    });
    return r.hits.hits.map((h) => SessionDoc.parse(h._source));
  }
}
