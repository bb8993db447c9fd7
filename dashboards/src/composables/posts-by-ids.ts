import { ref, watch } from 'vue';
import { api, HttpError, ok, type Answer } from '../api/http';

type Post = Answer<'get', '/api/mentions/by-ids'>['mentions'][number];

/** The api's cap per request (`GET /api/mentions/by-ids`). */
export const POSTS_BY_IDS_MAX = 50;

/**
 * The posts behind a list of mention ids (a cluster's samples, a ticket's evidence), refetched
 * when the ids change. A viewer gets `forbidden` (post text needs the analyst role, as search
 * does) so the page can say so instead of showing an error.
 */
export function usePostsByIds(ids: () => string[]) {
  const posts = ref<Post[]>([]);
  const missing = ref<string[]>([]);
  const loading = ref(false);
  const forbidden = ref(false);
  const error = ref<string>();
  let latest = 0;

  async function load(wanted: string[]): Promise<void> {
    const call = ++latest;
    error.value = undefined;
    forbidden.value = false;
    if (!wanted.length) {
      posts.value = [];
      missing.value = [];
      return;
    }
    loading.value = true;
    try {
      const r = await ok(api.GET('/api/mentions/by-ids', { params: { query: { ids: wanted.slice(0, POSTS_BY_IDS_MAX).join(',') } } }));
      if (call !== latest) return; // an answer for ids the page no longer shows
      posts.value = r.mentions;
      missing.value = r.missing;
    } catch (e) {
      if (call !== latest) return;
      posts.value = [];
      missing.value = [];
      if (e instanceof HttpError && e.status === 403) forbidden.value = true;
      else error.value = (e as Error).message;
    } finally {
      if (call === latest) loading.value = false;
    }
  }

  // Keyed on the joined ids: a refetched ticket with the same evidence does not refetch its posts.
  watch(() => ids().join(','), () => load(ids()), { immediate: true });

  return { posts, missing, loading, forbidden, error };
}
