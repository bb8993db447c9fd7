// Real parts: Elasticsearch and the api module (HTTP) on 127.0.0.1. Mentions are seeded as
// the indexer writes them, at chosen times relative to now; baseline statuses as the detector does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaselineStatus } from '@vigil/contracts';
import { baselinesIndex } from '@vigil/search';
import type { BaselinesAnswer } from '../../apps/api/src/baselines/baselines.dto';
import type { VolumeAnswer } from '../../apps/api/src/volume/volume.controller';
import { mentionFactory, seedMentions } from '../support/mention-factory';
import { startApi, type ApiKit } from '../support/api-kit';
import { testEnv } from '../support/test-env';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('api: volume against the usual for this time of day', () => {
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'admin-password-1', API_JWT_SECRET: 'v'.repeat(40) });
  let api: ApiKit;
  let base: string;
  let token: string;

  beforeAll(async () => {
    api = await startApi(env);
    base = api.base;
    const at = (agoMs: number) => new Date(Date.now() - agoMs).toISOString();
    const neg = { sentiment: { score: -0.8, label: 'negative' as const, confidence: 0.9 } };
    const pos = { sentiment: { score: 0.8, label: 'positive' as const, confidence: 0.9 } };
    await seedMentions(api.search, [
      // This hour: 4 posts, 3 negative.
      ...[5, 15, 25].map((m) => mentionFactory(`now-${m}`, { publishedAt: at(m * MIN) }, neg)),
      mentionFactory('now-pos', { publishedAt: at(40 * MIN) }, pos),
      // The same hour on past days: 2, 1, 1, then nothing.
      ...[10, 20].map((m) => mentionFactory(`d1-${m}`, { publishedAt: at(DAY + m * MIN) }, pos)),
      mentionFactory('d2', { publishedAt: at(2 * DAY + 30 * MIN) }, pos),
      mentionFactory('d3', { publishedAt: at(3 * DAY + 30 * MIN) }, pos),
      // Outside every window: two hours ago, and yesterday two hours earlier.
      mentionFactory('off-1', { publishedAt: at(2 * 60 * MIN) }, neg),
      mentionFactory('off-2', { publishedAt: at(DAY + 2 * 60 * MIN) }, neg),
    ]);
    const status = (key: string, watchId: string, dimension: BaselineStatus['dimension'], state: BaselineStatus['state'], learntHours: number): BaselineStatus => ({
      key, watchId, dimension, value: dimension === 'watch' ? watchId : key.split(':').pop()!, state, reason: `${state} for the test`, since: at(DAY), firstSeen: at(2 * DAY),
      learntHours, neededHours: 72, expectedPerHour: state === 'ready' ? 12.5 : 0, dispersion: 1, at: at(MIN),
    });
    const index = baselinesIndex.name(api.search.options.indexPrefix);
    for (const s of [
      status('burst:new', 'new', 'watch', 'warming_up', 30),
      status('burst:new:category:delivery', 'new', 'category', 'warming_up', 30),
      status('burst:old', 'old', 'watch', 'ready', 400),
      status('burst:old:category:delivery', 'old', 'category', 'coverage_gap', 400),
      status('burst:old:category:refund', 'old', 'category', 'ready', 400),
    ]) await api.search.es.index({ index, id: s.key, document: s });
    await api.search.es.indices.refresh({ index });
    token = await api.login('admin', 'admin-password-1');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('counts the last hour and compares it with the median of the same hour on the past days', async () => {
    const r = await fetch(`${base}/api/volume?hours=1&days=4`, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
    const v = (await r.json()) as VolumeAnswer;
    expect(v.current).toMatchObject({ total: 4, negative: 3 });
    expect(v.past.map((w) => w.total)).toEqual([2, 1, 1, 0]);
    expect(v.baseline).toBe(1);
    expect(v.ratio).toBe(4);
  });

  it('refuses the unauthenticated and names a bad parameter', async () => {
    expect((await fetch(`${base}/api/volume`)).status).toBe(401);
    const bad = await fetch(`${base}/api/volume?days=99`, { headers: { authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('days');
  });

  it("says per watch whether the detector's baseline is learnt: a learning watch with hours seen of hours needed first", async () => {
    const r = await fetch(`${base}/api/baselines`, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
    const { watches } = (await r.json()) as BaselinesAnswer;
    expect(watches.map((w) => w.watchId)).toEqual(['new', 'old']);
    expect(watches[0]).toMatchObject({ state: 'warming_up', learning: true, hoursSeen: 30, hoursNeeded: 72, categories: 1, categoriesNotReady: 1 });
    expect(watches[1]).toMatchObject({ state: 'ready', learning: false, expectedPerHour: 12.5, categories: 2, categoriesNotReady: 1 });
    const one = (await (await fetch(`${base}/api/baselines?watch=old`, { headers: { authorization: `Bearer ${token}` } })).json()) as BaselinesAnswer;
    expect(one.watches.map((w) => w.watchId)).toEqual(['old']);
    expect((await fetch(`${base}/api/baselines`)).status).toBe(401);
  });
});
