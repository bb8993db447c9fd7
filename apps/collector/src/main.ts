import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, PinoNestLogger } from '@vigil/common';
import { CollectorModule } from './collector.module';
import { loadCollectorConfig } from './collector.config';

async function main(): Promise<void> {
  const app = await NestFactory.create(CollectorModule.forRoot(loadCollectorConfig()), { logger: new PinoNestLogger(createLogger('collector')) });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
}

void main();
