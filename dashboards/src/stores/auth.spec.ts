import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { fakeApi, reply } from '../test-support/fake-api';
import { useAuthStore } from './auth';

const session = (role: string, expiresInMs: number, token = 't1') => ({ token, expiresAt: new Date(Date.now() + expiresInMs).toISOString(), user: { username: 'li', role } });

describe('auth store: the token in memory, the session in an httpOnly cookie (issue 20, item 8)', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    localStorage.clear();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('signs in, keeps nothing in localStorage, and answers role checks by rank', async () => {
    const calls = fakeApi(() => session('responder', 15 * 60_000, 'secret-token'));
    const auth = useAuthStore();
    expect(await auth.login('li', 'pw')).toBe(true);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/auth/login']);
    expect(auth.signedIn).toBe(true);
    expect([auth.can('viewer'), auth.can('analyst'), auth.can('responder'), auth.can('admin')]).toEqual([true, true, true, false]);
    expect(JSON.stringify({ ...localStorage })).not.toContain('secret-token');
    expect(localStorage.length).toBe(0);
  });

  it('restores a page load from the session cookie (a refresh), and removes the token older versions stored', async () => {
    localStorage.setItem('vigil.session', JSON.stringify(session('admin', 60_000, 'old-token')));
    const calls = fakeApi((c) => (c.url === '/api/auth/refresh' ? session('analyst', 15 * 60_000) : reply(404)));
    const auth = useAuthStore();
    await auth.restore();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/auth/refresh']);
    expect(auth.user).toEqual({ username: 'li', role: 'analyst' });
    expect(localStorage.getItem('vigil.session')).toBeNull();
  });

  it('stays signed out when the session has ended, and shows the server’s reason for a refused sign-in', async () => {
    fakeApi((c) => (c.url === '/api/auth/refresh' ? reply(401, { message: 'sign in again (session ended)' }) : reply(429, { message: 'too many failed sign-ins for this account: try again in 60 s' })));
    const auth = useAuthStore();
    await auth.restore();
    expect(auth.signedIn).toBe(false);
    expect(await auth.login('li', 'wrong')).toBe(false);
    expect(auth.error).toBe('too many failed sign-ins for this account: try again in 60 s');
  });

  it('renews the token a minute before it expires, and signs out on the server too', async () => {
    vi.useFakeTimers();
    let n = 0;
    const calls = fakeApi((c) => (c.url === '/api/auth/logout' ? { signedOut: true } : session('viewer', 2 * 60_000, `t${++n}`)));
    const auth = useAuthStore();
    await auth.login('li', 'pw');
    expect(auth.token).toBe('t1');
    await vi.advanceTimersByTimeAsync(61_000);
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/login', '/api/auth/refresh']);
    expect(auth.token).toBe('t2');
    await auth.logout();
    expect(auth.signedIn).toBe(false);
    expect(calls.at(-1)).toMatchObject({ method: 'POST', url: '/api/auth/logout' });
  });

  it('shows the sign-in form only once the server ended the session (its answer clears the cookie a new sign-in would set)', async () => {
    let answerLogout!: () => void;
    fakeApi((c) => (c.url === '/api/auth/logout' ? new Promise((r) => (answerLogout = () => r({ signedOut: true }))) : session('viewer', 15 * 60_000)));
    const auth = useAuthStore();
    await auth.login('li', 'pw');
    const out = auth.logout();
    await vi.waitFor(() => expect(answerLogout).toBeTypeOf('function'));
    expect(auth.signedIn).toBe(true);
    answerLogout();
    await out;
    expect(auth.signedIn).toBe(false);
  });
});
