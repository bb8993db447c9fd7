import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { API_CONFIG, type ApiConfig } from './api.config';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { serveDashboard } from './web/serve-dashboard';

/** What every HTTP-serving Vigil process sets up: OpenAPI docs, the dashboard, shutdown hooks. */
export function configureHttpApp(app: INestApplication): void {
  app.enableShutdownHooks();
  const doc = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, doc);
  const config = app.get<ApiConfig | undefined>(API_CONFIG, { strict: false });
  if (config) serveDashboard(app, config.API_DASHBOARD_DIR);
}
