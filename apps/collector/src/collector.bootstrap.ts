import { Injectable, OnModuleInit } from '@nestjs/common';
import { KafkaClient } from '@vigil/kafka';
import { SearchClient } from '@vigil/search';

/** Topics and indices exist before the first poll writes to them. */
@Injectable()
export class CollectorBootstrap implements OnModuleInit {
  constructor(
    private readonly kafka: KafkaClient,
    private readonly search: SearchClient,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.kafka.ensureTopics(['mentionsRaw', 'dlq']);
    await this.search.ensureIndices();
  }
}
