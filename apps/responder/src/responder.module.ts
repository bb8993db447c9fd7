import { Module, type DynamicModule } from '@nestjs/common';
import { Clock, HealthModule, SystemClock, serviceConnections } from '@vigil/common';
import { KafkaClient, KafkaModule } from '@vigil/kafka';
import { SearchClient, SearchModule } from '@vigil/search';
import type { ResponderConfig } from './responder.config';
import { NOTIFY_OPTIONS, PLAN_WATCH_MS, RESPONDER_OPTIONS, SMTP_OPTIONS, WEBHOOK_OPTIONS } from './responder.tokens';
import { PlanStore } from './plan/plan.store';
import { readPlanFileSync } from './plan/plan-file';
import { PlanRepository } from './plan/plan.repository';
import { PlanVersionsRepository } from './plan/plan-versions.repository';
import { PlanPublisher } from './plan/plan-publisher.service';
import { ApplyPlanEditUseCase } from './plan/apply-plan-edit.usecase';
import { PlanEditsConsumer } from './plan/plan-edits.consumer';
import { TicketsRepository } from './tickets/tickets.repository';
import { IncidentsRepository } from './tickets/incidents.repository';
import { TicketSequenceRepository } from './tickets/ticket-sequence.repository';
import { TicketWriter } from './tickets/ticket-writer';
import { HttpNotifyClient } from './notify/http-notify.client';
import { SmtpMailClient } from './notify/smtp-mail.client';
import { DeliverNotificationsUseCase } from './notify/deliver-notifications.usecase';
import { PrivacyMasker } from './privacy/privacy-masker';
import { HandleSignalUseCase } from './signals/handle-signal.usecase';
import { ComplaintHistoryService } from './complaints/complaint-history.service';
import { SignalsConsumer } from './signals/signals.consumer';
import { ApplyTicketActionUseCase } from './actions/apply-ticket-action.usecase';
import { TicketActionsConsumer } from './actions/ticket-actions.consumer';
import { EscalateOverdueTicketsUseCase } from './clock/escalate-overdue-tickets.usecase';
import { SlaTicker } from './clock/sla-ticker.service';
import { ResponderBootstrap } from './responder.bootstrap';

export interface ResponderModuleOptions {
  /** false inside the all-in-one process, which provides Kafka, search and /health once. */
  withInfra?: boolean;
  /** Tests pass a ManualClock to drive SLA timers. */
  clock?: Clock;
}

@Module({})
export class ResponderModule {
  /** Throws PlanFileError (every `file:line:col path: message`) when the plan file is invalid. */
  static forRoot(config: ResponderConfig, opts: ResponderModuleOptions = {}): DynamicModule {
    const initialPlan = readPlanFileSync(config.PLAN_FILE);
    return {
      module: ResponderModule,
      imports: opts.withInfra === false ? [] : [
        KafkaModule.forRoot({ ...serviceConnections(config).kafka, clientId: 'vigil-responder', topicPrefix: config.VIGIL_TOPIC_PREFIX, partitions: config.KAFKA_TOPIC_PARTITIONS }),
        SearchModule.forRoot({ ...serviceConnections(config).search, indexPrefix: config.VIGIL_INDEX_PREFIX }),
        HealthModule.register([KafkaClient, SearchClient]),
      ],
      providers: [
        opts.clock ? { provide: Clock, useValue: opts.clock } : { provide: Clock, useClass: SystemClock },
        { provide: PlanStore, useFactory: () => new PlanStore(config.PLAN_FILE, initialPlan) },
        { provide: PLAN_WATCH_MS, useValue: config.PLAN_WATCH_MS },
        { provide: RESPONDER_OPTIONS, useValue: { signalsGroup: config.RESPONDER_SIGNALS_GROUP, actionsGroup: config.RESPONDER_ACTIONS_GROUP, planGroup: config.RESPONDER_PLAN_GROUP, tickMs: config.RESPONDER_TICK_MS } },
        { provide: WEBHOOK_OPTIONS, useValue: { timeoutMs: config.WEBHOOK_TIMEOUT_MS, maxAttempts: config.WEBHOOK_MAX_ATTEMPTS, allowedHosts: config.WEBHOOK_ALLOW_HOSTS, enabled: config.WEBHOOKS_ENABLED } },
        PlanRepository,
        PlanVersionsRepository,
        PlanPublisher,
        ApplyPlanEditUseCase,
        PlanEditsConsumer,
        TicketsRepository,
        IncidentsRepository,
        TicketSequenceRepository,
        {
          provide: SMTP_OPTIONS,
          useValue: { host: config.SMTP_HOST, port: config.SMTP_PORT, secure: config.SMTP_SECURE, startTls: config.SMTP_STARTTLS, user: config.SMTP_USER, password: config.SMTP_PASSWORD, from: config.SMTP_FROM, timeoutMs: config.WEBHOOK_TIMEOUT_MS },
        },
        {
          provide: NOTIFY_OPTIONS,
          useValue: { secrets: config.NOTIFY_SECRETS, dashboardUrl: config.DASHBOARD_URL, maxAttempts: config.WEBHOOK_MAX_ATTEMPTS, retryBaseMs: config.NOTIFY_RETRY_BASE_MS, leaseMs: 2 * 60_000 },
        },
        HttpNotifyClient,
        SmtpMailClient,
        DeliverNotificationsUseCase,
        PrivacyMasker,
        TicketWriter,
        ComplaintHistoryService,
        HandleSignalUseCase,
        ApplyTicketActionUseCase,
        EscalateOverdueTicketsUseCase,
        ResponderBootstrap,
        SignalsConsumer,
        TicketActionsConsumer,
        SlaTicker,
      ],
      exports: [TicketsRepository, SlaTicker, PlanStore],
    };
  }
}
