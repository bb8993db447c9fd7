import { Module, type DynamicModule } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { Clock, HealthModule, SystemClock, serviceConnections } from '@vigil/common';
import { KafkaClient, KafkaModule } from '@vigil/kafka';
import { SearchClient, SearchModule } from '@vigil/search';
import { API_CONFIG, type ApiConfig } from './api.config';
import { AnalyticsController } from './analytics/analytics.controller';
import { ApiKeysRepository } from './auth/api-keys.repository';
import { AuditLog } from './auth/audit-log';
import { AuditController } from './auth/audit.controller';
import { AuthController } from './auth/auth.controller';
import { KeyAdminUseCase } from './auth/key-admin.usecase';
import { LoginThrottle } from './auth/login-throttle';
import { RefreshSessionUseCase } from './auth/refresh-session.usecase';
import { SessionsRepository } from './auth/sessions.repository';
import { LOGIN_THROTTLE, SignInUseCase } from './auth/sign-in.usecase';
import { UserAdminUseCase } from './auth/user-admin.usecase';
import { UserDirectory } from './auth/user-directory';
import { ExportsController } from './exports/exports.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { BootstrapAdminService } from './auth/bootstrap-admin.service';
import { TokenService } from './auth/token.service';
import { UsersController } from './auth/users.controller';
import { UsersRepository } from './auth/users.repository';
import { ClustersController } from './clusters/clusters.controller';
import { IncidentsController } from './incidents/incidents.controller';
import { AnalysisModelsController } from './corrections/analysis-models.controller';
import { CorrectionsController } from './corrections/corrections.controller';
import { RequestCorrectionUseCase } from './corrections/request-correction.usecase';
import { DescribeModelsUseCase } from './corrections/describe-models.usecase';
import { LiveFeedService } from './live/live-feed.service';
import { LiveGateway } from './live/live.gateway';
import { LivePublisher } from './live/live.publisher';
import { MentionsController } from './mentions/mentions.controller';
import { MentionsRepository } from './mentions/mentions.repository';
import { PlanController } from './plan/plan.controller';
import { RequestPlanEditUseCase } from './plan/request-plan-edit.usecase';
import { ReportsController } from './reports/reports.controller';
import { SavedSearchesController } from './saved-searches/saved-searches.controller';
import { SavedSearchesRepository } from './saved-searches/saved-searches.repository';
import { SourcesController } from './sources/sources.controller';
import { RequestTicketActionUseCase } from './tickets/request-ticket-action.usecase';
import { TicketsController } from './tickets/tickets.controller';
import { FollowUpsController } from './tickets/follow-ups.controller';
import { VolumeController } from './volume/volume.controller';
import { BaselinesController } from './baselines/baselines.controller';
import { VolumeRepository } from './volume/volume.repository';
import { PreviewWatchUseCase } from './watches/preview-watch.usecase';
import { SaveWatchUseCase } from './watches/save-watch.usecase';
import { WatchesController } from './watches/watches.controller';
import { WatchesRepository } from './watches/watches.repository';
import { KnowledgeController } from './knowledge/knowledge.controller';
import { KnowledgeRepository } from './knowledge/knowledge.repository';
import { SaveKnowledgeUseCase } from './knowledge/save-knowledge.usecase';
import { SuggestKnowledgeUseCase } from './knowledge/suggest-knowledge.usecase';
import { ListSourcesUseCase } from './sources/list-sources.usecase';
import { SaveSourceUseCase } from './sources/save-source.usecase';
import { SourceTestsClient } from './sources/source-tests.client';
import { ApiBootstrap } from './api.bootstrap';
import { ZodValidationPipe } from './zod-validation.pipe';
import { ComplaintsController } from './complaints/complaints.controller';
import { ContactViewsRepository } from './complaints/contact-views.repository';
import { API_DATA_KEYS, ViewContactUseCase } from './complaints/view-contact.usecase';
import { PlanInForce } from './plan/plan-in-force';
import { ThrottlerModule } from '@nestjs/throttler';
import { ProgressController } from './progress/progress.controller';
import { ShowProgressUseCase } from './progress/show-progress.usecase';

export const API_CONTROLLERS = [AuthController, UsersController, AuditController, MentionsController, CorrectionsController, AnalysisModelsController, TicketsController, FollowUpsController, ClustersController, PlanController, SourcesController, VolumeController, ComplaintsController, ProgressController, AnalyticsController, ExportsController, SavedSearchesController, IncidentsController, ReportsController, WatchesController, BaselinesController, KnowledgeController];

@Module({})
export class ApiModule {
  static forRoot(config: ApiConfig, opts: { withInfra?: boolean } = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        // Only the routes that ask for it (the public progress page) are throttled.
        ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: config.PROGRESS_RATE_PER_MINUTE }]),
        ...(opts.withInfra === false
          ? []
          : [
              KafkaModule.forRoot({ ...serviceConnections(config).kafka, clientId: 'vigil-api', topicPrefix: config.VIGIL_TOPIC_PREFIX, partitions: config.KAFKA_TOPIC_PARTITIONS }),
              SearchModule.forRoot({ ...serviceConnections(config).search, indexPrefix: config.VIGIL_INDEX_PREFIX }),
              HealthModule.register([KafkaClient, SearchClient]),
            ]),
      ],
      controllers: API_CONTROLLERS,
      providers: [
        { provide: API_CONFIG, useValue: config },
        // Every @Query()/@Body() typed with a zod DTO is checked against the DTO's schema.
        { provide: APP_PIPE, useValue: new ZodValidationPipe() },
        { provide: Clock, useClass: SystemClock },
        UsersRepository,
        ApiKeysRepository,
        SessionsRepository,
        AuditLog,
        UserDirectory,
        { provide: LOGIN_THROTTLE, useFactory: () => new LoginThrottle() },
        TokenService,
        AuthService,
        SignInUseCase,
        RefreshSessionUseCase,
        UserAdminUseCase,
        KeyAdminUseCase,
        AuthGuard,
        BootstrapAdminService,
        MentionsRepository,
        SavedSearchesRepository,
        VolumeRepository,
        RequestTicketActionUseCase,
        RequestPlanEditUseCase,
        { provide: API_DATA_KEYS, useValue: config.VIGIL_DATA_KEYS },
        PlanInForce,
        ContactViewsRepository,
        ViewContactUseCase,
        ShowProgressUseCase,
        RequestCorrectionUseCase,
        DescribeModelsUseCase,
        LivePublisher,
        LiveFeedService,
        LiveGateway,
        WatchesRepository,
        SaveWatchUseCase,
        PreviewWatchUseCase,
        KnowledgeRepository,
        SaveKnowledgeUseCase,
        SuggestKnowledgeUseCase,
        ListSourcesUseCase,
        SaveSourceUseCase,
        SourceTestsClient,
        ApiBootstrap,
      ],
      exports: [API_CONFIG],
    };
  }
}
