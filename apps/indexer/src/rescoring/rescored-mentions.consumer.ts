import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RescoredMention } from '@vigil/contracts';
import { createLogger } from '@vigil/common';
import { ConsumerFactory, type ConsumedMessage, type PermanentFailure } from '@vigil/kafka';
import { INDEXER_OPTIONS, type IndexerOptions } from '../indexer.tokens';
import { ApplyRescoresUseCase } from './apply-rescores.usecase';

/** mentions.rescored → the stored posts (the processor's re-scoring after a model update); only the indexer reads it, detection never sees a post twice. */
@Injectable()
export class RescoredMentionsConsumer implements OnApplicationBootstrap {
  private readonly logger = createLogger('indexer');

  constructor(
    private readonly consumers: ConsumerFactory,
    private readonly apply: ApplyRescoresUseCase,
    @Inject(INDEXER_OPTIONS) private readonly options: IndexerOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers
      .create({ groupId: `${this.options.groupId}-rescored`, topic: 'mentionsRescored', schema: RescoredMention, logger: this.logger, chunkSize: 500, handle: (m) => this.onMessages(m) })
      .start();
  }

  async onMessages(messages: ConsumedMessage<RescoredMention>[]): Promise<PermanentFailure[]> {
    const out = await this.apply.execute(messages.map((m) => m.value));
    this.logger.debug({ ...out, modelVersion: messages[0]?.value.modelVersion }, 're-scored posts applied');
    return [];
  }
}
