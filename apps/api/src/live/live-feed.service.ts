import { randomBytes } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock, createLogger } from '@vigil/common';
import { Alert, EnrichedMention, TicketEvent, type LiveSnapshot } from '@vigil/contracts';
import { ConsumerFactory, KafkaClient } from '@vigil/kafka';
import { LiveState } from './live-state';
import { LivePublisher } from './live.publisher';

const COUNTERS_EVERY_MS = 1_000;

/**
 * Feeds the dashboards: consumes alerts, ticket events and enriched mentions with a
 * consumer group of its own (every api instance must see every message, from now on),
 * keeps `LiveState` and broadcasts its deltas.
 */
@Injectable()
export class LiveFeedService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = createLogger('api');
  readonly instanceId = `vigil-api-${randomBytes(4).toString('hex')}`;
  private readonly state: LiveState;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly kafka: KafkaClient,
    private readonly consumers: ConsumerFactory,
    private readonly publisher: LivePublisher,
    clock: Clock,
  ) {
    this.state = new LiveState(this.instanceId, clock);
  }

  snapshot(): LiveSnapshot {
    return this.state.snapshot();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.kafka.ensureTopics(['alerts', 'ticketEvents', 'mentionsEnriched', 'ticketActions', 'planEdits', 'mentionsCorrections', 'dlq']);
    const groupId = this.instanceId;
    const logger = this.logger;
    await Promise.all([
      this.consumers
        .create({ groupId: `${groupId}-alerts`, topic: 'alerts', schema: Alert, fromBeginning: false, logger, handle: async (ms) => ms.forEach((m) => this.onAlert(m.value)) })
        .start(),
      this.consumers
        .create({ groupId: `${groupId}-tickets`, topic: 'ticketEvents', schema: TicketEvent, fromBeginning: false, logger, handle: async (ms) => ms.forEach((m) => this.onTicketEvent(m.value)) })
        .start(),
      this.consumers
        .create({ groupId: `${groupId}-mentions`, topic: 'mentionsEnriched', schema: EnrichedMention, fromBeginning: false, logger, handle: async (ms) => this.state.onMentions(ms.map((m) => m.value)) })
        .start(),
    ]);
    this.timer = setInterval(() => this.onTick(), COUNTERS_EVERY_MS);
    this.timer.unref();
    this.logger.info({ instanceId: this.instanceId }, 'live feed consuming alerts, tickets.events, mentions.enriched');
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private onAlert(alert: Alert): void {
    const d = this.state.onAlert(alert);
    if (d) this.publisher.broadcast(d);
    this.logger.info({ alertId: alert.alertId, ticketId: alert.ticketId, seq: d?.seq, duplicate: !d }, 'alert pushed');
  }

  private onTicketEvent(event: TicketEvent): void {
    this.publisher.broadcast(this.state.onTicketEvent(event));
  }

  private onTick(): void {
    const d = this.state.countersDelta();
    if (d) this.publisher.broadcast(d);
  }
}
