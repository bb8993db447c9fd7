import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, PinoNestLogger } from '@vigil/common';
import { ProcessorModule } from './processor.module';
import { loadProcessorConfig } from './processor.config';

/** The processor as its own process: `node dist/apps/processor/src/main.js`. */
async function main(): Promise<void> {
  const config = loadProcessorConfig();
  const app = await NestFactory.create(ProcessorModule.forRoot(config), { logger: new PinoNestLogger(createLogger('processor')) });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
}

void main();
