import { KafkaClient } from '@vigil/kafka';
import { SearchClient } from '@vigil/search';

/**
 * Removes a run's indices (`<run>-…`, by name: Elasticsearch refuses wildcard deletes) and
 * topics (`<run>.…`), with clients of its own, so it works after the run's app has closed.
 * Used by `vigil replay` and by the benchmarks.
 */
export async function dropRun(run: string, elasticsearchUrl: string, kafkaBrokers: string, clientId: string): Promise<void> {
  const search = new SearchClient({ node: elasticsearchUrl, indexPrefix: `${run}-` });
  const kafka = new KafkaClient({ brokers: kafkaBrokers.split(','), clientId, topicPrefix: run });
  try {
    await search.deleteIndices(`${run}-*`);
    await kafka.deleteTopicsWithPrefix(`${run}.`);
  } finally {
    await search.onApplicationShutdown();
    await kafka.onApplicationShutdown();
  }
}
