import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import type { SourceHealth } from '@vigil/contracts';
import { Clock } from '@vigil/common';
import { SourceStateRepository } from '../state/source-state.repository';

/**
 * Prometheus metrics of the collector. Per-source gauges are read from the state
 * documents at scrape time, so they agree with the health the api shows.
 */
@Injectable()
export class CollectorMetrics {
  readonly registry = new Registry();
  private readonly polls = new Counter({ name: 'vigil_collector_polls_total', help: 'Polls by source and outcome', labelNames: ['source', 'outcome'], registers: [this.registry] });
  private readonly intake = new Counter({ name: 'vigil_intake_messages_total', help: 'Intake messages accepted, by channel; duplicate="true" for a repeated id', labelNames: ['channel', 'duplicate'], registers: [this.registry] });

  constructor(states: SourceStateRepository, clock: Clock) {
    const registry = this.registry;
    // One read of the states per scrape, shared by every gauge.
    let cached: { at: number; health: Promise<SourceHealth[]> } | undefined;
    const health = () => {
      if (!cached || Date.now() - cached.at > 1_000) cached = { at: Date.now(), health: states.health(clock.now()) };
      return cached.health;
    };
    const gauge = (name: string, help: string, read: (h: SourceHealth) => number | undefined) => {
      new Gauge({
        name,
        help,
        labelNames: ['source'],
        registers: [registry],
        async collect() {
          this.reset();
          for (const h of await health()) {
            const v = read(h);
            if (v !== undefined) this.set({ source: h.sourceId }, v);
          }
        },
      });
    };
    gauge('vigil_source_last_success_timestamp_seconds', 'When the source was last polled successfully', (h) => (h.lastSuccessAt ? Date.parse(h.lastSuccessAt) / 1000 : undefined));
    gauge('vigil_source_errors', 'Failed polls since the state was created', (h) => h.errorCount);
    gauge('vigil_source_consecutive_errors', 'Failed polls since the last success', (h) => h.consecutiveErrors);
    gauge('vigil_source_items_emitted', 'Mentions emitted since the state was created', (h) => h.itemsEmitted);
    gauge('vigil_source_items_last_hour', 'Mentions emitted in the last hour', (h) => h.itemsLastHour);
    gauge('vigil_source_lag_seconds', 'Median delay between publishing and collecting, last poll', (h) => (h.lagMs === undefined ? undefined : h.lagMs / 1000));
    gauge('vigil_source_open_gap', '1 while the source is failing and may be missing posts', (h) => (h.gaps.some((g) => g.open) ? 1 : 0));
    gauge('vigil_source_gaps', 'Coverage gaps recorded (bounded list)', (h) => h.gaps.length);
  }

  polled(source: string, outcome: 'ok' | 'error'): void {
    this.polls.inc({ source, outcome });
  }

  intakeAccepted(channel: string, duplicate: boolean): void {
    this.intake.inc({ channel, duplicate: String(duplicate) });
  }
}
