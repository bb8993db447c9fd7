import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createI18n } from 'vue-i18n';
import type { ApiKeyDoc, AuditEntry, UserView } from '@vigil/contracts';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { useAuthStore } from '../stores/auth';
import { fakeApi, reply, type FakeCall } from '../test-support/fake-api';

const at = '2026-12-06T10:00:00.000Z';
let users: UserView[] = [];
let keys: (ApiKeyDoc & { id: string })[] = [];
const audit: AuditEntry[] = [{ id: 'a1', at, kind: 'sign_in_failed', actor: 'mallory', address: '203.0.113.7', detail: 'wrong password' }];

function server(c: FakeCall) {
  if (c.method === 'GET' && c.url === '/api/users') return users;
  if (c.method === 'GET' && c.url === '/api/api-keys') return keys;
  if (c.method === 'GET' && c.url.startsWith('/api/audit')) return { total: audit.length, entries: audit };
  if (c.method === 'PATCH' && c.url === '/api/users/admin') return reply(409, { message: 'you cannot disable, demote or delete yourself: ask another admin' });
  if (c.method === 'PATCH') {
    users = users.map((u) => (u.username === 'vera' ? { ...u, ...(c.body as object) } : u));
    return users.find((u) => u.username === 'vera');
  }
  if (c.method === 'DELETE' && c.url.startsWith('/api/api-keys/')) {
    keys = keys.map((k) => ({ ...k, revoked: true, revokedBy: 'admin' }));
    return { id: keys[0].id, name: keys[0].name, revoked: true };
  }
  if (c.method === 'POST' && c.url === '/api/api-keys') return { key: 'vgk_once', id: 'f'.repeat(64), hint: 'vgk_once' };
  return reply(404);
}

const UsersPage = (await import('./UsersPage.vue')).default;

async function mountAs(locale: 'en' | 'zh-CN') {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore().session = { token: 't', expiresAt: new Date(Date.now() + 60_000).toISOString(), user: { username: 'admin', role: 'admin' } };
  const w = mount(UsersPage, { global: { plugins: [pinia, createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } })] } });
  await flushPromises();
  return w;
}

describe('UsersPage (issue 20: disable users and revoke keys from the dashboard)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('disables a user with one button, and shows the change the server made', async () => {
    users = [
      { username: 'admin', role: 'admin', createdAt: at },
      { username: 'vera', role: 'analyst', createdAt: at },
    ];
    keys = [];
    const calls = fakeApi(server);
    const w = await mountAs('en');
    // No buttons against yourself: the server would refuse them anyway.
    expect(w.find('[data-user=admin] [data-test=user-disable]').exists()).toBe(false);
    await w.find('[data-user=vera] [data-test=user-disable]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ url: '/api/users/vera', body: { disabled: true } });
    expect(w.find('[data-user=vera]').text()).toContain('disabled');
    expect(w.find('[data-user=vera] [data-test=user-enable]').exists()).toBe(true);
    expect(w.find('[data-test=audit]').text()).toContain('sign-in failed');
  });

  it('revokes a key after a confirmation, and shows a new key once', async () => {
    users = [{ username: 'admin', role: 'admin', createdAt: at }];
    keys = [{ id: 'a'.repeat(64), name: 'etl', role: 'analyst', hint: 'vgk_abcdef', createdAt: at, createdBy: 'admin' }];
    const calls = fakeApi(server);
    vi.stubGlobal('confirm', () => true);
    const w = await mountAs('zh-CN');
    await w.find('[data-key=etl] [data-test=key-revoke]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.method === 'DELETE')).toMatchObject({ url: `/api/api-keys/${'a'.repeat(64)}` });
    expect(w.find('[data-key=etl]').text()).toContain('已由 admin 吊销');
    await w.find('input[name=new-key]').setValue('bot');
    await w.findAll('form.add')[1].trigger('submit');
    await flushPromises();
    expect(w.find('[data-test=new-key]').text()).toContain('vgk_once');
  });

  it('shows the server’s refusal in words', async () => {
    users = [{ username: 'admin', role: 'admin', createdAt: at }];
    keys = [];
    fakeApi(server);
    const w = await mountAs('en');
    const { useAdminStore } = await import('../stores/admin');
    await useAdminStore().setDisabled('admin', true);
    await flushPromises();
    expect(w.find('[data-test=admin-error]').text()).toContain('you cannot disable, demote or delete yourself');
  });
});
