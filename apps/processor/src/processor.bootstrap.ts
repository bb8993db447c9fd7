import { Injectable, OnModuleInit } from '@nestjs/common';
import { KafkaClient } from '@vigil/kafka';

@Injectable()
export class ProcessorBootstrap implements OnModuleInit {
  constructor(private readonly kafka: KafkaClient) {}

  async onModuleInit(): Promise<void> {
    await this.kafka.ensureTopics(['mentionsRaw', 'mentionsEnriched', 'dlq']);
  }
}
