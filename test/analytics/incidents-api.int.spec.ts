// Real parts: Elasticsearch and the api module (HTTP) on 127.0.0.1. A cluster, its posts, a
// ticket holding more posts as evidence, and other clusters are seeded as the detector, the
// indexer and the responder write them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentionId, type IncidentView } from '@vigil/contracts';
import { clusterFactory } from '../support/cluster-factory';
import { mentionFactory, seedMentions } from '../support/mention-factory';
import { startApi, type ApiKit } from '../support/api-kit';
import { testEnv } from '../support/test-env';
import { seedTicket } from '../support/ticket-factory';

const t0 = Date.parse('2026-03-02T04:00:00.000Z');
const at = (m: number) => new Date(t0 + m * 60_000).toISOString();
const zh = (tokens: string[]) => ({ language: 'zh' as const, tokens });
const id = (x: string) => mentionId('test-source', x);

describe('api: the incident view of a cluster and of a ticket', () => {
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'admin-password-1', API_JWT_SECRET: 'i'.repeat(40) });
  let api: ApiKit;
  let token: string;
  const get = async (path: string) => {
    const r = await fetch(`${api.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: r.status, body: (await r.json()) as IncidentView };
  };

  beforeAll(async () => {
    api = await startApi(env);
    await seedMentions(api.search, [
      mentionFactory('p1', { publishedAt: at(0), channel: 'forum', author: { id: 'u1', name: '阳光业主', followers: 120 }, text: '阳光花园小区今天中午的外卖全部超时两个小时。' }, zh(['阳光', '外卖', '超时'])),
      mentionFactory('p2', { publishedAt: at(12), channel: 'social', author: { id: 'u2', name: '本地大V', followers: 90_000 }, reach: 250_000, text: '阳光花园这边外卖超时两个多小时，饭都凉了！' }, zh(['阳光', '超时'])),
      mentionFactory('p3', { publishedAt: at(25), channel: 'social', author: { id: 'u3', name: '路人', followers: 15 }, text: '我们小区外卖集体超时，退款申请还被拒绝。' }, zh(['超时', '退款'])),
      mentionFactory('p4', { publishedAt: at(40), channel: 'news', author: { id: 'u4', name: '晚报', followers: 5000 }, reach: 80_000, text: 'FreshDash deliveries to Sunshine Garden were two hours late for dozens of households.' }, { language: 'en', tokens: ['freshdash', 'late'] }),
    ]);
    await api.search.ensureIndices();
    const c = clusterFactory({ id: 'c_storm', label: '阳光花园 外卖 超时', topTerms: ['阳光花园', '外卖', '超时', '退款'], sampleMentionIds: [id('p1'), id('p2')] });
    await api.search.es.index({ index: api.search.names.clusters, id: c.id, document: c });
    const like = clusterFactory({ id: 'c_like', label: '外卖 超时', topTerms: ['外卖', '超时', '凉了'] });
    await api.search.es.index({ index: api.search.names.clusters, id: like.id, document: like });
    const other = clusterFactory({ id: 'c_other', label: '优惠券', topTerms: ['优惠券', '超时'] });
    await api.search.es.index({ index: api.search.names.clusters, id: other.id, document: other, refresh: 'wait_for' });
    await seedTicket(api.search, { id: 'CR-2026-000007', clusterId: 'c_storm', title: '阳光花园外卖集体超时', evidence: { signalIds: ['s1'], mentionIds: [id('p3'), id('p4'), 'f'.repeat(32)], signalCount: 1, maxSize: 4 } });
    token = await api.login('admin', 'admin-password-1');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('a cluster: first post and publisher, spread by channel, top authors by reach, related clusters, a summary in Chinese', async () => {
    const { status, body } = await get('/api/incidents/cluster/c_storm?lang=zh');
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'cluster', id: 'c_storm', named: 5, found: 4, interval: 'minute' });
    expect(body.firstPost).toMatchObject({ id: id('p1'), channel: 'forum', author: { name: '阳光业主' } });
    expect(body.spread.map((b) => [b.total, b.channels])).toEqual([
      [1, { forum: 1 }],
      [1, { social: 1 }],
      [1, { social: 1 }],
      [1, { news: 1 }],
    ]);
    expect(body.topAuthors.map((a) => [a.name, a.reach])).toEqual([
      ['本地大V', 250_000],
      ['晚报', 80_000],
      ['阳光业主', 120],
      ['路人', 15],
    ]);
    // c_like shares 外卖 and 超时; c_other only 超时.
    expect(body.relatedClusters.map((c) => [c.id, c.why])).toEqual([['c_like', '外卖, 超时']]);
    expect(body.summary.language).toBe('zh');
    expect(body.summary.text).toContain('超时');
    expect(body.summary.from.every((m) => [id('p1'), id('p2'), id('p3')].includes(m))).toBe(true);
  });

  it('a ticket: its evidence and its cluster’s posts; the English summary', async () => {
    const { body } = await get('/api/incidents/ticket/CR-2026-000007?lang=en');
    expect(body).toMatchObject({ kind: 'ticket', title: '阳光花园外卖集体超时', named: 5, found: 4 });
    expect(body.summary).toEqual({ language: 'en', text: 'FreshDash deliveries to Sunshine Garden were two hours late for dozens of households.', from: [id('p4')] });
  });

  it('answers 404 for what does not exist and 400 for a bad id or language', async () => {
    expect((await get('/api/incidents/cluster/nope')).status).toBe(404);
    expect((await get('/api/incidents/ticket/CR-2026-999999')).status).toBe(404);
    expect((await get('/api/incidents/ticket/not-a-ticket')).status).toBe(400);
    expect((await get('/api/incidents/cluster/c_storm?lang=fr')).status).toBe(400);
  });
});
