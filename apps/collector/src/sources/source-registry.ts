import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { SourceDoc } from '@vigil/contracts';
import { Clock, createLogger } from '@vigil/common';
import { SearchClient, SourcesReader } from '@vigil/search';
import { HttpFetcher } from '../http/http-fetcher';
import { SourceStateRepository } from '../state/source-state.repository';
import { newState, recordFailure } from '../state/source-health';
import { hostRates, type SourceConfig, type SourcesFile } from './sources-config';
import { parseStoredSource, placeholdersOf, type StoredSourceLimits } from './stored-sources';
import { SourcesSeedRepository } from './sources-seed.repository';

export interface SourceRegistryOptions {
  /** The sources YAML, parsed (validated), and its entries as written (for seeding). */
  file?: { path: string; parsed: SourcesFile; raw: Record<string, unknown>[] };
  /** How often the store is asked whether a source changed (ms). */
  pollMs: number;
  /** Folders a Google Play export may be read from (the sources file's folder is added). */
  importDirs: string[];
  /** Variables sources may use as `${NAME}` besides those the sources file names (COLLECTOR_SOURCE_VARS). */
  vars: string[];
  env: NodeJS.ProcessEnv;
}
export const SOURCE_REGISTRY_OPTIONS = Symbol('SOURCE_REGISTRY_OPTIONS');

export type SourcesListener = (sources: SourceConfig[]) => void;

/**
 * The sources the collector polls: those stored in Elasticsearch (managed in the product), the
 * YAML seeding the store with any source it does not have yet. The store is polled for a change
 * of any source's version (as the processor does for watches, and for the same reasons); a
 * change is handed to the scheduler, which starts, stops or reschedules only what changed. A
 * stored configuration the collector cannot use (a variable missing, a file outside the allowed
 * folders) is recorded as the source's error, so it shows as failing while the others go on.
 */
@Injectable()
export class SourceRegistry {
  private readonly logger = createLogger('collector');
  private revision?: string;
  private sources: SourceConfig[] = [];
  private readonly listeners: SourcesListener[] = [];
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @Inject(SOURCE_REGISTRY_OPTIONS) private readonly options: SourceRegistryOptions,
    private readonly reader: SourcesReader,
    private readonly seeder: SourcesSeedRepository,
    private readonly search: SearchClient,
    private readonly states: SourceStateRepository,
    private readonly fetcher: HttpFetcher,
    private readonly clock: Clock,
  ) {}

  onChange(fn: SourcesListener): void {
    this.listeners.push(fn);
  }

  current(): SourceConfig[] {
    return this.sources;
  }

  /** What a stored source may reach: the folders of exports, and the variables lent to sources. */
  get limits(): StoredSourceLimits {
    const importDirs = this.options.importDirs.map((d) => path.resolve(d));
    if (this.options.file) importDirs.push(path.dirname(path.resolve(this.options.file.path)));
    const vars = new Set(this.options.vars);
    for (const raw of this.options.file?.raw ?? []) placeholdersOf(raw, vars);
    return { importDirs, vars };
  }

  /** Seeds the store from the YAML, loads it, and keeps watching it. */
  async start(): Promise<void> {
    await this.search.ensureIndices();
    await this.seed();
    await this.refresh();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Checks the store now; true when something changed. */
  async refresh(): Promise<boolean> {
    const revision = await this.reader.revision();
    if (revision === this.revision) return false;
    const docs = await this.reader.list();
    const sources: SourceConfig[] = [];
    const limits = this.limits;
    for (const d of docs) {
      const p = parseStoredSource(d.config, this.options.env, limits);
      if (p.ok) sources.push(p.source);
      else await this.recordInvalid(d, p.error);
    }
    this.revision = docs.map((d) => `${d.id}@${d.version}`).join(',');
    this.sources = sources;
    this.fetcher.setHostRates(hostRates({ sources, hosts: this.options.file?.parsed.hosts ?? {} }));
    this.logger.info({ sources: sources.map((s) => s.id), invalid: docs.length - sources.length }, 'sources applied');
    for (const fn of this.listeners) fn(sources);
    return true;
  }

  private async seed(): Promise<void> {
    const f = this.options.file;
    if (!f) return;
    const now = this.clock.now().toISOString();
    const actor = `seed:${path.basename(f.path)}`;
    for (const raw of f.raw) {
      const id = String(raw.id);
      const added = await this.seeder.seed({ id, config: raw, version: 1, createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor });
      if (added) this.logger.info({ sourceId: id, file: f.path }, 'source seeded from the sources file');
    }
  }

  private async recordInvalid(d: SourceDoc, error: string): Promise<void> {
    this.logger.warn({ sourceId: d.id, err: error }, 'stored source not usable');
    const now = this.clock.now().toISOString();
    const state = (await this.states.get(d.id)) ?? newState(d.id, now);
    if (state.lastError === error && (state.consecutiveErrors ?? 0) > 0) return;
    await this.states.save(recordFailure(state, { now, everyMs: state.everyMs ?? 300_000, message: error }));
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.refresh()
        .catch((e: Error) => this.logger.warn({ err: e.message }, 'sources poll failed'))
        .finally(() => this.schedule());
    }, this.options.pollMs);
    this.timer.unref();
  }
}
