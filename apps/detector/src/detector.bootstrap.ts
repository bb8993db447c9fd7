import { Injectable, OnModuleInit } from '@nestjs/common';
import { KafkaClient } from '@vigil/kafka';
import { SearchClient } from '@vigil/search';
import { clustersMapping, detectorStateMapping } from './clusters.mapping';

@Injectable()
export class DetectorBootstrap implements OnModuleInit {
  constructor(
    private readonly kafka: KafkaClient,
    private readonly search: SearchClient,
  ) {}

  async onModuleInit(): Promise<void> {
    const n = this.search.names;
    this.search.register({ name: n.clusters, pattern: n.clusters, mappings: clustersMapping, createIndex: n.clusters });
    this.search.register({ name: `${n.prefix}detector-state`, pattern: `${n.prefix}detector-state`, mappings: detectorStateMapping, createIndex: `${n.prefix}detector-state` });
    await this.kafka.ensureTopics(['mentionsEnriched', 'signals', 'dlq']);
    await this.search.ensureIndices();
  }
}
