import type { KafkaConnection } from '@vigil/common';

export interface KafkaOptions extends KafkaConnection {
  brokers: string[];
  clientId: string;
  /** Prefix for every topic name (tests, parallel deployments). */
  topicPrefix: string;
  /** Partitions for topics Vigil creates. */
  partitions?: number;
}

export const KAFKA_OPTIONS = Symbol('KAFKA_OPTIONS');
