// Real parts: Kafka, Elasticsearch, two compiled detectors each its own OS process in one consumer
// group (one killed with SIGKILL mid-storm; or frozen with SIGSTOP until its partitions moved, then
// thawed: a zombie), the responder module in this process, the analysis
// library. Nothing is mocked. Issue 19: "I will run two detector instances and kill one mid-storm".
// The detectors run from dist/: `npm run build:server` after changing them (built here only when missing).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@vigil/common';
import { Signal, type EnrichedMention, type Ticket } from '@vigil/contracts';
import { copyKeys, createDetector, detectionKey, routeAt } from '@vigil/detection';
import { KafkaClient, partitionForKey } from '@vigil/kafka';
import { decideOnSignal, parsePlan } from '@vigil/plan';
import { SearchClient } from '@vigil/search';
import { KafkaProgress } from '../../apps/cli/src/replay/kafka-progress';
import { detectorStateGroup } from '../../apps/detector/src/detector.tokens';
import { householdPost, HOUSEHOLD_PLACES } from '../support/household-storm';
import { backgroundStream } from '../support/synthetic-streams';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';
import { startResponder, writeTestPlan } from '../responder/responder-fixtures';

const root = path.resolve(__dirname, '../..');
const detectorMain = path.join(root, 'dist/apps/detector/src/main.js');
const PARTITIONS = 3;
const T0 = Date.now() - 4 * 3_600_000;
const WATCHES = ['xianda', 'freshdash', 'kuaisong', 'mealgo', 'dashu', 'lemon'];
/** Posts per watch: bounded, and enough for each watch's cluster to pass several growth thresholds. */
const PER_WATCH = 40;
const ROUNDS = 8;

const partitionOf = (key: string) => partitionForKey(key, PARTITIONS);
/**
 * A second watch of the first watch's posts, living on another partition, with four days of quiet
 * history of its own (its burst baseline) and no storm of its own: its burst is the first watch's
 * storm, posts clustered on the first watch's partition and counted for its volume on its own.
 */
const SECOND = ['haoyun', 'songda', 'kuaile', 'lvye'].find((w) => partitionOf(w) !== partitionOf(WATCHES[0]!))!;
const history = backgroundStream({ start: T0 - 4 * 86_400_000, days: 4, peakPerHour: 4, seed: 23, extra: { watches: SECOND } });
const both = (m: EnrichedMention): EnrichedMention => ({ ...m, watches: [...(m.watches ?? []), { id: SECOND, rule: SECOND, competitor: false }] });

/** Every watch's storm of households, interleaved in time as they would arrive. */
const storm = Array.from({ length: PER_WATCH }, (_, i) => WATCHES.map((w, k) => householdPost(w, HOUSEHOLD_PLACES[k]!, i, { t0: T0, spacingMs: 90_000, tag: 's3' })))
  .flat()
  .map((m) => (m.watches?.[0]?.id === WATCHES[0] ? both(m) : m));

/** What one uninterrupted detector per partition signals for the same stream, in the same order, each post where the re-keying step sends it. */
function expectedSignals(): Map<string, Signal> {
  const detectors = new Map<number, ReturnType<typeof createDetector>>();
  const out = new Map<string, Signal>();
  for (const m of [...history, ...storm]) {
    for (const key of [detectionKey(m), ...copyKeys(m, partitionOf)]) {
      const p = partitionOf(key);
      if (!detectors.has(p)) detectors.set(p, createDetector());
      const d = detectors.get(p)!;
      const route = routeAt(m, p, partitionOf);
      for (const s of (route.home ? d.process(m, route.volumeWatches) : d.observeVolume(m, route.volumeWatches)).signals) out.set(s.id, s);
    }
  }
  return out;
}

/** A detector process and what its JSON log lines said. */
interface Instance {
  child: ChildProcess;
  held: number[] | undefined;
  signals: string[];
}

/**
 * How one of the two instances goes mid-storm: killed; or frozen until the group has given its
 * partitions to the other, then thawed (a zombie: it wakes up mid-chunk believing it still holds them).
 */
const DISRUPTIONS = [
  { name: 'killed with SIGKILL', thaws: false },
  { name: 'frozen with SIGSTOP until its partitions moved, then thawed', thaws: true },
] as const;

describe.each(DISRUPTIONS)('two detector processes, one $name mid-storm: every signal, one ticket per incident', ({ thaws }) => {
  const env = testEnv({
    DETECTOR_TICK_MS: '0', KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
    // The broker gives a killed member's partitions away after the session timeout.
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    DETECTOR_GROUP: 'scaleout3-detector', RESPONDER_SIGNALS_GROUP: 'scaleout3-responder-signals',
    RESPONDER_TICK_MS: '0', PLAN_WATCH_MS: '0', WEBHOOKS_ENABLED: 'false', PLAN_FILE: writeTestPlan('http://127.0.0.1:9'),
  }, { indices: ['clusters', 'baselines', 'detectorState', 'sourceState', 'mentions', 'tickets', 'ticketEvents', 'incidents', 'ticketSequences', 'plan', 'planVersions', 'contactViews'] });
  const tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
  const clock = new ManualClock(new Date());
  const instances: Instance[] = [];
  let responder: INestApplicationContext | undefined;
  let search: SearchClient;
  let signals: { key: string | null; value: string }[];

  const startDetector = (): Instance => {
    const child = spawn(process.execPath, [detectorMain], { env: { ...env, PORT: '0', LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, stdio: ['ignore', 'pipe', 'inherit'] });
    const inst: Instance = { child, held: undefined, signals: [] };
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      let e: { msg?: string; partitions?: number[]; signalId?: string };
      try {
        e = JSON.parse(line) as typeof e;
      } catch {
        return;
      }
      if (e.msg === 'partitions held') inst.held = e.partitions;
      else if (e.msg === 'signal' && e.signalId) inst.signals.push(e.signalId);
    });
    instances.push(inst);
    return inst;
  };
  // One source partition keeps the stream's order, so the reference above sees the same order.
  const send = (ms: EnrichedMention[]) => tc.produce('mentionsEnriched', ms.map((m) => ({ key: 'one', value: JSON.stringify(m) })));
  const received = () => signals.map((s) => Signal.parse(JSON.parse(s.value)));
  const tickets = async (): Promise<Ticket[]> => {
    await search.es.indices.refresh({ index: search.names.tickets, ignore_unavailable: true, allow_no_indices: true });
    const r = await search.es.search<Ticket>({ index: search.names.tickets, size: 1000, ignore_unavailable: true, allow_no_indices: true });
    return r.hits.hits.map((h) => h._source!);
  };

  beforeAll(async () => {
    if (!fs.existsSync(detectorMain)) {
      const r = spawnSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('npm run build:server failed');
    }
    await tc.createTopics(['mentionsEnriched', 'mentionsByWatch', 'signals', 'dlq'], PARTITIONS);
    signals = await tc.collect('signals');
    // The responder first: it makes the indices, so the detectors do not race it for the templates.
    responder = await startResponder(env, clock);
    search = responder.get(SearchClient);
  }, 180_000);

  afterAll(async () => {
    for (const i of instances) i.child.kill('SIGKILL');
    await responder?.close();
    await tc.close();
    const s = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
    await s.deleteIndices(`${env.VIGIL_INDEX_PREFIX}*`).catch(() => undefined);
    await s.onApplicationShutdown();
  });

  it('the other takes its partitions; each expected signal comes, none unexpected, and each incident has one ticket', async () => {
    expect(new Set(WATCHES.map((w) => partitionForKey(w, PARTITIONS))).size).toBe(PARTITIONS);
    const expected = expectedSignals();
    expect(expected.size).toBeGreaterThanOrEqual(WATCHES.length * 3);
    // The second watch's burst, judged on its own partition with its own history.
    const secondBursts = [...expected.values()].filter((s) => s.watchId === SECOND && s.kind === 'burst');
    expect(secondBursts.length).toBeGreaterThan(0);
    expect(new Set(secondBursts.map((s) => s.key)).size).toBe(1);

    const a = startDetector();
    const b = startDetector();
    await pollUntil('both instances hold partitions', async () => [a.held, b.held], ([x, y]) => !!x?.length && !!y?.length && x.length + y.length === PARTITIONS, { timeoutMs: 90_000 });

    await send(history);
    const per = Math.ceil(storm.length / ROUNDS);
    let sent = 0;
    // Mid-storm: both have signalled, and most of the storm is still to come.
    while (sent < (3 * storm.length) / ROUNDS) {
      await send(storm.slice(sent, sent + per));
      sent += per;
    }
    await pollUntil('both instances signalling', async () => [a.signals.length, b.signals.length], ([x, y]) => x! > 0 && y! > 0, { timeoutMs: 60_000 });
    // Gone while posts keep coming: whatever it held in memory and had not saved is lost (killed)
    // or stale (frozen).
    const victim = a;
    const outAtKill = new Set(received().map((s) => s.id)).size;
    const sending = (async () => {
      for (; sent < storm.length; sent += per) await send(storm.slice(sent, sent + per));
    })();
    if (thaws) {
      victim.child.kill('SIGSTOP');
    } else {
      victim.child.kill('SIGKILL');
      await new Promise((r) => (victim.child.exitCode !== null || victim.child.signalCode !== null ? r(null) : victim.child.once('exit', r)));
    }
    await sending;
    const survivor = b;
    // Session timeout (6 s), rebalance, then the restore of each partition queued behind the chunks in
    // flight: seconds on a quiet machine, over 60 s at load 27 (flaky-10's runs). A handover that
    // never happens still fails here.
    await pollUntil('the survivor holds every partition', async () => survivor.held, (p) => p?.length === PARTITIONS, { timeoutMs: 150_000 });
    // The zombie wakes, finishes what it was doing with its stale state, then rejoins the group.
    if (thaws) victim.child.kill('SIGCONT');
    await pollUntil('every expected signal', async () => new Set(received().map((s) => s.id)), (g) => [...expected.keys()].every((id) => g.has(id)), { timeoutMs: 90_000 });

    // Incidents the plan opens a ticket for, judged on the reference's signals with no ticket yet.
    const parsed = parsePlan(fs.readFileSync(env.PLAN_FILE!, 'utf8'));
    if (!parsed.ok) throw new Error('test plan does not parse');
    const incidents = new Set([...expected.values()].filter((s) => decideOnSignal(parsed.plan, s, undefined, undefined, clock.now()).type === 'open').map((s) => s.key));
    expect(incidents.size).toBeGreaterThanOrEqual(WATCHES.length);
    await pollUntil('a ticket for every incident', tickets, (ts) => [...incidents].every((k) => ts.some((t) => t.incidentKey === k)), { timeoutMs: 90_000 });
    // Every signal sent is handled: the detectors' group has committed all of mentions.by-watch
    // (a thawed zombie has rejoined and been given its share), then the responder's all of signals.
    const progress = new KafkaProgress(responder!.get(KafkaClient));
    await progress.waitForGroup(detectorStateGroup(env.DETECTOR_GROUP!), 'mentionsByWatch', 60_000);
    await progress.waitForGroup(env.RESPONDER_SIGNALS_GROUP!, 'signals', 60_000);

    expect(outAtKill).toBeLessThan(expected.size); // the kill was mid-storm
    const got = received();
    const distinct = new Set(got.map((s) => s.id)).size;
    console.log(`signals topic (read committed): ${got.length} messages for ${distinct} signals, ${expected.size} expected`);
    // Each signal once on the topic: the signals and the offsets commit in one transaction, and a
    // zombie's transaction is fenced (before: a thawed zombie's chunk sent again, 39 for 33).
    expect(got.length).toBe(distinct);
    // No signal the uninterrupted run does not make (a post counted twice, a state saved half).
    expect([...new Set(got.map((s) => s.id))].filter((id) => !expected.has(id))).toEqual([]);
    // A copy of a signal (sent, then the kill before its state was saved) is the same signal.
    for (const s of got) expect(s.key).toBe(expected.get(s.id)!.key);
    const all = await tickets();
    const perIncident = new Map<string, string[]>();
    for (const t of all) perIncident.set(t.incidentKey, [...(perIncident.get(t.incidentKey) ?? []), t.id]);
    expect([...perIncident.entries()].filter(([, ids]) => ids.length > 1)).toEqual([]);
    expect(new Set(perIncident.keys())).toEqual(incidents);
    for (const t of all) expect(t.evidence.signalIds.length).toBe(new Set(t.evidence.signalIds).size);
  }, 420_000);
});
