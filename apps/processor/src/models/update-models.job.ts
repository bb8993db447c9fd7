import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock, createLogger } from '@vigil/common';
import { MODEL_OPTIONS, type ModelOptions } from './model-options';
import { UpdateModelsUseCase } from './update-models.usecase';

/**
 * Runs the model update every ANALYSIS_TRAIN_EVERY_MS in each processor; the run of a period
 * (`run:<period start>`) is claimed by one instance, the others skip it. One run at a time per process.
 */
@Injectable()
export class UpdateModelsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = createLogger('processor');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(MODEL_OPTIONS) private readonly options: ModelOptions,
    private readonly update: UpdateModelsUseCase,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.trainEveryMs <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.options.trainEveryMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** The period's run, unless one is still going in this process. */
  async tick(): Promise<void> {
    if (this.running) return;
    const every = this.options.trainEveryMs;
    const slot = new Date(Math.floor(this.clock.now().getTime() / every) * every).toISOString();
    this.running = this.update.execute(slot).catch((e: Error) => this.logger.error({ err: e.message }, 'model update could not run'));
    try { await this.running; } finally { this.running = undefined; }
  }
}
