// Real parts: Kafka, Elasticsearch (its write block stands in for a crash at the state's save), the
// detector module without its consumers: the test plays the rebalances by calling assign() and
// execute() as the consumer would. Issue 19: a handover neither loses nor repeats, and an
// instance that lost its partition without knowing it yet (a zombie) publishes nothing.
import { gzipSync } from 'node:zlib';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterDoc, Signal, type EnrichedMention } from '@vigil/contracts';
import { createDetector } from '@vigil/detection';
import { partitionForKey } from '@vigil/kafka';
import { SearchClient } from '@vigil/search';
import { DetectorModule } from '../../apps/detector/src/detector.module';
import { loadDetectorConfig } from '../../apps/detector/src/detector.config';
import { DetectMentionsUseCase } from '../../apps/detector/src/detect-mentions.usecase';
import { ClustersRepository } from '../../apps/detector/src/clusters.repository';
import { householdPost, HOUSEHOLD_PLACES } from '../support/household-storm';
import { backgroundStream } from '../support/synthetic-streams';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';

const PARTITIONS = 3;
const T0 = Date.now() - 3 * 3_600_000;
/** Chunks as the consumer hands them over: each test's posts at offsets of their own on the partition (`at(i)`: the offset after post i - 1). */
const offsetsFrom = (base: number) => (next: number) => String(base + next);
const stormOf = (watch: string, tag: string) => Array.from({ length: 30 }, (_, i) => householdPost(watch, HOUSEHOLD_PLACES[0]!, i, { t0: T0, spacingMs: 3 * 60_000, tag }));

/** What one uninterrupted detector makes of the same posts: its signal ids and its clusters' sizes. */
function reference(posts: EnrichedMention[]): { ids: string[]; sizes: number[] } {
  const d = createDetector();
  const ids = posts.flatMap((m) => d.process(m).signals.map((s) => s.id));
  return { ids, sizes: d.snapshot().clusters.map((c) => c.size).sort((a, b) => a - b) };
}

describe('partition handover: a chunk half saved at a crash, and a zombie instance', () => {
  const env = testEnv({ DETECTOR_TICK_MS: '0', KAFKA_TOPIC_PARTITIONS: String(PARTITIONS), DETECTOR_GROUP: 'scaleout3-handover' }, { indices: ['clusters', 'baselines', 'detectorState', 'sourceState'] });
  const tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
  const apps: INestApplicationContext[] = [];
  const appOf = new Map<DetectMentionsUseCase, INestApplicationContext>();
  let search: SearchClient;
  let signals: { key: string | null; value: string }[];

  /** A detector instance; its partitions are what the test assigns. */
  const instance = async () => {
    const app = await NestFactory.createApplicationContext(DetectorModule.forRoot(loadDetectorConfig(env), { consume: false }), { logger: false });
    apps.push(app);
    search ??= app.get(SearchClient);
    const uc = app.get(DetectMentionsUseCase);
    appOf.set(uc, app);
    return uc;
  };
  // Markers the test writes itself (below) are not signals.
  const signalIdsOf = (watch: string) =>
    signals.flatMap((s) => {
      const parsed = Signal.safeParse(JSON.parse(s.value));
      return parsed.success && parsed.data.watchId === watch ? [parsed.data.id] : [];
    });
  /**
   * A marker on every partition of the signals topic, awaited by the test's reader: whatever was
   * committed to the topic before it has been read by then (a partition is read in order).
   */
  const readToTheEnd = async () => {
    const marker = `marker-${Math.random()}`;
    const producer = tc.kafka.producer();
    await producer.connect();
    await producer.send({ topic: tc.topic('signals'), messages: Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, key: marker, value: JSON.stringify({ marker }) })) });
    await producer.disconnect();
    await pollUntil('the markers read', async () => signals.filter((s) => s.key === marker).length, (n) => n === PARTITIONS);
  };
  /** The instance stops at its next clusters' write (after the state's save) until released: a process frozen there. */
  const freezeAtClusterWrite = (uc: DetectMentionsUseCase) => {
    const repo = appOf.get(uc)!.get(ClustersRepository);
    const write = repo.save.bind(repo);
    let reached!: () => void;
    let release!: () => void;
    const frozen = new Promise<void>((r) => (reached = r));
    const thawed = new Promise<void>((r) => (release = r));
    repo.save = async (...args) => {
      reached();
      await thawed;
      return write(...args);
    };
    return { frozen, release };
  };
  const clusterSizesOf = async (watch: string) => {
    await search.es.indices.refresh({ index: search.names.clusters });
    const r = await search.es.search<ClusterDoc>({ index: search.names.clusters, size: 100, query: { bool: { filter: [{ term: { watchId: watch } }, { term: { status: 'active' } }] } } });
    return r.hits.hits.map((h) => h._source!.size).sort((a, b) => a - b);
  };
  const blockWrites = (index: string, blocked: boolean) => search.es.indices.putSettings({ index, settings: { 'index.blocks.write': blocked } });
  const blockStateWrites = (blocked: boolean) => blockWrites(search.names.detectorState, blocked);
  const blockClusterWrites = (blocked: boolean) => blockWrites(search.names.clusters, blocked);

  beforeAll(async () => {
    await tc.createTopics(['mentionsEnriched', 'mentionsByWatch', 'signals', 'dlq'], PARTITIONS);
    signals = await tc.collect('signals');
  }, 120_000);

  afterAll(async () => {
    if (search) await Promise.all([blockStateWrites(false), blockClusterWrites(false)]).catch(() => undefined);
    for (const app of apps) await app.close();
    await tc.close();
    const s = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
    await s.deleteIndices(`${env.VIGIL_INDEX_PREFIX}*`).catch(() => undefined);
    await s.onApplicationShutdown();
  });

  it('a crash after a chunk\'s clusters are written but before its state is: the next owner counts no post twice', async () => {
    const at = offsetsFrom(1000);
    const watch = 'xianda';
    const p = partitionForKey(watch, PARTITIONS);
    const posts = stormOf(watch, 'h1');
    const ref = reference(posts);
    const first = await instance();
    await first.assign([p]);
    await first.execute(p, posts.slice(0, 6), at(6));
    // The state's write fails, as if the process died there; the chunk stays uncommitted.
    await blockStateWrites(true);
    await expect(first.execute(p, posts.slice(6, 15), at(15))).rejects.toThrow();
    await blockStateWrites(false);

    const next = await instance();
    await next.assign([p]);
    await next.execute(p, posts.slice(6, 15), at(15)); // redelivered: it was never committed
    await next.execute(p, posts.slice(15), at(posts.length));
    expect(await clusterSizesOf(watch)).toEqual(ref.sizes);
    await pollUntil('the reference\'s signals', async () => signalIdsOf(watch), (ids) => ref.ids.every((id) => ids.includes(id)));
    expect(signalIdsOf(watch).sort()).toEqual([...ref.ids].sort());
  }, 120_000);

  it('a crash after a chunk\'s state is saved but before its clusters and signals are written: the next owner writes them', async () => {
    const at = offsetsFrom(2000);
    const watch = ['freshdash', 'kuaisong', 'mealgo', 'dashu', 'lemon'].find((w) => partitionForKey(w, PARTITIONS) === partitionForKey('xianda', PARTITIONS))!;
    const p = partitionForKey(watch, PARTITIONS);
    const posts = stormOf(watch, 'h3');
    const ref = reference(posts);
    const first = await instance();
    await first.assign([p]);
    await first.execute(p, posts.slice(0, 6), at(6));
    await readToTheEnd();
    const sentBefore = signalIdsOf(watch).length;
    await blockClusterWrites(true);
    await expect(first.execute(p, posts.slice(6, 15), at(15))).rejects.toThrow();
    await blockClusterWrites(false);
    await readToTheEnd();
    expect(signalIdsOf(watch).length).toBe(sentBefore); // the chunk's signal waits behind its clusters

    const next = await instance();
    await next.assign([p]);
    await next.execute(p, posts.slice(6, 15), at(15)); // redelivered: already in the saved state, so nothing new
    await next.execute(p, posts.slice(15), at(posts.length));
    expect(await clusterSizesOf(watch)).toEqual(ref.sizes);
    await pollUntil('the reference\'s signals', async () => signalIdsOf(watch), (ids) => ref.ids.every((id) => ids.includes(id)));
    expect(signalIdsOf(watch).sort()).toEqual([...ref.ids].sort());
  }, 120_000);

  it('an instance whose partition was given to another publishes nothing more from it, nor saves over the new owner\'s state', async () => {
    const at = offsetsFrom(3000);
    const watch = ['freshdash', 'kuaisong', 'mealgo', 'dashu', 'lemon'].find((w) => partitionForKey(w, PARTITIONS) !== partitionForKey('xianda', PARTITIONS))!;
    const p = partitionForKey(watch, PARTITIONS);
    const posts = stormOf(watch, 'h2');
    const ref = reference(posts);
    const zombie = await instance();
    await zombie.assign([p]);
    await zombie.execute(p, posts.slice(0, 6), at(6));
    // The group gave the partition to another instance; the first has not heard of it yet.
    const owner = await instance();
    await owner.assign([p]);
    await expect(zombie.execute(p, posts.slice(6, 15), at(15))).rejects.toThrow(/no longer/);
    expect(zombie.partitions()).not.toContain(p);
    // Retried by its consumer until it hears of the rebalance: still nothing.
    await expect(zombie.execute(p, posts.slice(6, 15), at(15))).rejects.toThrow(/no longer/);

    await owner.execute(p, posts.slice(6, 15), at(15));
    await owner.execute(p, posts.slice(15), at(posts.length));
    await pollUntil('the reference\'s signals', async () => signalIdsOf(watch), (ids) => ref.ids.every((id) => ids.includes(id)));
    // Exactly once: the zombie's copies would come before the owner's on the same partition.
    expect(signalIdsOf(watch).sort()).toEqual([...ref.ids].sort());
    expect(await clusterSizesOf(watch)).toEqual(ref.sizes);
  }, 120_000);

  it('a chunk of a partition the group moved away, still queued at the rebalance, claims nothing and fences out no one', async () => {
    const at = offsetsFrom(4000);
    const watch = 'dashu';
    const p = partitionForKey(watch, PARTITIONS);
    const posts = stormOf(watch, 'h5');
    const ref = reference(posts);
    const owner = await instance();
    await owner.assign([p]);
    // The former holder's latest assignment is another partition (not mealgo's: the last case needs it unsaved).
    const former = await instance();
    await former.assign([[0, 1, 2].find((q) => q !== p && q !== partitionForKey('mealgo', PARTITIONS))!]);
    await expect(former.execute(p, posts.slice(0, 10), at(10))).rejects.toThrow(/not assigned/);
    await owner.execute(p, posts.slice(0, 10), at(10));
    await owner.execute(p, posts.slice(10), at(posts.length));
    await pollUntil('the reference\'s signals', async () => signalIdsOf(watch), (ids) => ref.ids.every((id) => ids.includes(id)));
    expect(signalIdsOf(watch).sort()).toEqual([...ref.ids].sort());
  }, 120_000);

  it('an instance frozen between its save and its writes, woken after another took its partition, writes nothing late: each signal once on the topic, no cluster put back', async () => {
    const at = offsetsFrom(5000);
    // Not mealgo's partition: the last case needs it unsaved.
    const watch = ['haoyun', 'songda', 'kuaile', 'lvye'].find((w) => partitionForKey(w, PARTITIONS) !== partitionForKey('mealgo', PARTITIONS))!;
    const p = partitionForKey(watch, PARTITIONS);
    const posts = stormOf(watch, 'h6');
    const ref = reference(posts);
    const zombie = await instance();
    await zombie.assign([p]);
    await zombie.execute(p, posts.slice(0, 6), at(6));
    const freeze = freezeAtClusterWrite(zombie);
    const late = zombie.execute(p, posts.slice(6, 15), at(15));
    await freeze.frozen; // its state (with the chunk's outputs) is saved; its writes are not made

    // The group gives the partition to another, which writes out the saved outbox and goes on.
    const owner = await instance();
    await owner.assign([p]);
    await owner.execute(p, posts.slice(6, 15), at(15));
    await owner.execute(p, posts.slice(15), at(posts.length));
    await pollUntil('the reference\'s signals', async () => signalIdsOf(watch), (ids) => ref.ids.every((id) => ids.includes(id)));
    const sizes = await clusterSizesOf(watch);
    expect(sizes).toEqual(ref.sizes);

    // It wakes up and carries on with its stale chunk.
    freeze.release();
    await expect(late).rejects.toThrow(/no longer/);
    await readToTheEnd();
    const ids = signalIdsOf(watch);
    expect(ids.length).toBe(new Set(ids).size); // no copy on the topic
    expect(ids.sort()).toEqual([...ref.ids].sort());
    expect(await clusterSizesOf(watch)).toEqual(sizes); // its older cluster documents were refused
  }, 120_000);

  // Last: the single-instance document is read by every partition restored without a state of its own.
  it('after an upgrade from a single instance, a partition restored without a state of its own takes its watches\' learnt baselines', async () => {
    const watch = 'mealgo';
    const p = partitionForKey(watch, PARTITIONS);
    const start = Date.now() - 5 * 86_400_000;
    const legacy = createDetector();
    const history = [watch, 'freshdash']
      .flatMap((w, i) => backgroundStream({ start, days: 4, peakPerHour: 12, seed: 11 + i, extra: { watches: w } }).map((m) => ({ ...m, id: `${w}-${m.id}` })))
      .sort((x, y) => Date.parse(x.publishedAt) - Date.parse(y.publishedAt));
    for (const m of history) legacy.process(m);
    const { clusters: _clusters, ...state } = legacy.snapshot();
    await search.es.index({ index: search.names.detectorState, id: 'detector', document: { savedAt: new Date().toISOString(), snapshot: gzipSync(JSON.stringify(state)).toString('base64') }, refresh: true });

    const upgraded = await instance();
    await upgraded.assign([p]);
    expect(upgraded.partitions()).toEqual([p]);
    const own = state.volume.keys.filter((k) => k.watchId === watch).length;
    expect(own).toBeGreaterThan(0);
    // The watch's burst keys, not warming up from nothing; the other partition's watch's are not taken.
    expect(upgraded.stats().burstKeys).toBe(own);
  }, 120_000);
});
