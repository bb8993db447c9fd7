import type { StateWithoutClusters } from './detector-state.repository';

/**
 * A partition's share of the single-instance state of earlier versions (document `detector`),
 * so an upgrade keeps the learnt baselines instead of every watch warming up again for days:
 * the burst baselines, closed clusters and storm keys of the watches that live on the partition
 * (`onPartition`); the seen set and term statistics whole (they are not kept per watch, and an
 * entry for another partition's post is never looked up here). Pure.
 */
export function partitionShare(legacy: StateWithoutClusters, onPartition: (watchId: string) => boolean): StateWithoutClusters {
  // Version 1 snapshots carry no baselines or storm keys: nothing to split.
  if (!legacy.volume) return legacy;
  const keys = legacy.volume.keys.filter((k) => onPartition(k.watchId));
  const kept = new Set(keys.map((k) => k.key));
  const incidents = legacy.incidents && {
    ...legacy.incidents,
    burstOwner: legacy.incidents.burstOwner.filter(([volumeKey]) => kept.has(volumeKey)),
    watchIncident: legacy.incidents.watchIncident.filter(([watchId]) => onPartition(watchId)),
  };
  return { ...legacy, volume: { ...legacy.volume, keys }, closed: (legacy.closed ?? []).filter((e) => onPartition(e.watchId)), incidents };
}
