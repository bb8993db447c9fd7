import { describe, expect, it } from 'vitest';
import { api, configureHttp, HttpError, ok } from './http';
import { fakeApi, reply } from '../test-support/fake-api';

describe('the typed api client', () => {
  it('sends the bearer token, fills path and query parameters, and hands back the answer', async () => {
    const calls = fakeApi(() => ({ ticket: { id: 'CR-2026-000001' }, events: [] }));
    configureHttp({ token: () => 'tok', unauthorized: () => undefined });
    const d = await ok(api.GET('/api/tickets/{id}', { params: { path: { id: 'CR-2026-000001' } } }));
    await ok(api.GET('/api/tickets', { params: { query: { state: ['open', 'acknowledged'], size: 10 } } }));
    expect(d.ticket.id).toBe('CR-2026-000001');
    expect(calls.map((c) => c.authorization)).toEqual(['Bearer tok', 'Bearer tok']);
    expect(calls.map((c) => c.url)).toEqual(['/api/tickets/CR-2026-000001', '/api/tickets?state=open&state=acknowledged&size=10']);
  });

  it('turns a refusal into an HttpError with the server’s message, and a 401 into a sign-out', async () => {
    let signedOut = 0;
    configureHttp({ token: () => 'expired', unauthorized: () => signedOut++ });
    fakeApi((c) => (c.url.startsWith('/api/volume') ? reply(401, { message: 'token expired' }) : reply(400, { message: 'invalid request', issues: [{ field: 'size', message: 'too big' }] })));
    const e = await ok(api.GET('/api/clusters', { params: { query: { size: 9999 } } })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HttpError);
    expect(e).toMatchObject({ status: 400, message: 'invalid request', body: { issues: [{ field: 'size' }] } });
    expect(signedOut).toBe(0);
    await expect(ok(api.GET('/api/volume'))).rejects.toMatchObject({ status: 401, message: 'token expired' });
    expect(signedOut).toBe(1);
  });
});
