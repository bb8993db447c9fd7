import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, PinoNestLogger } from '@vigil/common';
import { ResponderModule } from './responder.module';
import { loadResponderConfig } from './responder.config';

/** The responder as its own process: `node dist/apps/responder/src/main.js`. */
async function main(): Promise<void> {
  const logger = createLogger('responder');
  let module;
  try {
    module = ResponderModule.forRoot(loadResponderConfig());
  } catch (e) {
    // A bad plan or config: say exactly what and where, then stop.
    logger.fatal((e as Error).message);
    process.exit(1);
  }
  const app = await NestFactory.create(module, { logger: new PinoNestLogger(logger) });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
}

void main();
