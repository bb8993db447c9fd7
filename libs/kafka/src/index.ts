export * from './kafka-options';
export * from './kafka-client';
export * from './message-producer';
export * from './consumer-runner';
export * from './consumer-factory';
export * from './kafka.module';
export * from './partitions';
export * from './transactional-producer';
