import { Kafka, logLevel } from 'kafkajs';
import { topicName } from '@vigil/contracts';
import type { AppProcesses, ChaosApp } from './app-processes';
import type { EsProxy } from './es-proxy';

/** What the suite needs of scripts/services.mjs (plain ESM, loaded at run time). */
export interface ServicesScript {
  ensureServices(): Promise<{ kafkaBrokers: string; elasticsearchUrl: string; started: string[] }>;
  stopServices(names?: string[]): Promise<void>;
  startKafkaNode(name: string): Promise<void>;
  startElasticsearchNode(name: string): Promise<void>;
  readPid(name: string): number | null;
  nodes: { kafka: { id: number; name: string; port: number }[]; elasticsearch: { id: number; name: string; port: number }[] };
  cluster: boolean;
}

export interface FaultContext {
  services: ServicesScript;
  apps: AppProcesses;
  proxies: EsProxy[];
  kafkaBrokers: string;
  elasticsearchUrls: string[];
  topicPrefix: string;
  say(msg: string): void;
}

/**
 * One fault: `inject` does the damage, `heal` ends it (restarts what was killed, lets a slow
 * server be fast again). Recovery is timed from the start of `heal`.
 */
export interface Fault {
  name: string;
  /** How long recovery may take before the row says NOT recovered (default 180 s). */
  recoveryLimitMs?: number;
  inject(ctx: FaultContext): Promise<string>;
  heal(ctx: FaultContext, what: string): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGKILL to a server's whole process group (launcher scripts fork the JVM). */
function killGroup(services: ServicesScript, name: string): void {
  const pid = services.readPid(name);
  if (!pid) throw new Error(`no pid file for ${name}: is it running?`);
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    process.kill(pid, 'SIGKILL');
  }
}

/** The broker leading partition 0 of the raw posts' topic (in cluster mode that is the one to kill). */
async function leaderOfRaw(ctx: FaultContext): Promise<string> {
  if (!ctx.services.cluster) return ctx.services.nodes.kafka[0]!.name;
  const admin = new Kafka({ brokers: ctx.kafkaBrokers.split(','), clientId: 'vigil-chaos', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topic = topicName('mentionsRaw', ctx.topicPrefix);
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    const leader = topics[0]!.partitions.find((p) => p.partitionId === 0)!.leader;
    return ctx.services.nodes.kafka.find((n) => n.id === leader)!.name;
  } finally {
    await admin.disconnect();
  }
}

/**
 * In cluster mode, the node that is not the elected master: two master-eligible nodes cannot elect
 * a master when one of them is gone (a majority of two is two), so losing the master stops
 * writes until it is back whatever the apps do; losing the other node is the fault a two-node
 * cluster is meant to survive (one replica of every shard).
 */
async function esNodeToKill(ctx: FaultContext): Promise<string> {
  const nodes = ctx.services.nodes.elasticsearch;
  if (nodes.length === 1) return nodes[0]!.name;
  const r = await fetch(`http://127.0.0.1:${nodes[0]!.port}/_cat/master?h=node`);
  const master = (await r.text()).trim();
  return nodes.find((n) => `vigil-${n.id}` !== master)!.name;
}

/**
 * Moves the processor's and the indexer's main consumer groups back to the earliest offsets of
 * every topic they committed to. kafkajs resets only a group without members, so both apps are
 * stopped first; the collector keeps accepting meanwhile. Returns what was reset.
 */
async function resetToEarliest(ctx: FaultContext, groups: string[]): Promise<string> {
  const admin = new Kafka({ brokers: ctx.kafkaBrokers.split(','), clientId: 'vigil-chaos', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const done: string[] = [];
    for (const groupId of groups) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
        await admin.resetOffsets({ groupId, topic, earliest: true });
        const behind = partitions.reduce((a, p) => a + Math.max(0, Number(p.offset)), 0);
        done.push(`${groupId.slice(ctx.topicPrefix.length + 1)} on ${topic.slice(ctx.topicPrefix.length + 1)} (${behind} messages again)`);
      }
    }
    return done.join(', ');
  } finally {
    await admin.disconnect();
  }
}

const appFault = (app: ChaosApp): Fault => ({
  name: `kill -9 ${app}`,
  async inject(ctx) {
    await ctx.apps.stop(app, 'SIGKILL');
    return app;
  },
  async heal(ctx) {
    await sleep(2_000);
    ctx.apps.start(app, app, appPort(app));
  },
});

export const APP_PORT_BASE = Number(process.env.VIGIL_CHAOS_APP_PORT ?? 3460);
const APP_OFFSETS: Record<ChaosApp, number> = { api: 0, collector: 1, processor: 2, indexer: 3, detector: 4, responder: 5, reporter: 6 };
export const appPort = (app: ChaosApp): number => APP_PORT_BASE + APP_OFFSETS[app];
export const SECOND_PROCESSOR_PORT = APP_PORT_BASE + 7;
export const PROXY_PORT_BASE = APP_PORT_BASE + 8;

export const FAULTS: Fault[] = [
  {
    name: 'kill -9 Kafka broker',
    async inject(ctx) {
      const name = await leaderOfRaw(ctx);
      ctx.say(`SIGKILL ${name}${ctx.services.cluster ? ' (leader of mentions.raw/0)' : ''}`);
      killGroup(ctx.services, name);
      return name;
    },
    async heal(ctx, name) {
      await sleep(5_000);
      await ctx.services.startKafkaNode(name);
    },
  },
  {
    name: 'kill -9 Elasticsearch node',
    async inject(ctx) {
      const name = await esNodeToKill(ctx);
      ctx.say(`SIGKILL ${name}`);
      killGroup(ctx.services, name);
      return name;
    },
    async heal(ctx, name) {
      await sleep(5_000);
      await ctx.services.startElasticsearchNode(name);
    },
  },
  ...(['collector', 'processor', 'indexer', 'detector', 'responder', 'reporter', 'api'] as ChaosApp[]).map(appFault),
  {
    name: 'rebalance (2nd processor)',
    async inject(ctx) {
      ctx.apps.start('processor-2', 'processor', SECOND_PROCESSOR_PORT);
      await sleep(15_000);
      return 'processor-2';
    },
    async heal(ctx) {
      await ctx.apps.stop('processor-2', 'SIGTERM');
    },
  },
  {
    // Every post since the start goes through the processor and the indexer again (and the
    // enriched copies on to the detector and the responder): still one document per post, one ticket per incident.
    name: 'replay from offset 0',
    // Recovered means a post sent after the restart is searchable, and it queues behind everything
    // replayed: at load 48 a cluster run's 7,000 messages took longer than the 180 s other rows get.
    recoveryLimitMs: 600_000,
    async inject(ctx) {
      await Promise.all(['processor', 'indexer'].map((a) => ctx.apps.stop(a, 'SIGTERM')));
      const what = await resetToEarliest(ctx, ['vigil-processor', 'vigil-indexer'].map((g) => `${ctx.topicPrefix}.${g}`));
      ctx.say(`reset to the earliest offsets: ${what}`);
      return 'processor, indexer';
    },
    async heal(ctx) {
      for (const a of ['processor', 'indexer'] as ChaosApp[]) ctx.apps.start(a, a, appPort(a));
    },
  },
  {
    name: 'slow Elasticsearch (bulk 429)',
    async inject(ctx) {
      for (const p of ctx.proxies) p.throttleBulk = true;
      await sleep(20_000);
      return `${ctx.proxies.reduce((a, p) => a + p.rejectedBulks, 0)} bulks refused`;
    },
    async heal(ctx) {
      for (const p of ctx.proxies) p.throttleBulk = false;
    },
  },
];
