import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { api, ok, type Answer } from '../api/http';

/** What a sign-in answers: the token, when it expires, who it is for. */
type Session = Answer<'post', '/api/auth/login'>;
export type Role = Session['user']['role'];
const ORDER: Role[] = ['viewer', 'analyst', 'responder', 'admin'];
const KEY = 'vigil.session';

export const useAuthStore = defineStore('auth', () => {
  const session = ref<Session>();
  const error = ref<string>();

  const token = computed(() => session.value?.token);
  const user = computed(() => session.value?.user);
  const signedIn = computed(() => !!session.value && Date.parse(session.value.expiresAt) > Date.now());
  const can = (need: Role) => !!user.value && ORDER.indexOf(user.value.role) >= ORDER.indexOf(need);

  /** Read back a session saved by an earlier page load, if it has not expired. */
  function hydrate(storage: Storage = localStorage): void {
    try {
      const s = JSON.parse(storage.getItem(KEY) ?? 'null') as Session | null;
      if (s && Date.parse(s.expiresAt) > Date.now()) session.value = s;
    } catch {
      storage.removeItem(KEY);
    }
  }

  function dehydrate(storage: Storage = localStorage): void {
    if (session.value) storage.setItem(KEY, JSON.stringify(session.value));
    else storage.removeItem(KEY);
  }

  async function login(username: string, password: string): Promise<boolean> {
    error.value = undefined;
    try {
      session.value = await ok(api.POST('/api/auth/login', { body: { username, password } }));
      dehydrate();
      return true;
    } catch (e) {
      error.value = (e as Error).message;
      return false;
    }
  }

  function logout(): void {
    session.value = undefined;
    dehydrate();
  }

  return { session, error, token, user, signedIn, can, hydrate, dehydrate, login, logout };
});
