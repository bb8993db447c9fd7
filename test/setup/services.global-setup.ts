import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM script without types
import { ensureServices, stopServices } from '../../scripts/services.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string;
    elasticsearchUrl: string;
  }
}

/**
 * Integration tests run against a real Kafka and a real Elasticsearch: the ones
 * KAFKA_BROKERS / ELASTICSEARCH_URL name, or the project's own, started here with
 * a bounded wait (and stopped again afterwards if this run started them).
 */
export default async function setup(project: TestProject) {
  const { kafkaBrokers, elasticsearchUrl, started } = await ensureServices();
  project.provide('kafkaBrokers', kafkaBrokers);
  project.provide('elasticsearchUrl', elasticsearchUrl);
  return async () => {
    if (process.env.VIGIL_KEEP_SERVICES !== '1' && started.length) await stopServices(started);
  };
}
