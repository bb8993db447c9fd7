import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { createLogger } from '@vigil/common';
import { fromDeploymentModels, SentimentModelHolder, type SentimentModels } from '@vigil/analysis';
import { AnalysisModelsReader } from '@vigil/search';
import { loadDeploymentModels } from './deployment-models';
import { MODEL_OPTIONS, type ModelOptions } from './model-options';

/**
 * The sentiment models this processor analyses with: the file in ANALYSIS_MODEL_DIR (`vigil
 * train`, read once at start) under the update the model-update job published in Elasticsearch,
 * whose version it polls. A new version is swapped in between two posts (the analyzer follows
 * `holder`): no restart, and every instance converges within one poll.
 */
@Injectable()
export class ModelFollower implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = createLogger('processor');
  readonly holder = new SentimentModelHolder();
  /** What the job starts from: the shipped models under the file's. */
  readonly seed: Partial<SentimentModels> | undefined;
  private following = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(MODEL_OPTIONS) private readonly options: ModelOptions,
    private readonly published: AnalysisModelsReader,
  ) {
    this.seed = loadDeploymentModels(options.modelDir);
    this.holder.set(this.seed);
  }

  /** The published version in use (0 = none: the file's or the shipped models). */
  get modelVersion(): number {
    return this.following;
  }

  async onModuleInit(): Promise<void> {
    await this.check().catch((e: Error) => this.logger.warn({ err: e.message }, 'could not read the published models; analysing with the shipped (or file) models until the next poll'));
    if (this.options.pollMs > 0) {
      this.timer = setInterval(() => void this.check().catch((e: Error) => this.logger.warn({ err: e.message }, 'model poll failed')), this.options.pollMs);
      this.timer.unref();
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Takes the published models if their version moved; true when it swapped. */
  async check(): Promise<boolean> {
    const v = await this.published.version();
    if (!v || v.modelVersion === this.following) return false;
    const doc = await this.published.current();
    if (!doc) return false;
    this.holder.set({ ...this.seed, ...fromDeploymentModels(doc) });
    this.following = doc.modelVersion;
    this.logger.info({ modelVersion: doc.modelVersion, trainedAt: doc.trainedAt, corrections: doc.corrections }, 'sentiment models updated');
    return true;
  }
}
