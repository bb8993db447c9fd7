import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ApiKeyDoc } from '@vigil/contracts';
import { isNotFound } from '../es-errors';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';

/** An API key is 32 random bytes, so a fast hash is enough (there is no password to brute-force). */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/**
 * Machines' credentials (writer: api — its routes and the cli's `vigil api-keys`; read by the
 * api's authentication). One document per key, `_id` = sha256 hex of the key: the key itself
 * is shown once and never stored. A revoked key stays, marked, for the record.
 */
export const apiKeysIndex = singleIndex({
  document: 'api keys',
  suffix: 'api-keys',
  writer: 'api',
  schema: ApiKeyDoc,
  mappings: {
    dynamic: false,
    properties: {
      name: { type: 'keyword' },
      role: { type: 'keyword' },
      hint: { type: 'keyword' },
      createdAt: { type: 'date' },
      createdBy: { type: 'keyword' },
      revoked: { type: 'boolean' },
      revokedAt: { type: 'date' },
      revokedBy: { type: 'keyword' },
    },
  },
});

@Injectable()
export class ApiKeysReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return apiKeysIndex.name(this.search.options.indexPrefix);
  }

  /** The key's record by the key a caller showed (real time: a key revoked a moment ago is revoked). */
  findByKey(key: string): Promise<ApiKeyDoc | undefined> {
    return this.findById(hashApiKey(key));
  }

  async findById(id: string): Promise<ApiKeyDoc | undefined> {
    try {
      const r = await this.search.es.get<ApiKeyDoc>({ index: this.index, id });
      return r._source ? ApiKeyDoc.parse(r._source) : undefined;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** Every key with its id (the hash), newest first. */
  async list(): Promise<(ApiKeyDoc & { id: string })[]> {
    const r = await this.search.es.search<ApiKeyDoc>({ ...TOLERATE_MISSING, index: this.index, size: 1000, sort: [{ createdAt: { order: 'desc', unmapped_type: 'date' } }] });
    return r.hits.hits.map((h) => ({ ...ApiKeyDoc.parse(h._source), id: h._id! }));
  }
}
