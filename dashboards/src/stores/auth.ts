import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { api, ok, type Answer } from '../api/http';

/** What a sign-in or a refresh answers: the access token, when it expires, who it is for. */
type Session = Answer<'post', '/api/auth/login'>;
export type Role = Session['user']['role'];
const ORDER: Role[] = ['viewer', 'analyst', 'responder', 'admin'];
/** Where earlier versions kept the token: removed on start, nothing is stored there any more. */
const LEGACY_KEY = 'vigil.session';
/** Renew this long before the token expires. */
const RENEW_BEFORE_MS = 60_000;

/**
 * The signed-in user. The access token lives in memory only (no script-readable storage): a new
 * tab or a reload gets one from the session cookie, which is httpOnly, so no script — ours or
 * an injected one — can read it. The token is renewed a minute before it expires; a 401 tries one
 * renewal before signing out (the user may have been disabled, or the session ended).
 */
export const useAuthStore = defineStore('auth', () => {
  const session = ref<Session>();
  const error = ref<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let renewing: Promise<boolean> | undefined;

  const token = computed(() => session.value?.token);
  const user = computed(() => session.value?.user);
  const signedIn = computed(() => !!session.value && Date.parse(session.value.expiresAt) > Date.now());
  const can = (need: Role) => !!user.value && ORDER.indexOf(user.value.role) >= ORDER.indexOf(need);

  function adopt(s: Session | undefined): void {
    session.value = s;
    clearTimeout(timer);
    if (s) timer = setTimeout(() => void renew(), Math.max(5_000, Date.parse(s.expiresAt) - Date.now() - RENEW_BEFORE_MS));
  }

  /** A new token from the session cookie; false (and signed out) when the session has ended. Concurrent calls share one request. */
  function renew(): Promise<boolean> {
    renewing ??= (async () => {
      try {
        adopt(await ok(api.POST('/api/auth/refresh')));
        return true;
      } catch {
        adopt(undefined);
        return false;
      } finally {
        renewing = undefined;
      }
    })();
    return renewing;
  }

  /** At page load: pick up the session this browser already has, if any. */
  async function restore(storage: Storage | undefined = globalThis.localStorage): Promise<void> {
    storage?.removeItem(LEGACY_KEY);
    await renew();
  }

  async function login(username: string, password: string): Promise<boolean> {
    error.value = undefined;
    try {
      adopt(await ok(api.POST('/api/auth/login', { body: { username, password } })));
      return true;
    } catch (e) {
      error.value = (e as Error).message;
      return false;
    }
  }

  /**
   * Ends the session on the server too (its cookie), so the next reload does not sign in again.
   * The sign-in form shows only once the server answered: its answer clears the cookie, and
   * arriving after a quick new sign-in it would clear that one's.
   */
  async function logout(): Promise<void> {
    await api.POST('/api/auth/logout').catch(() => undefined);
    adopt(undefined);
  }

  return { session, error, token, user, signedIn, can, restore, renew, login, logout };
});
