// Real parts: Elasticsearch, Kafka and the api module over HTTP on 127.0.0.1. Nothing is mocked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiKit } from '../support/api-kit';
import { mentionFactory, seedMentions } from '../support/mention-factory';
import { testEnv } from '../support/test-env';

describe('api: security headers, JSON-only bodies, no Elasticsearch text in errors (issue 20, items 8 and 9)', () => {
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'hardening-admin-pw', API_JWT_SECRET: 'h'.repeat(40) });
  let api: ApiKit;
  let token: string;

  beforeAll(async () => {
    api = await startApi(env);
    token = await api.login('admin', 'hardening-admin-pw');
    // A mention index must exist for Elasticsearch to judge the query at all.
    await seedMentions(api.search, [mentionFactory('h1')]);
  });
  afterAll(async () => api?.close());

  it('sends CSP, frame and sniffing protection on the dashboard and the api, and no X-Powered-By', async () => {
    for (const path of ['/', '/api/auth/me', '/health']) {
      const r = await fetch(`${api.base}${path}`);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src-attr 'none'");
      expect(csp, path).toContain("style-src-elem 'self';");
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('x-powered-by'), path).toBeNull();
    }
    // Swagger UI needs its inline bootstrap, on its own path only.
    expect((await fetch(`${api.base}/api/docs`)).headers.get('content-security-policy')).toContain("script-src 'self' 'unsafe-inline'");
  });

  it('refuses a form-urlencoded or text body with 415 before parsing it', async () => {
    const form = await fetch(`${api.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=admin&password=hardening-admin-pw' });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ statusCode: 415, message: expect.stringMatching(/application\/json/) });
    const text = await fetch(`${api.base}/api/users`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, body: '{"username":"x","role":"admin"}' });
    expect(text.status).toBe(415);
    const json = await fetch(`${api.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ username: 'admin', password: 'hardening-admin-pw' }) });
    expect(json.status).toBe(200);
  });

  it('answers paging past 10,000 results and an unknown time zone with a 400 naming the field, not Elasticsearch’s text', async () => {
    for (const [query, field] of [['page=101&size=100', 'page'], ['tz=Mars/Olympus_Mons', 'tz']] as const) {
      const r = await api.get(`/api/mentions/search?${query}`, token);
      expect(r.status, query).toBe(400);
      expect(r.body.issues, query).toEqual([expect.objectContaining({ field })]);
      expect(JSON.stringify(r.body), query).not.toMatch(/exception|result window|elasticsearch|index\.max/i);
    }
  });
});
