import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { backoffDelay, createLogger } from '@vigil/common';
import { PollSourceUseCase, type PollOutcome } from './poll-source.usecase';
import { CollectorMetrics } from './metrics/collector-metrics';
import { SourceRegistry } from './sources/source-registry';
import type { SourceConfig } from './sources/sources-config';

interface Slot {
  source: SourceConfig;
  /** JSON of the configuration, to tell a change from a re-read. */
  key: string;
  timer?: NodeJS.Timeout;
  running: boolean;
  failures: number;
}

/**
 * Polls every enabled source on its own schedule, one poll per source at a time. The set of
 * sources comes from the registry and changes while running: a new source is polled at once,
 * a changed one is rescheduled with its new configuration (after a poll in flight finishes),
 * a paused or deleted one stops. A failing source backs off on its own; the others go on.
 */
@Injectable()
export class PollScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = createLogger('collector');
  private readonly slots = new Map<string, Slot>();
  private stopped = false;

  constructor(
    private readonly registry: SourceRegistry,
    private readonly poll: PollSourceUseCase,
    private readonly metrics: CollectorMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.registry.onChange((sources) => this.apply(sources));
    await this.registry.start();
  }

  /** Ids of the sources being polled now. */
  active(): string[] {
    return [...this.slots.keys()].sort();
  }

  apply(sources: SourceConfig[]): void {
    const enabled = new Map(sources.filter((s) => s.enabled).map((s) => [s.id, s]));
    for (const [id, slot] of this.slots) {
      if (enabled.has(id)) continue;
      clearTimeout(slot.timer);
      this.slots.delete(id);
      this.logger.info({ sourceId: id }, 'source stopped');
    }
    for (const [id, source] of enabled) {
      const key = JSON.stringify(source);
      const slot = this.slots.get(id);
      if (slot?.key === key) continue;
      if (slot) {
        slot.source = source;
        slot.key = key;
        slot.failures = 0;
        // A poll in flight reschedules itself when it ends, with the new configuration.
        if (!slot.running) {
          clearTimeout(slot.timer);
          this.schedule(slot, 0);
        }
        this.logger.info({ sourceId: id }, 'source changed');
      } else {
        const fresh: Slot = { source, key, running: false, failures: 0 };
        this.slots.set(id, fresh);
        this.schedule(fresh, 0);
        this.logger.info({ sourceId: id }, 'source started');
      }
    }
  }

  private schedule(slot: Slot, delayMs: number): void {
    if (this.stopped || this.slots.get(slot.source.id) !== slot) return;
    const t = setTimeout(() => void this.run(slot), delayMs);
    t.unref();
    slot.timer = t;
  }

  private async run(slot: Slot): Promise<void> {
    slot.running = true;
    const source = slot.source;
    let outcome: PollOutcome;
    try {
      outcome = await this.poll.execute(source);
    } catch (e) {
      // Whatever breaks, this source is polled again: a rejected timer callback would stop it for good.
      this.logger.error({ sourceId: source.id, err: (e as Error).message }, 'poll crashed');
      outcome = { sourceId: source.id, emitted: 0, skippedSeen: 0, filtered: 0, error: (e as Error).message };
    } finally {
      slot.running = false;
    }
    this.metrics.polled(source.id, outcome.error ? 'error' : 'ok');
    // A failing source backs off (with jitter) instead of hammering a broken server.
    slot.failures = outcome.error ? slot.failures + 1 : 0;
    const every = slot.source.every;
    if (slot.source !== source) {
      // Changed while polling: the new configuration goes at once.
      this.schedule(slot, 0);
      return;
    }
    // A backlog (paging limit in a source that resumes exactly) is read on at once; the host's rate limiter keeps it polite.
    const delay = slot.failures
      ? Math.max(outcome.retryAfterMs ?? 0, Math.min(every, backoffDelay(slot.failures, 2_000, every)))
      : outcome.more
        ? Math.min(every, 1_000)
        : every;
    this.schedule(slot, delay);
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.registry.stop();
    for (const s of this.slots.values()) clearTimeout(s.timer);
  }
}
