import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, createLogger } from '@vigil/common';
import { DetectMentionsUseCase } from './detect-mentions.usecase';
import { DETECTOR_OPTIONS, type DetectorOptions } from './detector.tokens';

/**
 * In a live stream event time is wall time; a quiet stream still has to let bursts cool down.
 * Each tick also reads the collector's coverage gaps first.
 */
@Injectable()
export class EventTimeTicker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = createLogger('detector');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly detect: DetectMentionsUseCase,
    private readonly clock: Clock,
    @Inject(DETECTOR_OPTIONS) private readonly options: DetectorOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.tickMs) return;
    this.timer = setInterval(() => {
      this.detect
        .refreshCoverage()
        .catch((e) => this.logger.warn({ err: (e as Error).message }, 'coverage gaps not read; the last known ones stay'))
        .then(() => this.detect.advanceTo(this.clock.now()))
        .catch((e) => this.logger.warn({ err: (e as Error).message }, 'tick failed; outputs kept for the next try'));
    }, this.options.tickMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
