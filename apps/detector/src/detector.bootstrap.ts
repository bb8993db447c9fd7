import { Injectable, OnModuleInit } from '@nestjs/common';
import { KafkaClient } from '@vigil/kafka';
import { SearchClient } from '@vigil/search';

/** Topics and indices exist before the first message. */
@Injectable()
export class DetectorBootstrap implements OnModuleInit {
  constructor(
    private readonly kafka: KafkaClient,
    private readonly search: SearchClient,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.kafka.ensureTopics(['mentionsEnriched', 'mentionsByWatch', 'signals', 'incidentOutcomes', 'dlq']);
    await this.search.ensureIndices();
  }
}
