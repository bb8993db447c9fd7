/**
 * One detector instance of `bench:detection`'s scale-out part, as its own OS process (what
 * `node dist/apps/detector/src/main.js` runs, without the HTTP listener). Answers `ready` once
 * its consumers have started and `held <partitions>` when asked; stops on `stop`.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DetectorModule } from '../apps/detector/src/detector.module';
import { loadDetectorConfig } from '../apps/detector/src/detector.config';
import { DetectMentionsUseCase } from '../apps/detector/src/detect-mentions.usecase';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(DetectorModule.forRoot(loadDetectorConfig()), { logger: false });
  await app.init();
  process.on('message', (m: unknown) => {
    if (m === 'held') process.send!({ held: app.get(DetectMentionsUseCase).partitions() });
    else if (m === 'stop') void app.close().finally(() => process.exit(0));
  });
  process.send!('ready');
}

main().catch((e: unknown) => {
  process.stderr.write(`detector failed: ${(e as Error).stack}\n`);
  process.exit(1);
});
