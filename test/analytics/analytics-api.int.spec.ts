// Real parts: Elasticsearch and the api module (HTTP) on 127.0.0.1. Mentions and tickets are
// seeded as the indexer and the responder write them; the figures are read over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionOverview, TicketKpiReport, TicketsBehind } from '@vigil/contracts';
import { mentionFactory, seedMentions } from '../support/mention-factory';
import { startApi, type ApiKit } from '../support/api-kit';
import { testEnv } from '../support/test-env';
import { seedTicket } from '../support/ticket-factory';

const week = { from: '2026-03-01T16:00:00.000Z', to: '2026-03-08T16:00:00.000Z' };
const inWeek = (day: number) => new Date(Date.parse(week.from) + day * 86_400_000 + 3_600_000).toISOString();
const before = (day: number) => new Date(Date.parse(week.from) - day * 86_400_000).toISOString();
const neg = (tokens: string[], places: string[] = []) => ({
  tokens,
  sentiment: { score: -0.8, label: 'negative' as const, confidence: 0.9 },
  entities: { orderIds: [], money: [], places: places.map((name) => ({ name, kind: 'city' as const })), products: [], piiKinds: [] },
});
const pos = { tokens: ['鲜达', '好吃'], sentiment: { score: 0.8, label: 'positive' as const, confidence: 0.9 } };
const brand = [{ id: 'freshdash', rule: 'FreshDash', competitor: false }];
const rival = [{ id: 'rival', rule: 'Rival', competitor: true }];

describe('api: analytics', () => {
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'admin-password-1', API_JWT_SECRET: 'a'.repeat(40) });
  let api: ApiKit;
  let token: string;
  const get = async <T>(path: string) => {
    const r = await fetch(`${api.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: r.status, body: (await r.json()) as T };
  };

  beforeAll(async () => {
    api = await startApi(env);
    await seedMentions(api.search, [
      mentionFactory('a', { publishedAt: inWeek(0), watches: brand }, neg(['鲜达', '退款', '拒绝'], ['深圳', '广州'])),
      mentionFactory('b', { publishedAt: inWeek(1), watches: brand }, neg(['鲜达', '退款', '超时'], ['深圳'])),
      mentionFactory('c', { publishedAt: inWeek(2), watches: brand }, neg(['鲜达', '超时'], ['上海', 'Seattle'])),
      mentionFactory('d', { publishedAt: inWeek(3), watches: brand }, pos),
      mentionFactory('e', { publishedAt: inWeek(3), watches: rival }, neg(['对手', '超时'])),
      mentionFactory('f', { publishedAt: inWeek(4), watches: rival }, { ...pos, tokens: ['对手'] }),
      // The week before: one negative post about refunds.
      mentionFactory('g', { publishedAt: before(2), watches: brand }, neg(['鲜达', '退款'])),
    ]);
    await api.search.ensureIndices();
    await seedTicket(api.search, { id: 'CR-2026-000001', openedAt: inWeek(0), level: 'important', analytics: { watchIds: ['freshdash'], categories: ['refund'], channels: ['review'], places: [], teams: ['crisis_core'], repeat: false, sla: { acknowledge: 'met' }, escalations: 0, ladderEscalations: 0, ackMinutes: 12, firstAcknowledgedAt: inWeek(0) } });
    await seedTicket(api.search, { id: 'CR-2026-000002', openedAt: inWeek(1), level: 'urgent', analytics: { watchIds: ['freshdash'], categories: ['delivery'], channels: ['social'], places: [], teams: ['crisis_core'], repeat: true, sla: { acknowledge: 'breached' }, escalations: 1, ladderEscalations: 1, ackMinutes: 40, firstAcknowledgedAt: inWeek(1) } });
    token = await api.login('admin', 'admin-password-1');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('posts: places by province and country, hot words against the week before, share of voice', async () => {
    const { status, body } = await get<MentionOverview>(`/api/analytics/mentions?from=${week.from}&to=${week.to}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ mentions: 6, negative: 4 });
    expect(body.regions.zh).toEqual([
      { name: '广东', count: 3, parts: [{ name: '深圳', count: 2 }, { name: '广州', count: 1 }] },
      { name: '上海', count: 1, parts: [{ name: '上海', count: 1 }] },
    ]);
    expect(body.regions.en).toEqual([{ name: 'United States', count: 1, parts: [{ name: 'Washington', count: 1 }] }]);
    // 鲜达 is in 4 of the 6 posts: it names the brand, not the complaint.
    expect(body.ubiquitous).toEqual(['鲜达']);
    // Four negative posts are far under the sample size: every one is read, the counts are exact.
    expect(body.hotWordsSample).toEqual({ probability: 1, posts: 4 });
    expect(body.hotWords.slice(0, 2)).toEqual([
      { term: '超时', count: 3, previous: 0 },
      { term: '退款', count: 2, previous: 1 },
    ]);
    expect(body.shareOfVoice).toEqual([
      { watchId: 'freshdash', competitor: false, total: 4, negative: 3, neutral: 0, positive: 1, share: 0.6667 },
      { watchId: 'rival', competitor: true, total: 2, negative: 1, neutral: 0, positive: 1, share: 0.3333 },
    ]);
  });

  it('posts filtered by watch', async () => {
    const { body } = await get<MentionOverview>(`/api/analytics/mentions?from=${week.from}&to=${week.to}&watch=rival`);
    expect(body).toMatchObject({ mentions: 2, negative: 1 });
  });

  it('ticket figures with groups, and the tickets behind one', async () => {
    const { status, body } = await get<TicketKpiReport>(`/api/analytics/tickets?from=${week.from}&to=${week.to}&tz=Asia/Shanghai&groupBy=level`);
    expect(status).toBe(200);
    expect(body.current).toMatchObject({ volume: 2, repeat: { count: 1, of: 2 }, sla: { of: 2, count: 1, rate: 0.5 }, acknowledge: { count: 2, p50: 26 } });
    expect(body.groups.map((g) => [g.key, g.values.volume])).toEqual([
      ['important', 1],
      ['urgent', 1],
    ]);
    const behind = await get<TicketsBehind>(`/api/analytics/tickets/behind?from=${week.from}&to=${week.to}&kpi=sla&slice=breached&watch=freshdash`);
    expect(behind.body.tickets.map((t) => t.id)).toEqual(['CR-2026-000002']);
    const dims = await get<Record<string, string[]>>('/api/analytics/dimensions');
    expect(dims.body).toMatchObject({ watch: ['freshdash'], team: ['crisis_core'], level: ['important', 'urgent'] });
  });

  it('refuses bad input with the field named, and strangers', async () => {
    const bad = await get<{ message: string }>(`/api/analytics/tickets?from=${week.to}&to=${week.from}&level=huge&tz=Mars/Olympus`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/level/);
    expect(JSON.stringify(bad.body)).toMatch(/tz/);
    const cause = await get(`/api/analytics/tickets?from=${week.from}&to=${week.to}&rootCause=system,nonsense`);
    expect(cause.status).toBe(400);
    expect(JSON.stringify(cause.body)).toMatch(/rootCause/);
    const long = await get(`/api/analytics/tickets?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=day`);
    expect(long.status).toBe(400);
    const order = await get(`/api/analytics/mentions?from=${week.to}&to=${week.from}`);
    expect(order.status).toBe(400);
    const r = await fetch(`${api.base}/api/analytics/tickets`);
    expect(r.status).toBe(401);
  });
});
