import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, PinoNestLogger } from '@vigil/common';
import { ReporterModule } from './reporter.module';
import { loadReporterConfig } from './reporter.config';

async function main(): Promise<void> {
  const app = await NestFactory.create(ReporterModule.forRoot(loadReporterConfig()), { logger: new PinoNestLogger(createLogger('reporter')) });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
}

void main();
