import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useAuthStore } from './auth';

const session = (role: string, expiresInMs: number) => ({ token: 't', expiresAt: new Date(Date.now() + expiresInMs).toISOString(), user: { username: 'li', role } });

describe('auth store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    localStorage.clear();
  });

  it('hydrates a saved session and answers role checks by rank', () => {
    localStorage.setItem('vigil.session', JSON.stringify(session('responder', 60_000)));
    const auth = useAuthStore();
    auth.hydrate();
    expect(auth.signedIn).toBe(true);
    expect([auth.can('viewer'), auth.can('analyst'), auth.can('responder'), auth.can('admin')]).toEqual([true, true, true, false]);
  });

  it('ignores an expired or broken session, and logout forgets it', () => {
    localStorage.setItem('vigil.session', JSON.stringify(session('admin', -1)));
    const auth = useAuthStore();
    auth.hydrate();
    expect(auth.signedIn).toBe(false);
    localStorage.setItem('vigil.session', '{nope');
    auth.hydrate();
    expect(localStorage.getItem('vigil.session')).toBeNull();
    auth.session = session('admin', 60_000) as never;
    auth.dehydrate();
    auth.logout();
    expect(localStorage.getItem('vigil.session')).toBeNull();
  });
});
