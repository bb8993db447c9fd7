import { Injectable, OnModuleInit } from '@nestjs/common';
import { KafkaClient } from '@vigil/kafka';
import { SearchClient } from '@vigil/search';

@Injectable()
export class ProcessorBootstrap implements OnModuleInit {
  constructor(
    private readonly kafka: KafkaClient,
    private readonly search: SearchClient,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.kafka.ensureTopics(['mentionsRaw', 'mentionsEnriched', 'mentionsRescored', 'dlq']);
    // The published models and the model-update runs live in Elasticsearch.
    await this.search.ensureIndices();
  }
}
