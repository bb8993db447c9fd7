import fs from 'node:fs';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { isAlreadyExists } from './es-errors';
import { createLogger, type HealthIndicator, type HealthStatus } from '@vigil/common';
import { SEARCH_OPTIONS, type SearchOptions } from './search-options';
import { INDICES, indexNames, type IndexDefinition, type IndexNames } from './indices';

/** The one place that holds the Elasticsearch client: templates, health, raw access for repositories. */
@Injectable()
export class SearchClient implements OnApplicationShutdown, HealthIndicator {
  readonly es: Client;
  readonly names: IndexNames;
  readonly logger = createLogger('search');

  constructor(@Inject(SEARCH_OPTIONS) readonly options: SearchOptions) {
    this.es = new Client({
      node: options.node,
      maxRetries: 3,
      requestTimeout: 30_000,
      // Credentials and a private CA for a secured cluster (see serviceConnections and docs/security.md).
      ...(options.auth ? { auth: options.auth } : {}),
      ...(options.caFile ? { tls: { ca: fs.readFileSync(options.caFile, 'utf8') } } : {}),
    });
    this.names = indexNames(options.indexPrefix);
  }

  /**
   * Deletes every index matching `pattern` (e.g. `run-*`), naming each one: Elasticsearch
   * refuses deletes by wildcard (action.destructive_requires_name). Returns how many.
   */
  async deleteIndices(pattern: string): Promise<number> {
    const names = Object.keys(await this.es.indices.get({ index: pattern, ignore_unavailable: true, allow_no_indices: true }));
    for (let i = 0; i < names.length; i += 50) await this.es.indices.delete({ index: names.slice(i, i + 50).join(',') });
    return names.length;
  }

  /** Every stored document's template and index, from `indices/` (one file per document), or only those named. */
  definitions(only?: readonly (keyof typeof INDICES)[]): IndexDefinition[] {
    return (only ? only.map((k) => INDICES[k]) : Object.values(INDICES)).map((index) => index.definition(this.options.indexPrefix));
  }

  /**
   * Templates first, so an index created by a first write already has its mapping; then the
   * single indices, so readers and writers never meet a missing one. Every app calls this at
   * start, so whichever starts first makes every index. Idempotent. `only` (tests) makes just
   * the named ones: each template and index is a cluster-state update the shared server queues.
   */
  async ensureIndices(only?: readonly (keyof typeof INDICES)[]): Promise<void> {
    const defs = this.definitions(only);
    // In parallel: the server batches the cluster-state updates, and every app start waits on this.
    await Promise.all(defs.map((def) =>
      this.es.indices.putIndexTemplate({
        name: def.name,
        index_patterns: [def.pattern],
        priority: 100,
        template: {
          settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
          mappings: def.mappings,
          aliases: def.alias ? { [def.alias]: {} } : undefined,
        },
      })));
    await Promise.all(defs.flatMap((def) => (def.createIndex ? [this.createIfMissing(def.createIndex)] : [])));
    // An index made by an older version gains the fields added to its mapping since (adding is
    // always allowed; documents written before are indexed for them on their next write).
    await Promise.all(
      defs.flatMap((def) =>
        def.mappings.properties ? [this.es.indices.putMapping({ index: def.createIndex ?? def.pattern, properties: def.mappings.properties, allow_no_indices: true, ignore_unavailable: true })] : [],
      ),
    );
  }

  async createIfMissing(index: string): Promise<void> {
    try {
      await this.es.indices.create({ index });
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
    }
  }

  async health(): Promise<HealthStatus> {
    try {
      // No retries and a short timeout: /health must answer while the server is away, not queue behind it.
      const h = await this.es.cluster.health({ timeout: '2s' }, { requestTimeout: 3_000, maxRetries: 0 });
      return { name: 'elasticsearch', healthy: h.status !== 'red', detail: `cluster ${h.status}` };
    } catch (e) {
      return { name: 'elasticsearch', healthy: false, detail: (e as Error).message };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.es.close().catch(() => undefined);
  }
}
