import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createLogger } from '@vigil/common';
import { WatchesReader } from '@vigil/search';
import type { ProductDef, SentimentModelSource } from '@vigil/analysis';
import type { WatchConfig } from '@vigil/contracts';
import { buildWatchRuntime, type WatchRuntime } from './watch-runtime';
import { loadWatchesFile } from './watches-file';

export interface WatchesRegistryOptions {
  /** How often the store is asked whether a watch changed (ms). */
  pollMs: number;
  /** Read the watches from this file instead of Elasticsearch (replays, offline runs). */
  file?: string;
  /** Products from ANALYSIS_USER_DICT, merged with the watches' own. */
  products: ProductDef[];
  /** The sentiment models in force (the deployment's, then those the model-update job publishes). */
  modelSource?: SentimentModelSource;
}
export const WATCHES_REGISTRY_OPTIONS = Symbol('WATCHES_REGISTRY_OPTIONS');

/**
 * The processor's view of the watches. Changes are found by polling: every `pollMs` it reads
 * each watch's id and version (one small search) and, when that list differs, loads the
 * watches, builds a new runtime and swaps it in; the next post uses it, no restart.
 *
 * Why polling and not a Kafka topic: Elasticsearch is where watches live and are audited; a
 * topic would be a second copy to keep in step, and each processor instance would still need
 * to read the whole set at start (and after missing messages while down). The set is small and
 * one search every few seconds costs nothing, so the store is asked directly; the price is up
 * to `pollMs` before a change applies.
 *
 * Until the first load succeeds, `ready` does not resolve and the consumer waits: no post is
 * tagged without the watch configuration.
 */
@Injectable()
export class WatchesRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = createLogger('processor');
  private runtime?: WatchRuntime;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private markReady!: () => void;
  readonly ready = new Promise<void>((r) => (this.markReady = r));

  constructor(
    @Inject(WATCHES_REGISTRY_OPTIONS) private readonly options: WatchesRegistryOptions,
    private readonly reader: WatchesReader,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.options.file) {
      const watches = loadWatchesFile(this.options.file);
      this.swap(watches, `file:${this.options.file}`);
      return;
    }
    await this.refresh().catch((e: Error) => this.logger.error({ err: e.message }, 'could not read the watches; retrying'));
    this.schedule();
  }

  /** The runtime to analyse the next post with (call after `ready`). */
  current(): WatchRuntime {
    if (!this.runtime) throw new Error('watches not loaded yet');
    return this.runtime;
  }

  /** Checks the store now; true when a change was applied. */
  async refresh(): Promise<boolean> {
    const versions = await this.reader.versions();
    const revision = versions.filter((v) => !v.deleted).map((v) => `${v.id}@${v.version}`).join(',');
    if (this.runtime && revision === this.runtime.revision) return false;
    const { watches, invalid } = await this.reader.list();
    for (const w of invalid) this.logger.error({ watchId: w.id, err: w.error }, 'watch document does not match its schema; left out');
    // The revision of what was actually loaded, so a change between the two reads is seen next time.
    this.swap(watches, watches.map((w) => `${w.id}@${w.version}`).join(','));
    return true;
  }

  private swap(watches: WatchConfig[], revision: string): void {
    const t0 = Date.now();
    const runtime = buildWatchRuntime(watches, { products: this.options.products, modelSource: this.options.modelSource }, revision);
    for (const p of runtime.matcher?.problems ?? []) this.logger.error({ watchId: p.watchId, field: p.field, index: p.index, err: p.error }, 'watch rule left out');
    this.runtime = runtime;
    this.logger.info({ watches: watches.length, terms: runtime.matcher?.stats.terms ?? 0, ms: Date.now() - t0 }, 'watches applied');
    this.markReady();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.refresh()
        .catch((e: Error) => this.logger.warn({ err: e.message }, 'watch poll failed'))
        .finally(() => this.schedule());
    }, this.options.pollMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
