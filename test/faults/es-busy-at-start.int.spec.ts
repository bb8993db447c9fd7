// Real parts: Elasticsearch, reached through an HTTP relay that answers 503 to the first index-template
// writes, as a master too busy for cluster-state updates does (issue #20: the indexer exited at start
// when its set-up outlasted the client's timeout on a machine at load 50). Nothing is mocked.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errors } from '@elastic/elasticsearch';
import { SearchClient } from '@vigil/search';
import { EsProxy } from '../../scripts/chaos/es-proxy';
import { testEnv } from '../support/test-env';

describe('an app starting while Elasticsearch is too busy to make its indices', () => {
  const env = testEnv();
  const direct = new SearchClient({ node: env.ELASTICSEARCH_URL!.split(',')[0]!, indexPrefix: env.VIGIL_INDEX_PREFIX!, indices: ['clusters'] });
  let proxy: EsProxy;
  const through = (setupPatienceMs: number) =>
    new SearchClient({ node: proxy.url, indexPrefix: env.VIGIL_INDEX_PREFIX!, indices: ['clusters', 'mentions'], setupPatienceMs });
  const templateNames = async () =>
    ((await direct.es.indices.getIndexTemplate({ name: `${env.VIGIL_INDEX_PREFIX}*` }, { ignore: [404] })).index_templates ?? []).map((t) => t.name).sort();

  beforeAll(async () => {
    proxy = await new EsProxy(new URL(env.ELASTICSEARCH_URL!.split(',')[0]!)).start();
  });
  afterEach(async () => {
    await direct.deleteIndices(`${env.VIGIL_INDEX_PREFIX}*`);
  });
  afterAll(async () => {
    await proxy.stop();
    await direct.onApplicationShutdown();
  });

  it('keeps trying, and starts with every index once the server takes the writes', async () => {
    // More refusals than the client's own retries (3 per request) absorb for both templates.
    proxy.failTemplateWrites = 12;
    const client = through(60_000);
    try {
      await client.ensureIndices();
    } finally {
      await client.onApplicationShutdown();
    }
    expect(proxy.failTemplateWrites).toBe(0);
    expect(await templateNames()).toEqual([direct.names.clusters, direct.names.mentions].sort());
    expect((await direct.es.indices.exists({ index: direct.names.clusters }))).toBe(true);
  }, 90_000);

  it('gives up with the server\'s own error once its patience is spent', async () => {
    proxy.failTemplateWrites = 12;
    const client = through(0);
    try {
      const failed = await client.ensureIndices().then(() => undefined, (e: unknown) => e);
      expect(failed).toBeInstanceOf(errors.ResponseError);
      expect((failed as InstanceType<typeof errors.ResponseError>).statusCode).toBe(503);
      expect(String((failed as Error).message)).toContain('process_cluster_event_timeout_exception');
    } finally {
      proxy.failTemplateWrites = 0;
      await client.onApplicationShutdown();
    }
  }, 60_000);
});
