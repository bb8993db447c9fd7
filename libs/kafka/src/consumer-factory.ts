import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { KafkaClient } from './kafka-client';
import { MessageProducer } from './message-producer';
import { ConsumerRunner, type ConsumeOptions } from './consumer-runner';

/** Creates consumers and stops them all on shutdown, before the producer goes. */
@Injectable()
export class ConsumerFactory implements OnModuleDestroy {
  private readonly runners: ConsumerRunner<unknown>[] = [];

  constructor(
    private readonly client: KafkaClient,
    private readonly producer: MessageProducer,
  ) {}

  create<T>(options: ConsumeOptions<T>): ConsumerRunner<T> {
    const runner = new ConsumerRunner<T>(this.client, this.producer, options);
    this.runners.push(runner as ConsumerRunner<unknown>);
    return runner;
  }

  /** Stops fetching on every consumer of this process (what is in hand is finished); benchmarks load a topic meanwhile. */
  pauseAll(): void {
    for (const r of this.runners) r.pause();
  }

  resumeAll(): void {
    for (const r of this.runners) r.resume();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
  }
}
