// Real parts: Elasticsearch and the api module (HTTP) on 127.0.0.1; Kafka only as the api's
// infrastructure. Nothing is mocked; mentions are seeded in Elasticsearch as the indexer
// writes them (PII already masked by the processor).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiKit } from '../support/api-kit';
import { mentionFactory, seedMentions } from '../support/mention-factory';
import { testEnv } from '../support/test-env';

const MASKED = '客服电话 138****5678 打了十次没人接，退款还没到';

describe('api: mentions by ids', () => {
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'admin-password-1', API_JWT_SECRET: 'i'.repeat(40) });
  let api: ApiKit;
  let base: string;
  let admin: string;
  const older = mentionFactory('older', { text: MASKED, channel: 'review', author: { name: 'wang***' }, publishedAt: new Date(Date.now() - 3_600_000).toISOString() }, { entities: { orderIds: [], money: [], places: [], products: [], piiKinds: ['phone'] } });
  const newer = mentionFactory('newer', { text: 'FreshDash refund rejected again' });
  // Another month: the alias spans monthly indices, so both must be found.
  const lastYear = mentionFactory('last-year', { text: 'an old complaint', publishedAt: '2025-01-15T08:00:00.000Z' });

  const get = (path: string, token?: string) => api.get(path, token);
  const login = (username: string, password: string) => api.login(username, password);

  beforeAll(async () => {
    api = await startApi(env);
    base = api.base;
    await seedMentions(api.search, [older, newer, lastYear]);
    admin = await login('admin', 'admin-password-1');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('refuses the unauthenticated with 401 and a viewer with 403 (post text needs the analyst role, as search does)', async () => {
    expect((await get(`/api/mentions/by-ids?ids=${older.id}`)).status).toBe(401);
    const created = await fetch(`${base}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ username: 'vera', role: 'viewer', password: 'viewer-pass-1' }) });
    expect(created.status).toBe(201);
    expect((await get(`/api/mentions/by-ids?ids=${older.id}`, await login('vera', 'viewer-pass-1'))).status).toBe(403);
  });

  it('answers 400 naming the field for a bad id, no ids, or more than 50', async () => {
    const bad = await get(`/api/mentions/by-ids?ids=${older.id},not-an-id`, admin);
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ field: 'ids.1', message: expect.stringContaining('32 hex') })]);
    expect((await get(`/api/mentions/by-ids?ids=${'A'.repeat(32)}`, admin)).status).toBe(400);
    expect((await get('/api/mentions/by-ids', admin)).status).toBe(400);
    expect((await get('/api/mentions/by-ids?ids=', admin)).status).toBe(400);
    const many = Array.from({ length: 51 }, (_, i) => i.toString(16).padStart(32, '0')).join(',');
    expect((await get(`/api/mentions/by-ids?ids=${many}`, admin)).status).toBe(400);
  });

  it('returns the posts in the order asked for, across monthly indices, with masked text, and lists the ids it did not find', async () => {
    const unknown = 'f'.repeat(32);
    const r = await get(`/api/mentions/by-ids?ids=${newer.id},${unknown},${lastYear.id},${older.id},${newer.id}`, admin);
    expect(r.status).toBe(200);
    const mentions = r.body.mentions as { id: string; text: string; author?: { name: string }; channel: string }[];
    expect(mentions.map((m) => m.id)).toEqual([newer.id, lastYear.id, older.id]);
    expect(mentions[2]).toMatchObject({ text: MASKED, channel: 'review', author: { name: 'wang***' } });
    expect(mentions[2].text).not.toMatch(/1[3-9]\d{9}/);
    expect(r.body.missing).toEqual([unknown]);
    // Repeated `ids` parameters work too.
    const repeated = await get(`/api/mentions/by-ids?ids=${older.id}&ids=${newer.id}`, admin);
    expect((repeated.body.mentions as { id: string }[]).map((m) => m.id)).toEqual([older.id, newer.id]);
  });
});
