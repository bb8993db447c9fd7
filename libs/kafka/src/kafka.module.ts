import { DynamicModule, Global, Module } from '@nestjs/common';
import { KAFKA_OPTIONS, type KafkaOptions } from './kafka-options';
import { KafkaClient } from './kafka-client';
import { MessageProducer } from './message-producer';
import { ConsumerFactory } from './consumer-factory';
import { TransactionalProducer } from './transactional-producer';

@Global()
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaOptions): DynamicModule {
    return {
      module: KafkaModule,
      providers: [{ provide: KAFKA_OPTIONS, useValue: options }, KafkaClient, MessageProducer, ConsumerFactory, TransactionalProducer],
      exports: [KafkaClient, MessageProducer, ConsumerFactory, TransactionalProducer],
    };
  }
}
