import { Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { backoffDelay, sleep } from '@vigil/common';
import { SearchClient } from './search-client';

export type BulkDoc = {
  index: string;
  /** Deterministic id: writing the same doc twice leaves one document. */
  id: string;
  /** Written only over an older version (Elasticsearch's `external_gte`): a late write of an older state gets status 409. */
  version?: number;
} & (
  | { doc: object }
  /** The document already encoded as JSON (a message's bytes as consumed): written as it is, not parsed and encoded again. */
  | { source: Buffer }
);

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
      // Only what is checked comes back: a successful item's index, version, shards and seq_no
      // are most of a bulk answer's bytes, and parsing them cost more than the check.
      const res = await this.client.es.transport.request<estypes.BulkResponse>({
        method: 'POST',
        path: '/_bulk',
        querystring: { refresh: opts.refresh ? 'wait_for' : 'false', filter_path: 'errors,items.*.status,items.*.error' },
        bulkBody: bulkBody(pending),
      });
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

const NEWLINE = Buffer.from('\n');

/**
 * The request's NDJSON as bytes: each action line, then the document, encoded by JSON.stringify
 * or as it came. A document's JSON must hold no line break, as NDJSON ends a document at one;
 * in valid JSON a line break can only be whitespace between tokens (inside strings it is
 * escaped), so one in a pre-encoded document is made a space, which changes nothing it says.
 */
function bulkBody(docs: readonly BulkDoc[]): Buffer {
  const parts: Buffer[] = [];
  for (const d of docs) {
    const action = d.version === undefined ? { _index: d.index, _id: d.id } : { _index: d.index, _id: d.id, version: d.version, version_type: 'external_gte' };
    parts.push(Buffer.from(`${JSON.stringify({ index: action })}\n`));
    if ('source' in d) {
      parts.push(d.source.includes(0x0a) ? oneLine(d.source) : d.source, NEWLINE);
    } else parts.push(Buffer.from(`${JSON.stringify(d.doc)}\n`));
  }
  return Buffer.concat(parts);
}

function oneLine(json: Buffer): Buffer {
  const out = Buffer.from(json);
  for (let i = out.indexOf(0x0a); i >= 0; i = out.indexOf(0x0a, i + 1)) out[i] = 0x20;
  return out;
}
