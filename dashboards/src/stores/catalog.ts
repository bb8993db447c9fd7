import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { ClusterDetail, ClusterView } from '@vigil/contracts';
import { api, ok, type Answer } from '../api/http';

/** A source with its health and, when managed in the product, its configuration (secrets masked). */
export type SourceRow = Answer<'get', '/api/sources'>['sources'][number];

export type { ClusterDetail, ClusterView };

/**
 * Read-only lists that other processes fill: clusters (detector) and source health (collector).
 * The answers are typed from the api's document and checked against the contracts' types here.
 */
export const useCatalogStore = defineStore('catalog', () => {
  const clusters = ref<ClusterView[]>([]);
  const cluster = ref<ClusterDetail>();
  const sources = ref<SourceRow[]>([]);
  const loaded = ref({ clusters: false, sources: false });
  const error = ref<string>();

  async function guard(fn: () => Promise<void>): Promise<void> {
    error.value = undefined;
    try {
      await fn();
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  const loadClusters = () =>
    guard(async () => {
      clusters.value = (await ok(api.GET('/api/clusters', { params: { query: { size: 150 } } }))).clusters;
      loaded.value.clusters = true;
    });
  const openCluster = (id: string) =>
    guard(async () => {
      cluster.value = undefined;
      cluster.value = await ok(api.GET('/api/clusters/{id}', { params: { path: { id } } }));
    });
  const loadSources = () =>
    guard(async () => {
      sources.value = (await ok(api.GET('/api/sources'))).sources;
      loaded.value.sources = true;
    });

  return { clusters, cluster, sources, loaded, error, loadClusters, openCluster, loadSources };
});
