import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, PinoNestLogger } from '@vigil/common';
import { DetectorModule } from './detector.module';
import { loadDetectorConfig } from './detector.config';

async function main(): Promise<void> {
  const app = await NestFactory.create(DetectorModule.forRoot(loadDetectorConfig()), { logger: new PinoNestLogger(createLogger('detector')) });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
}

void main();
