import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { createLogger } from '@vigil/common';
import { RESPONDER_OPTIONS, type ResponderOptions } from '../responder.tokens';
import { EscalateOverdueTicketsUseCase, type TickSummary } from './escalate-overdue-tickets.usecase';

/**
 * Runs the clock pass every `tickMs`, one pass at a time. Several instances may tick
 * the same tickets: writes are conditional, so a step still fires once. Tests call
 * `tick()` after moving a ManualClock.
 */
@Injectable()
export class SlaTicker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = createLogger('responder');
  private timer?: NodeJS.Timeout;
  private running?: Promise<TickSummary>;
  private stopped = false;

  constructor(
    private readonly escalate: EscalateOverdueTicketsUseCase,
    @Inject(RESPONDER_OPTIONS) private readonly options: ResponderOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.tickMs > 0) this.schedule();
  }

  /** One pass now; waits for a pass already under way and then runs a fresh one. */
  async tick(): Promise<TickSummary> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.escalate.execute().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.tick()
        .catch((e) => this.logger.error({ err: (e as Error).message }, 'clock pass failed'))
        .finally(() => this.schedule());
    }, this.options.tickMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
