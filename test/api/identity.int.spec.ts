// Real parts: Elasticsearch, Kafka, two api instances over HTTP and socket.io on 127.0.0.1 (sharing
// one Elasticsearch, as a deployment with several api instances does), the cli's user and key
// commands against the same Elasticsearch. Nothing is mocked.
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, LiveError } from '@vigil/contracts';
import { LiveGateway } from '../../apps/api/src/live/live.gateway';
import { runKeysRevoke } from '../../apps/cli/src/users/api-keys.command';
import { runAudit } from '../../apps/cli/src/users/audit.command';
import { runUsersAdd } from '../../apps/cli/src/users/users-add.command';
import { runUsersSetDisabled } from '../../apps/cli/src/users/users-admin.command';
import { startApi, type ApiKit } from '../support/api-kit';
import { pollUntil, testEnv } from '../support/test-env';

interface Answer {
  status: number;
  body: Record<string, unknown> & { token?: string };
  cookie?: string;
  setCookie: string | null;
  headers: Headers;
}

describe('identity: disabling, deleting, revoking, sessions in an httpOnly cookie, throttled sign-ins, the audit log (issue 20, items 6 and 7)', () => {
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'identity-admin-pw', API_JWT_SECRET: 'i'.repeat(40), API_USER_CHECK_SECONDS: '2', VIGIL_ACTOR: 'tester' });
  let a: ApiKit;
  let b: ApiKit;
  let admin: string;
  const sockets: Socket[] = [];

  const call = async (api: ApiKit, method: string, path: string, opts: { token?: string; key?: string; body?: unknown; cookie?: string } = {}): Promise<Answer> => {
    const r = await fetch(`${api.base}${path}`, {
      method,
      headers: {
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.key ? { 'x-api-key': opts.key } : {}),
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await r.text();
    const setCookie = r.headers.get('set-cookie');
    return { status: r.status, body: text ? JSON.parse(text) : {}, setCookie, cookie: setCookie?.split(';')[0], headers: r.headers };
  };
  const signIn = (api: ApiKit, username: string, password: string) => call(api, 'POST', '/api/auth/login', { body: { username, password } });

  beforeAll(async () => {
    a = await startApi(env);
    b = await startApi(env);
    admin = (await signIn(a, 'admin', 'identity-admin-pw')).body.token!;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await a?.close();
    await b?.close();
  });

  it('gives a short-lived access token in the body and the session only in an httpOnly, SameSite=Strict cookie', async () => {
    const r = await signIn(a, 'admin', 'identity-admin-pw');
    expect(r.status).toBe(200);
    const minutes = (Date.parse(String(r.body.expiresAt)) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(r.setCookie).toMatch(/^vigil_session=[\w-]+\.[\w-]+; Max-Age=43200; Path=\/api\/auth; Expires=.*; HttpOnly; SameSite=Strict$/);
    expect(JSON.stringify(r.body)).not.toContain(r.cookie!.split('=')[1]);
  });

  it('renews the token from the cookie and rotates it; a cookie shown again after two rotations ends the session', async () => {
    const first = await signIn(a, 'admin', 'identity-admin-pw');
    const second = await call(a, 'POST', '/api/auth/refresh', { cookie: first.cookie });
    expect(second.status).toBe(200);
    expect((await call(a, 'GET', '/api/auth/me', { token: second.body.token })).body).toMatchObject({ name: 'admin', role: 'admin' });
    expect(second.cookie).not.toBe(first.cookie);
    // Two tabs refreshing at once: the cookie just replaced still works within the grace.
    const third = await call(a, 'POST', '/api/auth/refresh', { cookie: first.cookie });
    expect(third.status).toBe(200);
    // The first cookie is now two rotations old: a copy of it is a stolen cookie.
    const theft = await call(a, 'POST', '/api/auth/refresh', { cookie: first.cookie });
    expect(theft.status).toBe(401);
    expect((await call(a, 'POST', '/api/auth/refresh', { cookie: third.cookie })).status).toBe(401);
    expect((await call(a, 'POST', '/api/auth/refresh')).status).toBe(401);
    // Sign-out ends the session and clears the cookie.
    const fresh = await signIn(a, 'admin', 'identity-admin-pw');
    const out = await call(a, 'POST', '/api/auth/logout', { cookie: fresh.cookie });
    expect(out.body).toEqual({ signedOut: true });
    expect(out.setCookie).toMatch(/^vigil_session=;/);
    expect((await call(a, 'POST', '/api/auth/refresh', { cookie: fresh.cookie })).status).toBe(401);
  });

  it("a deleted admin's token stops working on every api instance within a minute, and cannot create an admin", async () => {
    expect((await call(a, 'POST', '/api/users', { token: admin, body: { username: 'mallory', role: 'admin', password: 'mallory-pass-1' } })).status).toBe(201);
    const mallory = (await signIn(a, 'mallory', 'mallory-pass-1')).body.token!;
    // Instance b has checked mallory and caches the answer.
    expect((await call(b, 'GET', '/api/users', { token: mallory })).status).toBe(200);
    expect((await call(a, 'DELETE', '/api/users/mallory', { token: admin })).body).toEqual({ username: 'mallory', deleted: true });
    expect((await call(a, 'GET', '/api/users', { token: mallory })).status).toBe(401);
    const started = Date.now();
    await pollUntil('b refuses the token', async () => (await call(b, 'GET', '/api/users', { token: mallory })).status, (s) => s === 401, { timeoutMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect((await call(b, 'POST', '/api/users', { token: mallory, body: { username: 'mallory2', role: 'admin', password: 'mallory-pass-2' } })).status).toBe(401);
  });

  it('disables and enables a user from the dashboard API: tokens, sessions and sockets stop; an old token stays dead after enabling', async () => {
    expect((await call(a, 'POST', '/api/users', { token: admin, body: { username: 'vera', role: 'analyst', password: 'vera-pass-123' } })).status).toBe(201);
    const login = await signIn(a, 'vera', 'vera-pass-123');
    const vera = login.body.token!;
    const socket = io(a.base, { path: '/socket.io', transports: ['websocket'], auth: { token: vera }, reconnection: false });
    sockets.push(socket);
    const errors: LiveError[] = [];
    socket.on('live:error', (e) => errors.push(e));
    await new Promise<void>((r) => socket.on('connect', () => r()));

    const patched = await call(a, 'PATCH', '/api/users/vera', { token: admin, body: { disabled: true } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ username: 'vera', disabled: true });
    expect(patched.body).not.toHaveProperty('passwordHash');
    expect((await call(a, 'GET', '/api/mentions/search', { token: vera })).status).toBe(401);
    expect((await signIn(a, 'vera', 'vera-pass-123')).body).toMatchObject({ statusCode: 403, message: expect.stringMatching(/disabled/) });
    expect((await call(a, 'POST', '/api/auth/refresh', { cookie: login.cookie })).status).toBe(401);
    await a.app.get(LiveGateway).recheck();
    await pollUntil('the socket is told and closed', async () => ({ errors: errors.length, connected: socket.connected }), (s) => s.errors === 1 && !s.connected, { timeoutMs: 5_000 });
    expect(errors[0]).toMatchObject({ code: 'unauthenticated' });

    expect((await call(a, 'PATCH', '/api/users/vera', { token: admin, body: { disabled: false } })).status).toBe(200);
    expect((await call(a, 'GET', '/api/auth/me', { token: vera })).status).toBe(401);
    const again = (await signIn(a, 'vera', 'vera-pass-123')).body.token!;
    expect((await call(a, 'GET', '/api/auth/me', { token: again })).body).toMatchObject({ name: 'vera', role: 'analyst' });
  });

  it('refuses to disable, demote or delete the last admin, or yourself', async () => {
    expect((await call(a, 'PATCH', '/api/users/admin', { token: admin, body: { disabled: true } })).body).toMatchObject({ statusCode: 409, message: expect.stringMatching(/yourself/) });
    expect((await call(a, 'DELETE', '/api/users/admin', { token: admin })).status).toBe(409);
    expect((await call(a, 'DELETE', '/api/users/nobody', { token: admin })).status).toBe(404);
    expect((await call(a, 'PATCH', '/api/users/vera', { token: admin, body: { role: 'boss' } })).status).toBe(400);
  });

  it('disables a user from the cli: the running api refuses their token within a minute', async () => {
    const out: string[] = [];
    expect(await runUsersAdd('carl', { role: 'viewer' }, (l) => out.push(l), { ...env, VIGIL_USER_PASSWORD: 'carl-pass-123' })).toBe(0);
    const carl = (await signIn(a, 'carl', 'carl-pass-123')).body.token!;
    expect((await call(a, 'GET', '/api/tickets', { token: carl })).status).toBe(200);
    expect(await runUsersSetDisabled('carl', true, (l) => out.push(l), env)).toBe(0);
    await pollUntil('carl refused', async () => (await call(a, 'GET', '/api/tickets', { token: carl })).status, (s) => s === 401, { timeoutMs: 60_000 });
    expect(await runUsersSetDisabled('nobody', true, (l) => out.push(l), env)).toBe(1);
  });

  it('revokes API keys from the dashboard API and from the cli: the next request fails', async () => {
    const made = await call(a, 'POST', '/api/api-keys', { token: admin, body: { name: 'etl', role: 'analyst' } });
    const key = String(made.body.key);
    expect((await call(a, 'GET', '/api/mentions/search', { key })).status).toBe(200);
    const list = await call(a, 'GET', '/api/api-keys', { token: admin });
    expect(JSON.stringify(list.body)).not.toContain(key);
    expect((await call(a, 'DELETE', `/api/api-keys/${String(made.body.id)}`, { token: admin })).body).toMatchObject({ name: 'etl', revoked: true });
    expect((await call(a, 'GET', '/api/mentions/search', { key })).status).toBe(401);

    const other = await call(a, 'POST', '/api/api-keys', { token: admin, body: { name: 'bot', role: 'viewer' } });
    expect((await call(b, 'GET', '/api/tickets', { key: String(other.body.key) })).status).toBe(200);
    const out: string[] = [];
    expect(await runKeysRevoke(String(other.body.id).slice(0, 12), (l) => out.push(l), env)).toBe(0);
    expect(out.join('')).toMatch(/revoked API key "bot"/);
    expect((await call(b, 'GET', '/api/tickets', { key: String(other.body.key) })).status).toBe(401);
  });

  it('throttles sign-ins per account with a clear 429, the right password included', async () => {
    await call(a, 'POST', '/api/users', { token: admin, body: { username: 'tess', role: 'viewer', password: 'tess-pass-123' } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await signIn(b, 'tess', `wrong-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const right = await signIn(b, 'tess', 'tess-pass-123');
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({ scope: 'account', message: expect.stringMatching(/^too many failed sign-ins for this account: try again in \d+ s$/) });
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('throttles one address guessing across many names', async () => {
    // The test's address already failed 5 times above (tess): 15 more names and it is locked.
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) statuses.push((await signIn(b, `guess-${i}`, 'x')).status);
    expect(statuses).toEqual([...Array(15).fill(401), 429]);
    const last = await signIn(b, 'admin', 'identity-admin-pw');
    expect(last.status).toBe(429);
    expect(last.body).toMatchObject({ scope: 'address', message: expect.stringMatching(/for your address/) });
    // Instance a keeps its own count (per process, see docs/security.md): the admin still gets in there.
    expect((await signIn(a, 'admin', 'identity-admin-pw')).status).toBe(200);
  });

  it('keeps an audit log of sign-ins and admin actions that admins (only) can read, from the api and the cli', async () => {
    const r = await pollUntil('the audit entries', async () => (await call(a, 'GET', '/api/audit?size=100', { token: admin })).body as { total: number; entries: AuditEntry[] }, (x) => x.entries.some((e) => e.kind === 'sign_in_throttled'));
    const kinds = new Set(r.entries.map((e) => e.kind));
    for (const k of ['sign_in', 'sign_in_failed', 'sign_in_throttled', 'sign_out', 'session_reuse', 'user_created', 'user_disabled', 'user_enabled', 'user_deleted', 'api_key_created', 'api_key_revoked']) expect(kinds, k).toContain(k);
    expect(r.entries.find((e) => e.kind === 'user_deleted')).toMatchObject({ actor: 'admin', target: 'mallory' });
    expect(r.entries.find((e) => e.kind === 'user_disabled' && e.target === 'carl')).toMatchObject({ actor: 'cli:tester' });
    expect(r.entries.find((e) => e.kind === 'sign_in_failed')).toMatchObject({ address: expect.stringMatching(/127\.0\.0\.1/) });
    const filtered = (await call(a, 'GET', '/api/audit?kind=api_key_revoked', { token: admin })).body as { entries: AuditEntry[] };
    expect(filtered.entries.map((e) => e.kind)).toEqual(['api_key_revoked', 'api_key_revoked']);
    const vera = (await signIn(a, 'vera', 'vera-pass-123')).body.token!;
    expect((await call(a, 'GET', '/api/audit', { token: vera })).status).toBe(403);
    const out: string[] = [];
    expect(await runAudit({ limit: '100', kind: 'user_deleted' }, (l) => out.push(l), env)).toBe(0);
    expect(out.join('')).toMatch(/user_deleted\s+admin → mallory/);
  });
});
