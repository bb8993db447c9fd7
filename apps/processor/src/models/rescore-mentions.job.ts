import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createLogger } from '@vigil/common';
import { MODEL_OPTIONS, type ModelOptions } from './model-options';
import { RescoreMentionsUseCase } from './rescore-mentions.usecase';

/**
 * Re-scores the window's stored posts in the background after a model update: a pass every
 * ANALYSIS_RESCORE_EVERY_MS while the models in force have not scored them all (a pass over
 * nothing left is one query). Every processor instance may run passes: the indexer writes each
 * post once per version whichever instance sent it. A stop waits for the page in hand.
 */
@Injectable()
export class RescoreMentionsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = createLogger('processor');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopping = false;

  constructor(
    @Inject(MODEL_OPTIONS) private readonly options: ModelOptions,
    private readonly rescore: RescoreMentionsUseCase,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.rescoreEveryMs <= 0 || this.options.rescoreDays <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.options.rescoreEveryMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running;
  }

  async tick(): Promise<void> {
    if (this.running || this.stopping) return;
    this.running = this.rescore.execute(() => this.stopping).catch((e: Error) => this.logger.warn({ err: e.message }, 're-scoring pass failed; the next pass goes on from what is stored'));
    try { await this.running; } finally { this.running = undefined; }
  }
}
