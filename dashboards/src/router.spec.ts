import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, type RouteRecordRaw } from 'vue-router';
import { createAppRouter, routes, safeRedirect } from './router';
import { useAuthStore, type Role } from './stores/auth';

const signIn = (role: Role) => {
  useAuthStore().session = { token: 't', expiresAt: new Date(Date.now() + 60_000).toISOString(), user: { username: 'li', role } };
};

// The real paths, meta and guard; the pages themselves are not loaded (compiling them all is slow and says nothing here).
const Page = { render: () => null };
const stubbed = routes.map((r): RouteRecordRaw => (r.component ? { path: r.path, name: r.name, meta: r.meta, props: r.props, component: Page } : r));

async function land(path: string) {
  const router = createAppRouter(createMemoryHistory(), stubbed);
  await router.push(path);
  const r = router.currentRoute.value;
  return { name: r.name, params: r.params, query: r.query };
}

describe('router', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps every URL the hash router knew', async () => {
    signIn('viewer');
    expect(await land('/')).toMatchObject({ name: 'live' });
    expect(await land('/live')).toMatchObject({ name: 'live' });
    expect(await land('/board')).toMatchObject({ name: 'board' });
    expect(await land('/tickets')).toMatchObject({ name: 'board' });
    expect(await land('/tickets/CR-2026-000001')).toMatchObject({ name: 'ticket', params: { id: 'CR-2026-000001' } });
    expect(await land('/clusters')).toMatchObject({ name: 'clusters' });
    expect(await land('/clusters/c_0123%3Aab')).toMatchObject({ name: 'cluster', params: { id: 'c_0123:ab' } });
    expect(await land('/sources')).toMatchObject({ name: 'sources' });
    expect(await land('/no/such/page')).toMatchObject({ name: 'live' });
    // Signed in, the sign-in page goes where it was asked to, or to the live page.
    expect(await land('/login')).toMatchObject({ name: 'live' });
    expect(await land('/login?redirect=/board')).toMatchObject({ name: 'board' });
  });

  it('sends a signed-out visitor to the sign-in page, remembering the deep link', async () => {
    expect(await land('/tickets/CR-2026-000001')).toEqual({ name: 'login', params: {}, query: { redirect: '/tickets/CR-2026-000001' } });
    expect(await land('/')).toEqual({ name: 'login', params: {}, query: {} });
    const expired = useAuthStore();
    expired.session = { token: 't', expiresAt: new Date(Date.now() - 1).toISOString(), user: { username: 'li', role: 'admin' } };
    expect(await land('/board')).toMatchObject({ name: 'login', query: { redirect: '/board' } });
  });

  it('lets a role open only the pages its meta allows', async () => {
    signIn('viewer');
    expect(await land('/search')).toEqual({ name: 'forbidden', params: {}, query: { need: 'analyst', page: 'search' } });
    signIn('analyst');
    expect(await land('/search')).toMatchObject({ name: 'search' });
    expect(await land('/users')).toEqual({ name: 'forbidden', params: {}, query: { need: 'admin', page: 'users' } });
    signIn('admin');
    expect(await land('/users')).toMatchObject({ name: 'users' });
  });

  it('returns after sign-in only to a path inside the app', () => {
    expect(safeRedirect('/tickets/CR-2026-000001')).toBe('/tickets/CR-2026-000001');
    for (const bad of ['//evil.example/x', 'https://evil.example', 'javascript:alert(1)', undefined, ['/board']]) expect(safeRedirect(bad)).toBe('/live');
  });
});
