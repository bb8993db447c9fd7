import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { applyHttpSecurity } from '@vigil/common';
import { SearchErrorFilter } from '@vigil/search';
import { API_CONFIG, type ApiConfig } from './api.config';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { serveDashboard } from './web/serve-dashboard';

/**
 * What every HTTP-serving Vigil process sets up: security headers and JSON-only bodies, search
 * errors without Elasticsearch's text, OpenAPI docs, the dashboard, shutdown hooks (unless the
 * caller stops the process itself, as `vigil start` does).
 */
export function configureHttpApp(app: INestApplication, opts: { shutdownHooks?: boolean } = {}): void {
  if (opts.shutdownHooks !== false) app.enableShutdownHooks();
  applyHttpSecurity(app, { docsPath: '/api/docs' });
  app.useGlobalFilters(new SearchErrorFilter(app.get(HttpAdapterHost).httpAdapter));
  const doc = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, doc);
  const config = app.get<ApiConfig | undefined>(API_CONFIG, { strict: false });
  if (config) serveDashboard(app, config.API_DASHBOARD_DIR);
}
