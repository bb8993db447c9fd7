// Real parts: Elasticsearch and the api module (HTTP) on 127.0.0.1. Source states are written
// as the collector writes them (its own state transitions and repository), at times relative
// to now; the api derives health and finds gaps through `SourceStateReader`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageGap, SourceHealth } from '@vigil/contracts';
import { newState, recordFailure, recordSuccess } from '../../apps/collector/src/state/source-health';
import { SourceStateRepository } from '../../apps/collector/src/state/source-state.repository';
import { startApi, type ApiKit } from '../support/api-kit';
import { testEnv } from '../support/test-env';

const MIN = 60_000;
const every = MIN;

describe('api: source health and coverage gaps, from what the collector stored', () => {
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'admin-password-1', API_JWT_SECRET: 's'.repeat(40) });
  const t0 = Date.now() - 3 * 60 * MIN;
  const at = (ms: number) => new Date(ms).toISOString();
  /** The same instant written in China Standard Time, as a person in Beijing would ask. */
  const beijing = (ms: number) => new Date(ms + 8 * 60 * MIN).toISOString().replace('Z', '+08:00');
  let api: ApiKit;
  let token: string;

  beforeAll(async () => {
    api = await startApi(env);
    await api.search.ensureIndices();
    const states = new SourceStateRepository(api.search);
    // appstore: fine at t0, failing for the last two minutes → one open gap from t0.
    let s = recordSuccess(newState('appstore', at(t0)), { now: at(t0), everyMs: every, emitted: 4 });
    s = recordFailure(s, { now: at(Date.now() - 2 * MIN), everyMs: every, message: 'GET itunes: HTTP 503' });
    await states.save(recordFailure(s, { now: at(Date.now() - MIN), everyMs: every, message: 'GET itunes: HTTP 503' }));
    // rss: hit its paging limit at t0+30m (a closed gap since t0), healthy since.
    s = recordSuccess(newState('rss', at(t0)), { now: at(t0), everyMs: every, emitted: 10 });
    s = recordSuccess(s, { now: at(t0 + 30 * MIN), everyMs: every, emitted: 50, gap: { reason: 'paging limit' } });
    await states.save(recordSuccess(s, { now: at(Date.now() - 30_000), everyMs: every, emitted: 3, lagMs: 45_000 }));
    // quiet: last success two hours ago on a one-minute interval → stale, no gap recorded.
    await states.save(recordSuccess(newState('quiet', at(t0)), { now: at(Date.now() - 120 * MIN), everyMs: every, emitted: 1 }));
    // legacy: written before consecutiveErrors existed; its last error is newer than its last success.
    await api.search.es.index({ index: api.search.names.sourceState, id: 'legacy', refresh: 'wait_for', document: { sourceId: 'legacy', updatedAt: at(t0), lastSuccessAt: at(t0 - MIN), lastErrorAt: at(t0), lastError: 'timeout', errorCount: 1, itemsEmitted: 2, cursor: {} } });
    token = await api.login('admin', 'admin-password-1');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers every source with its status, counts and gaps (one contract from the collector to the dashboard)', async () => {
    const r = await api.get('/api/sources', token);
    expect(r.status).toBe(200);
    const sources = r.body.sources as SourceHealth[];
    expect(sources.map((h) => [h.sourceId, h.status])).toEqual([['appstore', 'failing'], ['legacy', 'failing'], ['quiet', 'stale'], ['rss', 'ok']]);
    const [appstore, , , rss] = sources;
    expect(appstore).toMatchObject({ consecutiveErrors: 2, errorCount: 2, lastError: 'GET itunes: HTTP 503' });
    expect(appstore.gaps).toEqual([{ from: at(t0), to: at(Date.parse(appstore.lastErrorAt!)), reason: 'error: GET itunes: HTTP 503', open: true }]);
    expect(rss.gaps).toEqual([{ from: at(t0), to: at(t0 + 30 * MIN), reason: 'paging limit', open: false }]);
    expect(rss).toMatchObject({ itemsEmitted: 63, itemsLastHour: 3, lagMs: 45_000, consecutiveErrors: 0 });
  });

  it('finds the gaps overlapping a window, whatever offset the window is written in', async () => {
    const gapsIn = async (from: number, to: number) => {
      const r = await api.get(`/api/sources/gaps?from=${encodeURIComponent(beijing(from))}&to=${encodeURIComponent(beijing(to))}`, token);
      expect(r.status).toBe(200);
      return (r.body.gaps as (CoverageGap & { sourceId: string })[]).map((g) => `${g.sourceId}:${g.reason}`).sort();
    };
    expect(await gapsIn(t0 + 10 * MIN, t0 + 20 * MIN)).toEqual(['appstore:error: GET itunes: HTTP 503', 'rss:paging limit']);
    // After the paging gap closed, only the failing source's open gap reaches into the window.
    expect(await gapsIn(t0 + 40 * MIN, t0 + 50 * MIN)).toEqual(['appstore:error: GET itunes: HTTP 503']);
    expect(await gapsIn(t0 - 60 * MIN, t0 - 30 * MIN)).toEqual([]);
  });

  it('refuses a window that is not one, naming the field', async () => {
    const backwards = await api.get(`/api/sources/gaps?from=${at(t0)}&to=${at(t0 - MIN)}`, token);
    expect(backwards.status).toBe(400);
    expect(backwards.body.issues).toEqual([{ field: 'to', message: 'from must not be after to' }]);
    const missing = await api.get(`/api/sources/gaps?to=${at(t0)}`, token);
    expect(missing.status).toBe(400);
    expect((missing.body.issues as { field: string }[]).map((i) => i.field)).toEqual(['from']);
    expect((await api.get(`/api/sources/gaps?from=${at(t0)}&to=${at(t0)}`)).status).toBe(401);
  });
});
