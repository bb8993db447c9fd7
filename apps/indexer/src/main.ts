import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, PinoNestLogger } from '@vigil/common';
import { IndexerModule } from './indexer.module';
import { loadIndexerConfig } from './indexer.config';

async function main(): Promise<void> {
  const app = await NestFactory.create(IndexerModule.forRoot(loadIndexerConfig()), { logger: new PinoNestLogger(createLogger('indexer')) });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
}

void main();
