// Real parts: Elasticsearch (the project's own node). Nothing is mocked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchClient } from './search-client';
import { BulkIndexer } from './bulk-indexer';
import { testEnv } from '../../../test/support/test-env';

describe('BulkIndexer against a real Elasticsearch', () => {
  const env = testEnv();
  const client = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
  const bulk = new BulkIndexer(client);

  beforeAll(async () => {
    // Only the mentions: the BulkIndexer writes nothing else here.
    await client.ensureIndices(['mentions']);
    await client.ensureIndices(['mentions']); // idempotent
  });
  afterAll(async () => {
    // By name: Elasticsearch refuses a wildcard delete (the old call's .catch hid that).
    await client.deleteIndices(`${env.VIGIL_INDEX_PREFIX}*`);
    await client.onApplicationShutdown();
  });

  it('writes each id once however often it is sent, and the alias finds it', async () => {
    const index = client.names.mentionsFor('2026-11-01T00:00:00Z');
    const docs = [1, 2, 3].map((n) => ({ index, id: `m${n}`, doc: { id: `m${n}`, text: `退款失败 ${n}`, publishedAt: '2026-11-01T00:00:00Z' } }));
    expect(await bulk.index(docs)).toEqual({ indexed: 3, failed: [] });
    expect(await bulk.index(docs, { refresh: true })).toEqual({ indexed: 3, failed: [] });
    const count = await client.es.count({ index: client.names.mentions });
    expect(count.count).toBe(3);
    const hit = await client.es.search({ index: client.names.mentions, query: { match_phrase: { text: '退款' } } });
    expect(hit.hits.total).toMatchObject({ value: 3 });
  });

  it('returns the documents Elasticsearch rejects, with its reason, and writes the rest', async () => {
    const index = client.names.mentionsFor('1999-01-15T00:00:00Z');
    // An index whose mapping disagrees with the documents (as after a bad manual change).
    await client.es.indices.create({ index, mappings: { properties: { rating: { type: 'integer', coerce: false } } } });
    const r = await bulk.index([
      { index, id: 'ok', doc: { id: 'ok', rating: 3 } },
      { index, id: 'bad', doc: { id: 'bad', rating: 'three' } },
    ]);
    expect(r.indexed).toBe(1);
    expect(r.failed).toEqual([{ id: 'bad', status: 400, error: expect.stringMatching(/^document_parsing_exception|^mapper_parsing_exception/) }]);
  });
});
