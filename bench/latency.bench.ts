/**
 * `npm run bench:latency [-- ALERTS]`: how long an alert takes from the `alerts` topic to
 * a connected dashboard socket, with 1, 100 and 1000 signed-in clients (p50/p95/p99 of
 * every delivery). The api runs in this process against the real Kafka and Elasticsearch;
 * the clients are socket.io-client sockets in this process too, so at 1000 clients the
 * client side's own event loop is part of the figure (an upper bound for the server).
 *
 * Not measured yet: the full path from a post entering mentions.raw to its alert, which
 * needs the detector and responder in the same run (issues #4/#5). Prints figures; asserts nothing.
 */
import 'reflect-metadata';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { io, type Socket } from 'socket.io-client';
import { topicName, type Alert, type LiveDelta } from '@vigil/contracts';
import { ApiModule } from '../apps/api/src/api.module';
import { loadApiConfig } from '../apps/api/src/api.config';
import { services } from './bench-support';

const root = path.resolve(__dirname, '..', '..');
const ALERTS = Number(process.argv[2] ?? 100);
const CLIENT_COUNTS = [1, 100, 1000];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const { kafkaBrokers, elasticsearchUrl } = await (await services(root)).ensureServices();
  const run = `lat${Date.now().toString(36)}`;
  const config = loadApiConfig({ ...process.env, KAFKA_BROKERS: kafkaBrokers, ELASTICSEARCH_URL: elasticsearchUrl, VIGIL_TOPIC_PREFIX: run, VIGIL_INDEX_PREFIX: `${run}-`, LOG_LEVEL: 'error', VIGIL_ADMIN_PASSWORD: 'bench-password', API_JWT_SECRET: 'l'.repeat(40) });
  const app = await NestFactory.create(ApiModule.forRoot(config), { logger: false });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench-password' }) });
  const { token } = (await login.json()) as { token: string };

  const kafka = new Kafka({ brokers: kafkaBrokers.split(','), clientId: 'bench', logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  const sentAt = new Map<string, number>();
  const send = async (alertId: string) => {
    const alert: Alert = { alertId, type: 'new_ticket', ticketId: 'CR-2026-000001', level: 'urgent', title: 'bench', at: new Date().toISOString(), notify: [] };
    sentAt.set(alertId, performance.now());
    await producer.send({ topic: topicName('alerts', run), messages: [{ key: alert.ticketId, value: JSON.stringify(alert) }] });
  };

  process.stdout.write(`alerts → socket latency, ${ALERTS} alerts per round (ms)\nclients    deliveries      p50      p95      p99      max\n`);
  for (const n of CLIENT_COUNTS) {
    const latencies: number[] = [];
    const sockets: Socket[] = [];
    let ready = 0;
    for (let i = 0; i < n; i++) {
      const s = io(base, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false });
      s.on('connect', () => s.emit('live:subscribe'));
      s.on('live:snapshot', () => ready++);
      s.on('live:delta', (d: LiveDelta) => {
        if (d.type !== 'alert') return;
        const t0 = sentAt.get(d.alert.alertId);
        if (t0 !== undefined && !d.alert.alertId.startsWith('warm')) latencies.push(performance.now() - t0);
      });
      sockets.push(s);
    }
    await until(() => ready === n, 60_000, `${n} snapshots`);
    // The api's consumer reads from "latest": warm up until an alert comes through.
    let warmed = false;
    sockets[0].on('live:delta', (d: LiveDelta) => void (d.type === 'alert' && d.alert.alertId.startsWith(`warm-${n}`) && (warmed = true)));
    for (let i = 0; !warmed; i++) {
      await send(`warm-${n}-${i}`);
      await sleep(500);
      if (i > 120) throw new Error('no warm-up alert arrived');
    }
    for (let i = 0; i < ALERTS; i++) {
      await send(`a-${n}-${i}`);
      await sleep(20);
    }
    await until(() => latencies.length >= ALERTS * n, 60_000, `${ALERTS * n} deliveries`).catch((e: Error) => process.stdout.write(`  (${e.message}; got ${latencies.length})\n`));
    const sorted = latencies.sort((a, b) => a - b);
    const f = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(1)).padStart(8);
    process.stdout.write(`${String(n).padStart(7)} ${String(sorted.length).padStart(13)} ${f(pct(sorted, 50))} ${f(pct(sorted, 95))} ${f(pct(sorted, 99))} ${f(sorted[sorted.length - 1])}\n`);
    sockets.forEach((s) => s.close());
  }
  await producer.disconnect();
  await app.close();
  process.exit(0);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

void main().catch((e: Error) => {
  process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});
