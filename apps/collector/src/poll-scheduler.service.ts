import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { backoffDelay, createLogger } from '@vigil/common';
import { PollSourceUseCase, type PollOutcome } from './poll-source.usecase';
import { CollectorMetrics } from './metrics/collector-metrics';
import { SOURCES, type SourceList } from './sources/sources.provider';
import type { SourceConfig } from './sources/sources-config';

/** Polls every enabled source on its own schedule; one poll per source at a time. */
@Injectable()
export class PollScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = createLogger('collector');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly failures = new Map<string, number>();
  private stopped = false;

  constructor(
    @Inject(SOURCES) private readonly sources: SourceList,
    private readonly poll: PollSourceUseCase,
    private readonly metrics: CollectorMetrics,
  ) {}

  onApplicationBootstrap(): void {
    const enabled = this.sources.filter((s) => s.enabled);
    this.logger.info({ sources: enabled.map((s) => s.id) }, 'polling sources');
    for (const s of enabled) this.schedule(s, 0);
  }

  private schedule(source: SourceConfig, delayMs: number): void {
    if (this.stopped) return;
    const t = setTimeout(() => void this.run(source), delayMs);
    t.unref();
    this.timers.set(source.id, t);
  }

  private async run(source: SourceConfig): Promise<void> {
    let outcome: PollOutcome;
    try {
      outcome = await this.poll.execute(source);
    } catch (e) {
      // Whatever breaks, this source is polled again: a rejected timer callback would stop it for good.
      this.logger.error({ sourceId: source.id, err: (e as Error).message }, 'poll crashed');
      outcome = { sourceId: source.id, emitted: 0, skippedSeen: 0, filtered: 0, error: (e as Error).message };
    }
    this.metrics.polled(source.id, outcome.error ? 'error' : 'ok');
    // A failing source backs off (with jitter) instead of hammering a broken server.
    const failures = outcome.error ? (this.failures.get(source.id) ?? 0) + 1 : 0;
    this.failures.set(source.id, failures);
    // A backlog (paging limit in a source that resumes exactly) is read on at once; the host's rate limiter keeps it polite.
    const delay = failures
      ? Math.max(outcome.retryAfterMs ?? 0, Math.min(source.every, backoffDelay(failures, 2_000, source.every)))
      : outcome.more
        ? Math.min(source.every, 1_000)
        : source.every;
    this.schedule(source, delay);
  }

  onModuleDestroy(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
  }
}
