import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
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
  // The session cookie (httpOnly) is the only cookie Vigil reads.
  app.use(cookieParser());
  const config0 = app.get<ApiConfig | undefined>(API_CONFIG, { strict: false });
  const trustProxy = config0?.API_TRUST_PROXY;
  if (trustProxy) (app.getHttpAdapter().getInstance() as { set(k: string, v: unknown): void }).set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  app.useGlobalFilters(new SearchErrorFilter(app.get(HttpAdapterHost).httpAdapter));
  const doc = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, doc);
  if (config0) serveDashboard(app, config0.API_DASHBOARD_DIR);
}
