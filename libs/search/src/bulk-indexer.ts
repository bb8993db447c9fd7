import { Injectable } from '@nestjs/common';
import { backoffDelay, sleep } from '@vigil/common';
import { SearchClient } from './search-client';

export interface BulkDoc {
  index: string;
  /** Deterministic id: writing the same doc twice leaves one document. */
  id: string;
  doc: object;
}

export interface BulkFailure {
  id: string;
  status: number;
  error: string;
}

export interface BulkResult {
  indexed: number;
  failed: BulkFailure[];
}

/** Statuses worth another try: the server is busy or briefly unavailable. */
const RETRYABLE = new Set([429, 502, 503, 504]);

/**
 * Bulk writes that check every item (a bulk response is HTTP 200 even when items
 * fail): retryable items are sent again with back-off, a bounded number of times;
 * rejected documents are returned so the caller can set them aside. A request that
 * fails as a whole (server down) throws, so the caller retries without committing.
 */
@Injectable()
export class BulkIndexer {
  constructor(private readonly client: SearchClient) {}

  async index(docs: BulkDoc[], opts: { refresh?: boolean; maxAttempts?: number } = {}): Promise<BulkResult> {
    const maxAttempts = opts.maxAttempts ?? 6;
    let pending = docs;
    const failed: BulkFailure[] = [];
    let indexed = 0;
    for (let attempt = 0; pending.length && attempt < maxAttempts; attempt++) {
      if (attempt > 0) await sleep(backoffDelay(attempt, 250, 10_000));
      const operations = pending.flatMap((d) => [{ index: { _index: d.index, _id: d.id } }, d.doc]);
      // Only what is checked comes back: a successful item's index, version, shards and seq_no
      // are most of a bulk answer's bytes, and parsing them cost more than the check.
      const res = await this.client.es.bulk({ operations, refresh: opts.refresh ? 'wait_for' : false, filter_path: 'errors,items.*.status,items.*.error' });
      if (!res.errors) {
        indexed += pending.length;
        break;
      }
      const retry: BulkDoc[] = [];
      res.items.forEach((item, i) => {
        const r = item.index!;
        if (!r.error) indexed++;
        else if (RETRYABLE.has(r.status) && attempt < maxAttempts - 1) retry.push(pending[i]);
        else failed.push({ id: pending[i].id, status: r.status, error: `${r.error.type}: ${r.error.reason ?? ''}`.slice(0, 2000) });
      });
      pending = retry;
    }
    return { indexed, failed };
  }

  /** Deletes by index and id; a document already gone counts as deleted. Throws when the request fails as a whole. */
  async remove(docs: { index: string; id: string }[]): Promise<BulkResult> {
    if (!docs.length) return { indexed: 0, failed: [] };
    const res = await this.client.es.bulk({ operations: docs.map((d) => ({ delete: { _index: d.index, _id: d.id } })) });
    const failed: BulkFailure[] = [];
    res.items.forEach((item, i) => {
      const r = item.delete!;
      if (r.error && r.status !== 404) failed.push({ id: docs[i].id, status: r.status, error: `${r.error.type}: ${r.error.reason ?? ''}`.slice(0, 2000) });
    });
    return { indexed: docs.length - failed.length, failed };
  }
}
