// Real parts: Kafka, Elasticsearch, the api, processor and indexer in one process (as `npm start`
// runs them). Watches are created through the REST API; raw posts go into mentions.raw. Nothing is mocked.
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrichedMention, mentionId, type RawMention } from '@vigil/contracts';
import { AllInOneModule } from '../../apps/cli/src/start/all-in-one.module';
import { createUser } from '../../apps/api/src/auth/create-user.usecase';
import { UsersRepository } from '../../apps/api/src/auth/users.repository';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';


/** A JSON answer, read field by field by the assertions that follow. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the assertions check the shape
type Json = Record<string, any>;
describe('watches: created through the API, applied by the processor without a restart', () => {
  let app: INestApplication;
  let api: string;
  let tc: KafkaTestClient;
  let enriched: { key: string | null; value: string }[];
  let admin: string;
  let viewer: string;
  let analyst: string;
  let n = 0;

  beforeAll(async () => {
    const env = testEnv({ API_PORT: '0', VIGIL_ADMIN_PASSWORD: 'watches-admin-pw', WATCHES_POLL_MS: '300', KAFKA_TOPIC_PARTITIONS: '1' });
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    app = await NestFactory.create(AllInOneModule.forRoot(env, ['processor', 'indexer', 'api']), { logger: false });
    await app.listen(0, '127.0.0.1');
    api = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const users = app.get(UsersRepository);
    const now = new Date();
    await createUser(users, { username: 'vic', role: 'viewer', password: 'viewer-password-1' }, now);
    await createUser(users, { username: 'ana', role: 'analyst', password: 'analyst-password-1' }, now);
    admin = await login('admin', 'watches-admin-pw');
    viewer = await login('vic', 'viewer-password-1');
    analyst = await login('ana', 'analyst-password-1');
    enriched = await tc.collect('mentionsEnriched');
  });

  afterAll(async () => {
    await app?.close();
    await tc?.close();
  });

  async function login(username: string, password: string): Promise<string> {
    const r = await fetch(`${api}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    return ((await r.json()) as { token: string }).token;
  }

  async function call(method: string, path: string, token: string, body?: unknown) {
    const r = await fetch(`${api}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: (await r.json().catch(() => ({}))) as Json };
  }

  /** Posts one raw mention and waits for its enriched form. */
  async function post(text: string, over: Partial<RawMention> = {}): Promise<EnrichedMention> {
    const externalId = `p${++n}`;
    const now = new Date().toISOString();
    const raw: RawMention = { id: mentionId('web', externalId), sourceId: 'web', sourceType: 'rss', channel: 'social', externalId, text, truncated: false, publishedAt: now, fetchedAt: now, ...over };
    raw.id = mentionId(raw.sourceId, raw.externalId);
    await tc.produce('mentionsRaw', [{ key: raw.id, value: JSON.stringify(raw) }]);
    const found = await pollUntil(`enriched ${externalId}`, async () => enriched.find((m) => m.key === raw.id), (m) => m !== undefined, { timeoutMs: 60_000 });
    return EnrichedMention.parse(JSON.parse(found!.value));
  }

  const freshdash = {
    id: 'freshdash',
    name: '鲜达外卖',
    brands: [{ name: '鲜达外卖', aliases: ['FreshDash', '鲜达'] }],
    rules: ['退款 NEAR/10 没到账'],
    exclusions: ['招聘'],
    owners: ['admin'],
  };

  it('before any watch exists, mentions carry no watches (detection counts them for the implicit watch)', async () => {
    const m = await post('鲜达外卖的骑手很准时');
    expect(m.watches).toBeUndefined();
  });

  it('only an admin creates a watch; a bad rule is refused with its position', async () => {
    expect((await call('POST', '/api/watches', viewer, freshdash)).status).toBe(403);
    const bad = await call('POST', '/api/watches', admin, { ...freshdash, rules: ['(退款 OR 没到账'] });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ field: 'rules.0', position: 0, message: expect.stringContaining('never closed') }]);
    const empty = await call('POST', '/api/watches', admin, { ...freshdash, rules: ['退款 OR'] });
    expect(empty.body.issues[0]).toMatchObject({ field: 'rules.0', position: 3 });
    const ok = await call('POST', '/api/watches', admin, freshdash);
    expect(ok.status).toBe(201);
    expect(ok.body.watch).toMatchObject({ id: 'freshdash', version: 1, createdBy: 'admin', competitor: false });
    expect((await call('POST', '/api/watches', admin, freshdash)).status).toBe(409);
    const rival = await call('POST', '/api/watches', admin, { id: 'quickgrab', name: '快拿外卖', competitor: true, brands: [{ name: '快拿外卖', aliases: ['QuickGrab'] }] });
    expect(rival.status).toBe(201);
    expect((await call('GET', '/api/watches', viewer)).body.watches.map((w: { id: string }) => w.id)).toEqual(['freshdash', 'quickgrab']);
  });

  it('the next mentions carry the watches they matched, with the rule, without a restart', async () => {
    const tagged = await pollUntil('a mention tagged with the new watch', () => post('FreshDash was late again'), (m) => (m.watches?.length ?? 0) > 0, { timeoutMs: 30_000, intervalMs: 200 });
    expect(tagged.watches).toEqual([{ id: 'freshdash', rule: 'FreshDash', competitor: false }]);
    expect((await post('申请了退款，三天了还没到账')).watches).toEqual([{ id: 'freshdash', rule: '退款 NEAR/10 没到账', competitor: false }]);
    expect((await post('快拿外卖比鲜达快')).watches).toEqual([
      { id: 'freshdash', rule: '鲜达', competitor: false },
      { id: 'quickgrab', rule: '快拿外卖', competitor: true },
    ]);
    // Segmentation-aware: 鲜达 is not in 新鲜|达到; the job ad is excluded; other posts match none.
    expect((await post('水果很新鲜达到了预期')).watches).toEqual([]);
    expect((await post('鲜达外卖招聘骑手')).watches).toEqual([]);
    expect((await post('今天天气不错')).watches).toEqual([]);
  });

  it('an edit applies to the next mentions; a stale edit is refused; every version is in the history', async () => {
    const current = (await call('GET', '/api/watches/freshdash', viewer)).body;
    const edit = await call('PUT', `/api/watches/freshdash?version=${current.version}`, admin, { ...freshdash, brands: [{ name: '鲜达外卖', aliases: ['FreshDash', '鲜达', 'xianda'] }] });
    expect(edit.status).toBe(200);
    expect(edit.body.watch.version).toBe(2);
    const stale = await call('PUT', `/api/watches/freshdash?version=${current.version}`, admin, freshdash);
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/changed by admin/);
    await pollUntil('the alias added by the edit', () => post('xianda delivery was fine'), (m) => m.watches?.[0]?.rule === 'xianda', { timeoutMs: 30_000, intervalMs: 200 });
    const history = (await call('GET', '/api/watches/freshdash/history', viewer)).body.history;
    expect(history.map((h: { version: number; action: string; actor: string }) => [h.version, h.action, h.actor])).toEqual([[2, 'update', 'admin'], [1, 'create', 'admin']]);
    expect(history[0].changes).toEqual(['brands']);
  });

  it('search filters by watch; a deleted watch stops matching and its mentions stay searchable', async () => {
    const byWatch = () => call('GET', '/api/mentions/search?watch=freshdash&size=50', analyst);
    const before = await pollUntil('tagged mentions indexed', byWatch, (r) => r.body.total >= 4, { timeoutMs: 30_000 });
    expect(before.body.hits.every((h: EnrichedMention) => h.watches?.some((w) => w.id === 'freshdash'))).toBe(true);
    expect(before.body.aggregations.perWatch.map((b: { key: string }) => b.key)).toContain('freshdash');
    const volume = await call('GET', '/api/volume?hours=1&days=1&watch=freshdash', viewer);
    expect(volume.body.current.total).toBe(before.body.total);
    const none = await call('GET', '/api/mentions/search?watch=_none&size=50', analyst);
    expect(none.body.hits.every((h: EnrichedMention) => !h.watches?.length)).toBe(true);
    expect(none.body.total).toBeGreaterThanOrEqual(3);

    const version = (await call('GET', '/api/watches/freshdash', viewer)).body.version;
    expect((await call('DELETE', `/api/watches/freshdash?version=${version}`, admin)).status).toBe(200);
    await pollUntil('the deleted watch no longer matching', () => post('FreshDash again'), (m) => !m.watches?.some((w) => w.id === 'freshdash'), { timeoutMs: 30_000, intervalMs: 200 });
    expect((await byWatch()).body.total).toBeGreaterThanOrEqual(before.body.total);
    expect((await call('GET', '/api/watches', viewer)).body.watches.map((w: { id: string }) => w.id)).toEqual(['quickgrab']);
    const all = (await call('GET', '/api/watches?includeDeleted=true', viewer)).body.watches;
    expect(all.find((w: { id: string }) => w.id === 'freshdash')).toMatchObject({ deletedBy: 'admin' });
    expect((await call('POST', '/api/watches/freshdash/restore', admin)).body.watch).toMatchObject({ version: version + 2 });
  });

  it('previews a rule over the stored posts before saving: count and examples, re-matched segmentation-aware', async () => {
    expect((await call('POST', '/api/watches/preview', viewer, { watch: { rules: ['鲜达'] } })).status).toBe(403);
    const r = await call('POST', '/api/watches/preview', analyst, { watch: { rules: ['鲜达 -招聘'] }, days: 7, examples: 20 });
    expect(r.status).toBe(200);
    // Elasticsearch's character phrase query also finds 新鲜达到 and the job ad: the re-match drops them.
    expect(r.body.candidates).toBeGreaterThan(r.body.matched);
    expect(r.body.exact).toBe(true);
    expect(r.body.examples.map((e: { mention: { text: string } }) => e.mention.text)).not.toContain('水果很新鲜达到了预期');
    expect(r.body.examples.map((e: { mention: { text: string } }) => e.mention.text)).toEqual(expect.arrayContaining(['快拿外卖比鲜达快', '鲜达外卖的骑手很准时']));
    expect(r.body.total).toBe(r.body.matched);
    const bad = await call('POST', '/api/watches/preview', analyst, { watch: { rules: ['鲜达 AND'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]).toMatchObject({ field: 'rules.0', position: 3 });
  });
});
