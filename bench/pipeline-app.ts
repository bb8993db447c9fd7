/**
 * One app of `bench:pipeline --mode processes`, as its own OS process (what
 * `node dist/apps/<app>/src/main.js` runs, without the HTTP listener), controlled by the bench
 * over the IPC channel: `pause` / `resume` its consumers (the bench loads a round meanwhile),
 * `stop`; `profile-start` / `{ profileTo: dir }` profile this process between them (the bench's
 * BENCH_CPU_PROFILE), answered by `profiled` once the file is written. Answers `ready` once its
 * consumers have started.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { NestFactory } from '@nestjs/core';
import { ConsumerFactory } from '@vigil/kafka';
import { ProcessorModule } from '../apps/processor/src/processor.module';
import { loadProcessorConfig } from '../apps/processor/src/processor.config';
import { IndexerModule } from '../apps/indexer/src/indexer.module';
import { loadIndexerConfig } from '../apps/indexer/src/indexer.config';

async function main(): Promise<void> {
  const which = process.argv[2];
  const module = which === 'processor' ? ProcessorModule.forRoot(loadProcessorConfig()) : IndexerModule.forRoot(loadIndexerConfig());
  const app = await NestFactory.createApplicationContext(module, { logger: false });
  await app.init();
  const consumers = app.get(ConsumerFactory);
  let session: Session | undefined;
  process.on('message', (m: unknown) => {
    if (m === 'profile-start') {
      session = new Session();
      session.connect();
      void session.post('Profiler.enable').then(() => session!.post('Profiler.setSamplingInterval', { interval: 1000 })).then(() => session!.post('Profiler.start'));
    } else if (typeof m === 'object' && m && 'profileTo' in m && session) {
      const s = session;
      session = undefined;
      void s.post('Profiler.stop').then(({ profile }) => {
        fs.writeFileSync(path.join(String(m.profileTo), `pipeline-${which}-${process.pid}.cpuprofile`), JSON.stringify(profile));
        s.disconnect();
        process.send!('profiled');
      });
    } else if (m === 'pause') consumers.pauseAll();
    else if (m === 'resume') consumers.resumeAll();
    else if (m === 'stop') void app.close().finally(() => process.exit(0));
  });
  process.send!('ready');
}

main().catch((e: unknown) => {
  process.stderr.write(`${which()} failed: ${(e as Error).stack}\n`);
  process.exit(1);
});

function which(): string {
  return process.argv[2] ?? '(no app named)';
}
