import { defineStore } from 'pinia';
import { api, ok, type Answer } from '../api/http';

export type SourceTestResult = Answer<'post', '/api/sources/test'>;

/** The admin's changes to sources (the list itself is the catalog store's). */
export const useSourcesStore = defineStore('sources', () => {
  const validate = (config: Record<string, unknown>) => ok(api.POST('/api/sources/validate', { body: config as never }));
  const test = (config: Record<string, unknown>): Promise<SourceTestResult> => ok(api.POST('/api/sources/test', { body: config as never }));
  const save = (config: Record<string, unknown>, existing?: { id: string; version?: number }) =>
    existing
      ? ok(api.PUT('/api/sources/{id}', { params: { path: { id: existing.id }, query: { version: existing.version } }, body: config as never }))
      : ok(api.POST('/api/sources', { body: config as never }));
  const pause = (id: string, version?: number) => ok(api.POST('/api/sources/{id}/pause', { params: { path: { id }, query: { version } }, body: {} }));
  const resume = (id: string, version?: number) => ok(api.POST('/api/sources/{id}/resume', { params: { path: { id }, query: { version } }, body: {} }));
  const remove = (id: string, version?: number) => ok(api.DELETE('/api/sources/{id}', { params: { path: { id }, query: { version } } }));
  return { validate, test, save, pause, resume, remove };
});
