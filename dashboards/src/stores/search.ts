import { reactive, ref } from 'vue';
import { defineStore } from 'pinia';
import { api, ok, type Answer } from '../api/http';

export type SearchResult = Answer<'get', '/api/mentions/search'>;

export interface SearchForm {
  q: string;
  from: string;
  to: string;
  sentiment: string[];
  channel: string[];
  language: string[];
  interval: 'hour' | 'day';
}

const emptyForm = (): SearchForm => ({ q: '', from: '', to: '', sentiment: [], channel: [], language: [], interval: 'day' });

export const useSearchStore = defineStore('search', () => {
  const form = reactive<SearchForm>(emptyForm());
  const result = ref<SearchResult>();
  const loading = ref(false);
  const error = ref<string>();

  // Empty fields are left out: the api reads an absent filter as "any".
  const filters = () => {
    const some = (xs: string[]) => (xs.length ? xs : undefined);
    return { q: form.q.trim() || undefined, from: form.from || undefined, to: form.to || undefined, sentiment: some(form.sentiment), channel: some(form.channel), language: some(form.language) };
  };

  async function run(): Promise<void> {
    loading.value = true;
    error.value = undefined;
    try {
      result.value = await ok(api.GET('/api/mentions/search', { params: { query: { ...filters(), size: 50, interval: form.interval, tz: Intl.DateTimeFormat().resolvedOptions().timeZone } } }));
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

  function reset(): void {
    Object.assign(form, emptyForm());
    result.value = undefined;
  }

  return { form, result, loading, error, run, exportCsv, reset };
});
