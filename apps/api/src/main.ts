import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, PinoNestLogger } from '@vigil/common';
import { ApiModule } from './api.module';
import { loadApiConfig } from './api.config';
import { configureHttpApp } from './http-app';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const logger = createLogger('api');
  const app = await NestFactory.create(ApiModule.forRoot(config), { logger: new PinoNestLogger(logger) });
  configureHttpApp(app);
  await app.listen(config.API_PORT, config.API_HOST);
  logger.info(`api on http://${config.API_HOST}:${config.API_PORT} (docs: /api/docs)`);
}

void main();
