// Real parts: Elasticsearch (the project's own node). Nothing is mocked.
import { afterAll, describe, expect, it } from 'vitest';
import { SearchClient } from './search-client';
import { testEnv } from '../../../test/support/test-env';

describe('SearchClient.ensureIndices against a real Elasticsearch', () => {
  const env = testEnv();
  const client = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX!, indices: ['clusters', 'mentions'] });
  const templates = async () => (await client.es.indices.getIndexTemplate({ name: `${env.VIGIL_INDEX_PREFIX}*` }, { ignore: [404] })).index_templates ?? [];
  const indices = async () => Object.keys(await client.es.indices.get({ index: `${env.VIGIL_INDEX_PREFIX}*`, ignore_unavailable: true, allow_no_indices: true })).sort();

  afterAll(async () => {
    await client.deleteIndices(`${env.VIGIL_INDEX_PREFIX}*`);
    await client.onApplicationShutdown();
  });

  it('makes only the documents the options name (VIGIL_INDICES), each stamped with its definition', async () => {
    await client.ensureIndices();
    expect(await indices()).toEqual([client.names.clusters]);
    const made = await templates();
    expect(made.map((t) => t.name).sort()).toEqual([client.names.clusters, client.names.mentions].sort());
    for (const t of made) expect(t.index_template._meta).toMatchObject({ vigil_definition: expect.stringMatching(/^[0-9a-f]{16}$/) });
    // A second start changes nothing and fails on nothing.
    await client.ensureIndices();
    expect((await templates()).map((t) => t.index_template._meta)).toEqual(made.map((t) => t.index_template._meta));
  });

  it('gives an index made by an older version the current mapping, and a monthly index made by a write the template', async () => {
    // As an older version left it: no stamp, and a field of today's mapping missing.
    const old = client.names.mentionsFor('2026-01-15T00:00:00Z');
    await client.es.indices.create({ index: old, mappings: { dynamic: false, properties: { id: { type: 'keyword' } } } });
    await client.ensureIndices();
    const mapping = (await client.es.indices.getMapping({ index: old }))[old].mappings;
    expect(mapping._meta).toMatchObject({ vigil_definition: expect.any(String) });
    expect(Object.keys(mapping.properties ?? {})).toContain('text');
    // A write into a month not made yet: the template gives it the mapping and the alias.
    await client.es.index({ index: client.names.mentionsFor('2026-02-15T00:00:00Z'), id: 'm1', document: { id: 'm1', text: '退款' }, refresh: true });
    expect((await client.es.count({ index: client.names.mentions })).count).toBe(1);
  });

  it('waits for the shard of an index another process has just made, and says so when it never starts', async () => {
    // As a second app finds it while the first one's create is still starting the shard: the index
    // is listed, its primary not yet active (here held unassigned by an allocation filter).
    await client.es.indices.delete({ index: client.names.clusters, ignore_unavailable: true });
    await client.es.indices.create({ index: client.names.clusters, settings: { 'index.routing.allocation.require._name': 'no-such-node' }, wait_for_active_shards: 0 });
    await expect(client.waitForPrimaries([client.names.clusters], 1_000)).rejects.toThrow(new RegExp(`primary shards of ${client.names.clusters} did not start within 1 s`));
    let settled = false;
    const ensuring = client.ensureIndices().finally(() => (settled = true));
    // Bounded: ensureIndices must still be waiting a moment later, then finish once the shard may start.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(settled).toBe(false);
    await client.es.indices.putSettings({ index: client.names.clusters, settings: { 'index.routing.allocation.require._name': null } });
    await ensuring;
    expect((await client.es.count({ index: client.names.clusters })).count).toBe(0);
  });

  it('refuses an unknown document in VIGIL_INDICES, naming the known ones', () => {
    expect(() => new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX!, indices: ['clusters', 'clusterz'] })).toThrow(/unknown stored document\(s\) clusterz.*known: mentions, clusters/);
  });

  it('deleteIndices takes the templates with the indices', async () => {
    await client.deleteIndices(`${env.VIGIL_INDEX_PREFIX}*`);
    expect(await indices()).toEqual([]);
    expect(await templates()).toEqual([]);
  });
});
