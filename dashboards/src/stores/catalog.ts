import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { ClusterDetail, ClusterView, SourceHealth } from '@vigil/contracts';
import { api, ok } from '../api/http';

export type { ClusterDetail, ClusterView };

/**
 * Read-only lists that other processes fill: clusters (detector) and source health (collector).
 * The answers are typed from the api's document and checked against the contracts' types here.
 */
export const useCatalogStore = defineStore('catalog', () => {
  const clusters = ref<ClusterView[]>([]);
  const cluster = ref<ClusterDetail>();
  const sources = ref<SourceHealth[]>([]);
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
