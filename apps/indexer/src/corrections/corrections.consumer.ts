import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { StoredCorrection } from '@vigil/contracts';
import { createLogger } from '@vigil/common';
import { ConsumerFactory, type ConsumedMessage, type PermanentFailure } from '@vigil/kafka';
import { INDEXER_OPTIONS, type IndexerOptions } from '../indexer.tokens';
import { ApplyCorrectionUseCase } from './apply-correction.usecase';

/** mentions.corrections → the audit trail and the mention documents, in order per post (the key is the mention id). */
@Injectable()
export class CorrectionsConsumer implements OnApplicationBootstrap {
  private readonly logger = createLogger('indexer');

  constructor(
    private readonly consumers: ConsumerFactory,
    private readonly applyCorrection: ApplyCorrectionUseCase,
    @Inject(INDEXER_OPTIONS) private readonly options: IndexerOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers
      .create({ groupId: `${this.options.groupId}-corrections`, topic: 'mentionsCorrections', schema: StoredCorrection, logger: this.logger, chunkSize: 50, handle: (m) => this.onMessages(m) })
      .start();
  }

  async onMessages(messages: ConsumedMessage<StoredCorrection>[]): Promise<PermanentFailure[]> {
    for (const { value: c } of messages) {
      const changed = await this.applyCorrection.execute(c);
      this.logger.info({ mentionId: c.mentionId, correctionId: c.id, by: c.by, changed }, changed ? 'correction applied' : 'correction recorded (no newer-than-it copy of the post to change)');
    }
    return [];
  }
}
