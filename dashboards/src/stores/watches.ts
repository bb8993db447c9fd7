import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { WatchConfigInput, WatchDoc } from '@vigil/contracts';
import { api, HttpError, ok, type Answer } from '../api/http';

export type WatchPreview = Answer<'post', '/api/watches/preview'>;
export type RuleCheck = Answer<'post', '/api/watches/check-rule'>;
export type TaxonomyPreset = Answer<'get', '/api/watches/taxonomy-presets'>['presets'][number];
export type WatchChange = Answer<'get', '/api/watches/{id}/history'>['history'][number];
/** A problem the api named: the field (`rules.2`) and, for a rule, the character. */
export interface Issue { field: string; message: string; position?: number }

/** The issues of a refused save or preview (400), or none when the error was something else. */
export function issuesOf(e: unknown): Issue[] {
  const body = e instanceof HttpError ? (e.body as { issues?: Issue[] } | undefined) : undefined;
  return Array.isArray(body?.issues) ? body.issues : [];
}

/** Watches: the list, one being edited, and the api's checks and preview. */
export const useWatchesStore = defineStore('watches', () => {
  const watches = ref<WatchDoc[]>([]);
  const presets = ref<TaxonomyPreset[]>([]);
  const loaded = ref(false);
  const error = ref<string>();

  async function load(includeDeleted = false): Promise<void> {
    error.value = undefined;
    try {
      watches.value = (await ok(api.GET('/api/watches', { params: { query: { includeDeleted: includeDeleted ? 'true' : 'false' } } }))).watches as WatchDoc[];
      loaded.value = true;
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  const get = async (id: string) => (await ok(api.GET('/api/watches/{id}', { params: { path: { id } } }))) as WatchDoc;
  const history = async (id: string) => (await ok(api.GET('/api/watches/{id}/history', { params: { path: { id } } }))).history;
  const checkRule = (rule: string): Promise<RuleCheck> => ok(api.POST('/api/watches/check-rule', { body: { rule } }));
  const validate = (config: WatchConfigInput) => ok(api.POST('/api/watches/validate', { body: config as never }));
  const preview = (watch: WatchConfigInput, days = 7): Promise<WatchPreview> => ok(api.POST('/api/watches/preview', { body: { watch: watch as Record<string, unknown>, days, examples: 20 } }));

  async function loadPresets(): Promise<void> {
    if (!presets.value.length) presets.value = (await ok(api.GET('/api/watches/taxonomy-presets'))).presets;
  }

  /** Creates, or saves over `version` (409 when someone saved since). */
  async function save(config: WatchConfigInput, existing?: { version?: number }): Promise<WatchDoc> {
    const r = existing
      ? await ok(api.PUT('/api/watches/{id}', { params: { path: { id: config.id }, query: { version: existing.version } }, body: config as never }))
      : await ok(api.POST('/api/watches', { body: config as never }));
    return r.watch as WatchDoc;
  }

  const remove = async (id: string, version: number) => (await ok(api.DELETE('/api/watches/{id}', { params: { path: { id }, query: { version } } }))).watch as WatchDoc;
  const restore = async (id: string) => (await ok(api.POST('/api/watches/{id}/restore', { params: { path: { id } }, body: {} }))).watch as WatchDoc;

  return { watches, presets, loaded, error, load, get, history, checkRule, validate, preview, loadPresets, save, remove, restore };
});
