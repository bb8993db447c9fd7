import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { ConsumerFactory, KafkaModule } from '@vigil/kafka';
import { SearchModule } from '@vigil/search';
import { ProcessorModule } from '../apps/processor/src/processor.module';
import { loadProcessorConfig } from '../apps/processor/src/processor.config';
import { IndexerModule } from '../apps/indexer/src/indexer.module';
import { loadIndexerConfig } from '../apps/indexer/src/indexer.config';

/** The pipeline's apps under test, however they run: started once, paused while a round is loaded. */
export interface PipelineApps {
  readonly description: string;
  /** Processes whose CPU is the pipeline's, by app (this one is counted apart). */
  readonly pids: { name: string; pid: number }[];
  pause(): Promise<void>;
  resume(): void;
  /** CPU profiles of the app processes between these two (none in one process: the bench profiles itself). */
  profileStart(): void;
  profileStop(dir: string): Promise<void>;
  stop(): Promise<void>;
}

/** Processor and indexer in this process, one thread (the all-in-one shape of `npm start`). */
export async function startInProcess(env: NodeJS.ProcessEnv, kafkaBrokers: string, elasticsearchUrl: string, run: string, opts: { indexerOnly?: boolean } = {}): Promise<PipelineApps> {
  @Module({
    imports: [
      KafkaModule.forRoot({ brokers: kafkaBrokers.split(','), clientId: 'bench', topicPrefix: run }),
      SearchModule.forRoot({ node: elasticsearchUrl, indexPrefix: `${run}-` }),
      ...(opts.indexerOnly ? [] : [ProcessorModule.forRoot(loadProcessorConfig(env), { withInfra: false })]),
      IndexerModule.forRoot(loadIndexerConfig(env), { withInfra: false }),
    ],
  })
  class PipelineBenchModule {}
  const app: INestApplicationContext = await NestFactory.createApplicationContext(PipelineBenchModule, { logger: false });
  await app.init();
  const consumers = app.get(ConsumerFactory);
  return {
    description: opts.indexerOnly ? 'the indexer in this process' : 'processor and indexer in this process, one thread',
    pids: [],
    pause: async () => consumers.pauseAll(),
    resume: () => consumers.resumeAll(),
    profileStart: () => undefined,
    profileStop: async () => undefined,
    stop: () => app.close(),
  };
}

/**
 * Each app its own OS process, as deployed (`processors` processor instances in one group and
 * one indexer), each in a session of its own (`detached`), as the servers run: a Linux
 * scheduler with autogroups shares a busy machine by session, so apps in the bench's session
 * would share one slice while Elasticsearch and Kafka each have their own.
 */
export async function startProcesses(env: NodeJS.ProcessEnv, processors: number): Promise<PipelineApps> {
  const entry = path.join(__dirname, 'pipeline-app.js');
  const children: ChildProcess[] = [];
  const names: string[] = [];
  const start = (app: string) =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = fork(entry, [app], { env, detached: true, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      children.push(child);
      names.push(app);
      child.once('message', () => resolve(child));
      child.once('exit', (code) => reject(new Error(`${app} exited with ${code} before it was ready`)));
    });
  await Promise.all([...Array.from({ length: processors }, () => start('processor')), start('indexer')]);
  const tell = (m: string) => children.forEach((c) => c.send(m));
  return {
    description: processors ? `${processors} processor process${processors > 1 ? 'es' : ''} in one group and 1 indexer process, each in its own session` : '1 indexer process in its own session',
    pids: children.map((c, i) => ({ name: names[i], pid: c.pid! })),
    pause: async () => tell('pause'),
    resume: () => tell('resume'),
    profileStart: () => tell('profile-start'),
    profileStop: async (dir) => {
      await Promise.all(children.map((c) => new Promise<void>((r) => { c.once('message', () => r()); c.send({ profileTo: dir }); })));
    },
    stop: async () => {
      await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : (c.once('exit', r), c.send('stop'))))));
    },
  };
}
