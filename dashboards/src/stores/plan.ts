import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { YamlIssue } from '@vigil/contracts';
import { api, ok, type Answer } from '../api/http';

export type PublishedPlan = Answer<'get', '/api/plan'>;
export type PlanVersion = Answer<'get', '/api/plan/versions'>['versions'][number];

/**
 * Where an edit stands. `checking`: sent, the api checks it; `invalid`: the api refused it,
 * nothing was sent; `conflict`: the plan changed since the editor opened; `waiting`: the
 * responder decides; `accepted` / `refused`: it decided; `unchanged`: the text is the plan.
 */
export type EditState = 'idle' | 'checking' | 'invalid' | 'conflict' | 'waiting' | 'accepted' | 'refused' | 'unchanged' | 'timeout';

/** How long to wait for the responder's decision, looking once a second. */
const DECISION_WAIT_MS = 30_000;
const LOOK_EVERY_MS = 1_000;

/**
 * The plan the responder runs (read by responders and analysts) and the admin's edit of it.
 * An edit goes to the api, which checks it at once (errors by line and field); then the
 * responder decides, and the outcome shows in the published plan by the edit's request id.
 */
export const usePlanStore = defineStore('plan', () => {
  const plan = ref<PublishedPlan>();
  const versions = ref<PlanVersion[]>([]);
  const error = ref<string>();
  const edit = ref<{ state: EditState; errors: YamlIssue[]; message?: string; requestId?: string }>({ state: 'idle', errors: [] });

  async function load(): Promise<void> {
    error.value = undefined;
    try {
      plan.value = await ok(api.GET('/api/plan'));
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  /** The audit trail, read when it is looked at (it is searched, so a change shows about a second after it). */
  async function loadVersions(): Promise<void> {
    try {
      versions.value = (await ok(api.GET('/api/plan/versions', { params: { query: { size: 20 } } }))).versions;
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  /** Sends the admin's text; resolves when the api refused it, or when the responder decided (or did not within 30 s). */
  async function save(text: string, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<EditState> {
    const base = plan.value;
    if (!base) return edit.value.state;
    edit.value = { state: 'checking', errors: [] };
    const { data, error: refused, response } = await api.PUT('/api/plan', { body: { text, baseHash: base.hash } });
    if (response.status === 400 && refused && 'errors' in refused) {
      edit.value = { state: 'invalid', errors: refused.errors, message: refused.message };
      return 'invalid';
    }
    if (response.status === 409 && refused) {
      edit.value = { state: 'conflict', errors: [], message: refused.message };
      return 'conflict';
    }
    if (!data) {
      edit.value = { state: 'idle', errors: [], message: `HTTP ${response.status}` };
      throw new Error(`HTTP ${response.status}`);
    }
    if (data.status === 'unchanged' || !data.requestId) {
      edit.value = { state: 'unchanged', errors: [] };
      return 'unchanged';
    }
    const requestId = data.requestId;
    edit.value = { state: 'waiting', errors: [], requestId };
    for (let waited = 0; waited < DECISION_WAIT_MS; waited += LOOK_EVERY_MS) {
      await sleep(LOOK_EVERY_MS);
      const now = await ok(api.GET('/api/plan'));
      if (now.source.requestId === requestId) {
        plan.value = now;
        edit.value = { state: 'accepted', errors: [], requestId };
        await load();
        return 'accepted';
      }
      if (now.lastRefused?.source.requestId === requestId) {
        plan.value = now;
        edit.value = { state: 'refused', errors: now.lastRefused.errors, requestId };
        await load();
        return 'refused';
      }
    }
    edit.value = { state: 'timeout', errors: [], requestId };
    return 'timeout';
  }

  function resetEdit(): void {
    edit.value = { state: 'idle', errors: [] };
  }

  return { plan, versions, error, edit, load, loadVersions, save, resetEdit };
});
