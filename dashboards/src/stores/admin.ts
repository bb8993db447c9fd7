import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { ApiKeyDoc, AuditEntry, Role, UserView } from '@vigil/contracts';
import { api, ok } from '../api/http';

export type KeyView = ApiKeyDoc & { id: string };

/**
 * The admin's view of people and machines: users (disable, enable, role, delete, add), API keys
 * (create, shown once; revoke) and the latest audit entries. Every change reloads the lists, so
 * what the page shows is what the server holds; a refusal (the last admin, yourself) is the
 * server's message.
 */
export const useAdminStore = defineStore('admin', () => {
  const users = ref<UserView[]>([]);
  const keys = ref<KeyView[]>([]);
  const audit = ref<AuditEntry[]>([]);
  const loaded = ref(false);
  const error = ref<string>();
  /** A key just created: shown once, then gone with the next reload of the page. */
  const newKey = ref<{ name: string; key: string }>();
  /** A password the server generated for a user just added: shown once. */
  const newPassword = ref<{ username: string; password: string }>();

  async function guard(fn: () => Promise<void>): Promise<boolean> {
    error.value = undefined;
    try {
      await fn();
      return true;
    } catch (e) {
      error.value = (e as Error).message;
      return false;
    } finally {
      await load().catch(() => undefined);
    }
  }

  async function load(): Promise<void> {
    const [u, k, a] = await Promise.all([ok(api.GET('/api/users')), ok(api.GET('/api/api-keys')), ok(api.GET('/api/audit', { params: { query: { size: 30 } } }))]);
    users.value = u;
    keys.value = k;
    audit.value = a.entries;
    loaded.value = true;
  }

  const init = () => guard(async () => undefined);
  const setDisabled = (username: string, disabled: boolean) => guard(async () => void (await ok(api.PATCH('/api/users/{username}', { params: { path: { username } }, body: { disabled } }))));
  const setRole = (username: string, role: Role) => guard(async () => void (await ok(api.PATCH('/api/users/{username}', { params: { path: { username } }, body: { role } }))));
  const remove = (username: string) => guard(async () => void (await ok(api.DELETE('/api/users/{username}', { params: { path: { username } } }))));
  const addUser = (username: string, role: Role) =>
    guard(async () => {
      const r = await ok(api.POST('/api/users', { body: { username, role } }));
      if (r.generatedPassword) newPassword.value = { username: r.username, password: r.generatedPassword };
    });
  const createKey = (name: string, role: Role) =>
    guard(async () => {
      const r = await ok(api.POST('/api/api-keys', { body: { name, role } }));
      newKey.value = { name, key: r.key };
    });
  const revokeKey = (id: string) => guard(async () => void (await ok(api.DELETE('/api/api-keys/{id}', { params: { path: { id } } }))));

  return { users, keys, audit, loaded, error, newKey, newPassword, init, setDisabled, setRole, remove, addUser, createKey, revokeKey };
});
