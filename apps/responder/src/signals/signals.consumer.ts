import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Signal } from '@vigil/contracts';
import { createLogger } from '@vigil/common';
import { ConsumerFactory, type ConsumedMessage } from '@vigil/kafka';
import { RESPONDER_OPTIONS, type ResponderOptions } from '../responder.tokens';
import { HandleSignalUseCase } from './handle-signal.usecase';

/** signals → tickets. In order per partition; a failure (Elasticsearch down) retries the chunk uncommitted. */
@Injectable()
export class SignalsConsumer implements OnApplicationBootstrap {
  private readonly logger = createLogger('responder');

  constructor(
    private readonly consumers: ConsumerFactory,
    private readonly handleSignal: HandleSignalUseCase,
    @Inject(RESPONDER_OPTIONS) private readonly options: ResponderOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers
      .create({ groupId: this.options.signalsGroup, topic: 'signals', schema: Signal, logger: this.logger, chunkSize: 50, handle: (m) => this.onSignals(m) })
      .start();
  }

  async onSignals(messages: ConsumedMessage<Signal>[]): Promise<void> {
    for (const m of messages) {
      const outcome = await this.handleSignal.execute(m.value);
      this.logger.debug({ signalId: m.value.id, incidentKey: m.value.key, ...outcome }, 'signal handled');
    }
  }
}
