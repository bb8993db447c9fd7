import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, Partitioners, type Producer } from 'kafkajs';
import type { TopicKey } from '@vigil/contracts';
import { KafkaClient } from './kafka-client';
import { explainConnectError } from './kafka-connect-error';

export interface OutgoingMessage {
  key: string;
  value: unknown;
  headers?: Record<string, string>;
}

/** All producing goes through here: JSON values, keys always set, acks from all replicas. */
@Injectable()
export class MessageProducer implements OnApplicationShutdown {
  private producer?: Producer;
  private connecting?: Promise<Producer>;

  constructor(private readonly client: KafkaClient) {}

  async send(topic: TopicKey, messages: OutgoingMessage[]): Promise<void> {
    if (!messages.length) return;
    await this.sendRaw(this.client.topic(topic), messages.map((m) => ({ key: m.key, value: JSON.stringify(m.value), headers: m.headers })));
  }

  async sendRaw(topic: string, messages: { key: string | null; value: string | Buffer | null; headers?: Record<string, string> }[]): Promise<void> {
    const producer = await this.connect();
    await producer.send({ topic, acks: -1, compression: CompressionTypes.None, messages });
  }

  private connect(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= (async () => {
      // Idempotent so a retried send after a lost ack does not write the message twice.
      const p = this.client.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
      await p.connect().catch((e: unknown) => {
        throw explainConnectError(e, this.client.options);
      });
      this.producer = p;
      return p;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /** After onModuleDestroy, so consumers (which may still write to the DLQ) stop first. */
  async onApplicationShutdown(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
  }
}
