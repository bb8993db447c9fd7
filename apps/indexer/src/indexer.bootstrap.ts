import { Injectable, OnModuleInit } from '@nestjs/common';
import { KafkaClient } from '@vigil/kafka';
import { SearchClient } from '@vigil/search';

@Injectable()
export class IndexerBootstrap implements OnModuleInit {
  constructor(
    private readonly kafka: KafkaClient,
    private readonly search: SearchClient,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.kafka.ensureTopics(['mentionsEnriched', 'mentionsCorrections', 'mentionsRescored', 'dlq']);
    await this.search.ensureIndices();
  }
}
