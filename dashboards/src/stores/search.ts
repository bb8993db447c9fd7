import { reactive, ref } from 'vue';
import { defineStore } from 'pinia';
import type { EnrichedMention } from '@vigil/contracts';
import { getJson, queryString, request } from '../api/http';

export interface Bucket {
  key: string;
  count: number;
}
export interface SearchResult {
  total: number;
  hits: EnrichedMention[];
  aggregations: {
    timeline: { key: string; negative: number; neutral: number; positive: number }[];
    perChannel: Bucket[];
    perCategory: Bucket[];
    topTerms: Bucket[];
    topPlaces: Bucket[];
    perSentiment: Bucket[];
  };
}

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

  const params = (extra: Record<string, string | number> = {}) =>
    queryString({ q: form.q.trim(), from: form.from || undefined, to: form.to || undefined, sentiment: form.sentiment, channel: form.channel, language: form.language, ...extra });

  async function run(): Promise<void> {
    loading.value = true;
    error.value = undefined;
    try {
      result.value = await getJson<SearchResult>(`/api/mentions/search${params({ size: 50, interval: form.interval, tz: Intl.DateTimeFormat().resolvedOptions().timeZone })}`);
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      loading.value = false;
    }
  }

  /** Downloads through fetch, because a plain link cannot carry the bearer token. */
  async function exportCsv(): Promise<void> {
    try {
      const blob = await (await request(`/api/mentions/export.csv${params()}`)).blob();
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
