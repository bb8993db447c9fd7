// Real parts: Kafka, Elasticsearch, and the processor, indexer, detector and responder that
// `vigil replay` runs. The history is the labelled demo day plus two broken rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KafkaClient } from '@vigil/kafka';
import { SearchClient } from '@vigil/search';
import { runReplay, type ReplayResult } from '../../apps/cli/src/replay/run-replay';
import { formatReplayReport } from '../../apps/cli/src/replay/replay-report';
import { testEnv } from '../support/test-env';

const DAY = path.resolve(__dirname, '../../demo/replay/storm-day.jsonl');

describe('vigil replay', () => {
  const env = testEnv();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-replay-')), 'day.jsonl');
  // Every row names its brand: the detector keys baselines, clusters and signals by that watch.
  const lines = fs.readFileSync(DAY, 'utf8').trim().split('\n').map((l) => JSON.stringify({ ...JSON.parse(l), brand: 'freshdash' }));
  fs.writeFileSync(file, [...lines.slice(0, 3), '{"id": "broken', JSON.stringify({ id: 'no-time', text: '退款' }), ...lines.slice(3)].join('\n'));
  const progress: string[] = [];
  let first: ReplayResult;

  it('pushes labelled history through the real pipeline and finds both incidents, with their delays', async () => {
    first = await runReplay({ file, env, progress: (l) => progress.push(l) });
    expect(first.rejected).toEqual(['line 4: invalid JSON', expect.stringMatching(/^line 5: no time/)]);
    expect(first.posted).toBe(lines.length);
    expect(first.enriched).toBe(lines.length);
    expect(progress.some((l) => l.includes(`${lines.length}/${lines.length} posts sent`))).toBe(true);

    const group = first.signals.find((s) => s.kind === 'group_complaint' && s.places.includes('阳光花园'));
    expect(group?.groupComplaint?.nature).toBe('organic');
    expect(first.clusters.some((c) => c.places.includes('阳光花园') && c.size >= 20)).toBe(true);
    expect(first.tickets.length).toBeGreaterThanOrEqual(2);
    expect(new Set(first.signals.map((s) => s.id)).size).toBe(first.signals.length);
    expect(new Set(first.signals.map((s) => s.watchId))).toEqual(new Set(['freshdash']));
    expect(first.clusters.every((c) => c.watchId === 'freshdash' && c.title)).toBe(true);

    const score = first.score!;
    expect(score.incidents.map((i) => i.incident).sort()).toEqual(['compound-refund', 'login-outage']);
    expect(score.recall).toBe(1);
    for (const i of score.incidents) expect(i.delayMinutes).toBeLessThan(60);
    const report = formatReplayReport(file, first);
    expect(report).toContain('recall 100.0 %');
    expect(report).toMatch(/compound-refund: 34 posts .* first signal/);
  });

  it('finds the same signals again in a second run (event time, idempotent ids) and leaves nothing behind', async () => {
    const second = await runReplay({ file, env, progress: () => undefined });
    expect(second.signals.map((s) => s.id).sort()).toEqual(first.signals.map((s) => s.id).sort());
    const search = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: '' });
    const left = await search.es.cat.indices({ index: `${first.runId}-*,${second.runId}-*`, format: 'json' });
    await search.onApplicationShutdown();
    expect(left).toEqual([]);
    // Nor consumer groups (`<run>.<group>`): they used to pile up on the broker, one set per replay.
    const kafka = new KafkaClient({ brokers: env.KAFKA_BROKERS!.split(','), clientId: 'test', topicPrefix: '' });
    const groups = (await (await kafka.getAdmin()).listGroups()).groups.map((g) => g.groupId);
    await kafka.onApplicationShutdown();
    expect(groups.filter((g) => g.startsWith(`${first.runId}.`) || g.startsWith(`${second.runId}.`))).toEqual([]);
  });
});
