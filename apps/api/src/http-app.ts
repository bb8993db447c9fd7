import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_CONFIG, type ApiConfig } from './api.config';
import { serveDashboard } from './web/serve-dashboard';

/** What every HTTP-serving Vigil process sets up: OpenAPI docs, the dashboard, shutdown hooks. */
export function configureHttpApp(app: INestApplication): void {
  app.enableShutdownHooks();
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Vigil API')
      .setDescription('Reputation and crisis monitoring: search, clusters, tickets, live push. Sign in with POST /api/auth/login and send `Authorization: Bearer <token>`, or send an API key as `X-API-Key`.')
      .setVersion('0.1')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc);
  const config = app.get<ApiConfig | undefined>(API_CONFIG, { strict: false });
  if (config) serveDashboard(app, config.API_DASHBOARD_DIR);
}
