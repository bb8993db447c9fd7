import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client, type estypes } from '@elastic/elasticsearch';
import { isAlreadyExists } from './es-errors';
import { createLogger, type HealthIndicator, type HealthStatus } from '@vigil/common';
import { SEARCH_OPTIONS, type SearchOptions } from './search-options';
import { IndexNames } from './index-names';
import { mentionsMapping } from './mappings/mentions.mapping';
import { sourceStateMapping } from './mappings/state.mapping';

export interface IndexDefinition {
  /** Template name and alias (when `pattern` ends in `-*`) or the concrete index. */
  name: string;
  pattern: string;
  mappings: estypes.MappingTypeMapping;
  alias?: string;
  /** Create this concrete index now (single-index kinds such as clusters and tickets). */
  createIndex?: string;
}

/** The one place that holds the Elasticsearch client: templates, health, raw access for repositories. */
@Injectable()
export class SearchClient implements OnApplicationShutdown, HealthIndicator {
  readonly es: Client;
  readonly names: IndexNames;
  readonly logger = createLogger('search');
  private readonly extra: IndexDefinition[] = [];

  constructor(@Inject(SEARCH_OPTIONS) readonly options: SearchOptions) {
    this.es = new Client({ node: options.node, maxRetries: 3, requestTimeout: 30_000 });
    this.names = new IndexNames(options.indexPrefix);
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

  /** Other libraries (detection, plan) register their indices before `ensureIndices`. */
  register(def: IndexDefinition): void {
    this.extra.push(def);
  }

  definitions(): IndexDefinition[] {
    const n = this.names;
    return [
      { name: n.mentions, pattern: n.mentionsPattern, mappings: mentionsMapping, alias: n.mentions },
      { name: n.sourceState, pattern: n.sourceState, mappings: sourceStateMapping, createIndex: n.sourceState },
      ...this.extra,
    ];
  }

  /** Templates first, so an index created by a first write already has its mapping. Idempotent. */
  async ensureIndices(): Promise<void> {
    for (const def of this.definitions()) {
      await this.es.indices.putIndexTemplate({
        name: def.name,
        index_patterns: [def.pattern],
        priority: 100,
        template: {
          settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
          mappings: def.mappings,
          aliases: def.alias ? { [def.alias]: {} } : undefined,
        },
      });
      if (def.createIndex) await this.createIfMissing(def.createIndex);
    }
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
      const h = await this.es.cluster.health({ timeout: '2s' });
      return { name: 'elasticsearch', healthy: h.status !== 'red', detail: `cluster ${h.status}` };
    } catch (e) {
      return { name: 'elasticsearch', healthy: false, detail: (e as Error).message };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.es.close().catch(() => undefined);
  }
}
