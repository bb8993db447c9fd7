import { reactive, ref } from 'vue';
import { defineStore } from 'pinia';
import { api, ok, type Answer } from '../api/http';

export type SearchResult = Answer<'get', '/api/mentions/search'>;
export type SavedSearch = Answer<'get', '/api/saved-searches'>[number];

export interface SearchForm {
  q: string;
  from: string;
  to: string;
  sentiment: string[];
  channel: string[];
  language: string[];
  category: string[];
  place: string[];
  riskCue: string[];
  /** Watch ids; `_none` for mentions of no watch. */
  watch: string[];
  sort: 'newest' | 'oldest' | 'relevance';
  interval: 'hour' | 'day';
}

export const PAGE_SIZE = 20;
const emptyForm = (): SearchForm => ({ q: '', from: '', to: '', sentiment: [], channel: [], language: [], category: [], place: [], riskCue: [], watch: [], sort: 'newest', interval: 'day' });

export const useSearchStore = defineStore('search', () => {
  const form = reactive<SearchForm>(emptyForm());
  const result = ref<SearchResult>();
  const page = ref(1);
  const loading = ref(false);
  const error = ref<string>();
  const saved = ref<SavedSearch[]>([]);

  // Empty fields are left out: the api reads an absent filter as "any".
  const filters = () => {
    const some = (xs: string[]) => (xs.length ? xs : undefined);
    return {
      q: form.q.trim() || undefined,
      from: form.from || undefined,
      to: form.to || undefined,
      sentiment: some(form.sentiment),
      channel: some(form.channel),
      language: some(form.language),
      category: some(form.category),
      place: some(form.place),
      riskCue: some(form.riskCue),
      watch: some(form.watch),
    };
  };

  /** The first page of a new search, or another page of the same one. */
  async function run(toPage = 1): Promise<void> {
    loading.value = true;
    error.value = undefined;
    try {
      result.value = await ok(
        api.GET('/api/mentions/search', { params: { query: { ...filters(), sort: form.sort, page: toPage, size: PAGE_SIZE, interval: form.interval, tz: Intl.DateTimeFormat().resolvedOptions().timeZone } } }),
      );
      page.value = toPage;
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      loading.value = false;
    }
  }

  /** Downloads through fetch, because a plain link cannot carry the bearer token. */
  async function exportCsv(): Promise<void> {
    try {
      const blob = await ok(api.GET('/api/mentions/export.csv', { params: { query: filters() }, parseAs: 'blob' }));
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `vigil-mentions-${new Date().toISOString().slice(0, 10)}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  async function loadSaved(): Promise<void> {
    try {
      saved.value = await ok(api.GET('/api/saved-searches'));
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  async function save(name: string): Promise<void> {
    const { interval: _interval, ...query } = form;
    try {
      await ok(api.POST('/api/saved-searches', { body: { name, query: { ...query, q: query.q || undefined, from: query.from || undefined, to: query.to || undefined } } }));
      await loadSaved();
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  async function apply(s: SavedSearch): Promise<void> {
    Object.assign(form, emptyForm(), { ...s.query, q: s.query.q ?? '', from: s.query.from ?? '', to: s.query.to ?? '' });
    await run(1);
  }

  async function remove(id: string): Promise<void> {
    try {
      await ok(api.DELETE('/api/saved-searches/{id}', { params: { path: { id } } }));
      saved.value = saved.value.filter((s) => s.id !== id);
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  /** A post changed (an analyst corrected it): shown at once, without running the search again. */
  function replaceHit(m: SearchResult['hits'][number]): void {
    const hits = result.value?.hits;
    const i = hits?.findIndex((h) => h.id === m.id) ?? -1;
    if (hits && i >= 0) hits[i] = { ...m, highlight: hits[i]!.highlight };
  }

  function reset(): void {
    Object.assign(form, emptyForm());
    result.value = undefined;
    page.value = 1;
  }

  return { form, result, page, loading, error, saved, run, exportCsv, replaceHit, loadSaved, save, apply, remove, reset };
});
