// Real parts: Elasticsearch and the api module (HTTP) on 127.0.0.1. Posts are seeded as the
// indexer writes them; saved searches are made through the api by two people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentionFactory, seedMentions } from '../support/mention-factory';
import { startApi, type ApiKit } from '../support/api-kit';
import { testEnv } from '../support/test-env';

describe('api: saved searches, and the search by watch a page at a time', () => {
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'admin-password-1', API_JWT_SECRET: 's'.repeat(40) });
  let api: ApiKit;
  let admin: string;
  let analyst: string;
  let viewer: string;
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const r = await fetch(`${api.base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> & Record<string, unknown>[] };
  };

  beforeAll(async () => {
    api = await startApi(env);
    admin = await api.login('admin', 'admin-password-1');
    for (const [username, role] of [['li', 'analyst'], ['wang', 'viewer']]) {
      expect((await call('POST', '/api/users', admin, { username, role, password: `${username}-password-1` })).status).toBe(201);
    }
    analyst = await api.login('li', 'li-password-1');
    viewer = await api.login('wang', 'wang-password-1');
    const at = (i: number) => new Date(Date.now() - i * 60_000).toISOString();
    await seedMentions(api.search, [
      ...Array.from({ length: 25 }, (_, i) => mentionFactory(`b${i}`, { publishedAt: at(i), watches: [{ id: 'brand', rule: '', competitor: false }] })),
      ...Array.from({ length: 5 }, (_, i) => mentionFactory(`r${i}`, { publishedAt: at(i), watches: [{ id: 'rival', rule: '', competitor: true }] })),
    ]);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('filters by watch and pages through the matches', async () => {
    const p1 = await call('GET', '/api/mentions/search?watch=brand&size=10&page=1', analyst);
    const p3 = await call('GET', '/api/mentions/search?watch=brand&size=10&page=3', analyst);
    expect(p1.body.total).toBe(25);
    expect((p1.body.hits as unknown as unknown[]).length).toBe(10);
    expect((p3.body.hits as unknown as unknown[]).length).toBe(5);
    expect((await call('GET', '/api/mentions/search?watch=rival', analyst)).body.total).toBe(5);
  });

  it('keeps each person’s saved searches apart', async () => {
    const made = await call('POST', '/api/saved-searches', analyst, { name: '竞品负面', query: { watch: ['rival'], sentiment: ['negative'], sort: 'newest' } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ owner: 'li', name: '竞品负面', query: { watch: ['rival'], sentiment: ['negative'], category: [] } });
    await call('POST', '/api/saved-searches', admin, { name: 'admin’s', query: {} });
    const mine = await call('GET', '/api/saved-searches', analyst);
    expect((mine.body as unknown as { name: string }[]).map((s) => s.name)).toEqual(['竞品负面']);
    // Someone else's is not found, not deleted.
    expect((await call('DELETE', `/api/saved-searches/${made.body.id}`, admin)).status).toBe(404);
    expect((await call('DELETE', `/api/saved-searches/${made.body.id}`, analyst)).body).toEqual({ id: made.body.id, deleted: true });
    expect((await call('GET', '/api/saved-searches', analyst)).body).toEqual([]);
  });

  it('refuses a nameless search, a bad id and a viewer', async () => {
    const bad = await call('POST', '/api/saved-searches', analyst, { name: ' ', query: { sort: 'sideways' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/name/);
    expect(JSON.stringify(bad.body)).toMatch(/sort/);
    expect((await call('DELETE', '/api/saved-searches/NOT_AN_ID', analyst)).status).toBe(400);
    expect((await call('GET', '/api/saved-searches', viewer)).status).toBe(403);
  });
});
