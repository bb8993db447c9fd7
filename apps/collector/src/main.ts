import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { applyHttpSecurity, createLogger, PinoNestLogger } from '@vigil/common';
import { CollectorModule } from './collector.module';
import { loadCollectorConfig } from './collector.config';

/** Standalone: polls its sources and serves POST /api/intake/:channel and /metrics on COLLECTOR_PORT. */
async function main(): Promise<void> {
  const config = loadCollectorConfig();
  const logger = createLogger('collector');
  const app = await NestFactory.create(CollectorModule.forRoot(config), { logger: new PinoNestLogger(logger) });
  app.enableShutdownHooks();
  applyHttpSecurity(app);
  await app.listen(config.COLLECTOR_PORT, config.COLLECTOR_HOST);
  logger.info(`collector on http://${config.COLLECTOR_HOST}:${config.COLLECTOR_PORT} (intake: /api/intake/:channel, metrics: /metrics)`);
}

void main();
