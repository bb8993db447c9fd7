import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { ClusterDoc, SourceHealth } from '@vigil/contracts';
import { getJson } from '../api/http';

export type ClusterView = Omit<ClusterDoc, 'state'>;
/** One cluster as `GET /api/clusters/:id` answers: plus the event times of its most recent posts. */
export type ClusterDetail = ClusterView & { recentTimes: number[] };

/** Read-only lists that other processes fill: clusters (detector) and source health (collector). */
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
      clusters.value = (await getJson<{ clusters: ClusterView[] }>('/api/clusters?size=150')).clusters;
      loaded.value.clusters = true;
    });
  const openCluster = (id: string) =>
    guard(async () => {
      cluster.value = undefined;
      cluster.value = await getJson<ClusterDetail>(`/api/clusters/${encodeURIComponent(id)}`);
    });
  const loadSources = () =>
    guard(async () => {
      sources.value = (await getJson<{ sources: SourceHealth[] }>('/api/sources')).sources;
      loaded.value.sources = true;
    });

  return { clusters, cluster, sources, loaded, error, loadClusters, openCluster, loadSources };
});
